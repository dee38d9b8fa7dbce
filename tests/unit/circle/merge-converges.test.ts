import { describe, expect, it } from 'vitest';
import type { SyncedRecord } from '../../../src/core/circle/envelope.ts';
import { createHlc } from '../../../src/core/circle/hlc.ts';
import { mergeRecords } from '../../../src/core/circle/merge.ts';
import { seededRandom } from './seeded-random.ts';

interface Replica {
  name: string;
  state: Map<string, SyncedRecord>;
  /** Every write this replica made, in order: what it would upload. */
  log: SyncedRecord[];
  tick(): string;
  receive(hlc: string): void;
}

function makeReplica(name: string, random: () => number): Replica {
  // Each replica's wall clock is skewed and moves at its own pace, as phones' clocks do.
  let wall = 1_700_000_000_000 + Math.floor(random() * 60_000) - 30_000;
  const clock = { now: () => (wall += Math.floor(random() * 3)) };
  const hlc = createHlc(name, clock);
  return { name, state: new Map(), log: [], tick: () => hlc.tick(), receive: (h) => hlc.receive(h) };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function deliver(to: Replica, records: SyncedRecord[]): void {
  for (const record of records) to.receive(record.hlc);
  mergeRecords(to.state, records);
}

function runScenario(seed: number, replicaCount: number) {
  const random = seededRandom(seed);
  const replicas = Array.from({ length: replicaCount }, (_, i) => makeReplica(`device${i}`, random));
  const ids = ['person', 'call-1', 'call-2', 'tick-7', 'alert-3'];
  const allWrites: SyncedRecord[] = [];
  for (let step = 0; step < 120; step++) {
    const replica = replicas[Math.floor(random() * replicas.length)]!;
    const roll = random();
    if (roll < 0.1) {
      // A partial exchange while online: some of another replica's writes arrive, in any order.
      const from = replicas[Math.floor(random() * replicas.length)]!;
      deliver(replica, shuffle(from.log, random).slice(0, Math.floor(random() * from.log.length)));
      continue;
    }
    const id = ids[Math.floor(random() * ids.length)]!;
    const deleted = roll < 0.3;
    const record: SyncedRecord = { id, hlc: replica.tick(), deleted, value: deleted ? null : { by: replica.name, step } };
    replica.log.push(record);
    allWrites.push(record);
    mergeRecords(replica.state, [record]);
  }
  // Back online: every replica receives every other replica's log, in a random order, some records twice.
  for (const replica of replicas) {
    const incoming = replicas.filter((r) => r !== replica).flatMap((r) => r.log);
    deliver(replica, shuffle([...incoming, ...incoming.slice(0, 10)], random));
  }
  return { replicas, allWrites };
}

describe('last-writer-wins merge of offline edits', () => {
  for (const replicaCount of [2, 3]) {
    it(`${replicaCount} replicas converge on the same state, whatever the delivery order (200 seeded runs)`, () => {
      for (let seed = 1; seed <= 200; seed++) {
        const { replicas, allWrites } = runScenario(seed * 7919 + replicaCount, replicaCount);
        const reference = JSON.stringify([...replicas[0]!.state.entries()].sort());
        for (const replica of replicas.slice(1)) {
          expect(JSON.stringify([...replica.state.entries()].sort()), `seed ${seed}`).toBe(reference);
        }
        // No write with the highest clock for its record is lost (a tombstone counts as a write).
        const highest = new Map<string, SyncedRecord>();
        for (const write of allWrites) if (!highest.has(write.id) || write.hlc > highest.get(write.id)!.hlc) highest.set(write.id, write);
        for (const [id, write] of highest) expect(replicas[0]!.state.get(id), `seed ${seed} id ${id}`).toEqual(write);
      }
    });
  }

  it('a delete made after an edit wins over it, and an edit made after a delete brings the record back', () => {
    const state = new Map<string, SyncedRecord>();
    mergeRecords(state, [
      { id: 'call-1', hlc: '1700000000002-0000-b', deleted: true, value: null },
      { id: 'call-1', hlc: '1700000000001-0000-a', deleted: false, value: { note: 'old' } },
    ]);
    expect(state.get('call-1')?.deleted).toBe(true);
    mergeRecords(state, [{ id: 'call-1', hlc: '1700000000003-0000-a', deleted: false, value: { note: 'again' } }]);
    expect(state.get('call-1')).toMatchObject({ deleted: false, value: { note: 'again' } });
  });

  it('every clock a replica issues after receiving a remote write sorts after that write', () => {
    const random = seededRandom(42);
    const slow = makeReplica('slow', random);
    const remoteFromFuture = '1900000000000-0005-fast';
    slow.receive(remoteFromFuture);
    expect(slow.tick() > remoteFromFuture).toBe(true);
  });
});
