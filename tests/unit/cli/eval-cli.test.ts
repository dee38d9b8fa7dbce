import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function evalCli(args: string[]) {
  return spawnSync('npx', ['tsx', 'src/cli/eval.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

describe('eval command', () => {
  it('prints the score table for the fixture corpus and passes the CI minimums', () => {
    const result = evalCli(['tests/fixtures/articles', '--min-relevance', '1', '--min-place-recall', '0.95', '--min-tactic-f1', '0.85']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/relevance precision\s+100\.0%/);
    expect(result.stdout).toMatch(/place recall\s+\d+\.\d%/);
    expect(result.stdout).toMatch(/tactic F1 \(micro\)\s+\d\.\d{3}/);
  });

  it('exits non-zero and lists the miss when a score is below a minimum', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    writeFileSync(join(dir, 'a.txt'), 'A man from Ely was called by a fake detective who asked for his PIN.');
    writeFileSync(join(dir, 'gold.json'), JSON.stringify({ items: [{ file: 'a.txt', relevant: true, places: ['Ely', 'Soham'], tactics: ['pin-request'] }] }));
    const result = evalCli([dir, '--min-place-recall', '0.95']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('a.txt: places missed: Soham');
    expect(result.stderr).toContain('place recall 50.0% < 95.0%');
  });

  it('names the field when gold.json is malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    writeFileSync(join(dir, 'gold.json'), JSON.stringify({ items: [{ file: 'a.txt' }] }));
    const result = evalCli([dir]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('items[0].relevant');
  });
});
