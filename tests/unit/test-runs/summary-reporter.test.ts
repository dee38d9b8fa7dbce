/**
 * The suite's last line is what a person (or CI log reader) trusts: run vitest with the project's summary reporter
 * on small fixture projects written to a temp dir, and read that line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const reporter = join(root, 'tests/summary-reporter.ts');
const dirs: string[] = [];

/** Writes `files` (name → source; tests use vitest's globals) to a temp dir and runs vitest there; returns stdout's summary line and the exit code. */
function runFixture(files: Record<string, string>): { line: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'kinwatch-summary-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'vitest.config.mjs'), `export default { test: { globals: true, include: ['*.test.mjs'], reporters: [${JSON.stringify(reporter)}] } };\n`);
  for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, name), source);
  const run = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', NO_COLOR: '1' },
    timeout: 120_000,
  });
  const line = run.stdout.split('\n').find((text) => text.startsWith('tests: '));
  if (!line) throw new Error(`no summary line; stdout: ${run.stdout.slice(-2000)} stderr: ${run.stderr.slice(-2000)}`);
  return { line, status: run.status };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the test run summary line', () => {
  it('counts a failed test, failed hooks, a file that did not load and an error outside tests, and the run exits non-zero', { timeout: 150_000 }, () => {
    const { line, status } = runFixture({
      'pass.test.mjs': "it('passes', () => {});\n",
      'fail.test.mjs': "it('fails', () => { throw new Error('boom'); });\nit('passes too', () => {});\n",
      'before-all.test.mjs': "describe('suite', () => {\n  beforeAll(() => { throw new Error('hook'); });\n  it('a', () => {});\n  it('b', () => {});\n});\n",
      'after-all.test.mjs': "afterAll(() => { throw new Error('after'); });\nit('c', () => {});\n",
      'broken.test.mjs': "throw new Error('cannot load');\n",
    });
    expect(status).not.toBe(0);
    expect(line).toBe('tests: 3 passed, 4 failed (1 test, 2 hooks, 1 file that did not load), 2 skipped; files: 4 of 5 failed');
  });

  it('never says "0 failed" when only a hook failed', { timeout: 150_000 }, () => {
    const { line, status } = runFixture({
      'hook-only.test.mjs': "describe('relay', () => {\n  beforeAll(() => { throw new Error('relay did not start'); });\n  it('syncs', () => {});\n});\n",
    });
    expect(status).not.toBe(0);
    expect(line).toBe('tests: 0 passed, 1 failed (1 hook), 1 skipped; files: 1 of 1 failed');
  });

  it('counts an error thrown outside any test', { timeout: 150_000 }, () => {
    const { line, status } = runFixture({
      'unhandled.test.mjs': "it('starts something it does not wait for', () => { setTimeout(() => { throw new Error('late'); }, 0); });\nit('waits', () => new Promise((resolve) => setTimeout(resolve, 50)));\n",
    });
    expect(status).not.toBe(0);
    expect(line).toMatch(/^tests: 2 passed, 1 failed \(1 error outside tests\), 0 skipped; files: \d of 1 failed$/);
  });

  it('says 0 failed only when everything passed', { timeout: 150_000 }, () => {
    const { line, status } = runFixture({ 'pass.test.mjs': "it('passes', () => {});\nit.skip('later', () => {});\n" });
    expect(status).toBe(0);
    expect(line).toBe('tests: 1 passed, 0 failed, 1 skipped; files: 0 of 1 failed');
  });
});
