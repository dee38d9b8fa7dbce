import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installOptionsPageOpened, launchWithExtension } from '../helpers/browser.ts';
import { sourcesForKnownForce } from '../../src/core/sources/force-registry.ts';
import { sourcesToPoll } from '../../src/core/watcher/source-plan.ts';

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
    await installOptionsPageOpened(context);
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

  it('an escalated warning says what grew and what it cost; a check that read nothing says so above it; fits at 200% zoom', async () => {
    // What the watcher stores after a spate grew, then a check at which no source could be read (shapes as src/core
    // writes them). The sources' sites are not allowed in this build and the poll alarm is minutes away: nothing is fetched.
    const mum = { id: 'mum', name: 'Mum', postcode: 'CO7 9AA', lat: 51.8566, lng: 0.9595, forceId: 'essex', placeName: 'Wivenhoe', radiusKm: 15 };
    const people = [{ person: mum, sources: { includeNeighbours: false, includeGoogleNews: true, disabledSourceIds: [] } }];
    const customFeeds = [{ id: 'custom:wivenhoe', url: 'http://127.0.0.1:9/wivenhoe-alerts.xml', label: 'Wivenhoe alerts', addedAt: '2026-11-30T09:00:00.000Z' }];
    const planned = sourcesToPoll(people, customFeeds, sourcesForKnownForce);
    const lastOk = new Date(Date.now() - 60 * 60 * 1000);
    const sourceHealth = Object.fromEntries(
      planned.map((source) => [
        source.id,
        { sourceId: source.id, lastAttemptAt: new Date().toISOString(), lastOkAt: lastOk.toISOString(), lastStatus: 0, lastError: 'No answer', lastErrorCode: 'network', consecutiveFailures: 1 },
      ]),
    );
    const spate = {
      id: 'spate-8899aabbccddeeff', personId: 'mum', headline: 'Fake detectives target Wivenhoe pensioners', places: ['Wivenhoe', 'Rowhedge'], distanceKm: 0.4,
      counts: { reports: 5, victims: 2, lossGBP: 25000 }, tactics: ['courier-collection'], impersonated: ['police'],
      sources: [{ sourceId: 'custom:wivenhoe', url: 'https://alerts.example.org/wivenhoe/1', title: 'Fake detectives target Wivenhoe pensioners', publishedAt: '2026-11-30T08:00:00.000Z' }],
      firstSeen: '2026-11-30T08:00:00.000Z', lastSeen: '2026-11-30T11:00:00.000Z', severity: 'high', state: 'escalated', basis: 'distance',
    };
    const logged = { spateId: spate.id, personId: 'mum', headline: spate.headline, at: '2026-11-30T11:00:00.000Z', shown: true, sentToCircle: false };
    const notifiedLog = [
      { ...logged, notificationId: 'spate|a|1', version: '1' },
      { ...logged, notificationId: 'spate|a|2', version: '2', growth: '£25,000 lost (was £1,800) · new place: Rowhedge' },
    ];
    await (await currentWorker()).evaluate((items) => chrome.storage.local.set(items), { people, customFeeds, sourceHealth, spates: [spate], notifiedLog });

    const page = await popup();
    await page.setViewportSize({ width: 420, height: 700 });
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: spate.headline }) });
    await expect.poll(() => card.locator(':scope > p').allInnerTexts()).toEqual([
      'Worse now: £25,000 lost (was £1,800) · new place: Rowhedge',
      'Wivenhoe, Rowhedge · under 1 km from Mum · 5 reports · 2 victims · £25,000 lost',
    ]);
    // First under the title, above the cards: the warning shown is from an earlier check, and when that was.
    const hhmm = lastOk.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    const top = page.locator('main > h1 + p');
    expect(await top.innerText()).toMatch(
      new RegExp(`^Could not check just now: none of the ${planned.length} sources could be read\\. The warnings below are from the last check that could \\((\\d+ \\w+, )?${hhmm}\\)\\.$`),
    );
    expect(await top.getAttribute('class')).toBe('flag');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);
    await page.screenshot({ path: '/tmp/kinwatch-popup-grown-stale.png', fullPage: true });

    // 200% zoom in a popup at most 800 px wide: 400 CSS px, each drawn as 2 device pixels. Nothing scrolls sideways.
    await page.setViewportSize({ width: 400, height: 800 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 400, height: 800, deviceScaleFactor: 2, mobile: false });
    await expect.poll(() => page.evaluate(() => [document.documentElement.clientWidth, document.documentElement.scrollWidth])).toEqual([400, 400]);
    const shot = (await cdp.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true })) as { data: string };
    writeFileSync('/tmp/kinwatch-popup-grown-stale-200.png', Buffer.from(shot.data, 'base64'));
    await page.close();

    // The health page in a 1280 px window: the long Google News address wraps instead of widening the table.
    const health = await context.newPage();
    await health.setViewportSize({ width: 1280, height: 800 });
    await health.goto(`chrome-extension://${extensionId}/health.html`);
    await health.locator('tr[data-source-id^="google-news:"]').waitFor();
    expect(await health.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await health.screenshot({ path: '/tmp/kinwatch-health-1280.png', fullPage: true });
    await health.close();
  });
});
