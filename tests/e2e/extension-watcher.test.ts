import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCircleKey, generateCircleKey, openAlert } from '../../src/core/circle/circle-crypto.ts';
import { formatInviteLink } from '../../src/core/circle/invite-link.ts';
import type { CircleAlert } from '../../src/core/alerts/alert.ts';
import { launchExtension, type LaunchedExtension } from '../helpers/browser.ts';
import { startFakePushService, type FakePushService } from '../helpers/fake-push-service.ts';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';
import { startPostcodesStub, type PostcodesStub } from '../helpers/postcodes-stub.ts';
import { startRelay, type StartedRelay } from '../helpers/start-relay.ts';

/** The extension APIs these tests read inside the extension's service worker. */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  notifications: { getAll(): Promise<Record<string, unknown>> };
  alarms: { getAll(): Promise<{ name: string; periodInMinutes?: number }[]> };
};

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string): string => readFileSync(join(root, 'tests/fixtures/extension', name), 'utf8');

/** A feed that answers 304 to a client holding its current ETag, counting both kinds of answer. */
function servedFeed(initial: string) {
  const feed = { body: initial, full: 0, notModified: 0 };
  const route = (req: IncomingMessage, res: ServerResponse) => {
    const etag = `"${Buffer.from(feed.body).toString('base64url').slice(-24)}-${feed.body.length}"`;
    if (req.headers['if-none-match'] === etag) {
      feed.notModified += 1;
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    feed.full += 1;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    res.end(feed.body);
  };
  return { feed, route };
}

const quietFeed = fixture('phone-scam-feed.xml').replace(/<item>[\s\S]*?<\/item>/, '');

describe('the watcher extension in real Chromium', () => {
  let postcodes: PostcodesStub;
  let feeds: LocalServer;
  let relay: StartedRelay;
  let push: FakePushService;
  let extension: LaunchedExtension;
  const colchester = servedFeed(fixture('phone-scam-feed.xml'));
  const parish = servedFeed(quietFeed);

  const page = (path: string): Promise<Page> => extension.open(path);
  // MV3 may stop and restart the worker between steps: always talk to the current one.
  const currentWorker = () => extension.worker();
  const notifiedLog = async () =>
    (await currentWorker()).evaluate(async () => ((await chrome.storage.local.get('notifiedLog')).notifiedLog ?? []) as { headline: string; shown: boolean; sentToCircle: boolean }[]);
  const shownNotifications = async () => (await currentWorker()).evaluate(async () => Object.keys(await chrome.notifications.getAll()));

  let lastProgress = '';
  async function checkNow(): Promise<string> {
    const popup = await page('popup.html');
    await popup.getByRole('button', { name: 'Check now' }).click();
    const status = popup.getByRole('status');
    await expect.poll(() => status.innerText(), { timeout: 60_000 }).toMatch(/^Checked/);
    const text = await status.innerText();
    lastProgress = await popup.getByRole('list', { name: 'Progress per source' }).innerText();
    await popup.close();
    return text;
  }

  beforeAll(async () => {
    postcodes = await startPostcodesStub();
    feeds = await startLocalServer({ '/colchester.xml': colchester.route, '/parish.xml': parish.route });
    push = await startFakePushService();
    relay = await startRelay({ env: { KINWATCH_PUSH_ALLOW: push.origin } });
    // The postcode service is the stub; sites on 127.0.0.1 are allowed at install because no one can press "Allow"
    // in a headless browser.
    extension = await launchExtension({ postcodes: postcodes.url });
  });

  afterAll(async () => {
    await extension?.close();
    await relay?.stop();
    await push?.close();
    await feeds?.close();
    await postcodes?.close();
  });

  it('asks for nothing but alarms, notifications and storage at install, and creates its poll alarm', async () => {
    const manifest = JSON.parse(readFileSync(join(extension.dir, 'manifest.json'), 'utf8'));
    expect(manifest.permissions).toEqual(['alarms', 'notifications', 'storage']);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    await expect.poll(async () => (await currentWorker()).evaluate(async () => (await chrome.alarms.getAll()).map((alarm) => alarm.periodInMinutes)), { timeout: 30_000 }).toEqual([15]);
  });

  it('sets up a person and feeds on the options page', async () => {
    const options = await page('options.html');
    await options.getByLabel('Name', { exact: true }).fill('Mum');
    await options.getByLabel('Their postcode').fill('CO7 6AA');
    await options.getByLabel('Warn me about places within (km)').fill('25');
    await options.getByRole('button', { name: 'Add person' }).click();
    await options.getByText('Mum added: Colchester').waitFor();
    expect(postcodes.requests.some((request) => request.path.startsWith('/postcodes/CO7'))).toBe(true);
    await options.getByRole('heading', { name: /Mum — Colchester \(CO7 6AA\), within 25 km/ }).waitFor();
    // A mis-click on "Stop watching" is undone in one press, with nothing retyped.
    await options.getByRole('button', { name: 'Stop watching Mum' }).click();
    await options.getByText('Mum is no longer watched: no warnings will come for them.').waitFor();
    expect(await options.getByRole('heading', { name: /^Mum — / }).count()).toBe(0);
    await options.getByRole('button', { name: 'Undo: watch Mum again' }).click();
    await options.getByText('Mum is watched again.').waitFor();
    await options.getByRole('heading', { name: /Mum — Colchester \(CO7 6AA\), within 25 km/ }).waitFor();

    // Only the fixture feeds here: switch the real force sites off, as a user can.
    await options.getByLabel('Also search Google News for local papers').uncheck();
    const ownSources = options.getByRole('group', { name: 'Sources for Mum' }).getByRole('checkbox');
    await expect.poll(() => ownSources.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    for (const box of await ownSources.all()) await box.uncheck();

    // The second is left unnamed: it goes by the name the feed gives itself.
    for (const [path, name] of [['/colchester.xml', 'Colchester alerts'], ['/parish.xml', '']] as const) {
      await options.getByLabel('Feed address (RSS or Atom)').fill(`${feeds.url}${path}`);
      await options.getByLabel('Name for this feed (optional)').fill(name);
      await options.getByRole('button', { name: 'Add feed' }).click();
      await options.getByText(/^Feed added/).waitFor();
    }
    // Notifications at any hour for this run, and a check every 30 minutes: the worker's alarm follows on saving.
    await options.getByLabel('Quiet hours: no notifications at night unless urgent').uncheck();
    await options.getByLabel('Check every').selectOption('30');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    await expect.poll(async () => (await currentWorker()).evaluate(async () => (await chrome.alarms.getAll()).map((alarm) => alarm.periodInMinutes)), { timeout: 30_000 }).toEqual([30]);
    await options.close();
  });

  it('"Check now" shows one notification and the spate in the popup', async () => {
    expect(await checkNow()).toMatch(/Checked 2 sources\. 1 new warning\./);
    expect(await notifiedLog()).toMatchObject([{ headline: 'Warning after fake police officers phone Colchester residents', shown: true }]);
    expect(await shownNotifications()).toHaveLength(1);
    // Progress per source, as the background reported it.
    expect(lastProgress).toContain('Colchester alerts: read (2 items)');
    expect(lastProgress).toContain('Colchester neighbourhood alerts: read (1 item)');

    const popup = await page('popup.html');
    const mum = popup.getByRole('region', { name: 'Mum' });
    await mum.getByRole('heading', { name: 'Warning after fake police officers phone Colchester residents' }).waitFor();
    expect(await mum.innerText()).toMatch(/Colchester · (under 1|\d+) km from Mum · 1 report/);
    await popup.close();
  });

  it('opened from a notification, the popup scrolls to that spate, marks it and focuses its heading', async () => {
    const [spate] = await (await currentWorker()).evaluate(
      async () => ((await chrome.storage.local.get('spates')).spates ?? []) as { id: string; headline: string }[],
    );
    expect(spate?.headline).toBe('Warning after fake police officers phone Colchester residents');

    const plain = await page('popup.html');
    await plain.getByRole('heading', { name: spate!.headline }).waitFor();
    expect(await plain.getByText('From your notification').count()).toBe(0);
    await plain.close();

    // A short window, so the spate starts below the fold and only a scroll brings it into view.
    const popup = await extension.context.newPage();
    await popup.setViewportSize({ width: 420, height: 120 });
    await popup.goto(`chrome-extension://${extension.id}/popup.html?spate=${encodeURIComponent(spate!.id)}`);
    const heading = popup.getByRole('heading', { name: `From your notification ${spate!.headline}` });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement), { timeout: 30_000 }).toBe(true);
    expect(await popup.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const box = (await heading.boundingBox())!;
    // Its top at the window's top (to within sub-pixel rounding).
    expect(box.y).toBeGreaterThan(-1);
    expect(box.y).toBeLessThan(120);
    expect(await popup.getByRole('listitem').filter({ has: heading }).innerText()).toContain('From your notification');
    await popup.setViewportSize({ width: 420, height: 700 });
    const result = await new AxeBuilder({ page: popup }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(result.violations.map((violation) => violation.id)).toEqual([]);
    await popup.close();

    const faded = await page('popup.html?spate=spate-no-longer-listed');
    await faded.getByText('The warning from your notification is no longer active. Current warnings are below.').waitFor();
    expect(await faded.getByText('From your notification', { exact: true }).count()).toBe(0);
    await faded.close();
  });

  it('polls again with nothing new: no second notification, and the feeds answered 304', async () => {
    const before = { colchester: colchester.feed.notModified, parish: parish.feed.notModified };
    expect(await checkNow()).toMatch(/Nothing new/);
    expect(await notifiedLog()).toHaveLength(1);
    expect(colchester.feed.notModified).toBe(before.colchester + 1);
    expect(parish.feed.notModified).toBe(before.parish + 1);
  });

  it('shows a malformed feed as failing on the health page, and the other source as working', async () => {
    parish.feed.body = fixture('malformed-feed.xml');
    expect(await checkNow()).toMatch(/1 of 2 could not be reached/);
    const health = await page('health.html');
    const parishRow = health.locator('tr', { hasText: `${feeds.url}/parish.xml` });
    const colchesterRow = health.locator('tr', { hasText: `${feeds.url}/colchester.xml` });
    await parishRow.getByText('Failing').waitFor();
    await colchesterRow.getByText('Working').waitFor();
    expect(await parishRow.locator('td').last().innerText()).not.toBe('');
    await health.close();
  });

  it('options, popup and source health pages pass an accessibility check (WCAG 2.2 AA) with targets of 44px', async () => {
    for (const path of ['options.html', 'popup.html', 'health.html']) {
      const opened = await page(path);
      await opened.locator('main').waitFor();
      const result = await new AxeBuilder({ page: opened }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(result.violations.map((violation) => `${path}: ${violation.id} ${violation.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
      const small = await opened.locator('button, input[type=checkbox], .button').evaluateAll((elements) =>
        elements
          // A checkbox's target is its whole label row.
          .map((element) => (element.closest('label') ?? element).getBoundingClientRect())
          .filter((box) => box.width > 0 && (box.height < 24 || (box.height < 44 && box.width < 44))).length,
      );
      expect(small, `${path}: controls smaller than the target size`).toBe(0);
      await opened.close();
    }
  });

  it('with the circle connected, the family\'s devices receive the alert, encrypted end to end', async () => {
    const api = async (path: string, init: { method: string; token?: string; body?: unknown }) => {
      const response = await fetch(`${relay.url}${path}`, {
        method: init.method,
        headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
        body: JSON.stringify(init.body ?? {}),
      });
      return { status: response.status, body: response.status === 204 ? {} : await response.json() };
    };
    const carer = (await api('/api/circles', { method: 'POST', body: { deviceName: 'Anna phone' } })).body;
    const subscription = push.subscribe();
    expect((await api(`/api/devices/${carer.deviceId}/push-subscription`, { method: 'PUT', token: carer.deviceToken, body: subscription })).status).toBe(204);
    const invite = (await api(`/api/circles/${carer.circleId}/invites`, { method: 'POST', token: carer.deviceToken })).body;
    const key = await generateCircleKey();
    const link = formatInviteLink({ relayOrigin: relay.url, circleId: carer.circleId, inviteToken: invite.inviteToken, circleKey: await exportCircleKey(key) });

    const options = await page('options.html');
    await options.getByLabel('Invite link from the carer app').fill(link);
    await options.getByRole('button', { name: 'Connect' }).click();
    await options.getByText(/Connected to the care circle/).waitFor();
    await options.close();

    colchester.feed.body = fixture('phone-scam-feed.xml').replace('<item>', `${fixture('courier-feed.xml').match(/<item>[\s\S]*?<\/item>/)![0]}<item>`);
    expect(await checkNow()).toMatch(/1 new warning/);

    const [delivered] = await push.waitForReceived(1, 30_000);
    const payload = JSON.parse(delivered!.payload) as { kind: string; circleId: string; ciphertext: string; urgency: string };
    expect(payload).toMatchObject({ kind: 'alert', circleId: carer.circleId, urgency: 'high' });
    expect(delivered!.payload).not.toMatch(/Witham|courier/i);
    const alert = await openAlert<CircleAlert>(key, carer.circleId, payload.ciphertext);
    expect(alert).toMatchObject({ kind: 'spate', title: 'Courier fraud warning near Mum', body: expect.stringContaining('Courier collects cash from Witham pensioner after fake detective call') });
    expect(alert.kind === 'spate' && alert.alert.spate.places).toContain('Witham');
    expect((await notifiedLog()).at(-1)).toMatchObject({ sentToCircle: true });

    // The popup now leads to the carer app the circle's relay serves.
    const popup = await page('popup.html');
    expect(await popup.getByRole('link', { name: 'Open the carer app' }).getAttribute('href')).toBe(relay.url);
    await popup.close();
  });

  it('flags a source that used to list items and now lists none', async () => {
    colchester.feed.body = quietFeed.replace(/<item>[\s\S]*<\/item>/, '');
    await checkNow();
    const health = await page('health.html');
    const row = health.locator('tr', { hasText: `${feeds.url}/colchester.xml` });
    await row.getByText('This page used to list items and now lists none.').waitFor();
    expect(await row.locator('td').first().innerText()).toMatch(/^Suspicious/);
    await health.close();
  });
});
