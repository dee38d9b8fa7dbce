import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkWatchedPersonInput } from '../../src/core/geo/watch-area.ts';
import { PostcodeLookupError } from '../../src/core/geo/postcode-lookup-error.ts';
import { DEFAULT_SOURCE_CHOICES, notWatchedYetMessage, unlocatedPerson, watchedEntries } from '../../src/core/watcher/watcher-state.ts';
import { startPostcodesStub, type PostcodesStub } from '../helpers/postcodes-stub.ts';
import { startBackground } from './watcher-harness.ts';

const NOW = Date.parse('2026-11-24T12:00:00Z');

describe('a person added while the postcode service is down', () => {
  let postcodes: PostcodesStub;
  beforeAll(async () => {
    postcodes = await startPostcodesStub();
  }, 60_000);
  afterAll(async () => {
    await postcodes?.close();
  });
  beforeEach(() => fakeBrowser.reset());

  it('checks the shape locally: a typo is refused at once, a good postcode is tidied as typed', () => {
    expect(() => checkWatchedPersonInput({ name: 'Mum', postcode: 'hello', radiusKm: 15 })).toThrow(PostcodeLookupError);
    expect(checkWatchedPersonInput({ name: ' Mum ', postcode: 'co76aa', radiusKm: 15 })).toMatchObject({ name: 'Mum', postcode: 'CO7 6AA', radiusKm: 15 });
    expect(checkWatchedPersonInput({ name: 'Dad', postcode: 'co7', radiusKm: 15 }).postcode).toBe('CO7');
  });

  it('is kept but not watched, says so, and is located at the first poll that reaches the service', async () => {
    const checked = checkWatchedPersonInput({ name: 'Mum', postcode: 'co7 6aa', radiusKm: 25 });
    const reason = 'The postcode service could not be reached (Failed to fetch). Try again later.';
    // Service down (the harness's default postcode address is a closed port).
    const down = await startBackground({ now: () => NOW });
    await down.store.savePeople([{ person: unlocatedPerson(checked), sources: DEFAULT_SOURCE_CHOICES, unlocated: { reason } }]);
    expect(watchedEntries(await down.store.getPeople(), undefined)).toEqual([]);
    await down.background.checkNow();
    const [still] = await down.store.getPeople();
    expect(still?.unlocated?.reason).toMatch(/could not be reached/);
    expect(notWatchedYetMessage(still!)).toMatch(/^Mum is NOT being watched yet: their postcode CO7 6AA could not be checked/);

    // The service is back: the next poll locates her, and she is watched from then on.
    const up = await startBackground({ now: () => NOW + 60_000, postcodesBaseUrl: postcodes.url });
    await up.background.checkNow();
    const [located] = await up.store.getPeople();
    expect(located?.unlocated).toBeUndefined();
    expect(located?.person).toMatchObject({ id: checked.id, name: 'Mum', postcode: 'CO7 6AA', forceId: 'essex', radiusKm: 25 });
    expect(watchedEntries(await up.store.getPeople(), undefined).map((entry) => entry.person.name)).toEqual(['Mum']);
  });

  it('is never looked up while the postcode service\'s site is refused, and is located once it is allowed', async () => {
    const checked = checkWatchedPersonInput({ name: 'Mum', postcode: 'co7 6aa', radiusKm: 15 });
    const postcodesHost = new URL(postcodes.url).host;
    let allowed = false;
    const hasSiteAccess = async (url: string) => new URL(url).host !== postcodesHost || allowed;
    const { store, background } = await startBackground({ now: () => NOW, postcodesBaseUrl: postcodes.url, hasSiteAccess });
    await store.savePeople([{ person: unlocatedPerson(checked), sources: DEFAULT_SOURCE_CHOICES, unlocated: { reason: 'refused' } }]);
    const asked = postcodes.requests.length;
    await background.checkNow();
    // The refusal stands: nothing was sent to the service, and the reason says what is missing.
    expect(postcodes.requests.length).toBe(asked);
    const [refused] = await store.getPeople();
    expect(refused?.unlocated?.reason).toBe(`Kinwatch does not have your permission to use the postcode service, ${new URL(postcodes.url).hostname}`);

    allowed = true;
    await background.checkNow();
    const [located] = await store.getPeople();
    expect(located?.unlocated).toBeUndefined();
    expect(located?.person).toMatchObject({ postcode: 'CO7 6AA', forceId: 'essex' });
  });
});
