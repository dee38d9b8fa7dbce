/**
 * `npx tsx bench/pwa-bundle.ts`: the carer app's initial JavaScript (what index.html loads before the first screen),
 * raw and gzipped, against its 150 KB gzipped budget; lazy chunks listed apart. Builds into a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { isMain, printTable, round } from './relay-bench-support.ts';

export const INITIAL_JS_BUDGET_GZIP_KB = 150;

const root = fileURLToPath(new URL('..', import.meta.url));

const gzipKb = (bytes: Buffer): number => round(gzipSync(bytes, { level: 9 }).length / 1024, 1);

export function benchPwaBundle(): Record<string, string | number>[] {
  const outDir = mkdtempSync(join(tmpdir(), 'kinwatch-pwa-bundle-'));
  try {
    const build = spawnSync('npx', ['vite', 'build', '--config', 'src/pwa/vite.config.ts', '--outDir', outDir, '--emptyOutDir'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`PWA build failed:\n${build.stdout}\n${build.stderr}`);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const initial = new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1]!));
    const scripts = readdirSync(join(outDir, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => {
        const bytes = readFileSync(join(outDir, 'assets', name));
        return { file: `assets/${name}`, loaded: initial.has(`assets/${name}`) ? 'initially' : 'on demand', 'raw KB': round(bytes.length / 1024, 1), 'gzip KB': gzipKb(bytes) };
      })
      .sort((a, b) => b['gzip KB'] - a['gzip KB']);
    const initialGzip = round(scripts.filter((row) => row.loaded === 'initially').reduce((sum, row) => sum + row['gzip KB'], 0), 1);
    return [
      ...scripts,
      { file: 'initial JS total', loaded: 'initially', 'raw KB': '', 'gzip KB': initialGzip },
      { file: `budget ${INITIAL_JS_BUDGET_GZIP_KB} KB gzip`, loaded: '', 'raw KB': '', 'gzip KB': `${round((initialGzip / INITIAL_JS_BUDGET_GZIP_KB) * 100, 0)}% used (${initialGzip <= INITIAL_JS_BUDGET_GZIP_KB ? 'within' : 'OVER'})` },
    ];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export const name = 'pwa-bundle';
export async function run(): Promise<void> {
  printTable('Carer app initial JavaScript vs budget', benchPwaBundle());
}

if (isMain(import.meta.url)) await run();
