/**
 * `npx tsx bench/extension-bundle.ts`: size of the built extension's background worker, raw and gzipped, against its
 * 150 KB gzipped budget. Builds the Chrome extension into a temporary folder first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { isMain, printTable, round } from './relay-bench-support.ts';

export const BACKGROUND_BUDGET_GZIP_KB = 150;

const root = fileURLToPath(new URL('..', import.meta.url));

export function benchExtensionBundle(): Record<string, string | number>[] {
  const outDir = mkdtempSync(join(tmpdir(), 'kinwatch-bundle-'));
  try {
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, KINWATCH_EXTENSION_OUT_DIR: outDir } });
    if (build.status !== 0) throw new Error(`extension build failed:\n${build.stdout}\n${build.stderr}`);
    const dir = join(outDir, 'chrome-mv3');
    const files = listFiles(dir).filter((file) => file.endsWith('.js'));
    const rows = files.map((file) => {
      const bytes = readFileSync(file);
      return { file: file.slice(dir.length + 1), 'raw KB': round(bytes.length / 1024, 1), 'gzip KB': round(gzipSync(bytes, { level: 9 }).length / 1024, 1) };
    });
    const background = rows.find((entry) => entry.file === 'background.js');
    if (!background) throw new Error('no background.js in the build');
    return [
      ...rows.sort((a, b) => b['gzip KB'] - a['gzip KB']),
      { file: `background.js budget (${BACKGROUND_BUDGET_GZIP_KB} KB gzip)`, 'raw KB': '', 'gzip KB': background['gzip KB'] <= BACKGROUND_BUDGET_GZIP_KB ? 'within' : 'OVER' },
    ];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

if (isMain(import.meta.url)) {
  printTable('Extension scripts, background budget', benchExtensionBundle());
}
