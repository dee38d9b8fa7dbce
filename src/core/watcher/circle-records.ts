/**
 * The watcher's side of the circle's records: it writes alert and people records (sealed, stamped with its own
 * hybrid logical clock) and reads the circle's people, so the person a carer entered in the app is the person the
 * extension watches, by the same id.
 */
import type { CaredPerson } from '../calls/person.ts';
import { importCircleKey, DecryptError } from '../circle/circle-crypto.ts';
import { openCircleRecord, sealCircleRecord, type CircleTable } from '../circle/circle-record.ts';
import { createHlc } from '../circle/hlc.ts';
import { createRelayClient, type RelayClient } from '../circle/relay-client.ts';
import type { Clock, HttpFetch } from '../platform.ts';
import type { CircleConnection, CircleRecordsState } from './watcher-state.ts';

export interface CircleRecordsDeps {
  fetch: HttpFetch;
  clock: Clock;
  store: {
    getCircleRecordsState(): Promise<CircleRecordsState | undefined>;
    saveCircleRecordsState(state: CircleRecordsState): Promise<void>;
  };
  crypto?: Crypto;
}

/** The circle's people as last read: alive rows only. */
export type CirclePeopleRows = CaredPerson[];

export function createCircleRecords(deps: CircleRecordsDeps) {
  const relayFor = (circle: CircleConnection): RelayClient => createRelayClient(circle.relayUrl.replace(/\/+$/, ''), deps.fetch);

  async function stateFor(circle: CircleConnection): Promise<CircleRecordsState> {
    const state = await deps.store.getCircleRecordsState();
    // Another circle (left and joined again): start over.
    return state && state.circleId === circle.circleId ? state : { circleId: circle.circleId, seq: 0, people: {} };
  }

  function clockFor(circle: CircleConnection, state: CircleRecordsState) {
    const nodeId = circle.deviceId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64) || 'watcher';
    return createHlc(nodeId, deps.clock, state.lastHlc);
  }

  return {
    /**
     * Seals `row` (stamped now with this device's clock) and posts it to the circle's records. Resolves with the
     * row as written. Throws the relay client's RelayError when the relay refuses or cannot be reached.
     */
    async write<Row extends { id: string }>(circle: CircleConnection, table: CircleTable, row: Row): Promise<Row & { hlc: string }> {
      const state = await stateFor(circle);
      const hlc = clockFor(circle, state).tick();
      const stamped = { ...row, hlc };
      const key = await importCircleKey(circle.circleKey, deps.crypto);
      const envelope = await sealCircleRecord(key, table, stamped, deps.crypto);
      await relayFor(circle).postRecords(encodeURIComponent(circle.circleId), [envelope], circle.deviceToken);
      const after = await stateFor(circle);
      await deps.store.saveCircleRecordsState({ ...after, lastHlc: hlc > (after.lastHlc ?? '') ? hlc : after.lastHlc! });
      return stamped;
    },

    /**
     * Reads every record after the last one read and keeps the newest version of each person (tombstones too).
     * Resolves with the circle's living people. Throws RelayError when the relay cannot be read; what was read before
     * stays kept.
     */
    async pullPeople(circle: CircleConnection): Promise<CirclePeopleRows> {
      const state = await stateFor(circle);
      const key = await importCircleKey(circle.circleKey, deps.crypto);
      const relay = relayFor(circle);
      const clock = clockFor(circle, state);
      let { seq } = state;
      const people = { ...state.people };
      for (let pages = 0; pages < 1000; pages++) {
        const page = await relay.getRecords(encodeURIComponent(circle.circleId), seq, circle.deviceToken);
        for (const envelope of page.records) {
          let body;
          try {
            body = await openCircleRecord(key, envelope, deps.crypto);
          } catch (error) {
            if (error instanceof DecryptError) continue;
            throw error;
          }
          if (!body) continue;
          try {
            clock.receive(body.row.hlc);
          } catch {
            // A clock far ahead of this device's time (ClockDriftError): the record is read, its clock not taken.
          }
          if (body.table !== 'people') continue;
          const row = body.row as unknown as CaredPerson;
          const known = people[row.id];
          if (!known || known.hlc < row.hlc) people[row.id] = row;
        }
        seq = page.seq;
        if (!page.more) break;
      }
      await deps.store.saveCircleRecordsState({ circleId: circle.circleId, seq, people, lastHlc: clock.tick() });
      return Object.values(people).filter((person) => !person.deleted);
    },
  };
}

export type CircleRecords = ReturnType<typeof createCircleRecords>;
