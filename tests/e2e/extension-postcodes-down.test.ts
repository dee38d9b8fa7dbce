import { createServer, request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type LaunchedExtension } from '../helpers/browser.ts';
import { freePort } from '../helpers/free-port.ts';
import { startPostcodesStub, type PostcodesStub } from '../helpers/postcodes-stub.ts';

const shots = process.env.KINWATCH_SCREENSHOT_DIR;

/** The postcode service coming back: `port` forwards to the stub. */
async function forward(port: number, target: string): Promise<Server> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    const upstream = httpRequest({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

describe('the watcher extension for a new user, while the postcode service is down', () => {
  let postcodes: PostcodesStub;
  let back: Server | undefined;
  let port: number;
  let extension: LaunchedExtension;

  const page = (path: string): Promise<Page> => extension.open(path);
  const axe = async (opened: Page) =>
    (await new AxeBuilder({ page: opened }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => v.id);

  beforeAll(async () => {
    postcodes = await startPostcodesStub();
    // The postcode service the extension reaches: down (nothing listens there) until the test opens it.
    port = await freePort();
    extension = await launchExtension({ postcodes: `http://127.0.0.1:${port}` });
  }, 240_000);

  afterAll(async () => {
    await extension?.close();
    if (back) await new Promise<void>((resolve) => back!.close(() => resolve()));
    await postcodes?.close();
  });

  it('opens its options page on install, and the popup says why "Check now" is off while no one is set up', async () => {
    const optionsUrl = `chrome-extension://${extension.id}/options.html`;
    await expect.poll(() => extension.context.pages().some((opened) => opened.url() === optionsUrl), { timeout: 30_000 }).toBe(true);
    const popup = await page('popup.html');
    const button = popup.getByRole('button', { name: 'Check now' });
    expect(await button.isDisabled()).toBe(true);
    expect(await button.getAttribute('aria-describedby')).toBe('check-now-why');
    expect(await popup.locator('#check-now-why').innerText()).toBe('Nothing to check until you add a person in Settings.');
    expect(await axe(popup)).toEqual([]);
    if (shots) await popup.screenshot({ path: join(shots, 'popup-no-one-yet.png'), fullPage: true });
    await popup.close();
  }, 60_000);

  it('refuses a postcode of the wrong shape at once, without the service', async () => {
    const options = await page('options.html');
    await options.getByLabel('Name', { exact: true }).fill('Mum');
    await options.getByLabel('Their postcode').fill('hello');
    await options.getByRole('button', { name: 'Add person' }).click();
    await options.getByText(/doesn't look like a UK postcode: "hello"/).waitFor();
    await options.close();
  }, 60_000);

  it('saves the person as typed, and the options page and popup say plainly she is NOT watched yet', async () => {
    const options = await page('options.html');
    await options.getByLabel('Name', { exact: true }).fill('Mum');
    await options.getByLabel('Their postcode').fill('co7 6aa');
    await options.getByLabel('Warn me about places within (km)').fill('25');
    await options.getByRole('button', { name: 'Add person' }).click();
    await options.getByText(/Mum saved with postcode CO7 6AA, but NOT being watched yet: the postcode service could not be reached/).waitFor({ timeout: 30_000 });
    await options.getByRole('heading', { name: 'Mum — CO7 6AA (not located yet), within 25 km' }).waitFor();
    await options.getByText(/^Mum is NOT being watched yet: their postcode CO7 6AA could not be checked/).waitFor();
    expect(await axe(options)).toEqual([]);
    if (shots) await options.screenshot({ path: join(shots, 'options-postcode-down.png'), fullPage: true });
    await options.close();

    const popup = await page('popup.html');
    const card = popup.getByRole('region', { name: 'Mum' });
    await card.getByText(/^Mum is NOT being watched yet/).waitFor();
    expect(await card.innerText()).not.toMatch(/All quiet/i);
    expect(await axe(popup)).toEqual([]);
    if (shots) await popup.screenshot({ path: join(shots, 'popup-postcode-down.png'), fullPage: true });
    await popup.close();
  }, 120_000);

  it('explains a garbled invite link in plain words and offers a name for this computer', async () => {
    const options = await page('options.html');
    expect(await options.getByLabel('Name for this computer in the circle').inputValue()).toBe('Watcher on Chrome');
    await options.getByLabel('Invite link from the carer app').fill('http://127.0.0.1:8080/join#c=circle_abc&i=short');
    await options.getByRole('button', { name: 'Connect' }).click();
    await options.getByText('This link is not complete: copy the whole link from the carer app, or ask for a new one.').waitFor();
    const section = options.getByRole('region', { name: 'Family care circle' });
    expect(await section.innerText()).not.toMatch(/https:\/\/|missing or damaged/);
    await options.getByText('Technical details').click();
    await options.getByText(/^invite link: .* missing or damaged$/).waitFor();
    expect(await axe(options)).toEqual([]);
    if (shots) await section.screenshot({ path: join(shots, 'options-garbled-invite.png') });
    await options.close();
  }, 60_000);

  it('locates her at the first check after the service is back, and watches her from then on', async () => {
    back = await forward(port, postcodes.url);
    const popup = await page('popup.html');
    await popup.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => popup.getByRole('status').first().innerText(), { timeout: 60_000 }).not.toBe('');
    expect(postcodes.requests.some((request) => request.path.startsWith('/postcodes/CO7'))).toBe(true);
    await popup.reload();
    await popup.getByRole('heading', { name: 'Mum — Colchester' }).waitFor({ timeout: 30_000 });
    expect(await popup.getByRole('region', { name: 'Mum' }).innerText()).not.toMatch(/NOT being watched/);
    await popup.close();
  }, 120_000);
});
