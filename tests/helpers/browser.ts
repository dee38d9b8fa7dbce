import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type LaunchOptions, type Page, type Worker } from 'playwright-core';
import { currentStamp, extensionPart } from '../../src/cli/build-stamp.ts';

/** The system Chromium: the suite never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep a headless run quiet, offline-safe and free of background traffic. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches real Chromium with the standard flags. Always `await browser.close()` in afterAll. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/**
 * A persistent profile with an unpacked extension loaded (MV3 needs a persistent context).
 * `userDataDir` should be a fresh temp dir per test file.
 */
export async function launchWithExtension(extensionDir: string, userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
}

/**
 * The postcode service's address in test builds of the extension. It is the same in every test build, so one build
 * serves every test file; each launch maps it to that test's own server on 127.0.0.1 (Chromium's host resolver
 * rules), so nothing leaves the machine. `.test` is reserved: it never resolves anywhere else.
 */
export const TEST_POSTCODES_HOST = 'postcodes.kinwatch.test';

/** What a test build of the extension bakes in (read by wxt.config.ts). */
export interface ExtensionBuildEnv {
  /** Default `http://${TEST_POSTCODES_HOST}`. */
  KINWATCH_POSTCODES_API?: string;
  /** Sites allowed at install, because no one can press "Allow" headless. Default 127.0.0.1 and the postcode host. */
  KINWATCH_GRANTED_HOSTS?: string;
  KINWATCH_CARER_APP_URL?: string;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Builds kept by their key (sources + env); one folder per key, written whole or not at all. */
const BUILD_CACHE = join(tmpdir(), 'kinwatch-e2e-extension-builds');
/** Cached builds older than this are removed when a new one is written. */
const BUILD_CACHE_KEEP_MS = 24 * 3_600_000;

/**
 * The Chrome build of the extension (its `chrome-mv3` folder) for `env`, built once per set of sources and env and
 * shared by every test file and worker that asks for the same. The key is the SHA-256 of the build stamp (every
 * source file's hash and the env the build bakes in, see src/cli/build-stamp.ts), so an edit or another env never
 * reuses a build. A build is written to a temporary folder and renamed into place: a worker racing another one
 * keeps whichever landed first. A production build, as users get. Throws with WXT's output when the build fails.
 * The folder is shared: tests must not write into it.
 */
export function buildExtension(env: ExtensionBuildEnv = {}): string {
  const full: Record<string, string> = {
    KINWATCH_POSTCODES_API: env.KINWATCH_POSTCODES_API ?? `http://${TEST_POSTCODES_HOST}`,
    KINWATCH_GRANTED_HOSTS: env.KINWATCH_GRANTED_HOSTS ?? `http://127.0.0.1/*,http://${TEST_POSTCODES_HOST}/*`,
    KINWATCH_CARER_APP_URL: env.KINWATCH_CARER_APP_URL ?? '',
  };
  const part = extensionPart(root, full);
  const key = createHash('sha256').update(JSON.stringify(currentStamp(root, part, full))).digest('hex').slice(0, 32);
  const done = join(BUILD_CACHE, key);
  if (existsSync(join(done, 'chrome-mv3', 'manifest.json'))) return join(done, 'chrome-mv3');

  mkdirSync(BUILD_CACHE, { recursive: true });
  const staging = mkdtempSync(join(BUILD_CACHE, `${key}.building-`));
  const wxt = join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
  const build = spawnSync(process.execPath, [wxt, 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...full, NODE_ENV: 'production', KINWATCH_EXTENSION_OUT_DIR: staging },
  });
  if (build.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`extension build failed:\n${build.stdout}\n${build.stderr}`);
  }
  // Sources edited during the build: build again rather than keep it under a key it may not match.
  const after = createHash('sha256').update(JSON.stringify(currentStamp(root, part, full))).digest('hex').slice(0, 32);
  if (after !== key) {
    rmSync(staging, { recursive: true, force: true });
    return buildExtension(env);
  }
  try {
    renameSync(staging, done);
  } catch (error) {
    // Another worker put the same build in place first: keep theirs.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(done, 'chrome-mv3', 'manifest.json'))) throw error;
  }
  pruneBuildCache(key);
  return join(done, 'chrome-mv3');
}

function pruneBuildCache(keep: string): void {
  const cutoff = Date.now() - BUILD_CACHE_KEEP_MS;
  for (const entry of readdirSync(BUILD_CACHE)) {
    if (entry.startsWith(keep)) continue;
    const path = join(BUILD_CACHE, entry);
    try {
      if (statSync(path).mtimeMs < cutoff) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by another worker.
    }
  }
}

/**
 * Waits for the options page a fresh install opens by itself (the watcher does so while no one is watched). A tab
 * opened before it may be taken over by it ("navigation interrupted by another navigation"), so launches wait first.
 * Throws after 30 s.
 */
export async function installOptionsPageOpened(context: BrowserContext): Promise<void> {
  for (const started = Date.now(); !context.pages().some((page) => page.url().endsWith('/options.html')); ) {
    if (Date.now() - started > 30_000) throw new Error('the options page did not open on install');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The extension running in its own Chromium profile. */
export interface LaunchedExtension {
  context: BrowserContext;
  /** The extension's id, the host of its chrome-extension:// pages. */
  id: string;
  /** The unpacked build loaded (shared with other tests: read only). */
  dir: string;
  /** The extension's current service worker: MV3 may stop and restart it between steps, so ask each time. */
  worker(): Promise<Worker>;
  /** Opens one of its pages ("options.html", "popup.html?spate=…") in a new tab, with a 30 s default timeout. */
  open(path: string): Promise<Page>;
  /** Closes the browser and removes the profile. */
  close(): Promise<void>;
}

/**
 * Builds the extension (cached, see buildExtension) and launches Debian Chromium with it in a fresh persistent
 * profile, as a user who just installed it. `postcodes` is where the postcode service answers for this test (the
 * stub's URL, or a closed port on 127.0.0.1 for a service that is down): the build's TEST_POSTCODES_HOST is mapped to
 * it. Resolves once the service worker runs. Always `await extension.close()` in afterAll.
 */
export async function launchExtension(options: { postcodes: string; env?: Omit<ExtensionBuildEnv, 'KINWATCH_POSTCODES_API'> }): Promise<LaunchedExtension> {
  const dir = buildExtension(options.env);
  const postcodes = new URL(options.postcodes);
  if (postcodes.hostname !== '127.0.0.1') throw new Error(`launchExtension: the postcode service must be on 127.0.0.1, got ${options.postcodes}`);
  const profileDir = mkdtempSync(join(tmpdir(), 'kinwatch-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      args: [
        ...CHROMIUM_ARGS,
        `--host-resolver-rules=MAP ${TEST_POSTCODES_HOST}:80 127.0.0.1:${postcodes.port}`,
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
      ],
    });
  } catch (error) {
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
  const worker = async (): Promise<Worker> => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
  const id = new URL((await worker()).url()).host;
  await installOptionsPageOpened(context);
  return {
    context,
    id,
    dir,
    worker,
    async open(path) {
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto(`chrome-extension://${id}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
