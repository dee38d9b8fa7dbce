import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.ts';

export type TestPostgres = { url: string; stop(): Promise<void> } | { skip: string };

/** A fresh, empty database on `serverUrl`, dropped by `stop`. */
async function freshDatabase(serverUrl: string, onStop: () => Promise<void> = async () => {}): Promise<TestPostgres> {
  const name = `kinwatch_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await onStop();
    },
  };
}

/**
 * A real PostgreSQL for the store and route suites: KINWATCH_TEST_DATABASE_URL when set (CI starts a throwaway
 * cluster), otherwise a cluster started here from Debian's binaries as the postgres user, on loopback, in a temp dir.
 * Without binaries, the suites skip PostgreSQL and say why.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const fromEnv = process.env.KINWATCH_TEST_DATABASE_URL;
  if (fromEnv) return freshDatabase(fromEnv);
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b)) : [];
  const bin = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).filter((dir) => existsSync(`${dir}/postgres`)).at(-1);
  if (!bin) return { skip: 'no PostgreSQL binaries under /usr/lib/postgresql and KINWATCH_TEST_DATABASE_URL not set' };
  const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  if (asPostgres.length && spawnSync('id', ['postgres']).status !== 0) return { skip: 'no postgres user to run the test cluster as' };
  const dir = mkdtempSync(join(tmpdir(), 'kinwatch-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const run = (args: string[]) => execFileSync(asPostgres[0] ?? args[0]!, asPostgres.length ? [...asPostgres.slice(1), ...args] : args.slice(1), { stdio: 'pipe' });
  run([`${bin}/initdb`, '-D', `${dir}/data`, '-A', 'trust', '-U', 'postgres']);
  run([`${bin}/pg_ctl`, '-D', `${dir}/data`, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', `${dir}/log`, '-w', 'start']);
  return freshDatabase(`postgres://postgres@127.0.0.1:${port}/postgres`, async () => {
    run([`${bin}/pg_ctl`, '-D', `${dir}/data`, '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  });
}
