import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, repository, SETTINGS, setSetting } from '../../../src/pwa/app-data.ts';
import { recheckPostcodes } from '../../../src/pwa/postcode-check.ts';
import { startPostcodesStub, type PostcodesStub } from '../../helpers/postcodes-stub.ts';

const person = (name: string, postcode: string, extra: { forceId?: string } = {}) => ({
  id: `person-${name.toLowerCase()}`, name, postcode, postcodeChecked: false, phones: [], banks: [], familyNumbers: [], ...extra,
});

let postcodes: PostcodesStub;
beforeAll(async () => {
  // CO7 7AA answers with a place but no police force area: the force known before must stay.
  postcodes = await startPostcodesStub({
    postcodes: { CO77AA: { postcode: 'CO7 7AA', outcode: 'CO7', incode: '7AA', longitude: 0.95, latitude: 51.86, admin_district: 'Colchester' } },
  });
  await setSetting(SETTINGS.postcodesBaseUrl, postcodes.url);
});
afterAll(async () => postcodes.close());

describe('postcodes saved while the postcode service was down are checked again when it answers', () => {
  it('fills in place and force, keeps a force known before when the service gives none, and waits while the service is down', async () => {
    const repo = await repository();
    const mum = await repo.saveRecord('people', person('Mum', 'CO7 6AA'));
    const dad = await repo.saveRecord('people', person('Dad', 'CO7 7AA', { forceId: 'essex' }));

    postcodes.failPath('/postcodes', 503);
    expect(await recheckPostcodes()).toBe(0);
    expect((await db.people.get(mum.id))?.postcodeChecked).toBe(false);

    postcodes.clearFailures();
    expect(await recheckPostcodes()).toBe(2);
    expect(await db.people.get(mum.id)).toMatchObject({ postcodeChecked: true, forceId: 'essex', placeName: 'Colchester' });
    expect(await db.people.get(dad.id)).toMatchObject({ postcodeChecked: true, forceId: 'essex', lat: 51.86 });
  });
});
