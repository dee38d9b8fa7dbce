/**
 * `npm run build`: the carer app (PWA) into dist/pwa, and the watcher extension for Chrome (.output/chrome-mv3)
 * and Firefox (.output/firefox-mv2 or -mv3). Each part is skipped with `--only pwa|extension`.
 * Each finished build records the sources it was made from (see build-stamp.ts), so `npm start` can tell when it
 * is out of date. Exits with the failing tool's status when a build fails, and then writes no stamp.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { carerAppPart, currentStamp, extensionPart, writeStamp, type BuildPart } from './build-stamp.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && only !== 'pwa' && only !== 'extension') {
  console.error(`--only: expected pwa or extension, got ${JSON.stringify(only)}`);
  process.exit(2);
}

/** The JavaScript file behind a package's command, run with this same Node (so a build on Node 24 uses Node 24). */
function binOf(pkg: string, command: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return join(root, 'node_modules', pkg, manifest.bin[command]!);
}

function run(pkg: string, args: string[]): void {
  // A build is always a production build, even when a test runner that set NODE_ENV=test asks for it:
  // otherwise React's JSX would compile for its development runtime, which the production bundle does not ship.
  const result = spawnSync(process.execPath, [binOf(pkg, pkg), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    console.error(`build failed: ${pkg} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

function build(part: BuildPart, steps: () => void): void {
  const stamp = currentStamp(root, part, process.env);
  steps();
  writeStamp(part, stamp);
}

if (!only || only === 'pwa') {
  if (existsSync(`${root}/src/pwa/vite.config.ts`)) {
    build(carerAppPart(root), () => run('vite', ['build', '--config', 'src/pwa/vite.config.ts']));
  }
}
if (!only || only === 'extension') {
  if (existsSync(`${root}/entrypoints/background.ts`)) {
    build(extensionPart(root, process.env), () => {
      run('wxt', ['build']);
      run('wxt', ['build', '-b', 'firefox']);
    });
  }
}
