/**
 * `npm start` after an update: a source changed since the last build must be rebuilt and served, with one line
 * saying so. Runs in a copy of the repo's sources (node_modules linked), so the shared dist/ is never touched.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type StartedRelay } from '../../helpers/start-relay.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const MINUTES = 60_000;

let copy: string;
const running: StartedRelay[] = [];

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'kinwatch-start-'));
  for (const entry of ['src', 'public', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(join(root, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
});

afterAll(async () => {
  await Promise.all(running.map((relay) => relay.stop()));
  rmSync(copy, { recursive: true, force: true });
});

/** Starts `npm start` in the copy, returns what it printed and the app's entry script as served. */
async function startAndFetch(): Promise<{ printed: string; page: string; script: string; scriptPath: string }> {
  // One data folder for the three starts: the embedded database is created once.
  const relay = await startRelay({ root: copy, dataDir: join(copy, 'data'), timeoutMs: 4 * MINUTES });
  running.push(relay);
  const page = await (await fetch(relay.url)).text();
  const scriptPath = /<script type="module"[^>]*src="([^"]+)"/.exec(page)?.[1];
  expect(scriptPath, `the served page has no module script:\n${page}`).toBeDefined();
  const script = await (await fetch(new URL(scriptPath!, relay.url))).text();
  const printed = relay.output();
  await relay.stop();
  running.splice(running.indexOf(relay), 1);
  return { printed, page, script, scriptPath: scriptPath! };
}

describe('npm start', () => {
  it('builds a fresh checkout, rebuilds after a source changes, and serves the new build', { timeout: 10 * MINUTES }, async () => {
    const first = await startAndFetch();
    expect(first.printed).toContain('Building the carer app into dist/pwa (not built yet)');
    expect(first.printed).toMatch(/Open http:\/\/127\.0\.0\.1:\d+ in your browser\. Next: add the person you look after/);
    expect(first.page).toContain('<title>Kinwatch</title>');

    // An update arrives (as `git pull` would bring it): the app's entry module changes.
    const marker = `build-${Date.now().toString(36)}`;
    appendFileSync(join(copy, 'src/pwa/main.tsx'), `\ndocument.documentElement.dataset.build = '${marker}';\n`);
    expect(first.script).not.toContain(marker);

    const second = await startAndFetch();
    const rebuildLines = second.printed.split('\n').filter((line) => line.startsWith('Rebuilding'));
    expect(rebuildLines).toEqual(['Rebuilding the carer app in dist/pwa: src/pwa/main.tsx changed since it was built…']);
    expect(second.script).toContain(marker);
    expect(second.scriptPath).not.toBe(first.scriptPath);

    // Nothing changed since: served as it is, no build.
    const third = await startAndFetch();
    expect(third.printed).toContain('The carer app in dist/pwa is up to date.');
    expect(third.printed).not.toMatch(/Building|Rebuilding/);
    expect(third.scriptPath).toBe(second.scriptPath);
    expect(readFileSync(join(copy, 'dist/pwa/.build-stamp.json'), 'utf8')).toContain('"src/pwa/main.tsx"');
  });
});
