/** Shared steps for the carer app's end-to-end tests: serve the built app, open it, fill the forms as a carer would. */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startPostcodesStub, type PostcodesStub } from '../helpers/postcodes-stub.ts';
import { startRelay, type StartedRelay } from '../helpers/start-relay.ts';

export const BACKUP_FIXTURE = new URL('../fixtures/pwa/backup-small.json', import.meta.url);

/**
 * Opens the app and waits until the service worker controls the page, so later offline reloads are served from it.
 * A page whose load overlapped the worker's activation is never claimed (clients.claim() ran before the page was a
 * client): on a busy machine that happens, and such a page is reloaded, as the next visit would be, at most 3 times.
 * Throws when no service worker becomes active within 60 s, saying what the registration holds.
 */
export async function openApp(page: Page, baseUrl: string, path = '/'): Promise<void> {
  await page.goto(baseUrl + path);
  for (let reloads = 0; ; reloads += 1) {
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const controlled = await page.evaluate(async ({ activeWithinMs, claimedWithinMs }) => {
      const container = navigator.serviceWorker;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          void container.getRegistration().then((registration) =>
            reject(new Error(`no service worker became active within ${activeWithinMs} ms (installing: ${registration?.installing?.state ?? 'none'}, waiting: ${registration?.waiting?.state ?? 'none'})`)),
          );
        }, activeWithinMs);
      });
      await Promise.race([container.ready, late]).finally(() => clearTimeout(timer));
      if (container.controller) return true;
      return new Promise<boolean>((resolve) => {
        container.addEventListener('controllerchange', () => resolve(true), { once: true });
        setTimeout(() => resolve(Boolean(container.controller)), claimedWithinMs);
      });
    }, { activeWithinMs: 60_000, claimedWithinMs: 5_000 });
    if (controlled) return;
    if (reloads === 3) throw new Error(`the service worker is active but did not control ${page.url()} after 3 reloads`);
    await page.reload();
  }
}

/**
 * One of the app's IndexedDB tables, read from the page as the app stores it. Rejects (never hangs) when the table is
 * not there yet, and lets go of the database at once if the app needs to upgrade it.
 */
export function readAppTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('kinwatch');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          database.onversionchange = () => database.close();
          try {
            const all = database.transaction(name, 'readonly').objectStore(name).getAll();
            all.onsuccess = () => {
              database.close();
              resolve(all.result as T[]);
            };
            all.onerror = () => {
              database.close();
              reject(all.error);
            };
          } catch (error) {
            database.close();
            reject(error);
          }
        };
      }),
    table,
  );
}

/** This device's membership of its care circle, as the app keeps it; throws when it is in none. */
export async function appMembership(page: Page): Promise<{ circleId: string; deviceId: string; deviceToken: string }> {
  const rows = await readAppTable<{ key: string; value: unknown }>(page, 'settings');
  const circle = rows.find((row) => row.key === 'circle')?.value as { circleId: string; deviceId: string; deviceToken: string } | undefined;
  if (!circle) throw new Error('this device is in no care circle');
  return circle;
}

/** The local time now, as a datetime-local input takes it, so a call logged now is live. */
export function nowLocal(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  });
}

/** Goes to a screen through the main navigation, opening the Menu first when the links are folded behind it. */
export async function goTo(page: Page, linkName: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  // On a phone, or with large text, the links are folded behind Menu: open it first, as a carer would.
  const menu = nav.getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await nav.getByRole('link', { name: linkName, exact: true }).click();
}

/** Adds a person from Home as a carer would, and waits for their card ("CO7 6AA, Colchester"). */
export async function addPersonFromHome(page: Page, person: { name: string; postcode: string; located: string }): Promise<void> {
  await goTo(page, 'Home');
  await page.getByRole('link', { name: 'Add a person' }).first().click();
  await page.getByLabel('Name', { exact: true }).fill(person.name);
  await page.getByLabel('Postcode').fill(person.postcode);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText(person.located).waitFor();
}

