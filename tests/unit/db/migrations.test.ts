import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openKinwatchDb, SCHEMA_V1 } from '../../../src/db/schema.ts';

const hlc = '1764000000000-0000-node';

describe('database migrations', () => {
  it('keeps everything written under v1 when the app upgrades to v2, and turns a single outcome into outcomes', async () => {
    const factory = new IDBFactory();
    const v1 = new Dexie('kinwatch', { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('people').put({ id: 'p1', hlc, name: 'Joan', postcode: 'CO1 1AA', postcodeChecked: true, phones: [], banks: [], familyNumbers: [] });
    await v1.table('calls').bulkPut([
      { id: 'c1', hlc, personId: 'p1', at: '2026-11-20T10:00:00.000Z', numberWithheld: true, callerKind: 'police', tactics: ['pin-request'], outcome: 'gave-details', bankTold: false },
      { id: 'c2', hlc, personId: 'p1', at: '2026-11-21T10:00:00.000Z', numberWithheld: true, callerKind: 'bank', tactics: [], bankTold: false },
    ]);
    await v1.table('checklist').put({ id: 't1', hlc, personId: 'p1', ruleId: 'never-pin', talkedOn: '2026-11-20', by: 'Sam' });
    await v1.table('alerts').put({ id: 'a1', hlc, personId: 'p1', receivedAt: '2026-11-20T09:00:00.000Z', spate: { id: 'a1' } });
    await v1.table('checkIns').put({ id: 'k1', hlc, alertId: 'a1', personId: 'p1', at: '2026-11-20T09:30:00.000Z', by: 'Sam' });
    await v1.table('settings').put({ key: 'carerName', value: 'Sam' });
    await v1.table('outbox').add({ table: 'calls', id: 'c1' });
    v1.close();

    const db = openKinwatchDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.people.get('p1')).toMatchObject({ name: 'Joan' });
    const c1 = await db.calls.get('c1');
    expect(c1!.outcomes).toEqual(['gave-details']);
    expect(c1).not.toHaveProperty('outcome');
    expect((await db.calls.get('c2'))!.outcomes).toEqual([]);
    expect(await db.checklist.count()).toBe(1);
    expect(await db.alerts.count()).toBe(1);
    expect(await db.checkIns.count()).toBe(1);
    expect((await db.settings.get('carerName'))!.value).toBe('Sam');
    expect(await db.outbox.toArray()).toEqual([{ seq: 1, table: 'calls', id: 'c1' }]);
    // The v2 index answers the per-person, newest-first query the call log uses.
    const newest = await db.calls.where('[personId+at]').between(['p1', Dexie.minKey], ['p1', Dexie.maxKey]).reverse().first();
    expect(newest!.id).toBe('c2');
    db.close();
  });

  it('creates a new database at v2 directly', async () => {
    const db = openKinwatchDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['alerts', 'calls', 'checkIns', 'checklist', 'outbox', 'people', 'settings']);
    db.close();
  });
});
