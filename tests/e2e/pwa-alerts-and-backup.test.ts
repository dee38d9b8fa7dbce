import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartedRelay } from '../helpers/start-relay.ts';
import { BACKUP_FIXTURE, goTo, openCarerAppWithFixture, type CarerAppWithFixture } from './pwa-app.ts';

const fixture = JSON.parse(readFileSync(BACKUP_FIXTURE, 'utf8'));

async function downloadedText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('carer app: alerts inbox, exports, backup and restore', () => {
  let app: CarerAppWithFixture;
  let relay: StartedRelay;
  let page: Page;

  beforeAll(async () => {
    app = await openCarerAppWithFixture({ context: { acceptDownloads: true } });
    ({ relay, page } = app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is installable: manifest with name, standalone display, theme colour and real PNG icons', async () => {
    const manifest = await (await fetch(`${relay.url}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ name: 'Kinwatch', short_name: 'Kinwatch', display: 'standalone', theme_color: '#12355b' });
    const sizes = manifest.icons.map((icon: { sizes: string; purpose: string }) => `${icon.sizes} ${icon.purpose}`);
    expect(sizes).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons as { src: string; sizes: string }[]) {
      const bytes = Buffer.from(await (await fetch(relay.url + icon.src)).arrayBuffer());
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  });

  it('shows the spate with its sources as links and records "I\'ve called them"', async () => {
    await goTo(page, 'Alerts');
    const alert = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Courier fraud warning in Colchester' }) });
    expect(await alert.innerText()).toContain('High risk for Joan Smith · Colchester, Wivenhoe · 2.5 km away · 6 reports, 2 victims, £12,000 lost');
    const link = alert.getByRole('link', { name: 'Warning after courier fraud reports' });
    expect(await link.getAttribute('href')).toBe(fixture.tables.alerts[0].spate.sources[0].url);
    // A force's own article (a record from before outlets existed) names the force.
    expect(await alert.getByRole('list', { name: 'Sources of Courier fraud warning in Colchester' }).innerText()).toBe('Warning after courier fraud reports\nEssex Police · 22 Nov 2026');
    expect(await alert.innerText()).toContain('Called by Sam');
    await alert.getByRole('button', { name: 'I’ve called Joan Smith' }).click();
    await expect.poll(async () => (await alert.innerText()).match(/Called by/g)?.length).toBe(1);
    await expect.poll(async () => (await alert.innerText()).split(';').length).toBe(2);
  });

  it('fills the phone script from the alert', async () => {
    await page.getByRole('link', { name: 'Phone script for Joan Smith' }).click();
    const script = await page.locator('ol.script').innerText();
    expect(script).toContain('around Colchester, Wivenhoe');
    expect(script).toContain('send a courier or a taxi to collect things');
  });

  it('imports alerts from a file, and refuses a bad one saying what is wrong', async () => {
    await goTo(page, 'Alerts');
    const spate = { ...fixture.tables.alerts[0].spate, id: 's2', headline: 'Fake bank staff calling in Wivenhoe', personId: 'watcher-id' };
    const file = (content: unknown) => ({ name: 'alerts.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) });
    await page.getByLabel('Alerts file (JSON)').setInputFiles(file({ ...spate, id: 's3', severity: 'extreme' }));
    await page.getByText('This alerts file is damaged or was changed by hand, so it cannot be used. Nothing was imported.').waitFor();
    expect(await page.locator('.field-error details code').textContent()).toBe('spates[0].severity: expected one of low, medium, high');
    await page.getByLabel('Alerts file (JSON)').setInputFiles(file([spate]));
    await page.getByRole('heading', { name: 'Fake bank staff calling in Wivenhoe' }).waitFor();
    expect(await page.getByText('No one has called Joan Smith about this yet.').count()).toBe(1);
  });

  it('names the paper behind each Google News report, as plain text, on a phone and on a desktop', async () => {
    await goTo(page, 'Alerts');
    const headline = 'Fake police officers phone Wivenhoe pensioners';
    const spate = {
      ...fixture.tables.alerts[0].spate,
      id: 's4',
      headline,
      personId: 'p1',
      sources: [
        fixture.tables.alerts[0].spate.sources[0],
        { sourceId: 'google-news:essex', url: 'https://news.google.com/rss/articles/CBMiabc?oc=5', title: headline, publishedAt: '2026-11-23T08:00:00.000Z', outlet: 'Essex Live, Colchester Gazette' },
        { sourceId: 'google-news:essex', url: 'https://news.google.com/rss/articles/CBMidef?oc=5', title: 'Pensioners warned of fake detectives', publishedAt: null, outlet: '<b>Harwich</b> & Dovercourt Standard' },
      ],
    };
    await page.getByLabel('Alerts file (JSON)').setInputFiles({ name: 'alerts.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([spate])) });
    const sources = page.getByRole('list', { name: `Sources of ${headline}` });
    await sources.waitFor();
    expect(await sources.getByRole('listitem').allInnerTexts()).toEqual([
      'Warning after courier fraud reports\nEssex Police · 22 Nov 2026',
      `${headline}\nEssex Live, Colchester Gazette, via Google News · 23 Nov 2026`,
      'Pensioners warned of fake detectives\n<b>Harwich</b> & Dovercourt Standard, via Google News',
    ]);
    // Feed text stays text: no element was made from the outlet.
    expect(await page.locator('.spate-sources b').count()).toBe(0);
    expect(await sources.getByRole('link', { name: headline }).getAttribute('href')).toBe(spate.sources[1].url);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: headline }) });
    for (const [width, height, name] of [[390, 844, 'phone'], [1280, 900, 'desktop']] as const) {
      await page.setViewportSize({ width, height });
      await item.scrollIntoViewIfNeeded();
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(axe.violations.map((violation) => violation.id)).toEqual([]);
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await item.screenshot({ path: `/tmp/kinwatch-carer-alert-sources-${name}.png` });
    }
  });

  it('exports the call log as CSV with a header and one row per call', async () => {
    await goTo(page, 'Calls');
    const csv = await downloadedText(page, () => page.getByRole('button', { name: 'Export calls as CSV' }).click());
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^When,Person,Number,/);
    expect(rows).toHaveLength(3);
    expect(csv).toContain('CAD 1234/22NOV');
  });

  it('downloads a backup that restores to the same bytes, and refuses a broken one changing nothing', async () => {
    await goTo(page, 'Settings');
    const first = await downloadedText(page, () => page.getByRole('button', { name: 'Download a backup' }).click());
    expect(JSON.parse(first).tables.alerts).toHaveLength(3);
    const broken = JSON.parse(first);
    broken.tables.calls[0].at = 'last Tuesday';
    broken.tables.people = [];
    await page.getByLabel('Restore from a backup file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await page.getByText('Not restored: This backup is damaged or was changed by hand, so it cannot be used. Nothing on this device was changed.').waitFor();
    expect(await page.locator('.field-error details code').textContent()).toBe('calls[0].at: expected an ISO date and time');
    expect(await page.getByRole('dialog').count()).toBe(0);
    const after = await downloadedText(page, () => page.getByRole('button', { name: 'Download a backup' }).click());
    expect(after).toBe(first);
    await page.getByLabel('Restore from a backup file').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(first) });
    // Nothing is replaced until the carer says so, and the question says what goes.
    const question = page.getByRole('dialog', { name: 'Replace everything on this device?' });
    expect(await question.innerText()).toContain('Everything on this device now will be replaced: 1 person, 2 calls, 3 alerts');
    expect(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze().then((result) => result.violations.map((violation) => violation.id))).toEqual([]);
    await question.getByRole('button', { name: 'Keep what is here' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByLabel('Restore from a backup file').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(first) });
    await question.getByRole('button', { name: 'Replace with the backup' }).click();
    await page.getByText(/^Restored 1 person, 2 calls, 3 alerts/).waitFor();
    expect(await downloadedText(page, () => page.getByRole('button', { name: 'Download a backup' }).click())).toBe(first);
  });
});
