import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** End-to-end tests run against what a user gets: build the PWA and the extension once, fresh, before the suite. */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const result = spawnSync('npx', ['tsx', 'src/cli/build.ts'], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error('build for end-to-end tests failed');
}
