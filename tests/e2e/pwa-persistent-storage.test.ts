import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, openEmptyCarerApp, type EmptyCarerApp } from './pwa-app.ts';

/** How many times the page has asked the browser to keep its storage; counted around the real API. */
function persistRequests(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { persistRequests?: number }).persistRequests ?? 0);
}

describe('carer app keeps its data from being evicted', () => {
  let app: EmptyCarerApp;
  let page: Page;

  beforeAll(async () => {
    app = await openEmptyCarerApp({
      beforeOpen: async (freshPage) => {
        await freshPage.addInitScript(() => {
          const realPersist = navigator.storage.persist.bind(navigator.storage);
          const counter = window as unknown as { persistRequests: number };
          counter.persistRequests = 0;
          navigator.storage.persist = () => {
            counter.persistRequests++;
            return realPersist();
          };
        });
      },
    });
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
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
