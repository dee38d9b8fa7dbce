/**
 * `npm run build`: the carer app (PWA) into dist/pwa, and the watcher extension for Chrome (.output/chrome-mv3)
 * and Firefox (.output/firefox-mv2 or -mv3). Each part is skipped with `--only pwa|extension`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

function run(command: string, args: string[]): void {
  // A build is always a production build, even when a test runner that set NODE_ENV=test asks for it:
  // otherwise React's JSX would compile for its development runtime, which the production bundle does not ship.
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) {
    console.error(`build failed: ${command} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

if (!only || only === 'pwa') {
  if (existsSync(`${root}/src/pwa/vite.config.ts`)) run('npx', ['vite', 'build', '--config', 'src/pwa/vite.config.ts']);
}
if (!only || only === 'extension') {
  if (existsSync(`${root}/entrypoints/background.ts`)) {
    run('npx', ['wxt', 'build']);
    run('npx', ['wxt', 'build', '-b', 'firefox']);
  }
}
