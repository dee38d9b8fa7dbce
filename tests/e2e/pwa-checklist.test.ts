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
});
