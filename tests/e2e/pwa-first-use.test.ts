/**
 * What a new user meets in the built carer app, in real Chromium against a real relay: honest words about who an
 * urgent alert woke, every screen free of Content-Security-Policy violations, the card preview on a phone, a garbled
 * invite link, postcode messages and form labels.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPersonFromHome, createCircle, goTo, logUrgentCall, openEmptyCarerApp, restoreFixture, type EmptyCarerApp } from './pwa-app.ts';

const SHOTS = '/tmp/kw-carer2-shots';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
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
    await addPersonFromHome(page, { name: 'Joan', postcode: 'CO7 6AA', located: 'CO7 6AA, Colchester' });
    await createCircle(page, 'Anna’s phone');

    await logUrgentCall(page);
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

/** Every screen of the app, with the fixture backup's ids (person p1, alert s1, call c1). */
const ROUTES = [
  '/',
  '/people/new',
  '/people/p1',
  '/alerts',
  '/alerts/s1',
  '/alerts/s1/script',
  '/calls',
  '/calls/new',
  '/calls/summary?person=p1',
  '/calls/c1',
  '/calls/c1/edit',
  '/checklist',
  '/cards',
  '/circle',
  '/join',
  '/settings',
  '/no-such-screen',
];

describe('every screen under the relay’s Content-Security-Policy, on a phone', () => {
  let app: EmptyCarerApp;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    app = await openEmptyCarerApp({
      context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
      // Both ways a blocked style or script shows, watched from the first page load: the DOM event (kept across page
      // loads by the binding) and the console.
      beforeOpen: async (page) => {
        await page.exposeBinding('reportCspViolation', (_source, text: string) => void violations.push(text));
        await page.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (event) => {
            (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
              `${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`,
            );
          });
        });
        page.on('console', (message) => {
          if (/Content.Security.Policy/i.test(message.text())) violations.push(`console on ${page.url()}: ${message.text()}`);
        });
      },
    });
    page = app.page;
    await restoreFixture(page);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the restore message counts in plain English ("1 alert", not "1 alerts")', async () => {
    // The fixture holds 1 person, 2 calls and 1 alert.
    await page.getByText('Restored 1 person, 2 calls, 1 alert.', { exact: true }).waitFor();
  });

  it('no screen logs a Content-Security-Policy violation', async () => {
    expect((await page.request.get(app.relay.url + '/')).headers()['content-security-policy']).toContain("style-src 'self'");
    for (const route of ROUTES) {
      await page.goto(app.relay.url + route);
      await page.locator('main h1').first().waitFor();
      // Give late effects (fonts, card fitting, QR codes) their turn before moving on.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    }
    // The circle screens once in a circle: the invite panel (QR code) and the devices list.
    await page.goto(app.relay.url + '/circle');
    await page.getByLabel('Name for this device').fill('Anna’s phone');
    await page.getByRole('button', { name: 'Create a care circle' }).click();
    await page.getByRole('heading', { name: 'Devices in the circle' }).waitFor();
    const invite = page.getByRole('button', { name: /invite link/i }).first();
    if (await invite.count()) {
      await invite.click();
      await page.waitForTimeout(500);
    }
    await page.screenshot({ path: `${SHOTS}/circle-in-circle-phone.png`, fullPage: true });
    expect(violations).toEqual([]);
  });

  it('on a 390 px phone every card preview is seen whole, shrunk to the screen, and still prints at full size', async () => {
    await page.goto(app.relay.url + '/cards');
    const preview = page.getByRole('region', { name: 'Card preview' });
    for (const choice of ['Phone-side card (A6)', 'Wallet card', 'Front-door card (A5)', 'Fridge poster (A4)']) {
      await page.getByRole('radio', { name: choice }).check();
      const card = preview.getByRole('article').first();
      await card.waitFor();
      const box = await card.evaluate((sheet) => {
        const rect = sheet.getBoundingClientRect();
        return { left: rect.left, right: rect.right, viewport: document.documentElement.clientWidth, clipped: sheet.scrollWidth > sheet.clientWidth + 0.5 };
      });
      expect(box.left, choice).toBeGreaterThanOrEqual(0);
      expect(box.right, choice).toBeLessThanOrEqual(box.viewport + 0.5);
      expect(box.clipped, choice).toBe(false);
      if (choice.startsWith('Phone-side')) await page.screenshot({ path: `${SHOTS}/cards-phone.png`, fullPage: true });
    }
    await expect.poll(() => page.getByText(/shown here at \d+% to fit the screen/).count()).toBe(1);
    // Paper is not shrunk: printed, the A4 sheet is its full 210 mm (793.7 px) wide.
    await page.emulateMedia({ media: 'print' });
    const printed = await preview.getByRole('article').first().evaluate((sheet) => sheet.getBoundingClientRect().width);
    await page.emulateMedia({ media: 'screen' });
    expect(printed).toBeCloseTo((210 * 96) / 25.4, 0);
  });
});

