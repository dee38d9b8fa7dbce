import { describe, expect, it } from 'vitest';
import { parseHlc } from '../../../src/core/circle/hlc.ts';
import { createRepository } from '../../../src/db/repository.ts';
import { freshDb } from './db-fixtures.ts';

const person = { id: 'p1', name: 'Joan', postcode: 'CO1 1AA', postcodeChecked: true, phones: [], banks: [], familyNumbers: [] };
const NOW = 1_764_000_000_000;

describe('a received record cannot poison the local clock', () => {
  for (const [label, hlc] of [
    ['at the last millisecond the format can hold, counter nearly full', '9999999999999-fffe-future'],
    ['at the last millisecond the format can hold, counter full', '9999999999999-ffff-future'],
    ['a year ahead', `${NOW + 365 * 24 * 3600_000}-0000-future`],
  ] as const) {
    it(`every later save still works after a record stamped ${label}`, async () => {
      const { db } = freshDb();
      const repo = await createRepository(db, { now: () => NOW });
      await repo.saveRecord('people', person);
      await repo.applyRemoteRecord('people', { ...person, id: 'p2', name: 'From the future', hlc }).catch(() => false);
      for (let i = 0; i < 5; i++) {
        const saved = await repo.saveRecord('people', { ...person, name: `Joan ${i}` });
        // Local edits keep being stamped near real time, so they are not outranked by nothing but a bad clock.
        expect(parseHlc(saved.hlc).wallMs).toBeLessThan(NOW + 10 * 60_000);
      }
      expect((await db.people.get('p1'))?.name).toBe('Joan 4');
      // After a restart too.
      const again = await createRepository(db, { now: () => NOW });
      await expect(again.saveRecord('people', { ...person, name: 'Joan again' })).resolves.toBeDefined();
    });
  }
});
