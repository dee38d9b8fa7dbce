import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAlert, exportCircleKey, generateCircleKey, importCircleKey } from '../../../src/core/circle/circle-crypto.ts';
import type { CallRecord } from '../../../src/core/calls/call.ts';
import { createRepository, type Repository } from '../../../src/db/repository.ts';
import { openKinwatchDb, type KinwatchDb } from '../../../src/db/schema.ts';
import type { CircleAlert } from '../../../src/core/alerts/alert.ts';
import { loadSyncStatus, saveMembership, type CircleMembership } from '../../../src/pwa/sync/circle-membership.ts';
import { createRelayClient } from '../../../src/core/circle/relay-client.ts';
import { syncOnce } from '../../../src/pwa/sync/sync-engine.ts';
import { relayUnderTest, type RelayUnderTest } from '../server/relay-under-test.ts';

interface Device {
  db: KinwatchDb;
  repository: Repository;
  membership: CircleMembership;
  sync(): ReturnType<typeof syncOnce>;
}

const person = { id: 'p1', name: 'Margaret', postcode: 'CO1 1AA', postcodeChecked: true, phones: [], banks: [], familyNumbers: [] };
const call = (over: Partial<CallRecord> = {}): Omit<CallRecord, 'hlc'> => ({
  id: 'c1', personId: 'p1', at: '2026-11-24T10:00:00Z', numberWithheld: true, callerKind: 'police', tactics: [], outcomes: ['hung-up'], bankTold: false, ...over,
});

