import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../src/core/calls/call.ts';
import { queryCalls } from '../../../src/pwa/call-query.ts';
import { freshDb } from '../db/db-fixtures.ts';

const call = (id: string, personId: string, at: string, extra: Partial<CallRecord> = {}): CallRecord => ({
  id,
  hlc: '1764000000000-0000-node',
  personId,
  at,
  numberWithheld: true,
  callerKind: 'police',
  tactics: [],
  outcomes: ['hung-up'],
  bankTold: false,
  ...extra,
});

async function seeded() {
  const { db } = freshDb();
  await db.calls.bulkPut([
    call('a', 'p1', '2026-11-01T10:00:00.000Z'),
    call('b', 'p1', '2026-11-10T10:00:00.000Z', { outcomes: ['gave-details'], notes: 'Said he was DC Harris' }),
    call('c', 'p2', '2026-11-12T10:00:00.000Z', { outcomes: ['gave-details'] }),
    call('d', 'p1', '2026-11-20T10:00:00.000Z', { deleted: true }),
    call('e', 'p1', '2026-11-21T10:00:00.000Z', { ref101: 'CAD 4455' }),
  ]);
  return db;
}

describe('call log query', () => {
  it('lists live calls newest first, hiding deleted ones', async () => {
    const page = await queryCalls(await seeded(), {}, 50);
    expect(page.calls.map((entry) => entry.id)).toEqual(['e', 'c', 'b', 'a']);
    expect(page.total).toBe(4);
  });

  it('filters by person, date range and outcome together', async () => {
    const db = await seeded();
    expect((await queryCalls(db, { personId: 'p1' }, 50)).calls.map((entry) => entry.id)).toEqual(['e', 'b', 'a']);
    expect((await queryCalls(db, { from: '2026-11-05', to: '2026-11-12' }, 50)).calls.map((entry) => entry.id)).toEqual(['c', 'b']);
    expect((await queryCalls(db, { personId: 'p1', outcome: 'gave-details' }, 50)).calls.map((entry) => entry.id)).toEqual(['b']);
  });

  it('finds words in notes and references, case-insensitively', async () => {
    const db = await seeded();
    expect((await queryCalls(db, { text: 'harris' }, 50)).calls.map((entry) => entry.id)).toEqual(['b']);
    expect((await queryCalls(db, { text: 'cad 4455' }, 50)).calls.map((entry) => entry.id)).toEqual(['e']);
  });

  it('returns one page but counts every match', async () => {
    const page = await queryCalls(await seeded(), {}, 2);
    expect(page.calls).toHaveLength(2);
    expect(page.total).toBe(4);
  });
});
