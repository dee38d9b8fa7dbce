/**
 * `npm start`: rebuilds what is out of date (the carer app always; the extension when it has been built before),
 * then runs the relay (PWA + API) on PORT at HOST, with data in KINWATCH_DATA (embedded PGlite) or DATABASE_URL
 * (PostgreSQL). Prints one line per build saying whether it was rebuilt and why, then where to open the app.
 * Exits 2 for a bad setting (naming the variable), 1 when the relay cannot start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readRelayConfig } from '../server/relay-config.ts';
import { jsonLog, runRelay } from '../server/run-relay.ts';
import { buildState, carerAppPart, describeChanges, extensionPart, missingDependencies, shown, type BuildPart } from './build-stamp.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

let config;
try {
  config = readRelayConfig(process.env, process.cwd());
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

/** Brings one build up to date: 'fresh' (nothing to do), 'built' (just built) or 'none' (no usable build). */
function refresh(part: BuildPart, only: 'pwa' | 'extension', buildWhenMissing: boolean): 'fresh' | 'built' | 'none' {
  const status = buildState(root, part, process.env);
  const where = shown(root, part.outDir);
  if (status.state === 'fresh') {
    console.log(`The ${part.label} in ${where} is up to date.`);
    return 'fresh';
  }
  if (status.state === 'missing' && !buildWhenMissing) return 'none';
  console.log(
    status.state === 'missing'
      ? `Building the ${part.label} into ${where} (not built yet)…`
      : `Rebuilding the ${part.label} in ${where}: ${describeChanges(status.changed)} since it was built…`,
  );
  // This same Node runs the build, so a start on Node 24 builds on Node 24.
  // The build's own output is shown only when it fails: a working build is the one line above.
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/build.ts', '--only', only], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (built.status !== 0) {
    process.stderr.write(`${built.stdout ?? ''}${built.stderr ?? ''}`);
    console.log(`The ${part.label} build failed (messages above); \`npm run build\` repeats it.`);
    return 'none';
  }
  return 'built';
}

// After a pull that changed dependencies, nothing can be built or served right until they are installed.
const missing = missingDependencies(root);
if (missing.length > 0) {
  const named = missing.length === 1 ? missing[0] : `${missing[0]} and ${missing.length - 1} other package${missing.length === 2 ? '' : 's'}`;
  console.log(`Dependencies changed since the last install (${named} not installed): run \`npm install\`, then \`npm start\` again.`);
  process.exit(1);
}

// A folder named in KINWATCH_STATIC is served as it is, never built.
const builtHere = !process.env.KINWATCH_STATIC && existsSync(`${root}/src/pwa/vite.config.ts`);
const carerApp = builtHere ? refresh(carerAppPart(root), 'pwa', true) !== 'none' : existsSync(`${config.staticDir}/index.html`);
if (!carerApp) jsonLog({ level: 'warn', msg: 'no carer app to serve; serving the API only' });
// The extension is rebuilt only where someone builds it (and has loaded it unpacked); it is never built uninvited.
const extension = builtHere ? refresh(extensionPart(root, process.env), 'extension', false) : 'none';

const relay = await runRelay(config).catch((error: Error) => {
  jsonLog({ level: 'error', msg: 'relay failed to start', error: error.message });
  process.exit(1);
});

/** What a person opens: a relay listening on every address is reached on this machine as localhost. */
const openAt = relay.url.replace(/\/\/(0\.0\.0\.0|\[::\])(?=:)/, '//localhost');
if (carerApp) {
  console.log(`Open ${openAt} in your browser. Next: add the person you look after (Home → Add a person), then`);
  console.log('create your family\'s circle (Circle) and send its invite link to relatives. Ctrl+C stops the relay.');
} else {
  console.log(`The relay API is at ${openAt}; there is no carer app to open. Ctrl+C stops the relay.`);
}
if (extension === 'built') console.log('The extension was rebuilt: reload it (chrome://extensions, ↻ on Kinwatch) to use the new build.');

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
