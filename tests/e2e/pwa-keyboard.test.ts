import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCarerAppWithFixture, type CarerAppWithFixture } from './pwa-app.ts';

/** What a screen reader would call the focused element: its label, or its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '';
    const label = element.id ? document.querySelector(`label[for="${element.id}"]`) : null;
    return (label?.textContent ?? element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
  });
}

/** Presses Tab until the focused element is called `name`; fails if it is never reached. */
async function tabTo(page: Page, name: string, maxPresses = 80): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`"${name}" is not reachable with the Tab key`);
}

describe('carer app with the keyboard only', () => {
  let app: CarerAppWithFixture;
  let page: Page;

  beforeAll(async () => {
    app = await openCarerAppWithFixture({ screen: 'Home' });
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('offers "Skip to content" first and it moves focus to the screen', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Log a call');
  });

  it('tabs to "Log a call", fills the form and saves it', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await tabTo(page, 'Log a call');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Log a call' }).waitFor();
    await tabTo(page, 'The number was withheld');
    await page.keyboard.press('Space');
    await tabTo(page, 'Who they said they were');
    await page.keyboard.press('ArrowDown'); // Police → A bank
    await tabTo(page, 'Officer name or rank they gave');
    await page.keyboard.type('Mr Price, fraud team');
    await tabTo(page, 'Asked them to move money to a "safe account"');
    await page.keyboard.press('Space');
    await tabTo(page, 'Money was moved or paid');
    await page.keyboard.press('Space');
    await tabTo(page, 'Notes');
    await page.keyboard.type('Moved £2,000 before the family found out');
    await tabTo(page, 'Save');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'What to do next' }).waitFor();
    const steps = await page.locator('ol.steps li').allInnerTexts();
    expect(steps[0]).toContain('Call the bank now');
    expect(steps[1]).toContain('Report Fraud');
    const logged = await page.locator('.facts-list').innerText();
    expect(logged).toContain('Withheld');
    expect(logged).toContain('A bank');
    expect(logged).toContain('Mr Price, fraud team');
  });
});
