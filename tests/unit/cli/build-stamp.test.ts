import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildState, carerAppPart, currentStamp, describeChanges, extensionPart, missingDependencies, writeStamp } from '../../../src/cli/build-stamp.ts';

let root: string;
function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kinwatch-stamp-'));
  write('src/pwa/main.tsx', 'render()');
  write('src/core/rules/rules.ts', 'export const rules = []');
  write('src/server/app.ts', 'listen()');
  write('package-lock.json', '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('build stamps', () => {
  it('tell a missing, a current and an out-of-date carer app apart, naming what changed', () => {
    const part = carerAppPart(root);
    expect(buildState(root, part, {})).toEqual({ state: 'missing' });

    write('dist/pwa/index.html', '<!doctype html>');
    expect(buildState(root, part, {})).toEqual({ state: 'stale', changed: [] });

    writeStamp(part, currentStamp(root, part, {}));
    expect(buildState(root, part, {})).toEqual({ state: 'fresh' });

    // The relay is not part of the carer app's bundle: changing it needs no rebuild.
    write('src/server/app.ts', 'listen(8787)');
    expect(buildState(root, part, {})).toEqual({ state: 'fresh' });

    write('src/core/rules/rules.ts', 'export const rules = [1]');
    write('src/pwa/new-screen.tsx', 'screen()');
    write('package-lock.json', '{"lockfileVersion":3}');
    expect(buildState(root, part, {})).toEqual({
      state: 'stale',
      changed: ['package-lock.json', 'src/core/rules/rules.ts', 'src/pwa/new-screen.tsx'],
    });
    expect(describeChanges(['package-lock.json', 'src/core/rules/rules.ts', 'src/pwa/new-screen.tsx'])).toBe(
      'package-lock.json and 2 other files changed',
    );
  });

  it('count a build setting baked into the extension as a change', () => {
    write('entrypoints/background.ts', 'wire()');
    write('.output/chrome-mv3/manifest.json', '{}');
    const part = extensionPart(root, {});
    writeStamp(part, currentStamp(root, part, {}));
    expect(buildState(root, part, {})).toEqual({ state: 'fresh' });

    const env = { KINWATCH_POSTCODES_API: 'http://127.0.0.1:9' };
    const state = buildState(root, part, env);
    expect(state).toEqual({ state: 'stale', changed: ['env:KINWATCH_POSTCODES_API'] });
    expect(describeChanges(['env:KINWATCH_POSTCODES_API'])).toBe('KINWATCH_POSTCODES_API (environment) changed');
  });

  it('name the packages a pulled lockfile wants that the last install did not bring, other platforms\' binaries aside', () => {
    const lock = (packages: Record<string, object>) => JSON.stringify({ lockfileVersion: 3, packages: { '': {}, ...packages } });
    write(
      'package-lock.json',
      lock({
        'node_modules/react': { version: '19.3.1' },
        'node_modules/wouter': { version: '3.9.0' },
        'node_modules/wxt/node_modules/listr2': { version: '9.0.5' },
        'node_modules/@rolldown/binding-darwin-arm64': { version: '1.0.0', optional: true },
      }),
    );
    expect(missingDependencies(root)).toEqual(['react', 'wouter', 'listr2']);
    write('node_modules/.package-lock.json', lock({ 'node_modules/react': { version: '19.3.1' }, 'node_modules/wxt/node_modules/listr2': { version: '9.0.4' } }));
    expect(missingDependencies(root)).toEqual(['wouter', 'listr2']);
    write(
      'node_modules/.package-lock.json',
      lock({ 'node_modules/react': { version: '19.3.1' }, 'node_modules/wouter': { version: '3.9.0' }, 'node_modules/wxt/node_modules/listr2': { version: '9.0.5' } }),
    );
    expect(missingDependencies(root)).toEqual([]);
  });
});
