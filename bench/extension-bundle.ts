/**
 * `npx tsx bench/extension-bundle.ts`: size of the built extension's scripts, raw and gzipped, and of what the
 * background worker loads (background.js with every chunk it imports, followed transitively) against its 150 KB
 * gzipped budget. Builds the Chrome extension into a temporary folder first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
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
    const sizes = files.map((file) => {
      const bytes = readFileSync(file);
      return { file: file.slice(dir.length + 1), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
    const row = (file: string, raw: number, gzip: number) => ({ file, 'raw KB': round(raw / 1024, 1), 'gzip KB': round(gzip / 1024, 1) });
    const rows = sizes.map((size) => row(size.file, size.raw, size.gzip));
    if (!rows.some((entry) => entry.file === 'background.js')) throw new Error('no background.js in the build');
    const worker = workerSize(dir);
    return [
      ...rows.sort((a, b) => b['gzip KB'] - a['gzip KB']),
      row(`background worker: background.js + ${worker.files.length - 1} imported chunks`, worker.raw, worker.gzip),
      { file: `background worker budget (${BACKGROUND_BUDGET_GZIP_KB} KB gzip)`, 'raw KB': '', 'gzip KB': worker.gzip / 1024 <= BACKGROUND_BUDGET_GZIP_KB ? 'within' : 'OVER' },
    ];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * What the background worker of a built extension (`dir`: its chrome-mv3 folder) loads before it runs: background.js
 * and every chunk it imports statically (a module worker loads those first, so they count against its budget as much
 * as its own file). Sizes in bytes, gzipped at level 9 as a store or server would.
 */
export function workerSize(dir: string): { files: string[]; raw: number; gzip: number } {
  const files = staticImportClosure(join(dir, 'background.js'));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.map((file) => relative(dir, file)), raw, gzip };
}

/** `entry` and every file it imports statically (`import … from "./x.js"`, `import "./x.js"`), transitively; absolute paths. */
export function staticImportClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/\b(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) visit(join(dirname(file), match[1]!));
  };
  visit(entry);
  return [...seen];
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
