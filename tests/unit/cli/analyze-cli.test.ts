import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixtures = join(root, 'tests/fixtures/articles');

function analyze(args: string[], input?: string) {
  const result = spawnSync('npx', ['tsx', 'src/cli/analyze.ts', ...args], { cwd: root, encoding: 'utf8', input, timeout: 60_000 });
  const lines = result.stdout.split('\n').filter((line) => line.trim().startsWith('{'));
  return { status: result.status, stderr: result.stderr, objects: lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('analyze command', () => {
  it('prints one JSON object per file with the contract fields', () => {
    const files = ['p02-gold-bars-bromley.txt', 'n01-burglary-jewellery.txt'].map((name) => join(fixtures, name));
    const { status, objects } = analyze(files);
    expect(status).toBe(0);
    expect(objects).toHaveLength(2);
    expect(Object.keys(objects[0]!)).toEqual(['file', 'relevant', 'score', 'tactics', 'impersonated', 'places', 'counts']);
    expect(objects[0]).toMatchObject({ file: files[0], relevant: true, places: ['Bromley'], impersonated: ['police'] });
    expect(objects[0]!.tactics).toContain('high-value-purchase');
    expect(objects[1]).toMatchObject({ relevant: false });
  });

  it('keeps to the line shape: impersonated as categories, counts with only reports, targeted, victims and lossGBP', () => {
    const text =
      'North Wales Police has had 14 reports in three days of calls from a man claiming to be DC Evans from the Met. Two people handed their cards to a taxi driver and lost £3,000.';
    const { objects } = analyze(['-'], text);
    expect(objects[0]).toMatchObject({ impersonated: ['police'], counts: { reports: 14, victims: 2, lossGBP: 3000 } });
    expect(Object.keys(objects[0]!.counts as object).every((key) => ['reports', 'targeted', 'victims', 'lossGBP'].includes(key))).toBe(true);
    expect(objects[0]).not.toHaveProperty('claimedAs');
  });

  it('reads stdin for "-" and strips HTML files to text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    const html = join(dir, 'story.html');
    writeFileSync(
      html,
      '<html><head><script>var x = "posing as police";</script></head><body><h1>Warning</h1><p>A woman from Ipswich was called by a man posing as a police officer &amp; asked for her PIN.</p><ul><li>Never give your PIN to anyone.</li></ul></body></html>',
    );
    const fromFile = analyze([html]);
    expect(fromFile.objects[0]).toMatchObject({ relevant: true, places: ['Ipswich'], tactics: ['pin-request'] });
    const fromStdin = analyze(['-'], 'Fraudsters posing as bank staff persuaded a man in Hull to transfer £4,000 to a safe account.');
    expect(fromStdin.objects[0]).toMatchObject({ file: '-', relevant: true, tactics: ['bank-transfer'], counts: { lossGBP: 4000 } });
  });

  it('reports a missing file on stderr, exits non-zero and still prints the others', () => {
    const { status, stderr, objects } = analyze(['no-such-article.txt', join(fixtures, 'p01-safe-account-colchester.txt')]);
    expect(status).not.toBe(0);
    expect(stderr).toContain('cannot read no-such-article.txt');
    expect(objects).toHaveLength(1);
    expect(objects[0]).toMatchObject({ relevant: true, places: ['Colchester'] });
  });
});
