import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCarerAppWithFixture, type CarerAppWithFixture } from './pwa-app.ts';

describe('carer app checklist', () => {
  let app: CarerAppWithFixture;
  let page: Page;

  beforeAll(async () => {
    app = await openCarerAppWithFixture({ screen: 'Checklist' });
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  const rule = (wording: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: wording }) });
  const courierRule = 'Police and banks will NEVER send a courier or taxi to collect cards, cash or valuables.';

  it('shows each rule with its source, and progress at a glance', async () => {
    await page.getByText(/^\d+ of 12 talked through$/).waitFor();
    const text = await rule(courierRule).innerText();
    expect(text).toContain('Source: Metropolitan Police');
    expect(text).toContain('Not talked through yet.');
  });

  it('ticks a rule as talked through today by the named carer, and undoes it', async () => {
    const before = Number((await page.getByText(/^\d+ of 12 talked through$/).innerText()).split(' ')[0]);
    await page.getByLabel('Your name', { exact: true }).fill('Priya');
    await rule(courierRule).getByRole('button', { name: /^Talked through with Joan Smith/ }).click();
    await page.getByText(`${before + 1} of 12 talked through`).waitFor();
    const today = new Date().toLocaleDateString('en-GB', { dateStyle: 'long' });
    expect(await rule(courierRule).innerText()).toContain(`Talked through on ${today} by Priya.`);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText(`${before} of 12 talked through`).waitFor();
    expect(await rule(courierRule).innerText()).toContain('Not talked through yet.');
  });

  /** Today's live ticks for a rule, read from the app's database. */
  const todaysTicks = (ruleId: string) =>
    page.evaluate(async (rule) => {
      const today = new Date().toLocaleDateString('en-CA');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('kinwatch');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const rows = await new Promise<{ ruleId: string; talkedOn: string; deleted?: true }[]>((resolve, reject) => {
        const request = db.transaction('checklist').objectStore('checklist').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return rows.filter((row) => row.ruleId === rule && row.talkedOn === today && !row.deleted).length;
    }, ruleId);

  it('a ticked rule looks ticked, repeated taps do not pile up records, and tapping again takes it back', async () => {
    const button = rule(courierRule).getByRole('button', { name: /^Talked through with Joan Smith today/ });
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(await button.innerText()).toContain('✓');
    // Three quick taps: whatever the end state, never more than one record for today.
    await button.click({ clickCount: 1 });
    await button.click({ clickCount: 1 });
    await button.click({ clickCount: 1 });
    await page.waitForTimeout(300);
    expect(await todaysTicks('never-courier')).toBeLessThanOrEqual(1);
    // From a known state, tapping a ticked rule takes today's tick back.
    if ((await button.getAttribute('aria-pressed')) === 'false') await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
    expect(await todaysTicks('never-courier')).toBe(0);
    expect(await rule(courierRule).innerText()).toContain('Not talked through yet.');
    await page.screenshot({ path: '/tmp/kinwatch-e2e-checklist.png' });
  });
});
