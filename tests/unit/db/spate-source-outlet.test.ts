import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaredPerson } from '../../../src/core/calls/person.ts';
import { exportBackup, restoreBackup } from '../../../src/db/backup.ts';
import { createRepository } from '../../../src/db/repository.ts';
import { parseAlertFile } from '../../../src/pwa/alert-import.ts';
import { freshDb } from './db-fixtures.ts';

/** The fixture was written before sources had an outlet: its one source is a force's own article. */
const fixture = readFileSync(new URL('../../fixtures/pwa/backup-small.json', import.meta.url), 'utf8');
const PAPER = { sourceId: 'google-news:essex', url: 'https://news.google.com/rss/articles/CBMiabc?oc=5', title: 'Fake police phone Colchester pensioners', publishedAt: '2026-11-22T19:00:00.000Z', outlet: 'Essex Live, Colchester Gazette' };

function withPaper(outlet: unknown) {
  const file = JSON.parse(fixture);
  file.tables.alerts[0].spate.sources.push({ ...PAPER, outlet });
  return file;
}

async function seeded() {
  const { db } = freshDb();
  await createRepository(db);
  await restoreBackup(db, fixture);
  return db;
}

describe('a spate source\'s outlet in backups and imports', () => {
  it('old records, without outlets, still restore and read', async () => {
    const db = await seeded();
    const [source] = (await db.alerts.get('s1'))!.spate.sources;
    expect(source).toEqual({ sourceId: 'essex:news', url: 'https://www.essex.police.uk/news/essex/news/news/2026/november/warning/', title: 'Warning after courier fraud reports', publishedAt: '2026-11-22T18:00:00.000Z' });
    expect(await exportBackup(db)).toBe(fixture);
  });

  it('a source with an outlet restores, keeps it, and exports the same bytes on another device', async () => {
    const db = await seeded();
    await restoreBackup(db, JSON.stringify(withPaper(PAPER.outlet)));
    expect((await db.alerts.get('s1'))!.spate.sources.map((source) => source.outlet)).toEqual([undefined, 'Essex Live, Colchester Gazette']);
    const exported = await exportBackup(db);
    const other = freshDb().db;
    await restoreBackup(other, exported);
    expect(await exportBackup(other)).toBe(exported);
  });

  it.each([
    ['a number', 42],
    ['empty text', ''],
    ['blank text', '   '],
    ['null', null],
  ])('an outlet that is %s is refused naming the field, and nothing saved is lost', async (_what, outlet) => {
    const db = await seeded();
    const before = await exportBackup(db);
    await expect(restoreBackup(db, JSON.stringify(withPaper(outlet)))).rejects.toThrow('alerts[0].spate.sources[1].outlet: expected non-empty text');
    expect(await exportBackup(db)).toBe(before);
  });

  it('an alerts file with outlets imports; one with a bad outlet names the spate, source and field', () => {
    const people = [{ id: 'p1', name: 'Joan' } as CaredPerson];
    const spate = withPaper(PAPER.outlet).tables.alerts[0].spate;
    const [row] = parseAlertFile(JSON.stringify([spate]), people, 'p1', '2026-11-30T00:00:00.000Z');
    expect(row!.spate.sources[1]!.outlet).toBe('Essex Live, Colchester Gazette');
    const bad = { ...spate, sources: [{ ...PAPER, outlet: ['Essex Live'] }] };
    expect(() => parseAlertFile(JSON.stringify([spate, bad]), people, 'p1', '2026-11-30T00:00:00.000Z')).toThrow('spates[1].sources[0].outlet: expected non-empty text');
  });
});
