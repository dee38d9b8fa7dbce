/**
 * The watcher's village look-up with several people: a place the gazetteer lacks is looked up near the person it is
 * matched for, so a village near the second person is found there and not at a same-named place nearer the first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPostcodeClient } from '../../../src/core/geo/postcodes.ts';
import type { WatchedPerson } from '../../../src/core/geo/watched-person.ts';
import type { FeedItem, Source } from '../../../src/core/sources/source.ts';
import { createSpateDetector } from '../../../src/core/watcher/spate-detector.ts';
import { startPostcodesStub, type PostcodesStub } from '../../helpers/postcodes-stub.ts';

const NOW = Date.parse('2026-11-30T12:00:00Z');

// Two people about 380 km apart, each watching 15 km around home.
const mum: WatchedPerson = { id: 'mum', name: 'Mum', postcode: 'CO7 6AA', lat: 51.889, lng: 0.901, forceId: 'essex', radiusKm: 15 };
const dad: WatchedPerson = { id: 'dad', name: 'Dad', postcode: 'LA9 4AA', lat: 54.328, lng: -2.746, forceId: 'cumbria', radiusKm: 15 };

// Two hamlets share the name, neither in the offline gazetteer: one 7 km north of Dad's home, one in the Yorkshire
// Dales (about 30 km from Dad, and the nearer of the two to Mum).
const SELSIDE_NEAR_DAD = { name_1: 'Selside', local_type: 'Hamlet', county_unitary: 'Cumbria', district_borough: 'Westmorland and Furness', latitude: 54.39, longitude: -2.7 };
const SELSIDE_IN_THE_DALES = { name_1: 'Selside', local_type: 'Hamlet', county_unitary: 'North Yorkshire', district_borough: 'North Yorkshire', latitude: 54.17, longitude: -2.33 };

/** A parish feed of no force: only a located place can make its report someone's. */
const parishFeed: Source = { id: 'custom:parish', kind: 'rss', url: 'https://parish.example.org/feed.xml', label: 'Parish news' };
const report: FeedItem = {
  sourceId: parishFeed.id,
  url: 'https://parish.example.org/selside-calls',
  title: 'Fake police officers phone Selside pensioners',
  text: 'Residents in Selside have received calls from men claiming to be police officers who asked for their bank card PIN and said a courier would collect the card.',
  publishedAt: '2026-11-30T09:00:00.000Z',
};

describe('village look-up when the watcher watches several people', () => {
  let postcodes: PostcodesStub;
  beforeEach(async () => {
    postcodes = await startPostcodesStub({ places: [SELSIDE_IN_THE_DALES, SELSIDE_NEAR_DAD] });
  });
  afterEach(async () => {
    await postcodes.close();
  });

  const placeRequests = () => postcodes.requests.filter((request) => request.path.startsWith('/places'));

  it('finds a village near the second person there: a spate for Dad, none for Mum, one request to postcodes.io', async () => {
    const detect = createSpateDetector({ lookupPlace: createPostcodeClient({ fetch, baseUrl: postcodes.url }).lookupPlace });
    const first = await detect({ items: [report], sources: [parishFeed], people: [mum, dad], previous: [], now: NOW });
    expect(first.spates.map((spate) => spate.personId)).toEqual(['dad']);
    expect(first.spates[0]).toMatchObject({ headline: report.title, places: ['Selside'] });
    expect(first.spates[0]!.distanceKm).toBeGreaterThan(5);
    expect(first.spates[0]!.distanceKm).toBeLessThan(10);

    // The next poll asks nothing again, and the answer is the same.
    const second = await detect({ items: [report], sources: [parishFeed], people: [mum, dad], previous: first.spates, now: NOW + 900_000 });
    expect(second.spates.map((spate) => spate.personId)).toEqual(['dad']);
    expect(placeRequests()).toHaveLength(1);
    expect(placeRequests()[0]!.path).toContain('q=Selside');
  });

  it('the order of the people does not matter', async () => {
    const detect = createSpateDetector({ lookupPlace: createPostcodeClient({ fetch, baseUrl: postcodes.url }).lookupPlace });
    const found = await detect({ items: [report], sources: [parishFeed], people: [dad, mum], previous: [], now: NOW });
    expect(found.spates.map((spate) => spate.personId)).toEqual(['dad']);
  });

  it('a village near both people is a spate for each, at the hamlet nearest each', async () => {
    const nearMum = { ...SELSIDE_NEAR_DAD, county_unitary: 'Essex', district_borough: 'Colchester', latitude: 51.85, longitude: 0.96 };
    await postcodes.close();
    postcodes = await startPostcodesStub({ places: [SELSIDE_NEAR_DAD, nearMum] });
    const detect = createSpateDetector({ lookupPlace: createPostcodeClient({ fetch, baseUrl: postcodes.url }).lookupPlace });
    const found = await detect({ items: [report], sources: [parishFeed], people: [mum, dad], previous: [], now: NOW });
    expect(found.spates.map((spate) => spate.personId).sort()).toEqual(['dad', 'mum']);
    for (const spate of found.spates) expect(spate.distanceKm).toBeLessThan(10);
    expect(placeRequests()).toHaveLength(1);
  });
});
