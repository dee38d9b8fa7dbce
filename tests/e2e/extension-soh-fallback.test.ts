/**
 * A Single Online Home force site on 127.0.0.1 whose `GetNewsRss/` feed fails: the extension reads the news listing
 * instead, the health page says which address answered and why, and the popup never calls a check "All quiet"
 * without saying what could not be reached.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type LaunchedExtension } from '../helpers/browser.ts';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';
import { startPostcodesStub, type PostcodesStub } from '../helpers/postcodes-stub.ts';

const SCREENSHOTS = process.env.KINWATCH_SCREENSHOT_DIR;

/** A listing in the Single Online Home shape: `h3 > a` cards with a Published line; quiet force news only. */
function sohListing(now: number): string {
  const at = (hoursAgo: number) => {
    const date = new Date(now - hoursAgo * 3_600_000);
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric', hourCycle: 'h23' })
      .formatToParts(date)
      .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
    return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
  };
  const card = (slug: string, title: string, summary: string, hoursAgo: number) =>
    `<li class="news-item"><h3><a href="/news/fixture/news/news/2026/november/${slug}/">${title}</a></h3><p>Published: ${at(hoursAgo)}</p><p>${summary}</p></li>`;
  return `<!DOCTYPE html><html lang="en"><head><title>News | Fixture Police</title></head><body>
<header><nav><a href="/news/">News</a> <a href="/contact/">Contact us</a></nav></header>
<main><h1>Latest news</h1><ul>
${card('appeal-after-collision', 'Appeal after collision on the A12', 'Officers are asking for dashcam footage.', 3)}
${card('neighbourhood-surgery', 'Meet your neighbourhood team in Wivenhoe', 'Drop in at the library on Saturday.', 20)}
</ul></main><footer><p>Share this page</p></footer></body></html>`;
}