describe('care circle sync between two devices through a real relay', () => {
  let relay: RelayUnderTest;
  let origin: string;
  let circleKey: string;
  let a: Device;
  let b: Device;

  async function device(name: string, creds: { circleId: string; deviceId: string; deviceToken: string }, wall: { now(): number }): Promise<Device> {
    const db = openKinwatchDb({ name: `kinwatch-${name}`, indexedDB: new IDBFactory(), IDBKeyRange });
    const repository = await createRepository(db, wall);
    const membership: CircleMembership = { relayOrigin: origin, ...creds, circleKey, deviceName: name, joinedAt: new Date().toISOString() };
    await saveMembership(db, membership);
    return { db, repository, membership, sync: () => syncOnce({ db, repository, membership, relay: createRelayClient(origin) }) };
  }

  beforeAll(async () => {
    relay = await relayUnderTest({});
    origin = await relay.app.listen({ port: 0, host: '127.0.0.1' });
    circleKey = await exportCircleKey(await generateCircleKey());
    const first = await relay.circle('A');
    const second = await relay.join(first.circleId, first.deviceToken, 'B');
    let wallA = 1_800_000_000_000;
    let wallB = 1_800_000_000_000 - 5_000; // B's clock runs 5 s slow
    a = await device('A', first, { now: () => (wallA += 10) });
    b = await device('B', { circleId: first.circleId, ...second }, { now: () => (wallB += 10) });
  });
  afterAll(async () => relay?.close());

  it('sends a change, which the other device receives and stores; the relay holds only ciphertext', async () => {
    await a.repository.saveRecord('people', person);
    expect(await a.sync()).toMatchObject({ sent: 1 });
    expect(await a.db.outbox.count()).toBe(0);
    await b.sync();
    expect((await b.db.people.get('p1'))?.name).toBe('Margaret');
    const stored = await relay.store.recordsAfter(a.membership.circleId, 0, 10);
    expect(JSON.stringify(stored)).not.toContain('Margaret');
    expect((await loadSyncStatus(b.db)).lastSyncAt).toBeDefined();
  });

  it('converges after both devices edit the same record offline: the later edit wins on both, deletes included', async () => {
    await a.repository.saveRecord('calls', call({ notes: 'from A' }));
    await a.sync();
    await b.sync();
    // Both offline, both edit the same call; A's clock is ahead, so A's edit carries the higher clock and must win.
    const editB = await b.repository.saveRecord('calls', { ...(await b.db.calls.get('c1'))!, notes: 'from B' });
    const editA = await a.repository.saveRecord('calls', { ...(await a.db.calls.get('c1'))!, notes: 'from A, later' });
    await a.repository.saveRecord('people', { ...person, name: 'Margaret Smith' });
    const winner = editA.hlc > editB.hlc ? 'from A, later' : 'from B';
    expect(winner).toBe('from A, later');
    await b.sync();
    await a.sync();
    await b.sync();
    expect((await a.db.calls.get('c1'))?.notes).toBe(winner);
    expect((await b.db.calls.get('c1'))?.notes).toBe(winner);
    expect((await b.db.people.get('p1'))?.name).toBe('Margaret Smith');
    // B, having now seen A's edit, edits again: its new clock is later than everything it has seen, so it wins.
    await b.repository.saveRecord('calls', { ...(await b.db.calls.get('c1'))!, notes: 'B after seeing A' });
    await b.sync();
    await a.sync();
    expect((await a.db.calls.get('c1'))?.notes).toBe('B after seeing A');
    await a.repository.deleteRecord('calls', 'c1');
    await a.sync();
    await b.sync();
    expect((await b.db.calls.get('c1'))?.deleted).toBe(true);
  });

  it('pushes an urgent alert to the rest of the circle once when a live call is logged', async () => {
    const subscription = { endpoint: 'http://127.0.0.1:9/push/b', keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) } };
    await relay.store.putPushSubscription(b.membership.deviceId, subscription, Date.now());
    // Logged just now: only a recent call can still be live.
    await a.repository.saveRecord('calls', call({ id: 'c2', at: new Date().toISOString(), outcomes: ['still-on-line'] }));
    await a.sync();
    await a.repository.saveRecord('calls', { ...(await a.db.calls.get('c2'))!, notes: 'still going' });
    await a.sync();
    const jobs = await relay.store.claimPushes(Date.now() + 1, 10, 1000);
    expect(jobs).toHaveLength(1);
    // Home's words come from this: one device (B) was woken for the call.
    expect((await loadSyncStatus(a.db)).announcedWoke).toEqual({ c2: 1 });
    expect(jobs[0]!.urgency).toBe('high');
    const payload = JSON.parse(jobs[0]!.payload) as { ciphertext: string };
    const alert = await openAlert<CircleAlert>(await importCircleKey(circleKey), a.membership.circleId, payload.ciphertext);
    expect(alert).toMatchObject({ kind: 'live-call', callId: 'c2', body: 'Margaret Smith may be on the phone with a fraudster now' });
  });

  it('keeps queued changes when the relay cannot be reached, and sends them later', async () => {
    const offline = { ...a.membership, relayOrigin: 'http://127.0.0.1:1' };
    await a.repository.saveRecord('checklist', { id: 't1', personId: 'p1', ruleId: 'never-pin', talkedOn: '2026-11-24', by: 'A' });
    await expect(syncOnce({ db: a.db, repository: a.repository, membership: offline, relay: createRelayClient(offline.relayOrigin) })).rejects.toThrow(/could not be reached/);
    expect(await a.db.outbox.count()).toBe(1);
    expect((await loadSyncStatus(a.db)).lastError).toMatch(/could not be reached/);
    await a.sync();
    await b.sync();
    expect((await b.db.checklist.get('t1'))?.ruleId).toBe('never-pin');
  });

  it('skips records encrypted with another key, counting them, without losing the rest', async () => {
    const stranger = await device('C', { circleId: a.membership.circleId, ...(await relay.join(a.membership.circleId, a.membership.deviceToken, 'C')) }, { now: () => Date.now() });
    const wrongKey = { ...stranger.membership, circleKey: await exportCircleKey(await generateCircleKey()) };
    await stranger.repository.saveRecord('people', { ...person, id: 'p9', name: 'Intruder' });
    await syncOnce({ db: stranger.db, repository: stranger.repository, membership: wrongKey, relay: createRelayClient(origin) });
    const result = await b.sync();
    expect(result.undecryptable).toBe(1);
    expect(await b.db.people.get('p9')).toBeUndefined();
  });
});
