import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { alreadyWatched } from '../../src/core/watcher/circle-people.ts';
import { DEFAULT_SOURCE_CHOICES } from '../../src/core/watcher/watcher-state.ts';
import { createExtensionStore, keyValueStoreFromStorageArea } from '../../src/db/extension-store.ts';
import { browserPageDeps, watchStorage } from '../../src/ui/extension/browser-page-deps.ts';
import { relayAndPostcodesForThisFile } from './circle-under-test.ts';
import { MUM } from './watcher-harness.ts';

const NOW = Date.parse('2026-11-30T12:00:00Z');

describe('adding a person already watched is refused', () => {
  const circleMum = { person: { ...MUM, id: 'carer-mum-uuid' }, sources: DEFAULT_SOURCE_CHOICES, shared: true as const };

  it('refuses the same name (any case, any spaces) at the same postcode (any spacing), naming where they come from', () => {
    expect(alreadyWatched([circleMum], { name: ' mum ', postcode: 'co76aa' })?.message).toBe(
      "Mum (CO7 6AA) is already watched — from your family's care circle.",
    );
    const ownMum = { person: MUM, sources: DEFAULT_SOURCE_CHOICES };
    expect(alreadyWatched([ownMum], { name: 'MUM', postcode: 'CO7 6AA' })?.message).toBe('Mum (CO7 6AA) is already watched — in this browser.');
  });

  it('accepts another person at the same postcode, and the same name elsewhere', () => {
    expect(alreadyWatched([circleMum], { name: 'Dad', postcode: 'CO7 6AA' })).toBeUndefined();
    expect(alreadyWatched([circleMum], { name: 'Mum', postcode: 'CO1 1AA' })).toBeUndefined();
  });
});

describe("the options page's storage watch: the circle's people shown as soon as they are stored", () => {
  const served = relayAndPostcodesForThisFile();
  beforeEach(() => fakeBrowser.reset());

  it("tells the people list when reading the circle stores its Mum, and stays quiet for keys it does not show", async () => {
    const { circle, store, link, carerSaves } = await served.circle(NOW);
    await carerSaves(
      { id: 'carer-mum-uuid', name: 'Mum', postcode: 'CO7 6AA', postcodeChecked: false, radiusKm: 15, phones: [], banks: [], familyNumbers: [] },
      NOW - 60_000,
    );

    const seen: string[][] = [];
    const stop = watchStorage(fakeBrowser.storage, ['people', 'circle'], () => {
      void store.getPeople().then((entries) => seen.push(entries.map((entry) => entry.person.name)));
    });
    await store.saveSpates([]);
    await store.saveCircle(circle);
    await link.people.refresh(circle);
    await expect.poll(() => seen.at(-1), { timeout: 10_000 }).toEqual(['Mum']);
    // One notice for the circle, one for the people: none for the spates.
    expect(seen).toHaveLength(2);

    // Typed again by the relative: refused, with the circle's Mum named, and nothing saved changes.
    const refusal = alreadyWatched(await store.getPeople(), { name: 'mum', postcode: 'CO7 6AA' });
    expect(refusal?.message).toBe("Mum (CO7 6AA) is already watched — from your family's care circle.");
    expect((await store.getPeople()).map((entry) => entry.person.id)).toEqual(['carer-mum-uuid']);

    stop();
    await store.savePeople([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveLength(2);
  });

  it("is the pages' real seam: browserPageDeps().onStoreChange hears the background's writes to extension storage", async () => {
    const store = createExtensionStore(keyValueStoreFromStorageArea(fakeBrowser.storage.local));
    const heard: string[] = [];
    const stop = browserPageDeps().onStoreChange(['people'], () => heard.push('people'));
    await store.saveHealth({});
    await store.savePeople([{ person: MUM, sources: DEFAULT_SOURCE_CHOICES }]);
    await expect.poll(() => heard, { timeout: 10_000 }).toEqual(['people']);
    stop();
  });
});
