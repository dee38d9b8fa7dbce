/**
 * `.ci/run` removes what it creates even when a step fails: here the install step fails (an `npm` that always
 * fails comes first on PATH) after the throwaway PostgreSQL cluster has started. Needs root and Debian's
 * postgresql package, as CI has.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const canRun =
  process.getuid?.() === 0 && spawnSync('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/postgres && command -v chromium']).status === 0;

const fakeBin = mkdtempSync(join(tmpdir(), 'kinwatch-fake-npm-'));
afterAll(() => rmSync(fakeBin, { recursive: true, force: true }));

describe('.ci/run', () => {
  it.skipIf(!canRun)('stops its PostgreSQL cluster and removes its work folder when a step fails', { timeout: 180_000 }, () => {
    writeFileSync(join(fakeBin, 'npm'), '#!/bin/sh\necho "npm $*: failing on purpose" >&2\nexit 1\n');
    chmodSync(join(fakeBin, 'npm'), 0o755);
    const run = spawnSync('bash', ['.ci/run'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${fakeBin}:${process.env.PATH}`, TMPDIR: '/tmp' },
      timeout: 170_000,
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).not.toBe(0);
    expect(output).toContain('npm ci --no-audit --no-fund: failing on purpose');

    const work = /CI work folder: (\/tmp\/kinwatch-ci\.\w+)/.exec(output)?.[1];
    expect(work, output).toBeDefined();
    expect(output).toContain(`CI work folder ${work} removed (exit 1)`);
    expect(existsSync(work!)).toBe(false);
    // No PostgreSQL server is left running on the removed folder.
    const processes = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    expect(processes.split('\n').filter((line) => line.includes(work!))).toEqual([]);
  });
});
