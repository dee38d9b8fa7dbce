import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCircleKey, generateCircleKey } from '../../../src/core/circle/circle-crypto.ts';
import { createRepository } from '../../../src/db/repository.ts';
import { openKinwatchDb } from '../../../src/db/schema.ts';
import { saveMembership } from '../../../src/pwa/sync/circle-membership.ts';
import { startCircleSync, type CircleSync } from '../../../src/pwa/sync/circle-sync.ts';
import { relayUnderTest, type RelayUnderTest } from '../server/relay-under-test.ts';

// The page events the sync listens to, without a browser: window "online" and document visibility.
const fakeWindow = new EventTarget();
const fakeDocument = Object.assign(new EventTarget(), { visibilityState: 'visible' });

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 5_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('when the app syncs with its circle', () => {
  let relay: RelayUnderTest;
  let sync: CircleSync;
  let circleId: string;
  let token: string;
  const db = openKinwatchDb({ name: 'triggers', indexedDB: new IDBFactory(), IDBKeyRange });
  const repository = createRepository(db);
  const relayCount = async () => (await relay.store.recordsAfter(circleId, 0, 1000)).records.length;

  beforeAll(async () => {
    relay = await relayUnderTest({});
    // Only after the embedded database started: it takes a global `window` to mean a browser.
    Object.assign(globalThis, { window: fakeWindow, document: fakeDocument });
    const origin = await relay.app.listen({ port: 0, host: '127.0.0.1' });
    const circle = await relay.circle('A');
    circleId = circle.circleId;
    token = circle.deviceToken;
    await saveMembership(db, { relayOrigin: origin, ...circle, circleKey: await exportCircleKey(await generateCircleKey()), deviceName: 'A', joinedAt: '2026-11-24T10:00:00Z' });
  });
  afterAll(async () => {
    sync?.stop();
    delete (globalThis as { window?: unknown }).window;
    delete (globalThis as { document?: unknown }).document;
    await relay?.close();
  });

  it('syncs on start, shortly after a local change, when back online and when shown again; stops when told', async () => {
    await (await repository).saveRecord('people', { id: 'p0', name: 'Before start', postcode: 'CO1 1AA', postcodeChecked: false, phones: [], banks: [], familyNumbers: [] });
    sync = startCircleSync({ db, repository: () => repository, debounceMs: 20, intervalMs: 60_000 });
    await eventually(async () => (await relayCount()) === 1, 'the sync on start');

    await (await repository).saveRecord('people', { id: 'p1', name: 'Changed', postcode: 'CO1 1AA', postcodeChecked: false, phones: [], banks: [], familyNumbers: [] });
    await eventually(async () => (await relayCount()) === 2, 'the sync after a change');

    // A record from another device arrives on the relay; "online" and "visible" each fetch it.
    await relay.call('POST', `/api/circles/${circleId}/records`, { token, body: { records: [{ id: 'x:1', hlc: '1800000000000-0000-other', ciphertext: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }] } });
    fakeWindow.dispatchEvent(new Event('online'));
    await eventually(async () => ((await db.settings.get('circleSync'))?.value as { seq: number }).seq === 3, 'the sync when back online');
    await relay.call('POST', `/api/circles/${circleId}/records`, { token, body: { records: [{ id: 'x:2', hlc: '1800000000001-0000-other', ciphertext: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }] } });
    fakeDocument.dispatchEvent(new Event('visibilitychange'));
    await eventually(async () => ((await db.settings.get('circleSync'))?.value as { seq: number }).seq === 4, 'the sync when shown again');

    sync.stop();
    await (await repository).saveRecord('people', { id: 'p2', name: 'After stop', postcode: 'CO1 1AA', postcodeChecked: false, phones: [], banks: [], familyNumbers: [] });
    await new Promise((r) => setTimeout(r, 200));
    expect(await db.outbox.count()).toBe(1);
  });
});
