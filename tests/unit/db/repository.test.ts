import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../src/db/repository.ts';
import { freshDb } from './db-fixtures.ts';

const person = { id: 'p1', name: 'Joan', postcode: 'CO1 1AA', postcodeChecked: true, phones: [], banks: [], familyNumbers: [] };

describe('repository', () => {
  it('stamps every save with a newer clock and queues it in the outbox', async () => {
    let now = 1_764_000_000_000;
    const { db } = freshDb();
    const repo = await createRepository(db, { now: () => now });
    const first = await repo.saveRecord('people', person);
    now += 5;
    const second = await repo.saveRecord('people', { ...person, name: 'Joan Smith' });
    expect(second.hlc > first.hlc).toBe(true);
    expect((await db.people.get('p1'))!.name).toBe('Joan Smith');
    expect((await db.outbox.toArray()).map((row) => [row.table, row.id])).toEqual([['people', 'p1'], ['people', 'p1']]);
  });

  it('deletes as a tombstone and restores it (undo)', async () => {
    const { db } = freshDb();
    const repo = await createRepository(db);
    await repo.saveRecord('people', person);
    await repo.deleteRecord('people', 'p1');
    expect((await db.people.get('p1'))!.deleted).toBe(true);
    await repo.restoreRecord('people', 'p1');
    const restored = await db.people.get('p1');
    expect(restored!.deleted).toBeUndefined();
    expect(restored!.name).toBe('Joan');
    expect(await db.outbox.count()).toBe(3);
  });

  it('says which record is missing when deleting something that is not there', async () => {
    const repo = await createRepository(freshDb().db);
    await expect(repo.deleteRecord('calls', 'nope')).rejects.toThrow('calls: no record with id nope');
  });

  it('applies remote rows last-writer-wins without queueing them again', async () => {
    const { db } = freshDb();
    const repo = await createRepository(db, { now: () => 1_764_000_000_000 });
    const local = await repo.saveRecord('people', person);
    const older = { ...person, name: 'Older', hlc: '1700000000000-0000-remote' };
    const newer = { ...person, name: 'Newer', hlc: '1764000060000-0000-remote' }; // a minute ahead: within the drift
    expect(await repo.applyRemoteRecord('people', older)).toBe(false);
    expect((await db.people.get('p1'))!.hlc).toBe(local.hlc);
    expect(await repo.applyRemoteRecord('people', newer)).toBe(true);
    expect((await db.people.get('p1'))!.name).toBe('Newer');
    expect(await db.outbox.count()).toBe(1);
    // A local edit after seeing the remote row orders after it, even with a slow local clock.
    const edited = await repo.saveRecord('people', { ...person, name: 'Local again' });
    expect(edited.hlc > newer.hlc).toBe(true);
  });

  it('keeps the clock across restarts', async () => {
    const { db } = freshDb();
    const first = await (await createRepository(db, { now: () => 1_764_000_000_000 })).saveRecord('people', person);
    const again = await (await createRepository(db, { now: () => 1_000 })).saveRecord('people', person);
    expect(again.hlc > first.hlc).toBe(true);
  });
});
