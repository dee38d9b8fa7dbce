import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostcodesStub } from '../helpers/postcodes-stub.ts';
import type { StartedRelay } from '../helpers/start-relay.ts';
import { goTo, openEmptyCarerApp, type EmptyCarerApp } from './pwa-app.ts';

describe('carer app: people and the call log, online and offline', () => {
  let app: EmptyCarerApp;
  let relay: StartedRelay;
  let postcodes: PostcodesStub;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await openEmptyCarerApp();
    ({ relay, postcodes, context, page } = app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('adds a person, checking the postcode and finding the local force', async () => {
    await goTo(page, 'Home');
    await page.getByRole('link', { name: 'Add a person' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Joan');
    await page.getByLabel('Postcode').fill('co7 6aa');
    await page.getByLabel('Bank name 1').fill('Barclays');
    await page.getByLabel('Phone number 1').first().fill('0345 734 5345');
    await page.getByLabel('Family member 1').fill('Sarah (daughter)');
    await page.getByLabel('Phone number 1').nth(1).fill('07700 900123');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Joan' }).count()).toBe(1);
    await expect(page.getByText('CO7 6AA, Colchester')).toBeTruthy();
    expect(await page.getByText('CO7 6AA, Colchester').count()).toBe(1);
    expect(postcodes.requests.some((request) => request.path.startsWith('/postcodes/CO7'))).toBe(true);
  });

  it('refuses a postcode that is not one, naming the field, and keeps what was typed', async () => {
    await page.getByRole('link', { name: 'Add a person' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Bert');
    await page.getByLabel('Postcode').fill('hello');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Enter a UK postcode, like CO7 6AA.' }).waitFor();
    expect(await page.locator('#person-postcode-error').innerText()).toBe('Enter a UK postcode, like CO7 6AA.');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Bert');
    await goTo(page, 'Home');
  });

  it('logs a live call and shows the urgent plan: 999 first, then the bank on its own number', async () => {
    await page.getByRole('link', { name: 'Log a call' }).first().click();
    await page.getByLabel('Who they said they were').selectOption('police');
    await page.getByLabel('Which police force they named').selectOption('metropolitan');
    await page.getByLabel('Officer name or rank they gave').fill('DS Harris');
    await page.getByLabel('Asked for the PIN, card or bank details').check();
    await page.getByLabel('Said a courier or taxi would collect').check();
    await page.getByLabel('Gave PIN, card or bank details').check();
    await page.getByLabel('Notes').fill('Said her card was cloned at Tesco');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'This looks live: act now' }).waitFor();
    const steps = await page.locator('ol.steps li').allInnerTexts();
    expect(steps[0]).toMatch(/^Now: Call 999 now/);
    expect(steps[1]).toContain('Call Barclays: 0345 734 5345');
    expect(await page.getByText('Police and banks will NEVER ask for your PIN or bank details on the phone.').count()).toBe(1);
    expect(await page.getByText('Metropolitan Police Service').count()).toBeGreaterThan(0);
  });

  it('keeps the call after a reload', async () => {
    await page.reload();
    await goTo(page, 'Calls');
    await page.getByText('Showing 1 of 1 call.').waitFor();
    expect(await page.locator('.call-list li').first().innerText()).toContain('Joan');
  });

  it('deletes a call and brings it back with Undo', async () => {
    await page.locator('.call-list a').first().click();
    await page.getByRole('button', { name: 'Delete this call' }).click();
    await page.getByText('No calls match.').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Showing 1 of 1 call.').waitFor();
  });

  it('edits a call: the plan follows the new outcome', async () => {
    await page.locator('.call-list a').first().click();
    await page.getByRole('link', { name: 'Edit this call' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit call' }).waitFor();
    expect(await page.getByLabel('Officer name or rank they gave').inputValue()).toBe('DS Harris');
    await page.getByLabel('Said a courier or taxi would collect').uncheck();
    await page.getByLabel('101 reference').fill('CAD 99/24NOV');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'What to do next' }).waitFor();
    expect(await page.getByRole('heading', { name: 'This looks live: act now' }).count()).toBe(0);
    expect((await page.locator('ol.steps li').allInnerTexts())[0]).toMatch(/^Now: Call the bank now/);
    expect(await page.locator('.facts-list').innerText()).toContain('CAD 99/24NOV');
    await goTo(page, 'Calls');
    await page.getByText('Showing 1 of 1 call.').waitFor();
  });

  it('filters the log by outcome', async () => {
    await page.getByLabel('What happened').selectOption('money-moved');
    await page.getByText('No calls match.').waitFor();
    await page.getByLabel('What happened').selectOption('gave-details');
    await page.getByText('Showing 1 of 1 call.').waitFor();
  });

  it('works with the network off: reload, every screen, and logging a call', async () => {
    await context.setOffline(true);
    try {
      await page.reload();
      for (const [link, heading] of [
        ['Home', 'Kinwatch'],
        ['Alerts', 'Alerts'],
        ['Calls', 'Calls'],
        ['Checklist', 'Checklist for Joan'],
        ['Cards', 'Advice cards'],
        ['Circle', 'Care circle'],
        ['Settings', 'Settings'],
      ] as const) {
        await goTo(page, link);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      }
      // A deep link opened cold while offline is answered by the service worker.
      await page.goto(`${relay.url}/calls`);
      await page.getByText('Showing 1 of 1 call.').waitFor();
      await page.getByRole('link', { name: 'Log a call' }).click();
      await page.getByLabel('Hung up, nothing given').check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name: 'What to do next' }).waitFor();
      await goTo(page, 'Calls');
      await page.getByText('Showing 2 of 2 calls.').waitFor();
    } finally {
      await context.setOffline(false);
    }
  });

  it('saves a person offline with the postcode unchecked and says so', async () => {
    await context.setOffline(true);
    try {
      await goTo(page, 'Home');
      await page.getByRole('link', { name: 'Add a person' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Alf');
      await page.getByLabel('Postcode').fill('CM1 1AA');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText(/Saved Alf\. The postcode service could not be reached/).waitFor();
      await page.getByText('CM1 1AA (postcode not checked yet)').waitFor();
    } finally {
      await context.setOffline(false);
    }
  });
});
