import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaredPerson } from '../../src/core/calls/person.ts';
import { createCircleLink } from '../../src/core/watcher/circle-people.ts';
import { DEFAULT_SOURCE_CHOICES, watchedEntries } from '../../src/core/watcher/watcher-state.ts';
import { relayAndPostcodesForThisFile } from './circle-under-test.ts';
import { MUM } from './watcher-harness.ts';

const NOW = Date.parse('2026-11-24T12:00:00Z');

describe('the circle\'s people in the extension: one person, entered once', () => {
  const served = relayAndPostcodesForThisFile();
  beforeEach(() => fakeBrowser.reset());
  const setUp = () => served.circle(NOW);

  const offlineDad: Omit<CaredPerson, 'hlc'> = {
    id: 'dad-uuid', name: 'Dad', postcode: 'CO7 6AA', postcodeChecked: false, radiusKm: 25, phones: [], banks: [], familyNumbers: [],
  };

  it('locates a person the carer saved offline, keeps their radius, and drops them when the carer removes them', async () => {
    const { circle, store, link, carerSaves } = await setUp();
    await carerSaves(offlineDad, NOW - 60_000);
    expect(await link.people.refresh(circle)).toEqual({ people: 1, unlocated: [] });
    const [entry] = await store.getPeople();
    expect(entry).toMatchObject({ shared: true, sources: DEFAULT_SOURCE_CHOICES, person: { id: 'dad-uuid', name: 'Dad', forceId: 'essex', radiusKm: 25 } });
    expect(served.postcodes().requests.some((request) => request.path.startsWith('/postcodes/CO7'))).toBe(true);

    await carerSaves({ ...offlineDad, deleted: true }, NOW - 30_000);
    expect(await link.people.refresh(circle)).toEqual({ people: 0, unlocated: [] });
    expect(await store.getPeople()).toEqual([]);
  });

  it('keeps a person saved offline as NOT watched while the postcode service is down, and locates them when it is back', async () => {
    const { circle, store, carerSaves } = await setUp();
    await carerSaves(offlineDad, NOW - 60_000);
    const down = createCircleLink({ fetch: (url, init) => fetch(url, init), clock: { now: () => NOW }, store, postcodesBaseUrl: 'http://127.0.0.1:9' });
    const outcome = await down.people.refresh(circle);
    expect(outcome.unlocated.map((entry) => entry.name)).toEqual(['Dad']);
    const [kept] = await store.getPeople();
    expect(kept).toMatchObject({ shared: true, person: { id: 'dad-uuid', name: 'Dad', postcode: 'CO7 6AA' }, unlocated: { reason: expect.stringMatching(/could not be reached/) } });
    expect(watchedEntries(await store.getPeople(), circle)).toEqual([]);

    const up = createCircleLink({ fetch: (url, init) => fetch(url, init), clock: { now: () => NOW }, store, postcodesBaseUrl: served.postcodes().url });
    expect(await up.people.refresh(circle)).toEqual({ people: 1, unlocated: [] });
    const [located] = await store.getPeople();
    expect(located?.unlocated).toBeUndefined();
    expect(located?.person).toMatchObject({ id: 'dad-uuid', forceId: 'essex' });
  });

  it('writes a person added in the extension to the circle, for the carer app', async () => {
    const { circle, store, link, circlePeople } = await setUp();
    await link.people.add(circle, { person: MUM, sources: DEFAULT_SOURCE_CHOICES });
    const [record] = await circlePeople();
    expect(record).toMatchObject({ id: MUM.id, name: 'Mum', postcode: 'CO7 6AA', postcodeChecked: true, forceId: 'essex', radiusKm: 25, phones: [] });
    expect((await store.getPeople()).map((entry) => [entry.person.id, entry.shared])).toEqual([[MUM.id, true]]);
  });

  it('on joining, shares the people watched here, and adopts the circle\'s id for one already there', async () => {
    const { circle, store, link, carerSaves, circlePeople } = await setUp();
    await carerSaves({ ...offlineDad, id: 'carer-mum-uuid', name: 'mum', postcode: 'CO76AA' }, NOW - 60_000);
    const dad = { ...MUM, id: 'person-dad', name: 'Dad', postcode: 'CO1 1AA' };
    await store.savePeople([
      { person: MUM, sources: { ...DEFAULT_SOURCE_CHOICES, includeNeighbours: true } },
      { person: dad, sources: DEFAULT_SOURCE_CHOICES },
    ]);
    expect(await link.people.shareLocal(circle)).toBe(1);
    await link.people.refresh(circle);
    const entries = await store.getPeople();
    expect(entries.map((entry) => [entry.person.id, entry.person.name, entry.shared]).sort()).toEqual([
      ['carer-mum-uuid', 'mum', true],
      ['person-dad', 'Dad', true],
    ]);
    // The choices made here for Mum stay with her under the circle's id.
    expect(entries.find((entry) => entry.person.id === 'carer-mum-uuid')?.sources.includeNeighbours).toBe(true);
    expect((await circlePeople()).map((person) => person.id).sort()).toEqual(['carer-mum-uuid', 'person-dad']);
  });
});
