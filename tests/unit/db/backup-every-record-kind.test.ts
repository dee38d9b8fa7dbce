import { describe, expect, it } from 'vitest';
import type { AlertRecord, CheckIn } from '../../../src/core/calls/alert.ts';
import type { CallRecord } from '../../../src/core/calls/call.ts';
import type { CaredPerson } from '../../../src/core/calls/person.ts';
import type { Spate } from '../../../src/core/spates/spate.ts';
import type { ChecklistTick } from '../../../src/core/rules/checklist.ts';
import { parseAlertFile } from '../../../src/pwa/alert-import.ts';
import { exportBackup, restoreBackup } from '../../../src/db/backup.ts';
import { createRepository } from '../../../src/db/repository.ts';
import { freshDb } from './db-fixtures.ts';

const HLC = '1764000000000-0000-fixture';

/** A spate with every field the watcher and `scan` can write, typed as the product's own Spate. */
const watcherSpate: Spate = {
  id: 'essex:2026-11-28:wivenhoe',
  personId: 'p1',
  headline: 'Fraudsters posing as detectives target pensioners',
  places: ['Wivenhoe', 'Colchester'],
  distanceKm: 3.2,
  counts: { reports: 4, targeted: 6, victims: 1, lossGBP: 9000, windowDays: 2 },
  tactics: ['pin-request', 'courier-collection', 'line-held-open'],
  impersonated: ['police', 'bank'],
  claimedAs: ['DC Adams', 'Metropolitan Police'],
  sources: [
    { sourceId: 'essex:news', url: 'https://www.essex.police.uk/news/essex/news/news/2026/november/example/', title: 'Warning', publishedAt: '2026-11-28T09:00:00.000Z' },
    { sourceId: 'google-news:essex', url: 'https://news.example.org/story', title: 'Local paper', publishedAt: null, outlet: 'Essex Live' },
  ],
  firstSeen: '2026-11-28T09:00:00.000Z',
  lastSeen: '2026-11-29T10:00:00.000Z',
  severity: 'high',
  state: 'escalated',
  basis: 'distance',
};

const person: CaredPerson = {
  id: 'p1',
  hlc: HLC,
  name: 'Mum',
  callName: 'Margaret',
  postcode: 'CO7 6AA',
  postcodeChecked: true,
  lat: 51.85,
  lng: 0.96,
  forceId: 'essex',
  placeName: 'Colchester',
  phones: ['01206 000000'],
  banks: [{ name: 'Barclays', phone: '0345 734 5345' }],
  familyNumbers: [{ name: 'Sarah', phone: '07700 900123' }],
  safeWord: 'bluebell',
};
const removedPerson: CaredPerson = { ...person, id: 'p2', name: 'Dad', deleted: true, postcodeChecked: false, phones: [], banks: [], familyNumbers: [] };
const call: CallRecord = {
  id: 'c1', hlc: HLC, personId: 'p1', at: '2026-11-29T10:15:00.000Z', numberWithheld: false, number: '020 7946 0000', callerKind: 'police',
  callerForceId: 'metropolitan', callerSaid: 'DC Smith', officerName: 'DC Smith', tactics: ['pin-request'], outcomes: ['gave-details'],
  ref101: 'CAD 1', reportFraudRef: 'NFRC 2', bankTold: true, notes: 'Notes', loggedBy: 'Sam',
};
const tick: ChecklistTick = { id: 't1', hlc: HLC, personId: 'p1', ruleId: 'never-pin', talkedOn: '2026-11-20', by: 'Sam' };
const alertFromWatcher: AlertRecord = { id: `p1:${watcherSpate.id}`, hlc: HLC, personId: 'p1', spate: watcherSpate, receivedAt: '2026-11-29T10:00:05.000Z' };
const ownForceAlert: AlertRecord = {
  id: 'p1:own-force',
  hlc: HLC,
  personId: 'p1',
  spate: { ...watcherSpate, id: 'own-force', places: [], distanceKm: undefined, claimedAs: [], basis: 'own-force', counts: {} },
  receivedAt: '2026-11-29T11:00:00.000Z',
};
delete (ownForceAlert.spate as { distanceKm?: number }).distanceKm;
const checkIn: CheckIn = { id: 'k1', hlc: HLC, alertId: alertFromWatcher.id, personId: 'p1', at: '2026-11-29T12:00:00.000Z', by: 'Sam', note: 'Called her' };

describe('restore accepts every record the product writes', () => {
  it('round-trips a backup holding every record kind, alerts from the watcher included, byte for byte', async () => {
    const file = {
      format: 'kinwatch-backup',
      version: 1,
      settings: { carerName: 'Sam' },
      tables: { people: [person, removedPerson], calls: [call], checklist: [tick], alerts: [alertFromWatcher, ownForceAlert], checkIns: [checkIn] },
    };
    const { db } = freshDb();
    await createRepository(db);
    const summary = await restoreBackup(db, JSON.stringify(file));
    expect(summary.counts).toEqual({ people: 2, calls: 1, checklist: 1, alerts: 2, checkIns: 1 });
    expect((await db.alerts.get(alertFromWatcher.id))!.spate.basis).toBe('distance');
    const exported = await exportBackup(db);
    const other = freshDb().db;
    await restoreBackup(other, exported);
    expect(await exportBackup(other)).toBe(exported);
  });

  it('imports spates in the shape the watcher and scan write them', () => {
    const alerts = parseAlertFile(JSON.stringify({ spates: [watcherSpate, ownForceAlert.spate] }), [person], 'p1', '2026-11-30T00:00:00.000Z');
    expect(alerts.map((alert) => alert.spate.basis)).toEqual(['distance', 'own-force']);
  });

  it('names a missing field', async () => {
    const { db } = freshDb();
    const { name: _name, ...nameless } = person;
    const file = { format: 'kinwatch-backup', version: 1, settings: {}, tables: { people: [nameless], calls: [], checklist: [], alerts: [], checkIns: [] } };
    await expect(restoreBackup(db, JSON.stringify(file))).rejects.toThrow('people[0].name: missing');
  });
});
