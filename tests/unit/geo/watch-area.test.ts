import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostcodeClient } from '../../../src/core/geo/postcodes.ts';
import { createWatchedPerson, WatchAreaInputError } from '../../../src/core/geo/watch-area.ts';
import { PostcodeLookupError } from '../../../src/core/geo/postcode-lookup-error.ts';
import { startPostcodesStub, type PostcodesStub } from '../../helpers/postcodes-stub.ts';

// A slice of the force registry, by postcodes.io pfa name and by county.
const forces: Record<string, { id: string; neighbours: string[] }> = {
  essex: { id: 'essex', neighbours: ['suffolk', 'cambridgeshire', 'hertfordshire', 'metropolitan', 'city-of-london'] },
  'metropolitan police': { id: 'metropolitan', neighbours: ['essex', 'kent', 'surrey', 'thames-valley', 'hertfordshire'] },
  kent: { id: 'kent', neighbours: ['metropolitan', 'sussex', 'essex'] },
};
const byId = new Map(Object.values(forces).map((force) => [force.id, force]));
const deps = (baseUrl: string) => ({
  postcodes: createPostcodeClient({ fetch: (url: string, init?: RequestInit) => fetch(url, init), baseUrl }),
  forceByPfa: (pfa: string) => forces[pfa.toLowerCase()],
  neighboursOf: (forceId: string) => byId.get(forceId)?.neighbours ?? [],
});

let stub: PostcodesStub;
beforeAll(async () => {
  stub = await startPostcodesStub();
});
afterAll(() => stub.close());

describe('watch area', () => {
  it('places a person at their postcode, in their force, with the neighbouring forces and a 15 km radius', async () => {
    const person = await createWatchedPerson({ name: ' Mum ', postcode: 'co7 6aa' }, deps(stub.url));
    expect(person).toMatchObject({
      name: 'Mum',
      postcode: 'CO7 6AA',
      lat: 51.8566,
      lng: 0.9595,
      forceId: 'essex',
      placeName: 'Colchester',
      radiusKm: 15,
      neighbourForceIds: ['suffolk', 'cambridgeshire', 'hertfordshire', 'metropolitan', 'city-of-london'],
    });
  });

  it('gives the same person the same id every time, and keeps a given id', async () => {
    const first = await createWatchedPerson({ name: 'Mum', postcode: 'CO7 6AA' }, deps(stub.url));
    const again = await createWatchedPerson({ name: 'mum', postcode: 'CO76AA', radiusKm: 10 }, deps(stub.url));
    const kept = await createWatchedPerson({ name: 'Mum', postcode: 'SW1A 1AA', id: first.id }, deps(stub.url));
    expect(again.id).toBe(first.id);
    expect(again.radiusKm).toBe(10);
    expect(kept).toMatchObject({ id: first.id, forceId: 'metropolitan' });
  });

  it('finds the force of an outcode with no pfa from its county', async () => {
    const person = await createWatchedPerson({ name: 'Dad', postcode: 'TN99' }, deps(stub.url));
    expect(person.forceId).toBe('kent');
  });

  it('names the field for a bad radius or a missing name, without asking the postcode service', async () => {
    const before = stub.requests.length;
    await expect(createWatchedPerson({ name: 'Mum', postcode: 'CO7 6AA', radiusKm: 0 }, deps(stub.url))).rejects.toMatchObject({
      field: 'radiusKm',
      message: 'The radius must be between 1 and 100 km (got 0).',
    });
    await expect(createWatchedPerson({ name: '  ', postcode: 'CO7 6AA' }, deps(stub.url))).rejects.toBeInstanceOf(WatchAreaInputError);
    expect(stub.requests.length).toBe(before);
  });

  it('passes on a clear error for a wrong postcode', async () => {
    await expect(createWatchedPerson({ name: 'Mum', postcode: 'not a postcode' }, deps(stub.url))).rejects.toThrow(
      'That doesn\'t look like a UK postcode: "not a postcode"',
    );
  });

  it('says so when no force can be found for the area', async () => {
    const noForces = { ...deps(stub.url), forceByPfa: () => undefined };
    await expect(createWatchedPerson({ name: 'Mum', postcode: 'CO7 6AA' }, noForces)).rejects.toBeInstanceOf(PostcodeLookupError);
  });
});
