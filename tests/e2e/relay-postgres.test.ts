import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { startRelay, type StartedRelay } from '../helpers/start-relay.ts';

const pgx: TestPostgres = await startTestPostgres();

describe.skipIf('skip' in pgx)(`two relays sharing one PostgreSQL${'skip' in pgx ? ` (skipped: ${pgx.skip})` : ''}`, () => {
  let first: StartedRelay;
  let second: StartedRelay;
  const staticDir = mkdtempSync(join(tmpdir(), 'kinwatch-static-'));

  beforeAll(async () => {
    const env = { DATABASE_URL: (pgx as { url: string }).url, KINWATCH_STATIC: staticDir };
    // Started together: migrations run once under the advisory lock, and one VAPID key wins.
    [first, second] = await Promise.all([startRelay({ env }), startRelay({ env })]);
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    if ('stop' in pgx) await pgx.stop();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('report PostgreSQL, share one VAPID key, and serve each other’s circles and records', async () => {
    expect(await (await fetch(`${first.url}/healthz`)).json()).toEqual({ ok: true, db: 'postgres' });
    const keyA = ((await (await fetch(`${first.url}/api/push/key`)).json()) as { publicKey: string }).publicKey;
    const keyB = ((await (await fetch(`${second.url}/api/push/key`)).json()) as { publicKey: string }).publicKey;
    expect(keyA).toBe(keyB);

    const circle = (await (await fetch(`${first.url}/api/circles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { circleId: string; deviceToken: string };
    const headers = { authorization: `Bearer ${circle.deviceToken}`, 'content-type': 'application/json' };
    const posted = await fetch(`${first.url}/api/circles/${circle.circleId}/records`, {
      method: 'POST', headers, body: JSON.stringify({ records: [{ id: 'x', hlc: '1800000000000-0000-a', ciphertext: 'QUJD' }] }),
    });
    expect(await posted.json()).toEqual({ seq: 1 });
    const read = (await (await fetch(`${second.url}/api/circles/${circle.circleId}/records?after=0`, { headers })).json()) as { records: { id: string }[] };
    expect(read.records.map((r) => r.id)).toEqual(['x']);
  });
});
