/**
 * `npm start`: builds the carer app if it is missing, then runs the relay (PWA + API) on PORT at HOST, with data in
 * KINWATCH_DATA (embedded PGlite) or DATABASE_URL (PostgreSQL).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readRelayConfig } from '../server/relay-config.ts';
import { jsonLog, runRelay } from '../server/run-relay.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

let config;
try {
  config = readRelayConfig(process.env, process.cwd());
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

// A folder named in KINWATCH_STATIC is served as it is; the default dist/pwa is built when missing.
if (!process.env.KINWATCH_STATIC && !existsSync(`${config.staticDir}/index.html`) && existsSync(`${root}/src/pwa/vite.config.ts`)) {
  jsonLog({ msg: 'building the carer app', into: config.staticDir });
  const built = spawnSync('npx', ['tsx', 'src/cli/build.ts', '--only', 'pwa'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) jsonLog({ level: 'warn', msg: 'carer app build failed; serving the API only' });
}

const relay = await runRelay(config).catch((error: Error) => {
  jsonLog({ level: 'error', msg: 'relay failed to start', error: error.message });
  process.exit(1);
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    jsonLog({ msg: 'shutting down', signal });
    relay.close().then(
      () => process.exit(0),
      (error: Error) => {
        jsonLog({ level: 'error', msg: 'shutdown failed', error: error.message });
        process.exit(1);
      },
    );
  });
}
