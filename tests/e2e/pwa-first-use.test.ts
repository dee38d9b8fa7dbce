/**
 * What a new user meets in the built carer app, in real Chromium against a real relay: honest words about who an
 * urgent alert woke, every screen free of Content-Security-Policy violations, the card preview on a phone, a garbled
 * invite link, postcode messages and form labels.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, openEmptyCarerApp, type EmptyCarerApp } from './pwa-app.ts';

const SHOTS = '/tmp/kw-carer2-shots';

/** The local time now, as a datetime-local input takes it, so a call logged now is live. */
function nowLocal(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  });
}

describe('an urgent call in a circle where no device has notifications on', () => {
  let app: EmptyCarerApp;
  let page: Page;

  beforeAll(async () => {
    app = await openEmptyCarerApp({ context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('Home says the alert is saved for the circle and that no device was woken now', async () => {
    await goTo(page, 'Home');
    await page.getByRole('link', { name: 'Add a person' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Joan');
    await page.getByLabel('Postcode').fill('CO7 6AA');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('CO7 6AA, Colchester').waitFor();

    await goTo(page, 'Circle');
    await page.getByLabel('Name for this device').fill('Anna’s phone');
    await page.getByRole('button', { name: 'Create a care circle' }).click();
    await page.getByRole('heading', { name: 'Devices in the circle' }).waitFor();

    await goTo(page, 'Home');
    await page.getByRole('link', { name: 'Log a call' }).first().click();
    await page.getByLabel('When').fill(await nowLocal(page));
    await page.getByLabel('A courier came or is coming').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'This looks live: act now' }).waitFor();

    await goTo(page, 'Home');
    const urgent = page.getByRole('region', { name: 'Urgent: act now' });
    // The only device in the circle is this one, so the relay queues no push: the words must not claim anyone was alerted.
    await urgent.getByText(/No device is set up to be woken/).waitFor({ timeout: 30_000 });
    const text = await urgent.innerText();
    expect(text).toContain('saved for the family circle');
    expect(text).toContain('when they next open Kinwatch');
    expect(text).not.toContain('has been sent an urgent alert');
    await page.screenshot({ path: `${SHOTS}/home-no-device-woken.png`, fullPage: true });
  });
});
