/**
 * One round of care-circle sync: send this device's queued changes encrypted, then fetch and merge everyone else's.
 * Merging is last-writer-wins by hybrid logical clock (the repository's applyRemoteRecord), so devices that edited
 * offline converge. An outbox entry is removed only after the relay acknowledged it: nothing is lost to a crash.
 * A row stamped too far ahead of this device's time is held, not merged (it would outrank every later edit and
 * drag this device's clock forward); held rows are tried again at each round and merged once the time is reached.
 */
import { isLive } from '../../core/calls/next-steps.ts';
import { liveCallAlert } from '../../core/alerts/alert.ts';
import { sendCircleAlert } from '../../core/alerts/send-alert.ts';
import { openRecord, sealRecord, importCircleKey, DecryptError } from '../../core/circle/circle-crypto.ts';
import type { Envelope } from '../../core/circle/envelope.ts';
import { ClockDriftError } from '../../core/circle/hlc.ts';
import type { Repository } from '../../db/repository.ts';
import { SYNC_TABLES, type KinwatchDb, type SyncTable } from '../../db/schema.ts';
import { loadSyncStatus, updateSyncStatus, type CircleMembership } from './circle-membership.ts';
import type { RelayClient } from '../../core/circle/relay-client.ts';

const BATCH = 200;
/** Most rows held for being ahead of this device's time. */
const MAX_HELD = 500;

interface RecordBody {
  table: SyncTable;
  row: { id: string; hlc: string } & Record<string, unknown>;
}

export interface SyncResult {
  sent: number;
  received: number;
  applied: number;
  undecryptable: number;
  /** Rows still held because their clock is too far ahead of this device's time. */
  held: number;
}

export async function syncOnce(options: {
  db: KinwatchDb;
  repository: Repository;
  membership: CircleMembership;
  relay: RelayClient;
  now?: () => Date;
}): Promise<SyncResult> {
  const { db, repository, membership, relay } = options;
  const now = options.now ?? (() => new Date());
  const key = await importCircleKey(membership.circleKey);
  const result: SyncResult = { sent: 0, received: 0, applied: 0, undecryptable: 0, held: 0 };
  try {
    // Send: the newest state of each queued row; a row changed twice goes once.
    for (;;) {
      const queued = await db.outbox.orderBy('seq').limit(BATCH).toArray();
      if (queued.length === 0) break;
      const latest = new Map<string, RecordBody['row'] & { table: SyncTable }>();
      for (const entry of queued) {
        const row = (await db.table(entry.table).get(entry.id)) as RecordBody['row'] | undefined;
        if (row && row.hlc) latest.set(`${entry.table}:${entry.id}`, { ...row, table: entry.table });
      }
      const envelopes: Envelope[] = [];
      for (const [id, { table, ...row }] of latest) {
        envelopes.push(await sealRecord(key, { id, hlc: row.hlc, deleted: false, value: { table, row } satisfies RecordBody }));
      }
      if (envelopes.length > 0) await relay.postRecords(membership.circleId, envelopes, membership.deviceToken);
      await announceLiveCalls(db, [...latest.values()], membership, relay, key);
      await db.outbox.bulkDelete(queued.map((entry) => entry.seq!));
      result.sent += envelopes.length;
    }

    // Receive: first the rows held back last time, then everything after what this device has seen, page by page.
    const status0 = await loadSyncStatus(db);
    let { seq } = status0;
    const held = new Map<string, RecordBody>();
    const apply = async (body: RecordBody): Promise<void> => {
      const heldKey = `${body.table}:${body.row.id}`;
      try {
        if (await repository.applyRemoteRecord(body.table, body.row as never)) result.applied++;
        if (held.get(heldKey)?.row.hlc === body.row.hlc) held.delete(heldKey);
      } catch (error) {
        if (!(error instanceof ClockDriftError)) throw error;
        const current = held.get(heldKey);
        if (!current || current.row.hlc < body.row.hlc) held.set(heldKey, body);
      }
    };
    // Nearest clocks first: they will be merged soonest; beyond MAX_HELD the furthest-ahead ones are dropped.
    const keptHeld = () => [...held.values()].sort((x, y) => (x.row.hlc < y.row.hlc ? -1 : 1)).slice(0, MAX_HELD);
    for (const body of status0.heldAhead ?? []) {
      if ((SYNC_TABLES as readonly string[]).includes(body.table)) held.set(`${body.table}:${body.row.id}`, body as RecordBody);
    }
    for (const body of [...held.values()]) await apply(body);
    for (;;) {
      const page = await relay.getRecords(membership.circleId, seq, membership.deviceToken);
      for (const envelope of page.records) {
        result.received++;
        try {
          const opened = await openRecord<RecordBody>(key, envelope);
          const body = opened.value;
          if (!body || !(SYNC_TABLES as readonly string[]).includes(body.table) || body.row.hlc !== envelope.hlc) continue;
          await apply(body);
        } catch (error) {
          if (!(error instanceof DecryptError)) throw error;
          result.undecryptable++;
        }
      }
      seq = page.seq;
      // The held rows are saved with the position, so moving past a held row never loses it.
      await updateSyncStatus(db, { seq, heldAhead: keptHeld() });
      if (!page.more) break;
    }
    result.held = keptHeld().length;
    const status = await loadSyncStatus(db);
    await updateSyncStatus(db, {
      lastSyncAt: now().toISOString(),
      lastError: undefined,
      undecryptable: (status.undecryptable ?? 0) + result.undecryptable,
    });
    return result;
  } catch (error) {
    await updateSyncStatus(db, { lastError: (error as Error).message });
    throw error;
  }
}

/** A call that looks live pushes to every other device at once, once per call. */
async function announceLiveCalls(
  db: KinwatchDb,
  rows: (RecordBody['row'] & { table: SyncTable })[],
  membership: CircleMembership,
  relay: RelayClient,
  key: CryptoKey,
): Promise<void> {
  const calls = rows.filter((row) => row.table === 'calls' && !row.deleted && isLive(row as never));
  if (calls.length === 0) return;
  const status = await loadSyncStatus(db);
  const announced = new Set(status.announcedCalls ?? []);
  const woke: Record<string, number> = { ...status.announcedWoke };
  for (const call of calls) {
    if (announced.has(call.id)) continue;
    const personId = String(call.personId ?? '');
    const person = personId ? ((await db.people.get(personId)) as { name?: string } | undefined) : undefined;
    // The call record went first (above): the push only wakes the other devices sooner.
    const alert = liveCallAlert(call.id, personId, person?.name);
    const { queued } = await sendCircleAlert({ relay, circleId: membership.circleId, deviceToken: membership.deviceToken, key, alert, urgency: 'high' });
    announced.add(call.id);
    woke[call.id] = queued;
    const kept = [...announced].slice(-200);
    await updateSyncStatus(db, { announcedCalls: kept, announcedWoke: Object.fromEntries(kept.filter((id) => id in woke).map((id) => [id, woke[id]!])) });
  }
}
