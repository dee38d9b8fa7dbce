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

  it('scores impersonated as categories and fails below the impersonated, counts and place-precision floors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    writeFileSync(join(dir, 'a.txt'), 'A man from Ely was called by a fake detective from the Met who asked for his PIN. He lost £500.');
    const item = { file: 'a.txt', relevant: true, places: ['Ely'], tactics: ['pin-request'], counts: { lossGBP: 900 } };
    writeFileSync(join(dir, 'gold.json'), JSON.stringify({ items: [{ ...item, impersonated: ['police'] }] }));
    const passing = evalCli([dir, '--min-impersonated', '1', '--min-place-precision', '1']);
    expect(passing.stdout).toMatch(/impersonated agreement\s+100\.0%/);
    expect(passing.status).toBe(0);
    const failing = evalCli([dir, '--min-counts', '0.5']);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain('counts agreement 0.0% < 50.0%');
    writeFileSync(join(dir, 'gold.json'), JSON.stringify({ items: [{ ...item, impersonated: ['bank'] }] }));
    const wrongCategory = evalCli([dir, '--min-impersonated', '0.9']);
    expect(wrongCategory.status).toBe(1);
    expect(wrongCategory.stdout).toContain('a.txt: impersonated ["police"], gold ["bank"]');
  });

  it('refuses a gold file that gives impersonated as names, and an unknown option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    writeFileSync(join(dir, 'a.txt'), 'Nothing here.');
    writeFileSync(join(dir, 'gold.json'), JSON.stringify({ items: [{ file: 'a.txt', relevant: true, impersonated: ['Metropolitan Police'] }] }));
    const names = evalCli([dir]);
    expect(names.status).toBe(2);
    expect(names.stderr).toContain('items[0].impersonated: "Metropolitan Police" is not one of police, bank, hmrc, other-official');
    const typo = evalCli([dir, '--min-place-precison', '0.9']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('unknown option --min-place-precison');
  });
});
