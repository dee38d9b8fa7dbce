import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, openApp, openEmptyCarerApp, type EmptyCarerApp } from './pwa-app.ts';

/** The names of the people stored in the app's database, read with plain IndexedDB (no app code). */
function storedNames(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('kinwatch');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('people').objectStore('people').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { name: string }[]).map((person) => person.name).sort());
          };
        };
      }),
  );
}

async function addPerson(page: Page, name: string): Promise<void> {
  await goTo(page, 'Home');
  await page.getByRole('link', { name: 'Add a person' }).first().click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Postcode').fill('CO7 6AA');
  await page.getByRole('button', { name: 'Save' }).click();
}

describe('carer app tab left open while another tab upgrades the database', () => {
  let app: EmptyCarerApp;
  let oldTab: Page;
  let newTab: Page;

  beforeAll(async () => {
    app = await openEmptyCarerApp();
    oldTab = app.page;
    await addPerson(oldTab, 'Joan');
    await oldTab.getByRole('heading', { name: 'Joan' }).waitFor();
    newTab = await app.context.newPage();
    newTab.setDefaultTimeout(15_000);
    await openApp(newTab, app.relay.url);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lets the upgrade through, stops the old tab writing and asks it to reload; nothing saved is lost', async () => {
    await expect.poll(() => storedNames(newTab)).toEqual(['Joan']);
    // The next release opens the database at a higher version: both open tabs must let go of it.
    const outcome = await newTab.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open('kinwatch', 1000);
          request.onblocked = () => resolve('blocked');
          request.onsuccess = () => {
            request.result.close();
            resolve('upgraded');
          };
          request.onerror = () => resolve(`error: ${request.error?.message}`);
        }),
    );
    expect(outcome).toBe('upgraded');

    const notice = oldTab.getByRole('alert').filter({ hasText: 'Kinwatch was updated in another tab' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('nothing more can be saved here until you do');

    // The old tab's screens take no more input (the database refuses its writes too, see migrations.test.ts).
    expect(await oldTab.locator('main').evaluate((main) => (main as HTMLElement).inert)).toBe(true);
    await oldTab.screenshot({ path: '/tmp/kinwatch-old-tab-after-upgrade.png', fullPage: true });
    expect(await storedNames(newTab)).toEqual(['Joan']);

    await oldTab.getByRole('button', { name: 'Reload this tab' }).click();
    await oldTab.getByRole('navigation', { name: 'Main' }).waitFor();
    await goTo(oldTab, 'Home');
    await oldTab.getByRole('heading', { name: 'Joan' }).waitFor();
    expect(await oldTab.locator('main').evaluate((main) => (main as HTMLElement).inert)).toBe(false);
    expect(await oldTab.getByText('Kinwatch was updated in another tab').count()).toBe(0);
  });
});
