import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, openEmptyCarerApp, type EmptyCarerApp } from './pwa-app.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Whether the element's top is inside the visible viewport. */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (element) => {
    const box = element.getBoundingClientRect();
    return box.top >= -1 && box.top < window.innerHeight;
  });
}

for (const [size, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 900 }],
] as const) {
  describe(`first run, a live call and form errors (${size}, ${viewport.width}×${viewport.height})`, () => {
    let app: EmptyCarerApp;
    let page: Page;

    beforeAll(async () => {
      app = await openEmptyCarerApp({ context: { viewport, isMobile: size === 'phone', hasTouch: size === 'phone' } });
      page = app.page;
    });

    afterAll(async () => {
      await app?.close();
    });

    it('Home on first run says to add the person first and how warnings arrive, with no "Log a call"', async () => {
      await goTo(page, 'Home');
      await page.getByRole('heading', { name: 'Start here' }).waitFor();
      expect(await page.getByRole('link', { name: 'Log a call' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Add a person' }).count()).toBe(1);
      const how = await page.getByRole('region', { name: 'How warnings reach you' }).innerText();
      expect(how).toContain('watcher');
      expect(how).toContain('invite link');
      expect(await page.getByRole('link', { name: 'Set up the family circle' }).getAttribute('href')).toBe('/circle');
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/kinwatch-e2e-home-first-run-${size}.png`, fullPage: true });
    });

    it('the person form lists its errors at the top, takes focus and links to each field', async () => {
      await page.getByRole('link', { name: 'Add a person' }).click();
      await page.getByLabel('Postcode').fill('CO7 6');
      await page.getByRole('button', { name: 'Save' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There are 2 problems' });
      await summary.waitFor();
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      expect(await inView(page, '.error-summary')).toBe(true);
      // A cut-short postcode is refused before any request, never saved as an outcode.
      await summary.getByRole('link', { name: /looks cut short/ }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('person-postcode');
      expect(app.postcodes.requests.some((request) => request.path.includes('CO76'))).toBe(false);
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/kinwatch-e2e-person-errors-${size}.png` });
    });

    it('a postcode saved while the service is down is checked again by itself when it is back', async () => {
      app.postcodes.failPath('/postcodes/', 503);
      await page.getByLabel('Name', { exact: true }).fill('Joan');
      await page.getByLabel('Postcode').fill('co7 6aa');
      await page.getByLabel('Bank name 1').fill('Barclays');
      await page.getByLabel('Phone number 1').first().fill('0345 734 5345');
      await page.getByLabel('Family member 1').fill('Sarah (daughter)');
      await page.getByLabel('Phone number 1').nth(1).fill('07700 900123');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('CO7 6AA (postcode not checked yet)').waitFor();
      app.postcodes.clearFailures();
      await app.context.setOffline(true);
      await app.context.setOffline(false);
      await page.getByText('CO7 6AA, Colchester').waitFor();
      expect(await page.getByText('(postcode not checked yet)').count()).toBe(0);
    });

    it('the call form lists its errors at the top and links to the field', async () => {
      await page.getByRole('link', { name: 'Log a call' }).first().click();
      await page.getByLabel('When').fill('');
      await page.getByRole('button', { name: 'Save' }).click();
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      await summary.getByRole('link', { name: 'Enter the date and time of the call.' }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('call-at');
      await page.getByLabel('When').fill('2026-11-30T10:00');
    });

    it('ticking "a courier is coming" shows the next steps at once, at the top, before Save, with tap-to-call numbers', async () => {
      // Use the current time, so the call is live.
      await page.getByLabel('When').fill(await page.evaluate(() => {
        const now = new Date();
        return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      }));
      await page.getByLabel('Asked for the PIN, card or bank details').check();
      await page.getByLabel('Gave PIN, card or bank details').check();
      await page.getByLabel('A courier came or is coming').check();
      const live = page.getByRole('region', { name: 'Act now: do these first' });
      await live.waitFor();
      expect(await inView(page, '.live-steps')).toBe(true);
      const text = await live.innerText();
      expect(text).toMatch(/Call 999 now from another phone/);
      expect(text).toMatch(/Call the bank now from another phone/);
      expect(await live.getByRole('link', { name: 'Call 999' }).getAttribute('href')).toBe('tel:999');
      expect(await live.getByRole('link', { name: 'Call 159' }).getAttribute('href')).toBe('tel:159');
      expect(await live.getByRole('link', { name: 'Call Barclays: 0345 734 5345' }).getAttribute('href')).toBe('tel:03457345345');
      // Nothing saved yet: the steps came before Save.
      expect(await page.getByRole('heading', { level: 1, name: 'Log a call' }).count()).toBe(1);
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/kinwatch-e2e-live-steps-${size}.png` });
    });

    it('after Save the plan has Report Fraud with its number and site, and the family to ring', async () => {
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name: 'This looks live: act now' }).waitFor();
      const steps = page.locator('ol.steps');
      expect(await steps.getByRole('link', { name: 'Call Report Fraud: 0300 123 2040' }).getAttribute('href')).toBe('tel:03001232040');
      expect(await steps.getByRole('link', { name: 'reportfraud.police.uk' }).getAttribute('href')).toBe('https://www.reportfraud.police.uk/');
      expect(await steps.getByRole('link', { name: 'Call Sarah (daughter): 07700 900123' }).getAttribute('href')).toBe('tel:07700900123');
      await page.screenshot({ path: `/tmp/kinwatch-e2e-call-plan-${size}.png`, fullPage: true });
    });

    it('Home puts the urgent call first and says the family was not alerted without a circle', async () => {
      await goTo(page, 'Home');
      const urgent = page.getByRole('region', { name: 'Urgent: act now' });
      await urgent.waitFor();
      expect(await page.evaluate(() => document.querySelector('main section')?.getAttribute('aria-labelledby'))).toBe('urgent-heading');
      expect(await urgent.innerText()).toContain('The family has not been alerted: this device is not in a family circle.');
      await page.screenshot({ path: `/tmp/kinwatch-e2e-home-urgent-${size}.png`, fullPage: true });
    });

    it('the plan marks the bank and the 101 report done once they are logged', async () => {
      await page.getByRole('region', { name: 'Urgent: act now' }).getByRole('link').first().click();
      await page.getByRole('link', { name: 'Edit this call' }).click();
      await page.getByLabel('The bank has been told').check();
      await page.getByLabel('101 reference').fill('CAD 12/30NOV');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name: 'What to do next' }).waitFor();
      const done = await page.locator('ol.steps li.done-step').allInnerTexts();
      expect(done.some((step) => step.startsWith('Done: Call the bank'))).toBe(true);
      expect(done.some((step) => step.startsWith('Done: Call 101'))).toBe(true);
      expect((await page.locator('ol.steps li').first().innerText())).toMatch(/^Now: Call 999/);
    });
  });
}
