import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StartedRelay {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the relay printed (JSON log lines). */
  output: () => string;
  /** Sends `signal` (SIGTERM by default) and waits for the process to exit; resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs `npm start`'s entry point as its own process on a free port (PORT=0; the relay prints the URL it listens on),
 * with its own data folder unless one is given, and waits until /healthz answers. `root` runs another checkout's
 * `src/cli/start.ts` (a copy of the repo), the repo itself by default.
 */
export async function startRelay(
  options: { env?: Record<string, string>; dataDir?: string; timeoutMs?: number; root?: string } = {},
): Promise<StartedRelay> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kinwatch-relay-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
    cwd: options.root ?? root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', KINWATCH_DATA: dataDir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start within ${options.timeoutMs ?? 180_000} ms:\n${output}`)), options.timeoutMs ?? 180_000);
    const onData = () => {
      const match = /"msg":"listening","url":"(http:\/\/[^"]+)"/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code} before listening:\n${output}`));
    });
  });

  for (let attempt = 0; ; attempt++) {
    const healthy = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (attempt > 100) throw new Error(`relay at ${url} never became healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const code = await exited;
      if (ownDataDir && signal !== 'SIGKILL') rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
