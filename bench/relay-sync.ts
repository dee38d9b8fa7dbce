/**
 * Sync of 10,000 records between two devices through a relay on loopback: the full client path (encrypt, send,
 * fetch, decrypt, merge into IndexedDB) against a baseline of posting and fetching the same ciphertext raw.
 * Usage: npx tsx bench/relay-sync.ts [records]
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { exportCircleKey, generateCircleKey, importCircleKey, sealRecord } from '../src/core/circle/circle-crypto.ts';
import { systemClock } from '../src/core/platform.ts';
import { createRepository } from '../src/db/repository.ts';
import { openKinwatchDb } from '../src/db/schema.ts';
import { buildApp } from '../src/server/app.ts';
import { loadVapidKeys } from '../src/server/push/vapid.ts';
import { openStore } from '../src/server/store/open-store.ts';
import { saveMembership } from '../src/pwa/sync/circle-membership.ts';
import { createRelayClient } from '../src/core/circle/relay-client.ts';
import { syncOnce } from '../src/pwa/sync/sync-engine.ts';
import { isMain, printTable, round } from './relay-bench-support.ts';

export async function benchSync(total = 10_000): Promise<Record<string, string | number>[]> {
  const store = await openStore({});
  const app = await buildApp({
    store, clock: systemClock, vapid: await loadVapidKeys(store), log: () => {},
    settings: { allowOrigins: [], bodyLimitBytes: 4 * 1024 * 1024, inviteTtlMs: 3_600_000, pushTtlSeconds: 60, limits: { perMinute: 1e9, circlesPerAddressPerHour: 1e9 } },
  });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  const relay = createRelayClient(origin);
  const circleKey = await exportCircleKey(await generateCircleKey());
  const key = await importCircleKey(circleKey);

  async function device(name: string) {
    const created = await relay.createCircle(name);
    const db = openKinwatchDb({ name, indexedDB: new IDBFactory(), IDBKeyRange });
    const repository = await createRepository(db);
    const membership = { relayOrigin: origin, ...created, circleKey, deviceName: name, joinedAt: new Date().toISOString() };
    await saveMembership(db, membership);
    return { db, repository, membership };
  }

  // Baseline: the same number of records, encrypted beforehand, posted and fetched raw in pages of 500.
  const raw = await device('raw');
  const envelopes = [];
  for (let i = 0; i < total; i++) envelopes.push(await sealRecord(key, { id: `checklist:t${i}`, hlc: `1800000000000-${(i % 65536).toString(16).padStart(4, '0')}-raw${Math.floor(i / 65536)}`, deleted: false, value: { n: i } }));
  let started = performance.now();
  for (let i = 0; i < total; i += 200) await relay.postRecords(raw.membership.circleId, envelopes.slice(i, i + 200), raw.membership.deviceToken);
  const rawPost = (performance.now() - started) / 1000;
  started = performance.now();
  for (let after = 0; ; ) {
    const page = await relay.getRecords(raw.membership.circleId, after, raw.membership.deviceToken);
    after = page.seq;
    if (!page.more) break;
  }
  const rawGet = (performance.now() - started) / 1000;

  // The client: 10,000 checklist ticks saved on device A, synced up; device B (same circle) syncs them down.
  const a = await device('a');
  const b = await device('b');
  b.membership.circleId = a.membership.circleId;
  const invite = await relay.createInvite(a.membership.circleId, a.membership.deviceToken);
  Object.assign(b.membership, await relay.join(a.membership.circleId, invite.inviteToken, 'b'));
  await saveMembership(b.db, b.membership);
  for (let i = 0; i < total; i++) {
    await a.repository.saveRecord('checklist', { id: `t${i}`, personId: 'p1', ruleId: 'never-pin', talkedOn: '2026-11-24', by: 'bench' });
  }
  started = performance.now();
  const up = await syncOnce({ db: a.db, repository: a.repository, membership: a.membership, relay });
  const clientPost = (performance.now() - started) / 1000;
  started = performance.now();
  const down = await syncOnce({ db: b.db, repository: b.repository, membership: b.membership, relay });
  const clientGet = (performance.now() - started) / 1000;
  if (up.sent !== total || down.applied !== total) throw new Error(`sync bench: sent ${up.sent}, applied ${down.applied}, expected ${total}`);

  await app.close();
  await store.close();
  return [
    { step: 'send (raw POST, baseline)', records: total, seconds: round(rawPost, 2), 'records/s': round(total / rawPost, 0), ratio: 1 },
    { step: 'send (encrypt + POST + outbox)', records: up.sent, seconds: round(clientPost, 2), 'records/s': round(total / clientPost, 0), ratio: round(rawPost / clientPost, 2) },
    { step: 'receive (raw GET, baseline)', records: total, seconds: round(rawGet, 2), 'records/s': round(total / rawGet, 0), ratio: 1 },
    { step: 'receive (GET + decrypt + merge)', records: down.applied, seconds: round(clientGet, 2), 'records/s': round(total / clientGet, 0), ratio: round(rawGet / clientGet, 2) },
  ];
}

if (isMain(import.meta.url)) {
  printTable('Sync of records between two devices (ratio = client speed ÷ raw relay speed)', await benchSync(Number(process.argv[2] ?? 10_000)));
}