/** Creates the family's care circle from the Circle screen with this device's name, and waits for its devices list. */
export async function createCircle(page: Page, deviceName: string): Promise<void> {
  await goTo(page, 'Circle');
  await page.getByLabel('Name for this device').fill(deviceName);
  await page.getByRole('button', { name: 'Create a care circle' }).click();
  await page.getByRole('heading', { name: 'Devices in the circle' }).waitFor();
}

/** Logs a call that looks live (a courier is coming) from Home, as a carer would, and returns to Home. */
export async function logUrgentCall(page: Page): Promise<void> {
  await goTo(page, 'Home');
  await page.getByRole('link', { name: 'Log a call' }).first().click();
  await page.getByLabel('When').fill(await nowLocal(page));
  await page.getByLabel('A courier came or is coming').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'This looks live: act now' }).waitFor();
  await goTo(page, 'Home');
}

/** Restores the fixture backup through Settings, the way a carer would load data onto a new device. */
export async function restoreFixture(page: Page, file: URL = BACKUP_FIXTURE): Promise<void> {
  await goTo(page, 'Settings');
  await page.getByLabel('Restore from a backup file').setInputFiles({
    name: 'kinwatch-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(readFileSync(file)),
  });
  const question = page.getByRole('dialog', { name: 'Replace everything on this device?' });
  await question.getByRole('button', { name: 'Replace with the backup' }).click();
  // The question closes once the data is replaced.
  await question.waitFor({ state: 'hidden' });
  await page.getByText(/^Restored \d+ (person|people), /).waitFor();
}

/** Points the app at a local postcode service from Settings, as a carer would, and waits until it is saved. */
export async function setPostcodeService(page: Page, url: string): Promise<void> {
  await goTo(page, 'Settings');
  await page.getByLabel('Postcode service address').fill(url);
  // Saved as typed, in the background: wait until it is stored, so leaving the screen at once cannot lose it.
  for (const started = Date.now(); ; ) {
    const settings = await readAppTable<{ key: string; value: unknown }>(page, 'settings');
    if (settings.some((setting) => setting.key === 'postcodesBaseUrl' && setting.value === url)) return;
    if (Date.now() - started > 30_000) throw new Error(`the postcode service address was not saved: ${JSON.stringify(settings)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface CarerAppWithFixture {
  relay: StartedRelay;
  browser: Browser;
  page: Page;
  /** Closes the browser, then stops the relay. */
  close(): Promise<void>;
}

/**
 * Starts a relay serving the built app, opens the app in a fresh browser and restores the fixture backup, as a carer
 * setting up a new device would; then goes to `screen`, if given. `context` options apply to the page's browser context.
 */
export async function openCarerAppWithFixture(
  options: { screen?: string; context?: BrowserContextOptions } = {},
): Promise<CarerAppWithFixture> {
  const [relay, browser] = await Promise.all([startRelay(), launchBrowser()]);
  const close = async (): Promise<void> => {
    await browser.close();
    await relay.stop();
  };
  try {
    const page = options.context ? await (await browser.newContext(options.context)).newPage() : await browser.newPage();
    page.setDefaultTimeout(10_000);
    await openApp(page, relay.url);
    await restoreFixture(page);
    if (options.screen) await goTo(page, options.screen);
    return { relay, browser, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface EmptyCarerApp {
  relay: StartedRelay;
  postcodes: PostcodesStub;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Closes the browser, then the postcode service, then stops the relay. */
  close(): Promise<void>;
}

/**
 * Starts a relay serving the built app and a local postcode service, opens the app with no data in a fresh browser
 * and points it at that postcode service. `beforeOpen` runs on the page before the app first loads; `context` options
 * (viewport, colour scheme) apply to its browser context.
 */
export async function openEmptyCarerApp(options: { beforeOpen?: (page: Page) => Promise<void>; context?: BrowserContextOptions } = {}): Promise<EmptyCarerApp> {
  const [relay, postcodes, browser] = await Promise.all([startRelay(), startPostcodesStub(), launchBrowser()]);
  const close = async (): Promise<void> => {
    await browser.close();
    await postcodes.close();
    await relay.stop();
  };
  try {
    const context = await browser.newContext(options.context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await options.beforeOpen?.(page);
    await openApp(page, relay.url);
    await setPostcodeService(page, postcodes.url);
    return { relay, postcodes, browser, context, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
