import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../../../src/db/backup.ts';
import { createRepository } from '../../../src/db/repository.ts';
import { freshDb } from './db-fixtures.ts';

const fixture = readFileSync(new URL('../../fixtures/pwa/backup-small.json', import.meta.url), 'utf8');

async function seeded() {
  const { db } = freshDb();
  const repo = await createRepository(db);
  await restoreBackup(db, fixture);
  return { db, repo };
}

describe('backup and restore', () => {
  it('restores a backup and exports the same bytes again', async () => {
    const { db } = await seeded();
    expect(await db.calls.count()).toBe(2);
    expect(await exportBackup(db)).toBe(fixture);
  });

  it('round-trips data made in the app byte for byte into another device', async () => {
    const { db, repo } = await seeded();
    await repo.saveRecord('calls', { ...(await db.calls.get('c1'))!, notes: 'Edited, with "quotes"\nand a line break' });
    await repo.deleteRecord('calls', 'c2');
    const first = await exportBackup(db);
    const other = freshDb().db;
    await restoreBackup(other, first);
    expect(await exportBackup(other)).toBe(first);
    expect((await other.calls.get('c2'))!.deleted).toBe(true);
  });

  it('refuses a bad record with an error naming it, and changes nothing', async () => {
    const { db } = await seeded();
    const before = await exportBackup(db);
    const bad = JSON.parse(fixture);
    bad.tables.calls[1].at = 'yesterday';
    bad.tables.people[0].name = 'Replaced';
    await expect(restoreBackup(db, JSON.stringify(bad))).rejects.toThrow('calls[1].at: expected an ISO date and time');
    expect(await exportBackup(db)).toBe(before);
  });

  it('names unknown outcomes, unknown fields, duplicates, and files that are not backups', async () => {
    const { db } = await seeded();
    const with_ = (edit: (file: any) => void): string => {
      const file = JSON.parse(fixture);
      edit(file);
      return JSON.stringify(file);
    };
    await expect(restoreBackup(db, with_((f) => (f.tables.calls[0].outcomes = ['ran away'])))).rejects.toThrow('calls[0].outcomes[0]: expected one of');
    await expect(restoreBackup(db, with_((f) => (f.tables.people[0].shoeSize = 9)))).rejects.toThrow('people[0].shoeSize: unknown field');
    await expect(restoreBackup(db, with_((f) => f.tables.calls.push(f.tables.calls[0])))).rejects.toThrow('calls[2].id: duplicate id c1');
    await expect(restoreBackup(db, with_((f) => (f.tables.alerts[0].spate.sources[0].url = 'javascript:alert(1)')))).rejects.toThrow('alerts[0].spate.sources[0].url');
    await expect(restoreBackup(db, '{"format":"something-else"}')).rejects.toThrow('format: expected "kinwatch-backup"');
    await expect(restoreBackup(db, 'not json')).rejects.toThrow('backup: not a JSON file');
    expect(await db.calls.count()).toBe(2);
  });

  it('keeps this device its own clock identity through a restore', async () => {
    const { db } = await seeded();
    const node = (await db.settings.get('deviceNodeId'))!.value;
    await restoreBackup(db, fixture);
    expect((await db.settings.get('deviceNodeId'))!.value).toBe(node);
  });
});