describe('a garbled invite link and the join form', () => {
  let app: EmptyCarerApp;
  let page: Page;

  beforeAll(async () => {
    app = await openEmptyCarerApp({ context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('says at once, in plain words, that an opened link is incomplete and what to do, before anything is typed', async () => {
    // Cut short where a message wrapped it: the invite token is a few characters and the key is gone.
    await page.goto(`${app.relay.url}/join#c=AbCdEfGhIjKlMnOp1234&i=xY3`);
    const notice = page.getByRole('alert').filter({ hasText: 'This invite link is incomplete' });
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('Copy the whole link');
    expect(text).toContain('ask the family member who sent it for a new one');
    // The parser's words stay in a closed details element, for whoever helps.
    expect(await notice.locator('details').getAttribute('open')).toBeNull();
    expect(await notice.locator('details p').textContent()).toContain('invite token (i) missing or damaged');
    expect(await page.getByRole('button', { name: 'Join the circle' }).count()).toBe(0);
    expect(await page.getByText('You opened an invite link. Join').count()).toBe(0);
    // The key never stays in the address bar.
    expect(new URL(page.url()).hash).toBe('');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/join-incomplete-link.png`, fullPage: true });
  });

  it('"Join with this link" is enabled and lists what is missing at the top, linked to each field', async () => {
    const button = page.getByRole('button', { name: 'Join with this link' });
    expect(await button.isDisabled()).toBe(false);
    await button.click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('There are 2 problems');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await summary.getByRole('link', { name: 'Paste the invite link a family member sent you.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('circle-invite-link');

    await page.getByLabel('Name for this device').fill('Dad’s tablet');
    await page.getByLabel('Invite link', { exact: true }).fill(`${app.relay.url}/join#c=AbCdEfGhIjKlMnOp1234&i=xY3`);
    await button.click();
    await summary.getByRole('link', { name: /This invite link is incomplete or damaged/ }).waitFor();
    expect(await summary.innerText()).toContain('There is a problem');
    expect(await page.getByLabel('Invite link', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/join-paste-errors.png`, fullPage: true });
  });
});

describe('the Add-person form on a phone', () => {
  let app: EmptyCarerApp;
  let page: Page;

  beforeAll(async () => {
    app = await openEmptyCarerApp({ context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
    page = app.page;
    await goTo(page, 'Home');
    await page.getByRole('link', { name: 'Add a person' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Joan');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the bank’s and the family’s phone fields have different names', async () => {
    expect(await page.getByRole('textbox', { name: 'Bank phone number 1', exact: true }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Family member phone number 1', exact: true }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Phone number 1', exact: true }).count()).toBe(0);
  });

  for (const [typed, message] of [
    ['CO7 6AAA', '“CO7 6AAA” is too long: the second part of a postcode is a number and two letters, like 6AA in CO7 6AA.'],
    ['CO76AAA', '“CO76AAA” is too long: a UK postcode has at most 7 letters and numbers, like CO7 6AA.'],
    ['XX1 1XX', '“XX1 1XX” is not a UK postcode: no postcode starts with XX. Check the letters at the start, like CO in CO7 6AA.'],
    ['ZZ99 9ZZ', '“ZZ99 9ZZ” is not a UK postcode: no postcode starts with ZZ. Check the letters at the start, like CO in CO7 6AA.'],
  ] as const) {
    it(`refuses "${typed}" with a message that says what is wrong, and saves nothing`, async () => {
      await page.getByLabel('Postcode').fill(typed);
      await page.getByRole('button', { name: 'Save' }).click();
      const summary = page.locator('.error-summary');
      await summary.getByRole('link', { name: message, exact: true }).waitFor();
      expect(await summary.innerText()).not.toContain('cut short');
      expect(await page.getByRole('heading', { level: 1, name: 'Add a person' }).count()).toBe(1);
      // Refused before any request: the postcode service never hears of it.
      expect(app.postcodes.requests.some((request) => decodeURIComponent(request.path).toUpperCase().replace(/\s/g, '').includes(typed.replace(/\s/g, '')))).toBe(false);
      if (typed === 'XX1 1XX') {
        expect(await axe(page)).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/person-postcode-area.png` });
      }
    });
  }

  it('a real postcode is still taken and checked', async () => {
    await page.getByLabel('Postcode').fill('co7 6aa');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('CO7 6AA, Colchester').waitFor();
  });

  it('the same person again is refused, saying who is already there; someone else at that postcode is taken', async () => {
    await goTo(page, 'Home');
    await page.getByRole('link', { name: 'Add a person' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill(' joan ');
    await page.getByLabel('Postcode').fill('co76aa');
    await page.getByRole('button', { name: 'Save' }).click();
    const message = 'Joan (CO7 6AA) is already in your list: open them from Home to change their details.';
    await page.locator('.error-summary').getByRole('link', { name: message, exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Add a person' }).count()).toBe(1);
    await page.getByLabel('Name', { exact: true }).fill('Ron');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Ron' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Joan', exact: true }).count()).toBe(1);
  });
});