describe('a Single Online Home site whose feed fails, in real Chromium', () => {
  let postcodes: PostcodesStub;
  let site: LocalServer;
  let extension: LaunchedExtension;
  let closedRefuses = false;

  const page = (path: string): Promise<Page> => extension.open(path);
  const currentWorker = () => extension.worker();

  beforeAll(async () => {
    postcodes = await startPostcodesStub();
    site = await startLocalServer({
      '/news/fixture/news/GetNewsRss/': { status: 500, headers: { 'content-type': 'text/html' }, body: '<html><body>Server Error</body></html>' },
      '/news/fixture/news/': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(sohListing(Date.now()));
      },
      // A feed that works when added, then starts refusing.
      '/closed/feed.xml': (_req, res) => {
        if (closedRefuses) {
          res.writeHead(403, { 'content-type': 'text/plain' });
          res.end('Forbidden');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Closed</title></channel></rss>');
      },
    });
    extension = await launchExtension({ postcodes: postcodes.url });
  }, 240_000);

  afterAll(async () => {
    await extension?.close();
    await site?.close();
    await postcodes?.close();
  });

  it('sets up a person with the force site and a second feed that refuses', async () => {
    const options = await page('options.html');
    await options.getByLabel('Name', { exact: true }).fill('Dad');
    await options.getByLabel('Their postcode').fill('CO7 6AA');
    await options.getByRole('button', { name: 'Add person' }).click();
    await options.getByText(/Dad added/).waitFor();
    await options.getByLabel('Also search Google News for local papers').uncheck();
    const ownSources = options.getByRole('group', { name: 'Sources for Dad' }).getByRole('checkbox');
    await expect.poll(() => ownSources.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    for (const box of await ownSources.all()) await box.uncheck();
    for (const [path, name] of [['/news/fixture/news/', 'Fixture Police news'], ['/closed/feed.xml', 'Closed feed']] as const) {
      await options.getByLabel('Feed address (RSS or Atom)').fill(`${site.url}${path}`);
      await options.getByLabel('Name for this feed (optional)').fill(name);
      await options.getByRole('button', { name: 'Add feed' }).click();
      await options.getByText(/^Feed added/).waitFor();
    }
    await options.close();
    closedRefuses = true;

    // Before any check, the popup does not pretend all is quiet.
    const popup = await page('popup.html');
    await popup.getByRole('region', { name: 'Dad' }).getByText('Not checked yet.').waitFor();
    expect(await popup.getByRole('region', { name: 'Dad' }).innerText()).not.toContain('All quiet');
    await popup.close();
  });

  it('reads the listing when GetNewsRss/ fails, and the popup says what could not be reached', async () => {
    const popup = await page('popup.html');
    // By keyboard: the focus stays on the button through the check, so Enter or Space can check again.
    await popup.getByRole('button', { name: 'Check now' }).focus();
    await popup.keyboard.press('Enter');
    const status = popup.getByRole('status');
    await expect.poll(() => status.innerText(), { timeout: 90_000 }).toMatch(/^Checked/);
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Check now');
    expect(await status.innerText()).toBe('Checked 2 sources: 1 of 2 could not be reached. Nothing new.');
    const progress = await popup.getByRole('list', { name: 'Progress per source' }).innerText();
    expect(progress).toContain('Fixture Police news: read (2 items)');
    expect(progress).toContain('Closed feed: could not read');
    // The feed was asked first, then the listing.
    const paths = site.requests.map((request) => request.path);
    expect(paths.indexOf('/news/fixture/news/GetNewsRss/')).toBeGreaterThanOrEqual(0);
    expect(paths.indexOf('/news/fixture/news/GetNewsRss/')).toBeLessThan(paths.indexOf('/news/fixture/news/'));

    await popup.reload();
    const dad = popup.getByRole('region', { name: 'Dad' });
    await dad.getByText('All quiet in the 1 source that could be read.').waitFor();
    await dad.getByText('1 of 2 sources could not be reached.').waitFor();
    // How fresh the card is, and the way to see what failed.
    await dad.getByText(/^Last checked \d\d:\d\d\.$/).waitFor();
    expect(await dad.getByRole('link', { name: 'See source health' }).getAttribute('href')).toMatch(/\/health\.html$/);
    expect(await dad.innerText()).not.toMatch(/^All quiet$/m);
    if (SCREENSHOTS) await popup.screenshot({ path: join(SCREENSHOTS, 'popup-partly-reached.png'), fullPage: true });
    await popup.close();
  }, 120_000);

  it('the health page says the listing answered because the feed failed, and what to do about the refusing feed', async () => {
    const health = await page('health.html');
    await health.getByRole('status').getByText('Some sources are not being read: 1 of 2 sources could not be reached.').waitFor();
    const soh = health.locator('tr', { hasText: 'Fixture Police news' });
    await soh.getByText('Working').waitFor();
    await soh.getByText('Read from its news page (the feed did not answer).').waitFor();
    expect(await soh.innerText()).toContain(`The feed ${site.url}/news/fixture/news/GetNewsRss/ failed (HTTP 500 Internal Server Error);`);
    expect(await soh.innerText()).toContain('the news listing was read instead');
    const closed = health.locator('tr', { hasText: 'Closed feed' });
    await closed.getByText('Failing').waitFor();
    expect(await closed.innerText()).toContain('(http_403)');
    expect(await closed.innerText()).toContain('refusing requests from this connection');
    // Each row is headed by the source's name in bold; its address under it is a plain hint, not a second heading.
    const weights = await soh.locator('th').evaluate((cell) => ({
      name: getComputedStyle(cell).fontWeight,
      address: getComputedStyle(cell.querySelector('.source-url')!).fontWeight,
    }));
    expect(weights).toEqual({ name: '700', address: '400' });
    // The page never scrolls sideways: long addresses wrap inside their cells, words stay whole ("Working" on one line),
    // and in a narrow window the table scrolls in its own region.
    const pageFits = () => health.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await pageFits()).toBe(true);
    const stateLines = await soh.locator('td').first().evaluate((cell) => {
      const words = document.createRange();
      words.selectNodeContents(cell.firstChild!);
      return { text: words.toString(), lines: words.getClientRects().length };
    });
    expect(stateLines).toEqual({ text: 'Working', lines: 1 });
    await health.setViewportSize({ width: 320, height: 700 });
    expect(await pageFits()).toBe(true);
    await health.getByRole('region', { name: 'Sources and how each last check went' }).waitFor();
    await health.setViewportSize({ width: 1280, height: 800 });
    if (SCREENSHOTS) await health.screenshot({ path: join(SCREENSHOTS, 'health-soh-fallback.png'), fullPage: true });
    await health.close();
  });

  it('popup and health page pass an accessibility check (WCAG 2.2 AA) while sources fail', async () => {
    for (const path of ['popup.html', 'health.html']) {
      const opened = await page(path);
      await opened.locator('main').waitFor();
      await opened.getByText(/could not be reached/).first().waitFor();
      const result = await new AxeBuilder({ page: opened }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(result.violations.map((violation) => `${path}: ${violation.id} ${violation.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
      await opened.close();
    }
  });

  it('never says "All quiet" once every source has failed', async () => {
    // The state a check leaves when the whole site is down: every source's last attempt failed.
    await (await currentWorker()).evaluate(async () => {
      const storage = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } } } }).chrome.storage.local;
      const health = ((await storage.get('sourceHealth')).sourceHealth ?? {}) as Record<string, Record<string, unknown>>;
      for (const entry of Object.values(health)) Object.assign(entry, { consecutiveFailures: 1, lastStatus: 503, lastError: 'HTTP 503', lastErrorCode: 'http_503' });
      await storage.set({ sourceHealth: health });
    });
    const popup = await page('popup.html');
    const dad = popup.getByRole('region', { name: 'Dad' });
    await dad.getByText('Could not check: none of the 2 sources tried could be read.').waitFor();
    await dad.getByText('2 of 2 sources could not be reached.').waitFor();
    expect(await dad.innerText()).not.toContain('All quiet');
    if (SCREENSHOTS) await popup.screenshot({ path: join(SCREENSHOTS, 'popup-all-failed.png'), fullPage: true });
    await popup.close();
  });

  it('stores the listing\'s items from the first read as dated, and raised no alert for quiet news', async () => {
    const stored = await (await currentWorker()).evaluate(async () => {
      const { recentItems } = (await (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('recentItems')) as {
        recentItems?: Record<string, { title: string; publishedAt: string | null }[]>;
      };
      return Object.values(recentItems ?? {}).flat();
    });
    expect(stored.map((item) => item.title).sort()).toEqual(['Appeal after collision on the A12', 'Meet your neighbourhood team in Wivenhoe']);
    for (const item of stored) expect(item.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
