import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startPostcodesStub, type PostcodesStub } from '../helpers/postcodes-stub.ts';
import { startRelay, type StartedRelay } from '../helpers/start-relay.ts';
import { goTo, openApp, setPostcodeService } from './pwa-app.ts';

/** How many times the page has asked the browser to keep its storage; counted around the real API. */
function persistRequests(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { persistRequests?: number }).persistRequests ?? 0);
}

describe('carer app keeps its data from being evicted', () => {
  let relay: StartedRelay;
  let postcodes: PostcodesStub;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [relay, postcodes, browser] = await Promise.all([startRelay(), startPostcodesStub(), launchBrowser()]);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.addInitScript(() => {
      const realPersist = navigator.storage.persist.bind(navigator.storage);
      const counter = window as unknown as { persistRequests: number };
      counter.persistRequests = 0;
      navigator.storage.persist = () => {
        counter.persistRequests++;
        return realPersist();
      };
    });
    await openApp(page, relay.url);
    await setPostcodeService(page, postcodes.url);
  });

  afterAll(async () => {
    await browser?.close();
    await postcodes?.close();
    await relay?.stop();
  });

  it('does not ask on first sight, only once there is something to keep', async () => {
    await goTo(page, 'Home');
    expect(await persistRequests(page)).toBe(0);
  });

  it('asks the browser to keep its storage when the first person is saved', async () => {
    await page.getByRole('link', { name: 'Add a person' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Joan');
    await page.getByLabel('Postcode').fill('CO7 6AA');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Joan' }).waitFor();
    await expect.poll(() => persistRequests(page)).toBeGreaterThanOrEqual(1);
  });
});
