import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../helpers/browser.ts';

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the extension popup says whether this browser will get alerts', () => {
  let context: BrowserContext;
  let profileDir: string;
  let extensionId: string;
  const currentWorker = async (): Promise<Worker> => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const popup = async (): Promise<Page> => {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return page;
  };

  beforeAll(async () => {
    // The extension the end-to-end setup built (.output/chrome-mv3), in a fresh profile.
    profileDir = mkdtempSync(join(tmpdir(), 'kinwatch-popup-profile-'));
    context = await launchWithExtension(join(root, '.output', 'chrome-mv3'), profileDir);
    extensionId = new URL((await currentWorker()).url()).host;
  });

  afterAll(async () => {
    await context?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it('says notifications are on and that warnings stay in this browser until a circle is connected', async () => {
    const page = await popup();
    const lines = page.getByRole('list', { name: 'How this browser gets alerts' }).getByRole('listitem');
    await expect.poll(() => lines.allInnerTexts()).toEqual([
      'This browser shows a notification for each new warning, while it is open.',
      'Not connected to a care circle: warnings reach only this browser. Paste the family’s invite link in Settings.',
    ]);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);
    await page.screenshot({ path: '/tmp/kinwatch-popup-alert-reach.png', fullPage: true });
    await page.close();
  });

  it('says warnings also go to the family once this browser is connected to a circle', async () => {
    // What the options page stores after joining with an invite link (the join itself is covered by extension-watcher).
    await (await currentWorker()).evaluate(() =>
      chrome.storage.local.set({
        circle: { relayUrl: 'http://127.0.0.1:9', circleId: 'c'.repeat(22), deviceId: 'd'.repeat(22), deviceToken: 't'.repeat(43), circleKey: 'k'.repeat(43), connectedAt: '2026-11-30T10:00:00.000Z' },
      }),
    );
    const page = await popup();
    const lines = page.getByRole('list', { name: 'How this browser gets alerts' }).getByRole('listitem');
    await expect.poll(() => lines.nth(1).innerText()).toBe('Connected to your care circle: each warning is also sent to the family’s phones with the carer app.');
    await page.close();
  });

  it('names the paper behind each Google News report, and the force for its own article, as plain text', async () => {
    // What the watcher stores after finding a spate (person and spate shapes as src/core writes them). Every source is
    // switched off: nothing is fetched by this test.
    const mum = { id: 'mum', name: 'Mum', postcode: 'CO7 6AA', lat: 51.8566, lng: 0.9595, forceId: 'essex', placeName: 'Wivenhoe', radiusKm: 15 };
    const spate = {
      id: 'spate-0011223344556677', personId: 'mum', headline: 'Warning after courier fraud calls to Colchester pensioners', places: ['Colchester'], distanceKm: 4,
      counts: { reports: 3 }, tactics: ['pin-request', 'courier-collection'], impersonated: ['police'],
      sources: [
        { sourceId: 'essex:news', url: 'https://www.essex.police.uk/news/essex/news/news/2026/november/courier-fraud-colchester/', title: 'Warning after courier fraud calls to Colchester pensioners', publishedAt: '2026-11-30T07:30:00.000Z' },
        { sourceId: 'google-news:essex', url: 'https://news.google.com/rss/articles/CBMiabc?oc=5', title: 'Fake police officers phone Colchester pensioners', publishedAt: '2026-11-30T08:00:00.000Z', outlet: 'Essex Live, Colchester Gazette' },
        { sourceId: 'google-news:essex', url: 'https://news.google.com/rss/articles/CBMidef?oc=5', title: 'Pensioners warned of fake detectives', publishedAt: null, outlet: '<b>Harwich</b> & Dovercourt Standard' },
      ],
      firstSeen: '2026-11-30T07:30:00.000Z', lastSeen: '2026-11-30T08:00:00.000Z', severity: 'high', state: 'new', basis: 'distance',
    };
    await (await currentWorker()).evaluate(
      (items) => chrome.storage.local.set(items),
      { people: [{ person: mum, sources: { includeNeighbours: false, includeGoogleNews: false, disabledSourceIds: ['essex:news'] } }], spates: [spate] },
    );
    const page = await popup();
    await page.setViewportSize({ width: 420, height: 900 });
    const sources = page.getByRole('list', { name: `Sources of ${spate.headline}` }).getByRole('listitem');
    await expect.poll(() => sources.allInnerTexts()).toEqual([
      'Warning after courier fraud calls to Colchester pensioners\nEssex Police · 30 Nov 2026',
      'Fake police officers phone Colchester pensioners\nEssex Live, Colchester Gazette, via Google News · 30 Nov 2026',
      'Pensioners warned of fake detectives\n<b>Harwich</b> & Dovercourt Standard, via Google News',
    ]);
    // Feed text stays text: no element was made from the outlet.
    expect(await page.locator('.spate-sources b').count()).toBe(0);
    expect(await sources.nth(1).getByRole('link', { name: 'Fake police officers phone Colchester pensioners' }).getAttribute('href')).toBe(spate.sources[1]!.url);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);
    await page.screenshot({ path: '/tmp/kinwatch-popup-spate-sources.png', fullPage: true });
    await page.close();
  });
});
