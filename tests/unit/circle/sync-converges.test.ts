/**
 * The circle's merge as it ships: several devices, each with its own database and repository, sync through the sync
 * engine and a real relay (HTTP on 127.0.0.1) in random interleavings of edits, deletes, syncs and clock moves.
 * Property (fast-check): once every device has synced twice, all hold the same rows, and each row is the write with
 * the highest clock made anywhere (a delete counts as a write). A failing run prints its seed and shrunk actions.
 */
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../src/core/calls/call.ts';
import { exportCircleKey, generateCircleKey } from '../../../src/core/circle/circle-crypto.ts';
import { MAX_DRIFT_MS, parseHlc } from '../../../src/core/circle/hlc.ts';
import { createRelayClient } from '../../../src/core/circle/relay-client.ts';
import { createRepository, type Repository } from '../../../src/db/repository.ts';
import { openKinwatchDb, type KinwatchDb } from '../../../src/db/schema.ts';
import { loadSyncStatus, saveMembership, type CircleMembership } from '../../../src/pwa/sync/circle-membership.ts';
import { syncOnce } from '../../../src/pwa/sync/sync-engine.ts';
import { relayUnderTest, type RelayUnderTest } from '../server/relay-under-test.ts';

const BASE = Date.parse('2026-11-24T12:00:00Z');
const DEVICES = 3;
const IDS = ['c1', 'c2', 'c3'] as const;

interface Device {
  db: KinwatchDb;
  repository: Repository;
  sync(): ReturnType<typeof syncOnce>;
}

type Action =
  | { kind: 'save'; device: number; id: (typeof IDS)[number]; note: string }
  | { kind: 'delete'; device: number; id: (typeof IDS)[number] }
  | { kind: 'sync'; device: number }
  | { kind: 'sync-two-at-once'; device: number; other: number }
  | { kind: 'time-passes'; ms: number };

const call = (id: string, notes: string): Omit<CallRecord, 'hlc'> => ({
  id, personId: 'p1', at: '2026-11-24T10:00:00Z', numberWithheld: true, callerKind: 'police', tactics: [], outcomes: ['hung-up'], bankTold: false, notes,
});

