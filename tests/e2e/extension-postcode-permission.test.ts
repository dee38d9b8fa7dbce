/**
 * Adding a person on the options page when the user refuses the postcode service's site permission: the person is
 * kept, plainly NOT watched yet, with the reason and a button on their card that asks again; allowed, they are
 * located and watched. Real Chromium and the built extension; the refusal is the user's answer to the browser's
 * prompt, which a headless browser cannot show, so the page's permissions API answers "no" for that one site until
 * the test lets it through.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, TEST_POSTCODES_HOST, type LaunchedExtension } from '../helpers/browser.ts';
import { startPostcodesStub, type PostcodesStub } from '../helpers/postcodes-stub.ts';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

const shots = process.env.KINWATCH_SCREENSHOT_DIR;

/** Runs in every page before its scripts: the postcode site is refused while `window.refusePostcodes` is true. */
function refusePostcodeSite(host: string): void {
  const api = (globalThis as unknown as { chrome: { permissions: Record<'request' | 'contains', (p: { origins?: string[] }) => Promise<boolean>> } }).chrome.permissions;
  const real = { request: api.request.bind(api), contains: api.contains.bind(api) };
  const state = globalThis as unknown as { refusePostcodes: boolean };
  state.refusePostcodes = true;
  const refused = (permissions: { origins?: string[] }) => state.refusePostcodes && (permissions.origins ?? []).some((origin) => origin.includes(host));
  api.request = (permissions) => (refused(permissions) ? Promise.resolve(false) : real.request(permissions));
  api.contains = (permissions) => (refused(permissions) ? Promise.resolve(false) : real.contains(permissions));
}

describe('the postcode service\'s permission refused when adding a person', () => {
  let postcodes: PostcodesStub;
  let extension: LaunchedExtension;
  const axe = async (opened: Page) =>
    (await new AxeBuilder({ page: opened }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => v.id);
  const storedPeople = async () =>
    (await extension.worker()).evaluate(async () => ((await chrome.storage.local.get('people')).people ?? []) as { person: { name: string; lat: number }; unlocated?: { reason: string } }[]);

  beforeAll(async () => {
    postcodes = await startPostcodesStub();
    extension = await launchExtension({ postcodes: postcodes.url });
    await extension.context.addInitScript(refusePostcodeSite, TEST_POSTCODES_HOST);
  });

  afterAll(async () => {
    await extension?.close();
    await postcodes?.close();
  });

  it('saves Mum NOT watched, says the permission is needed and how to give it, and asks the service nothing', async () => {
    const options = await extension.open('options.html');
    await options.getByLabel('Name', { exact: true }).fill('Mum');
    await options.getByLabel('Their postcode').fill('co7 6aa');
    await options.getByRole('button', { name: 'Add person' }).click();
    const status = options.locator('#people-status');
    await status.getByText(/^Mum saved with postcode CO7 6AA, but NOT being watched yet: Kinwatch needs your permission to use the postcode service \(postcodes\.kinwatch\.test\)/).waitFor();
    expect(await status.innerText()).toContain('To give it, press "Allow the postcode service" under Mum\'s name above and choose "Allow".');
    // The form is cleared and names no field in error: nothing the user typed was wrong.
    expect(await options.getByLabel('Their postcode').inputValue()).toBe('');
    expect(await options.locator('.field-error, [aria-invalid="true"]').count()).toBe(0);

    const card = options.getByRole('listitem').filter({ has: options.getByRole('heading', { name: 'Mum — CO7 6AA (not located yet), within 15 km' }) });
    await card.getByText(/^Mum is NOT being watched yet: their postcode CO7 6AA could not be checked \(Kinwatch does not have your permission to use the postcode service, postcodes\.kinwatch\.test\)/).waitFor();
    await card.getByRole('button', { name: 'Allow the postcode service' }).waitFor();
    expect(postcodes.requests.filter((request) => request.path.startsWith('/postcodes'))).toEqual([]);
    expect(await storedPeople()).toMatchObject([{ person: { name: 'Mum' }, unlocated: { reason: expect.stringContaining('permission') } }]);
    expect(await axe(options)).toEqual([]);
    if (shots) await options.screenshot({ path: join(shots, 'options-postcode-permission-refused.png'), fullPage: true });

    const popup = await extension.open('popup.html');
    const region = popup.getByRole('region', { name: 'Mum' });
    await region.getByText(/^Mum is NOT being watched yet/).waitFor();
    expect(await region.innerText()).not.toMatch(/All quiet/i);
    await popup.close();
    await options.close();
  });

  it('refused again from her card: Mum is kept and the page says which site and which button', async () => {
    const options = await extension.open('options.html');
    await options.getByRole('button', { name: 'Allow the postcode service' }).click();
    await options.locator('#people-status').getByText('Kinwatch can\'t read postcodes.kinwatch.test without your permission. Press "Allow the postcode service" to try again.').waitFor();
    expect(await storedPeople()).toHaveLength(1);
    await options.close();
  });

  it('allowed from her card: Mum is located and watched, and the button goes', async () => {
    const options = await extension.open('options.html');
    const allow = options.getByRole('button', { name: 'Allow the postcode service' });
    await allow.waitFor();
    // This time the user presses "Allow" in the browser's prompt.
    await options.evaluate(() => ((globalThis as unknown as { refusePostcodes: boolean }).refusePostcodes = false));
    await allow.click();
    await options.locator('#people-status').getByText(/^Mum added: Colchester/).waitFor();
    await options.getByRole('heading', { name: /^Mum — Colchester \(CO7 6AA\), within 15 km/ }).waitFor();
    expect(await options.getByRole('button', { name: 'Allow the postcode service' }).count()).toBe(0);
    expect(await options.getByText(/NOT being watched/).count()).toBe(0);
    expect(postcodes.requests.some((request) => request.path.startsWith('/postcodes/CO7'))).toBe(true);
    const [mum] = await storedPeople();
    expect(mum?.unlocated).toBeUndefined();
    expect(mum?.person.lat).toBeGreaterThan(51);
    if (shots) await options.screenshot({ path: join(shots, 'options-postcode-permission-allowed.png'), fullPage: true });
    await options.close();
  });
});
