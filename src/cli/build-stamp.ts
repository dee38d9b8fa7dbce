/**
 * Build stamps: what each build (the carer app, the extension) was made from, so `npm start` can tell a build that
 * is older than its sources (after `git pull`, an edit or a new lockfile) and rebuild it.
 *
 * A stamp is `<out dir>/.build-stamp.json`: `{ "files": { "<path from the repo root>": "<sha-256 hex>" },
 * "env": { "<NAME>": "<value>" } }`, hashed from the sources before the build started and written only after it
 * succeeded, so an edit made during a build, or a failed build, leaves the build marked out of date.
 * A dotfile, so the relay's static file server never serves it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface BuildPart {
  /** What a user calls it, e.g. "carer app". */
  label: string;
  /** Absolute output folder; the stamp lives inside it. */
  outDir: string;
  /** A file inside `outDir` that exists only after a complete build. */
  marker: string;
  /** Folders (walked recursively) and files the build reads, relative to the repo root. */
  inputs: string[];
  /** Folders under `inputs` that the build never reads, relative to the repo root. */
  skip: string[];
  /** Environment variables the build bakes in. */
  env: string[];
}

export interface BuildStamp {
  files: Record<string, string>;
  env: Record<string, string>;
}

/** Where a build stands: not built, built from other sources (with the paths that differ), or up to date. */
export type BuildState = { state: 'missing' } | { state: 'stale'; changed: string[] } | { state: 'fresh' };

/** Shared sources read by both browser builds; the relay and the command-line tools are not bundled. */
const browserSources = ['src', 'public', 'package-lock.json', 'tsconfig.json'];
const notBundled = ['src/server', 'src/cli'];

/** The carer app (PWA), built by vite into `dist/pwa` and served by the relay. */
export function carerAppPart(root: string): BuildPart {
  return { label: 'carer app', outDir: join(root, 'dist', 'pwa'), marker: 'index.html', inputs: browserSources, skip: notBundled, env: [] };
}

/** The watcher extension, built by WXT into `.output` (or KINWATCH_EXTENSION_OUT_DIR), Chrome and Firefox. */
export function extensionPart(root: string, env: Record<string, string | undefined>): BuildPart {
  return {
    label: 'extension',
    outDir: resolve(root, env.KINWATCH_EXTENSION_OUT_DIR || '.output'),
    marker: join('chrome-mv3', 'manifest.json'),
    inputs: ['entrypoints', 'wxt.config.ts', ...browserSources],
    skip: notBundled,
    // Read by wxt.config.ts and baked into the bundle.
    env: ['KINWATCH_POSTCODES_API', 'KINWATCH_CARER_APP_URL', 'KINWATCH_GRANTED_HOSTS'],
  };
}

function walk(root: string, path: string, skip: Set<string>, into: string[]): void {
  const absolute = join(root, path);
  if (!existsSync(absolute)) return;
  const entries = readdirSync(absolute, { withFileTypes: true });
  for (const entry of entries) {
    const child = path === '' ? entry.name : `${path}/${entry.name}`;
    if (skip.has(child)) continue;
    if (entry.isDirectory()) walk(root, child, skip, into);
    else if (entry.isFile()) into.push(child);
  }
}

/** The stamp of `part`'s sources as they are now under `root` (SHA-256 of each file's bytes; ~10 ms for 300 files). */
export function currentStamp(root: string, part: BuildPart, env: Record<string, string | undefined>): BuildStamp {
  const skip = new Set(part.skip);
  const paths: string[] = [];
  for (const input of part.inputs) {
    const absolute = join(root, input);
    if (!existsSync(absolute)) continue;
    if (statSync(absolute).isDirectory()) walk(root, input, skip, paths);
    else paths.push(input);
  }
  paths.sort();
  const files: Record<string, string> = {};
  for (const path of paths) files[path] = createHash('sha256').update(readFileSync(join(root, path))).digest('hex');
  const values: Record<string, string> = {};
  for (const name of part.env) values[name] = env[name] ?? '';
  return { files, env: values };
}

function stampPath(part: BuildPart): string {
  return join(part.outDir, '.build-stamp.json');
}

/** Records that `part` in its out dir was built from `stamp`. Throws if the out dir cannot be written. */
export function writeStamp(part: BuildPart, stamp: BuildStamp): void {
  mkdirSync(dirname(stampPath(part)), { recursive: true });
  writeFileSync(stampPath(part), `${JSON.stringify(stamp, null, 1)}\n`);
}

/**
 * Paths (and `env:NAME`s) that differ between two stamps: changed, added or removed, sorted.
 */
export function changedBetween(before: BuildStamp, now: BuildStamp): string[] {
  const changed = new Set<string>();
  for (const [path, hash] of Object.entries(now.files)) if (before.files[path] !== hash) changed.add(path);
  for (const path of Object.keys(before.files)) if (!(path in now.files)) changed.add(path);
  for (const [name, value] of Object.entries(now.env)) if ((before.env[name] ?? '') !== value) changed.add(`env:${name}`);
  return [...changed].sort();
}

/** Whether `part` is built and was built from the sources as they are now. A missing or unreadable stamp is stale. */
export function buildState(root: string, part: BuildPart, env: Record<string, string | undefined>): BuildState {
  if (!existsSync(join(part.outDir, part.marker))) return { state: 'missing' };
  let before: BuildStamp;
  try {
    before = JSON.parse(readFileSync(stampPath(part), 'utf8')) as BuildStamp;
    if (typeof before.files !== 'object' || typeof before.env !== 'object') throw new Error('not a stamp');
  } catch {
    return { state: 'stale', changed: [] };
  }
  const changed = changedBetween(before, currentStamp(root, part, env));
  return changed.length === 0 ? { state: 'fresh' } : { state: 'stale', changed };
}

/** One line for a person: which files made a build out of date ("src/pwa/app.tsx and 3 other files changed"). */
export function describeChanges(changed: string[]): string {
  if (changed.length === 0) return 'no record of the sources it was built from';
  const first = changed[0]!.startsWith('env:') ? `${changed[0]!.slice(4)} (environment)` : changed[0]!;
  if (changed.length === 1) return `${first} changed`;
  return `${first} and ${changed.length - 1} other file${changed.length === 2 ? '' : 's'} changed`;
}

/** `path` relative to `root`, with forward slashes, for messages. */
export function shown(root: string, path: string): string {
  return relative(root, path).split(sep).join('/') || '.';
}

/**
 * Packages the lockfile asks for that `node_modules` does not hold at that version (npm's record of the last
 * install, node_modules/.package-lock.json, read as npm writes it), as names: after a `git pull` that changed
 * dependencies, before `npm install`. Optional packages (other platforms' binaries) are not counted. Empty when
 * there is no lockfile; everything when nothing was installed.
 */
export function missingDependencies(root: string): string[] {
  type Lock = { packages?: Record<string, { version?: string; optional?: boolean }> };
  const read = (path: string): Lock | undefined => {
    try {
      return JSON.parse(readFileSync(join(root, path), 'utf8')) as Lock;
    } catch {
      return undefined;
    }
  };
  const wanted = read('package-lock.json')?.packages;
  if (!wanted) return [];
  const installed = read('node_modules/.package-lock.json')?.packages ?? {};
  return Object.entries(wanted)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.optional && installed[path]?.version !== entry.version)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
}
