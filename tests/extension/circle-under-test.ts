import { afterAll, beforeAll } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaredPerson } from '../../src/core/calls/person.ts';
import { exportCircleKey, generateCircleKey } from '../../src/core/circle/circle-crypto.ts';
import { openCircleRecord, sealCircleRecord } from '../../src/core/circle/circle-record.ts';
import { formatHlc } from '../../src/core/circle/hlc.ts';
import { createCircleLink } from '../../src/core/watcher/circle-people.ts';
import type { CircleConnection } from '../../src/core/watcher/watcher-state.ts';
import { createExtensionStore, keyValueStoreFromStorageArea } from '../../src/db/extension-store.ts';
import { startPostcodesStub, type PostcodesStub } from '../helpers/postcodes-stub.ts';
import { relayUnderTest, type RelayUnderTest } from '../unit/server/relay-under-test.ts';

/**
 * A relay listening on 127.0.0.1 and a postcodes.io stand-in, started once for the test file that calls this (in its
 * top-level describe) and stopped after it. `circle(now)` then gives a fresh care circle that the carer's phone made
 * and this extension joined, with the extension's store (on WXT's fake browser storage) and its circle link.
 */
export function relayAndPostcodesForThisFile() {
  let relay: RelayUnderTest;
  let origin: string;
  let postcodes: PostcodesStub;
  beforeAll(async () => {
    relay = await relayUnderTest({});
    origin = await relay.app.listen({ port: 0, host: '127.0.0.1' });
    postcodes = await startPostcodesStub();
  }, 120_000);
  afterAll(async () => {
    await postcodes?.close();
    await relay?.close();
  }, 60_000);

  async function circle(now: number) {
    const phone = await relay.circle('Anna phone');
    const watcher = await relay.join(phone.circleId, phone.deviceToken, 'Watcher');
    const key = await generateCircleKey();
    const connection: CircleConnection = {
      relayUrl: origin, circleId: phone.circleId, deviceId: watcher.deviceId, deviceToken: watcher.deviceToken,
      circleKey: await exportCircleKey(key), connectedAt: new Date(now).toISOString(),
    };
    const store = createExtensionStore(keyValueStoreFromStorageArea(fakeBrowser.storage.local));
    const link = createCircleLink({ fetch: (url, init) => fetch(url, init), clock: { now: () => now }, store, postcodesBaseUrl: postcodes.url });
    /** The carer app on the phone saves a person (a circle record, written at `at` ms). */
    const carerSaves = async (row: Omit<CaredPerson, 'hlc'>, at: number) => {
      const envelope = await sealCircleRecord(key, 'people', { ...row, hlc: formatHlc({ wallMs: at, counter: 0, nodeId: 'annaphone' }) });
      await relay.call('POST', `/api/circles/${phone.circleId}/records`, { token: phone.deviceToken, body: { records: [envelope] } });
    };
    /** The people the circle holds, as the phone reads them back. */
    const circlePeople = async () => {
      const page = await relay.call('GET', `/api/circles/${phone.circleId}/records?after=0`, { token: phone.deviceToken });
      const bodies = await Promise.all((page.body.records as { id: string; hlc: string; ciphertext: string }[]).map((envelope) => openCircleRecord(key, envelope)));
      return bodies.filter((body) => body?.table === 'people').map((body) => body!.row as unknown as CaredPerson);
    };
    return { circle: connection, store, link, carerSaves, circlePeople };
  }

  return { circle, postcodes: () => postcodes };
}