const device = fc.integer({ min: 0, max: DEVICES - 1 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('save' as const), device, id: fc.constantFrom(...IDS), note: fc.string({ maxLength: 12 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), device, id: fc.constantFrom(...IDS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), device }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sync-two-at-once' as const), device, other: device }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('time-passes' as const), ms: fc.integer({ min: 0, max: 5_000 }) }) },
);

describe('care circle sync converges through the repository, the sync engine and a real relay', () => {
  let relay: RelayUnderTest;
  let origin: string;
  let circleKey: string;

  beforeAll(async () => {
    relay = await relayUnderTest({});
    origin = await relay.app.listen({ port: 0, host: '127.0.0.1' });
    circleKey = await exportCircleKey(await generateCircleKey());
  });
  afterAll(async () => relay?.close());

  /** A fresh circle of `count` devices; `clocks[i]()` is device i's wall time (ms). */
  async function circleOf(clocks: (() => number)[]): Promise<Device[]> {
    const first = await relay.circle('device 0');
    const credentials = [first];
    for (let i = 1; i < clocks.length; i++) credentials.push({ circleId: first.circleId, ...(await relay.join(first.circleId, first.deviceToken, `device ${i}`)) });
    return Promise.all(
      credentials.map(async (creds, i) => {
        const db = openKinwatchDb({ name: `kinwatch-${i}`, indexedDB: new IDBFactory(), IDBKeyRange });
        const repository = await createRepository(db, { now: clocks[i]! });
        const membership: CircleMembership = { relayOrigin: origin, ...creds, circleKey, deviceName: `device ${i}`, joinedAt: new Date(BASE).toISOString() };
        await saveMembership(db, membership);
        return { db, repository, sync: () => syncOnce({ db, repository, membership, relay: createRelayClient(origin) }) };
      }),
    );
  }

  it('every device ends with the same rows, each the highest-clock write, whatever the interleaving', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        // Phones' clocks disagree by up to two minutes, inside the drift the clock accepts.
        fc.array(fc.integer({ min: -120_000, max: 120_000 }), { minLength: DEVICES, maxLength: DEVICES }),
        fc.array(action, { minLength: 1, maxLength: 25 }),
        async (skews, actions) => {
          let elapsed = 0;
          const devices = await circleOf(skews.map((skew) => () => BASE + skew + elapsed));
          const writes: CallRecord[] = [];
          for (const step of actions) {
            if (step.kind === 'save') {
              writes.push(structuredClone(await devices[step.device]!.repository.saveRecord('calls', call(step.id, step.note))));
            } else if (step.kind === 'delete') {
              const here = devices[step.device]!;
              const existing = await here.db.calls.get(step.id);
              if (!existing || existing.deleted) continue;
              await here.repository.deleteRecord('calls', step.id);
              writes.push((await here.db.calls.get(step.id))!);
            } else if (step.kind === 'sync') {
              await devices[step.device]!.sync();
            } else if (step.kind === 'sync-two-at-once') {
              await Promise.all([devices[step.device]!.sync(), devices[step.other]!.sync()]);
            } else {
              elapsed += step.ms;
            }
          }
          for (let round = 0; round < 2; round++) for (const each of devices) await each.sync();

          const states = await Promise.all(devices.map(async (each) => (await each.db.calls.toArray()).sort((a, b) => a.id.localeCompare(b.id))));
          for (const state of states.slice(1)) expect(state).toEqual(states[0]);
          const highest = new Map<string, CallRecord>();
          for (const write of writes) if (!highest.has(write.id) || write.hlc > highest.get(write.id)!.hlc) highest.set(write.id, write);
          expect(new Map(states[0]!.map((row) => [row.id, row]))).toEqual(highest);
          for (const each of devices) expect(await each.db.outbox.count()).toBe(0);
        },
      ),
      { numRuns: Number(process.env.KINWATCH_SYNC_RUNS ?? 30) },
    );
  });

  it('a device whose clock is a year ahead cannot poison the circle: its edit waits, everyone keeps saving', async () => {
    let now = BASE;
    const yearMs = 365 * 24 * 3600_000;
    const [good, other, ahead] = await circleOf([() => now, () => now, () => now + yearMs]);
    await good!.repository.saveRecord('calls', call('c1', 'logged by the carer'));
    await good!.sync();
    await ahead!.sync();
    await ahead!.repository.saveRecord('calls', { ...(await ahead!.db.calls.get('c1'))!, notes: 'edited with a wrong clock' });
    await ahead!.sync();

    expect(await good!.sync()).toMatchObject({ held: 1 });
    expect((await good!.db.calls.get('c1'))?.notes).toBe('logged by the carer');
    // Later edits still save, stamped at this device's time, not a year ahead, and they reach the rest of the circle.
    const later = await good!.repository.saveRecord('calls', { ...(await good!.db.calls.get('c1'))!, notes: 'edited later' });
    expect(parseHlc(later.hlc).wallMs).toBeLessThan(now + MAX_DRIFT_MS);
    await good!.sync();
    await other!.sync();
    expect((await other!.db.calls.get('c1'))?.notes).toBe('edited later');
    expect((await loadSyncStatus(other!.db)).heldAhead).toHaveLength(1);

    // Once real time reaches the far clock, the held edit is merged like any other: it was the later write.
    now += yearMs;
    expect(await good!.sync()).toMatchObject({ held: 0, applied: 1 });
    await other!.sync();
    expect((await good!.db.calls.get('c1'))?.notes).toBe('edited with a wrong clock');
    expect((await other!.db.calls.get('c1'))?.notes).toBe('edited with a wrong clock');
  });
});
