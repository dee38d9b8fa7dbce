import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../src/db/repository.ts';
import { openKinwatchDb, SCHEMA_V1, SCHEMA_V2 } from '../../../src/db/schema.ts';

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

  it('normalises a row of the older shape written after the upgrade, when it is read and when it comes from another device', async () => {
    const factory = new IDBFactory();
    const db = openKinwatchDb({ indexedDB: factory, IDBKeyRange });
    const oldShape = { id: 'c9', hlc, personId: 'p1', at: '2026-11-20T10:00:00.000Z', numberWithheld: true, callerKind: 'police', tactics: [], outcome: 'courier-coming', bankTold: false, deleted: false };
    // A tab still on the previous release, or a restored file, writes the old shape straight into the table.
    await db.table('calls').put({ ...oldShape });
    const read = await db.calls.get('c9');
    expect(read!.outcomes).toEqual(['courier-coming']);
    expect(read).not.toHaveProperty('outcome');
    expect(read).not.toHaveProperty('deleted');
    expect((await db.calls.toArray()).map((call) => call.outcomes)).toEqual([['courier-coming']]);
    // A device on the previous release sends the old shape through the circle: stored in the current shape.
    const repository = await createRepository(db, { now: () => 1_764_000_000_000 });
    await repository.applyRemoteRecord('calls', { ...oldShape, id: 'c10', outcome: 'gave-details' } as never);
    const raw = await new Promise<Record<string, unknown>>((resolve) => {
      db.backendDB().transaction('calls').objectStore('calls').get('c10').onsuccess = (event) => resolve((event.target as IDBRequest).result);
    });
    expect(raw.outcomes).toEqual(['gave-details']);
    expect(raw).not.toHaveProperty('outcome');
  });

  it('stops a tab on the previous release from writing once another tab upgrades, and says so', async () => {
    const factory = new IDBFactory();
    let replaced = 0;
    const old = openKinwatchDb({ indexedDB: factory, IDBKeyRange, whenReplaced: () => replaced++ });
    await old.people.put({ id: 'p1', hlc, name: 'Joan', postcode: 'CO1 1AA', postcodeChecked: true, phones: [], banks: [], familyNumbers: [] });
    // The next release opens the same database at a higher version: not blocked by the old tab.
    const next = new Dexie('kinwatch', { indexedDB: factory, IDBKeyRange });
    next.version(2).stores(SCHEMA_V2);
    next.version(3).stores({ ...SCHEMA_V2, people: 'id, name, postcode' });
    await next.open();
    expect(next.verno).toBe(3);
    expect(replaced).toBe(1);
    await expect(old.people.put({ id: 'p2', hlc, name: 'Lost?', postcode: 'CO1 1AA', postcodeChecked: true, phones: [], banks: [], familyNumbers: [] })).rejects.toThrow(/closed/i);
    expect(await next.table('people').count()).toBe(1);
    next.close();
  });
});
