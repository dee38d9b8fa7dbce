import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, openCarerAppWithFixture, type CarerAppWithFixture } from './pwa-app.ts';

const SCREENS: { name: string; open: (page: Page) => Promise<void>; heading: string | RegExp }[] = [
  { name: 'Home', open: (page) => goTo(page, 'Home'), heading: 'Kinwatch' },
  { name: 'Alerts', open: (page) => goTo(page, 'Alerts'), heading: 'Alerts' },
  { name: 'Phone script', open: async (page) => { await goTo(page, 'Alerts'); await page.getByRole('link', { name: /^Phone script for/ }).first().click(); }, heading: /^Phone script/ },
  { name: 'Calls', open: (page) => goTo(page, 'Calls'), heading: 'Calls' },
  { name: 'Call detail', open: async (page) => { await goTo(page, 'Calls'); await page.locator('.call-list a').first().click(); }, heading: /^Call to/ },
  { name: 'Log a call', open: async (page) => { await goTo(page, 'Calls'); await page.getByRole('link', { name: 'Log a call' }).click(); }, heading: 'Log a call' },
  { name: 'Incident summary', open: async (page) => { await goTo(page, 'Calls'); await page.locator('.call-list a').first().click(); await page.getByRole('link', { name: 'Incident summary' }).click(); }, heading: /^Incident summary/ },
  { name: 'Checklist', open: (page) => goTo(page, 'Checklist'), heading: /^Checklist for/ },
  { name: 'Cards', open: (page) => goTo(page, 'Cards'), heading: 'Advice cards' },
  { name: 'Circle', open: (page) => goTo(page, 'Circle'), heading: 'Care circle' },
  { name: 'Settings', open: (page) => goTo(page, 'Settings'), heading: 'Settings' },
  { name: 'Edit person', open: async (page) => { await goTo(page, 'Home'); await page.getByRole('link', { name: /^Edit .* details$/ }).first().click(); }, heading: /^Edit/ },
];

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  // Two best-practice rules that matter for people moving by headings and keys: heading order and scroll boxes.
  const practice = await new AxeBuilder({ page }).withRules(['heading-order', 'scrollable-region-focusable']).analyze();
  result.violations.push(...practice.violations);
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Interactive things smaller than 44 × 44 CSS px (WCAG 2.5.5 / 2.5.8 with the product's larger bar). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button, main .button, nav a, main input[type=checkbox], main input[type=radio], main select, main input:not([type=checkbox]):not([type=radio])')]
      .filter((element) => element.offsetParent !== null)
      .map((element) => {
        const box = element.getBoundingClientRect();
        // A checkbox or radio counts with its label, which is the click target a user aims at.
        const label = element.id ? document.querySelector<HTMLElement>(`label[for="${element.id}"]`) : null;
        const height = Math.max(box.height, label && (element as HTMLInputElement).type in { checkbox: 1, radio: 1 } ? label.getBoundingClientRect().height : 0);
        return { text: element.textContent?.trim() || element.getAttribute('aria-label') || element.id, width: box.width, height };
      })
      .filter((target) => target.height < 44 || target.width < 24)
      .map((target) => `${target.text} (${Math.round(target.width)}×${Math.round(target.height)})`),
  );
}

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`carer app accessibility (${colorScheme})`, () => {
    let app: CarerAppWithFixture;
    let page: Page;

    beforeAll(async () => {
      app = await openCarerAppWithFixture({ context: { colorScheme, reducedMotion: 'reduce' } });
      page = app.page;
    });

    afterAll(async () => {
      await app?.close();
    });

    for (const screen of SCREENS) {
      it(`${screen.name}: axe finds no WCAG 2.2 AA violations and targets are large`, async () => {
        await screen.open(page);
        await page.getByRole('heading', { level: 1, name: screen.heading }).waitFor();
        expect(await violations(page)).toEqual([]);
        expect(await smallTargets(page)).toEqual([]);
      });
    }
  });
}

describe('carer app at 200% text size', () => {
  let app: CarerAppWithFixture;
  let page: Page;

  beforeAll(async () => {
    app = await openCarerAppWithFixture({ context: { viewport: { width: 1280, height: 800 } } });
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('scales text with the browser setting and nothing in the call log is cut off sideways', async () => {
    await goTo(page, 'Calls');
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    await page.evaluate(() => (document.documentElement.style.fontSize = '225%'));
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(before).toBeGreaterThanOrEqual(18);
    expect(after).toBeGreaterThanOrEqual(before * 1.99);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // A desktop window has room for every link even at this size: none is hidden behind a Menu button.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    for (const name of ['Home', 'Alerts', 'Calls', 'Checklist', 'Cards', 'Circle', 'Settings']) {
      expect(await nav.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    }
    await page.evaluate(() => (document.documentElement.style.fontSize = ''));
  });
});

/** The first words of each element matching `selector` that runs off the screen or overflows its own box. */
function cutOff(page: Page, selector: string): Promise<(string | undefined)[]> {
  return page.evaluate((query) =>
    [...document.querySelectorAll<HTMLElement>(query)]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.left < 0 || box.right > window.innerWidth + 0.5 || element.scrollWidth > element.clientWidth + 1;
      })
      .map((element) => element.textContent?.slice(0, 40)),
  selector);
}

describe('carer app at 200% text size on a phone', () => {
  let app: CarerAppWithFixture;
  let page: Page;

  beforeAll(async () => {
    app = await openCarerAppWithFixture({ context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the navigation folds behind a Menu button, leaving the first screen to the content, and opens by keyboard', async () => {
    await goTo(page, 'Home');
    await page.evaluate(() => (document.documentElement.style.fontSize = '225%'));
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = nav.getByRole('button', { name: 'Menu' });
    const alerts = nav.getByRole('link', { name: 'Alerts', exact: true });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await alerts.isVisible()).toBe(false);
    const header = await page.locator('header').boundingBox();
    expect(header!.height).toBeLessThan(844 * 0.3);

    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await alerts.waitFor();
    expect(await violations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/kinwatch-e2e-menu-200pc-phone.png' });
    // Escape folds it again and gives the focus back to the button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);
    // Choosing a screen goes there and folds the menu.
    await menu.click();
    await alerts.click();
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await alerts.isVisible()).toBe(false);
    // So does choosing the screen already shown: the menu never stays over it.
    await menu.click();
    await alerts.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await page.evaluate(() => (document.documentElement.style.fontSize = ''));
  });

  it('the call details are not cut: every label and value stays inside the screen', async () => {
    await goTo(page, 'Calls');
    await page.locator('.call-list a').first().click();
    await page.getByRole('heading', { name: 'What was logged' }).waitFor();
    await page.evaluate(() => (document.documentElement.style.fontSize = '225%'));
    const cut = await cutOff(page, '.facts-list dt, .facts-list dd, ol.steps li, h1');
    expect(cut).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: '/tmp/kinwatch-e2e-call-200pc-phone.png', fullPage: true });
  });

  it('the alerts are not cut: headlines, places and article titles stay inside their cards', async () => {
    await page.evaluate(() => (document.documentElement.style.fontSize = ''));
    await goTo(page, 'Alerts');
    await page.locator('.spate-sources').first().waitFor();
    await page.evaluate(() => (document.documentElement.style.fontSize = '225%'));
    const cut = await cutOff(page, 'main h2, main h3, main p, .spate-sources a, .spate-sources .source-by');
    expect(cut).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: '/tmp/kinwatch-e2e-alerts-200pc-phone.png', fullPage: true });
  });
});
