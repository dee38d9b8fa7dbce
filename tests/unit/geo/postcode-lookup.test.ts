import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPostcodeClient } from '../../../src/core/geo/postcodes.ts';
import { PostcodeLookupError } from '../../../src/core/geo/postcode-lookup-error.ts';
import { startPostcodesStub, type PostcodesStub } from '../../helpers/postcodes-stub.ts';

let stub: PostcodesStub;
beforeAll(async () => {
  stub = await startPostcodesStub();
});
afterAll(() => stub.close());
beforeEach(() => stub.clearFailures());

const client = () => createPostcodeClient({ fetch: (url, init) => fetch(url, init), baseUrl: stub.url });

async function failureOf(promise: Promise<unknown>): Promise<PostcodeLookupError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PostcodeLookupError);
  return error as PostcodeLookupError;
}

describe('postcode lookup', () => {
  it('finds a full postcode with its location, police force area and district', async () => {
    const location = await client().lookupPostcode('CO7 6AA');
    expect(location).toEqual({
      postcode: 'CO7 6AA',
      lat: 51.8566,
      lng: 0.9595,
      pfa: 'Essex',
      district: 'Colchester',
      county: 'Essex',
      outcode: false,
    });
  });

  it('accepts lowercase input without a space, and stray spaces', async () => {
    const before = stub.requests.length;
    expect((await client().lookupPostcode('co76aa')).postcode).toBe('CO7 6AA');
    expect((await client().lookupPostcode('  sw1a   1aa ')).pfa).toBe('Metropolitan Police');
    expect(stub.requests.slice(before).map((request) => decodeURIComponent(request.path))).toEqual([
      '/postcodes/CO7 6AA',
      '/postcodes/SW1A 1AA',
    ]);
  });

  it('accepts an outcode alone: its centroid, and the force of the nearest real postcode', async () => {
    const location = await client().lookupPostcode('co7');
    expect(location).toMatchObject({ postcode: 'CO7', lat: 51.8652, lng: 0.9827, outcode: true, pfa: 'Essex', district: 'Colchester' });
    expect(location.areas).toEqual(['Essex', 'Colchester', 'Tendring']);
  });

  it('leaves the force open for an outcode with no postcode near its centre, listing its areas instead', async () => {
    const location = await client().lookupPostcode('TN99');
    expect(location.pfa).toBeUndefined();
    expect(location.areas).toEqual(['Kent', 'Ashford']);
  });

  it('rejects a malformed postcode before asking the service, naming what was typed', async () => {
    const before = stub.requests.length;
    const error = await failureOf(client().lookupPostcode('CO7 6A'));
    expect(error.message).toBe('That doesn\'t look like a UK postcode: "CO7 6A". Try e.g. "CO7 6AA".');
    expect(error.code).toBe('invalid-postcode');
    expect(error.field).toBe('postcode');
    expect(error.retryable).toBe(false);
    expect(stub.requests.length).toBe(before);
  });

  it('says "Postcode not found" for a well-formed postcode the service does not know', async () => {
    const error = await failureOf(client().lookupPostcode('ZZ9 9ZZ'));
    expect(error.message).toMatch(/^Postcode not found: ZZ9 9ZZ/);
    expect(error.code).toBe('not-found');
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(404);
  });

  it('says the area is not found for an unknown outcode', async () => {
    const error = await failureOf(client().lookupPostcode('ZZ9'));
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/ZZ9/);
  });

  it('reports a 500 as a retryable "unavailable" error, distinct from not found', async () => {
    stub.failPath('/postcodes/CO7', 500);
    const error = await failureOf(client().lookupPostcode('CO7 6AA'));
    expect(error.code).toBe('unavailable');
    expect(error.retryable).toBe(true);
    expect(error.status).toBe(500);
  });

  it('reports an unreachable service as retryable', async () => {
    const unreachable = createPostcodeClient({
      fetch: () => Promise.reject(new TypeError('fetch failed')),
      baseUrl: stub.url,
    });
    const error = await failureOf(unreachable.lookupPostcode('CO7 6AA'));
    expect(error.code).toBe('unavailable');
    expect(error.retryable).toBe(true);
    expect(error.status).toBe(0);
  });
});

describe('place lookup (OS Open Names)', () => {
  it('finds a village by exact name with its location', async () => {
    const place = await client().lookupPlace('rowhedge');
    expect(place).toMatchObject({ name: 'Rowhedge', lat: 51.8567, lng: 0.945, localType: 'Village', district: 'Colchester' });
  });

  it('picks the nearest of several places with the same name', async () => {
    const essex = await client().lookupPlace('Newport', { near: { lat: 51.85, lng: 0.95 } });
    const wales = await client().lookupPlace('Newport', { near: { lat: 51.48, lng: -3.18 } });
    expect(essex?.county).toBe('Essex');
    expect(wales?.county).toBe('Newport');
  });

  it('returns nothing for a name that only prefixes other places', async () => {
    expect(await client().lookupPlace('Newp')).toBeUndefined();
  });

  it('asks the service once per name', async () => {
    const shared = client();
    const before = stub.requests.length;
    await shared.lookupPlace('Tiptree');
    await shared.lookupPlace('TIPTREE');
    expect(stub.requests.length - before).toBe(1);
  });
});
