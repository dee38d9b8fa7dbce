/**
 * The journey the product exists for, end to end: a carer enters Mum once in the carer app; a relative's watcher
 * extension, connected to the same care circle, watches her without retyping; a feed reports a courier-fraud spate
 * near her; the carer's phone is woken by a push and shows the alert under her name; a third device that was offline
 * shows it after its next sync. Real Chromium, the built extension and app, a real relay, and a push service that
 * really decrypts and, like Firefox for Android's, refuses bodies over 3,070 bytes.
 */
import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertTopic, MAX_PUSH_BODY_BYTES, type AlertPushPayload } from '../../src/core/alerts/alert.ts';
import { launchBrowser, launchExtension, type LaunchedExtension } from '../helpers/browser.ts';
import { startFakePushService, type FakePushService, type ReceivedPush } from '../helpers/fake-push-service.ts';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';
import { startPostcodesStub, type PostcodesStub } from '../helpers/postcodes-stub.ts';
import { startRelay, type StartedRelay } from '../helpers/start-relay.ts';
import { appMembership, openApp, readAppTable, setPostcodeService } from './pwa-app.ts';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

/** How long one slow step (a page load, a relay round trip) may take on a busy 2-core machine. */
const SLOW_STEP_MS = 60_000;
/** Screens to look at after a run (not part of the project). */
const SCREENSHOTS = join(tmpdir(), 'kinwatch-journey-screenshots');

/** Short feed items written for this test: a first report, then the same spate grown (loss up, a new village). */
const FIRST_REPORT = {
  title: 'Fake police officers phone Colchester pensioners',
  link: 'https://alerts.example.org/colchester/fake-officers',
  date: 'Mon, 30 Nov 2026 08:00:00 GMT',
  text: 'Residents in Colchester have received calls from men claiming to be police officers who asked for their bank card PIN and said a courier would collect the card.',
};
const GROWN_REPORT = {
  title: 'Colchester and Rowhedge residents lose £9,000 to courier fraud',
  link: 'https://alerts.example.org/colchester/courier-losses',
  date: 'Mon, 30 Nov 2026 09:30:00 GMT',
  text: 'Three victims in Colchester and Rowhedge lost £9,000 after men claiming to be detectives told them their bank cards had been cloned and sent a courier to collect the cards.',
  /** A paper's report, carried as an aggregator carries it: " - Outlet" on the title, `<source>` naming the paper. */
  outlet: 'Colchester Gazette',
};

function rss(items: { title: string; link: string; date: string; text: string; outlet?: string }[]): string {
  const entries = items
    .map((item) => {
      const source = item.outlet ? `<source url="https://gazette.example.co.uk/">${item.outlet}</source>` : '';
      const title = item.outlet ? `${item.title} - ${item.outlet}` : item.title;
      return `<item><title>${title}</title><link>${item.link}</link><guid>${item.link}</guid><pubDate>${item.date}</pubDate><description>${item.text}</description>${source}</item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Colchester alerts</title><link>https://alerts.example.org/</link><description>Neighbourhood messages</description>${entries}</channel></rss>`;
}

/** An app table, read from the page; bounded, so a stuck read fails naming the table. */
function readTable<T>(page: Page, table: string): Promise<T[]> {
  return within(`reading the ${table} table`, 30_000, readAppTable<T>(page, table));
}

/** `promise`, or an error naming `what` once `ms` have passed: a step that hangs fails saying which one. */
function within<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Reads until `ok`, every 200 ms, for up to `timeoutMs`; a read that fails (the page still loading) is read again. */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 90_000): Promise<T> {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = await read();
      if (ok(value)) return value;
      last = value;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)?.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A device of the carer app in its own browser context, with a CDP session to deliver pushes into its service worker. */
interface AppDevice {
  context: BrowserContext;
  page: Page;
  membership: () => Promise<{ circleId: string; deviceId: string; deviceToken: string }>;
}

describe('one family, one person, one alert: from a feed to every relative\'s screen', () => {
  let postcodes: PostcodesStub;
  let feeds: LocalServer;
  let push: FakePushService;
  let relay: StartedRelay;
  let browser: Browser;
  let extension: LaunchedExtension;
  let carer: AppDevice;
  let third: AppDevice;
  let carerCdp: CDPSession;
  let carerRegistrationId: string;
  let carerSubscriptionId: string;
  const feed = { body: rss([]), status: 200 };

  const newDevice = async (): Promise<AppDevice> => {
    const context = await browser.newContext();
    await context.grantPermissions(['notifications'], { origin: relay.url });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return {
      context,
      page,
      membership: () => appMembership(page),
    };
  };

  const extensionPage = (path: string): Promise<Page> => extension.open(path);
  const currentWorker = () => extension.worker();
  const notifiedLog = async () =>
    (await currentWorker()).evaluate(
      async () => ((await chrome.storage.local.get('notifiedLog')).notifiedLog ?? []) as { personId: string; shown: boolean; sentToCircle: boolean; circleError?: string }[],
    );

  async function checkNow(done = /^Checked/): Promise<string> {
    const popup = await extensionPage('popup.html');
    await popup.getByRole('button', { name: 'Check now' }).click();
    const status = popup.getByRole('status');
    await expect.poll(() => status.innerText(), { timeout: 90_000 }).toMatch(done);
    const text = await status.innerText();
    await popup.close();
    return text;
  }

  /**
   * A new invite link, made on the carer's phone. The field appears only once the relay has answered: on a busy
   * machine that can take several seconds, so wait for it (expect.poll's own default is 1 s).
   */
  async function inviteLink(): Promise<string> {
    await carer.page.goto(`${relay.url}/circle`);
    await carer.page.getByRole('button', { name: 'Create an invite link' }).click();
    const field = carer.page.getByLabel(/Invite link \(valid until/);
    await field.waitFor({ timeout: SLOW_STEP_MS });
    await expect.poll(() => field.inputValue(), { timeout: SLOW_STEP_MS }).toMatch(/\/join#c=/);
    return field.inputValue();
  }

  /** Hands what the push service received for the carer's phone to its service worker, as the browser would. */
  async function deliverToCarer(received: ReceivedPush): Promise<void> {
    await carerCdp.send('ServiceWorker.deliverPushMessage', { origin: relay.url, registrationId: carerRegistrationId, data: received.payload });
  }
  const carerPushes = () => push.received.filter((entry) => entry.subscriptionId === carerSubscriptionId);
  const carerNotifications = () =>
    carer.page.evaluate(async () =>
      (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, url: (n.data as { url?: string } | null)?.url })),
    );

  beforeAll(async () => {
    postcodes = await startPostcodesStub();
    feeds = await startLocalServer({
      '/colchester.xml': (_req: IncomingMessage, res: ServerResponse) => {
        res.writeHead(feed.status, { 'content-type': 'application/rss+xml; charset=utf-8' });
        res.end(feed.body);
      },
    });
    push = await startFakePushService({ maxBodyBytes: MAX_PUSH_BODY_BYTES });
    relay = await startRelay({ env: { KINWATCH_PUSH_ALLOW: push.origin } });
    browser = await launchBrowser();
    extension = await launchExtension({ postcodes: postcodes.url });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await extension?.close();
    await browser?.close();
    await relay?.stop();
    await push?.close();
    await feeds?.close();
    await postcodes?.close();
  });

  it('the carer creates the circle and adds Mum once, in the carer app', async () => {
    carer = await newDevice();
    await openApp(carer.page, relay.url);
    await setPostcodeService(carer.page, postcodes.url);
    await carer.page.goto(`${relay.url}/circle`);
    await carer.page.getByLabel('Name for this device').fill('Anna’s phone');
    await carer.page.getByRole('button', { name: 'Create a care circle' }).click();
    await carer.page.getByText('This device is').waitFor();

    await carer.page.goto(`${relay.url}/people/new`);
    await carer.page.getByLabel('Name', { exact: true }).fill('Mum');
    await carer.page.getByLabel('Postcode').fill('CO7 6AA');
    await carer.page.getByRole('button', { name: 'Save' }).click();
    await carer.page.waitForURL(`${relay.url}/`);
    const [mum] = await readTable<{ id: string; name: string; forceId?: string; lat?: number }>(carer.page, 'people');
    expect(mum).toMatchObject({ name: 'Mum', forceId: 'essex' });
    // Sent to the circle: the outbox empties once the relay took the encrypted record.
    await until(() => readTable(carer.page, 'outbox'), (rows) => rows.length === 0, 'the person to reach the circle');

    // The carer's phone takes pushes through the push service (the test delivers them into its service worker).
    const subscription = push.subscribe();
    carerSubscriptionId = subscription.id;
    const { deviceId, deviceToken } = await carer.membership();
    const put = await fetch(`${relay.url}/api/devices/${deviceId}/push-subscription`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${deviceToken}` },
      body: JSON.stringify({ endpoint: subscription.endpoint, keys: subscription.keys }),
    });
    expect(put.status).toBe(204);
    carerCdp = await carer.context.newCDPSession(carer.page);
    const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
    carerCdp.on('ServiceWorker.workerRegistrationUpdated', (event: { registrations: typeof registrations }) => registrations.push(...event.registrations));
    await carerCdp.send('ServiceWorker.enable');
    carerRegistrationId = (await until(async () => registrations.find((r) => r.scopeURL.startsWith(relay.url) && !r.isDeleted), Boolean, 'service worker'))!.registrationId;
  });

  it('a third device joins the circle, then goes offline', async () => {
    const link = await within('an invite link', SLOW_STEP_MS * 2, inviteLink());
    third = await within('a new browser context', SLOW_STEP_MS, newDevice());
    await third.page.goto(link, { timeout: SLOW_STEP_MS });
    await third.page.getByLabel('Name for this device').fill('Ben’s laptop');
    await third.page.getByRole('button', { name: 'Join the circle' }).click();
    // Joining asks the relay, then the app shows the circle and syncs.
    await third.page.getByText('This device is').waitFor({ timeout: SLOW_STEP_MS });
    await within('the app to load on the third device', SLOW_STEP_MS * 2, openApp(third.page, relay.url, '/alerts'));
    await until(() => readTable<{ name: string }>(third.page, 'people'), (people) => people.some((p) => p.name === 'Mum'), 'Mum on the third device');
    await third.context.setOffline(true);
  }, 300_000);

  it('the relative connects the extension to the circle and it watches Mum without retyping her', async () => {
    const link = await inviteLink();
    const options = await extensionPage('options.html');
    await options.getByLabel('Invite link from the carer app').fill(link);
    await options.getByRole('button', { name: 'Connect' }).click();
    await options.getByText("Watching the circle's person.").waitFor({ timeout: 60_000 });
    // Listed at once, without a reload: the page follows extension storage, which Connect just filled.
    const mum = options.getByRole('heading', { name: /^Mum — Colchester \(CO7 6AA\), within 15 km/ });
    await mum.waitFor({ timeout: SLOW_STEP_MS });
    await options.getByText("From your family's care circle").waitFor();
    expect(await options.getByText('No one yet.', { exact: false }).count()).toBe(0);
    await options.screenshot({ path: join(SCREENSHOTS, 'journey-options-after-connect.png'), fullPage: true });
    expect((await new AxeBuilder({ page: options }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => v.id)).toEqual([]);

    // Typed again by the relative (another case, no space): refused beside the name, and no second Mum anywhere.
    const storedPeople = async () =>
      (await currentWorker()).evaluate(async () => ((await chrome.storage.local.get('people')).people ?? []) as { person: { id: string; name: string } }[]);
    const before = await storedPeople();
    const nameField = options.getByLabel('Name', { exact: true });
    await nameField.fill('mum');
    await options.getByLabel('Their postcode').fill('co76aa');
    await options.getByRole('button', { name: 'Add person' }).click();
    const refusal = "Mum (CO7 6AA) is already watched — from your family's care circle.";
    await options.getByText(refusal).waitFor({ timeout: SLOW_STEP_MS });
    const describedBy = (await nameField.getAttribute('aria-describedby')) ?? '';
    expect(await options.locator(`[id="${describedBy}"]`).textContent()).toBe(refusal);
    expect(await nameField.getAttribute('aria-invalid')).toBe('true');
    await options.screenshot({ path: join(SCREENSHOTS, 'journey-options-mum-refused.png'), fullPage: true });
    expect((await new AxeBuilder({ page: options }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => v.id)).toEqual([]);
    expect(await storedPeople()).toEqual(before);
    expect(await options.getByRole('heading', { name: /^Mum — / }).count()).toBe(1);
    expect((await readTable<{ name: string; deleted?: boolean }>(carer.page, 'people')).filter((p) => !p.deleted).map((p) => p.name)).toEqual(['Mum']);
    await nameField.fill('');
    await options.getByLabel('Their postcode').fill('');

    // Only the fixture feed here: the real force sites switched off, as a user can.
    await options.getByLabel('Also search Google News for local papers').uncheck();
    const ownSources = options.getByRole('group', { name: 'Sources for Mum' }).getByRole('checkbox');
    await expect.poll(() => ownSources.count(), { timeout: SLOW_STEP_MS }).toBeGreaterThan(0);
    for (const box of await ownSources.all()) await box.uncheck();
    await options.getByLabel('Feed address (RSS or Atom)').fill(`${feeds.url}/colchester.xml`);
    await options.getByLabel('Name for this feed (optional)').fill('Colchester alerts');
    await options.getByRole('button', { name: 'Add feed' }).click();
    await options.getByText(/^Feed added/).waitFor();
    await options.getByLabel('Quiet hours: no notifications at night unless urgent').uncheck();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    await options.close();
    expect(await checkNow()).toMatch(/Nothing new/);
  });

  it('a spate near Mum: the carer\'s phone is woken by a push and shows the alert under her name', async () => {
    feed.body = rss([FIRST_REPORT]);
    expect(await checkNow()).toMatch(/1 new warning/);
    const [mum] = await readTable<{ id: string }>(carer.page, 'people');
    const log = await notifiedLog();
    expect(log).toMatchObject([{ personId: mum!.id, shown: true, sentToCircle: true }]);
    expect(log[0]!.circleError).toBeUndefined();

    const [delivered] = await until(async () => carerPushes(), (list) => list.length >= 1, 'a push to the carer');
    expect(delivered!.bodyBytes).toBeLessThanOrEqual(MAX_PUSH_BODY_BYTES);
    const payload = JSON.parse(delivered!.payload) as AlertPushPayload;
    expect(payload).toMatchObject({ kind: 'alert', alertId: expect.stringContaining(mum!.id), ciphertext: expect.any(String) });
    expect(delivered!.topic).toBe(alertTopic(payload.alertId!));
    // The relay only ever sees ciphertext: nothing readable beside it, and the ciphertext itself is base64url, with
    // none of the spaces of a title (random base64 may well spell "Mum" by chance, so that is not what is checked).
    expect(JSON.stringify({ ...payload, ciphertext: undefined })).not.toMatch(/Colchester|Mum/);
    expect(payload.ciphertext).toMatch(/^[A-Za-z0-9_-]+$/);

    await carer.page.goto(`${relay.url}/alerts`);
    await deliverToCarer(delivered!);
    const item = carer.page.getByRole('listitem').filter({ has: carer.page.getByRole('heading', { name: FIRST_REPORT.title }) });
    await item.waitFor({ timeout: 60_000 });
    expect(await item.innerText()).toMatch(/risk for Mum/);
    await item.getByRole('button', { name: 'I’ve called Mum' }).waitFor();
    const notifications = await until(carerNotifications, (list) => list.some((n) => n.title === 'Courier fraud warning near Mum'), 'the carer\'s notification');
    expect(notifications.find((n) => n.title === 'Courier fraud warning near Mum')).toMatchObject({
      body: expect.stringContaining(FIRST_REPORT.title),
      url: `/alerts/${encodeURIComponent(payload.alertId!)}`,
    });
    await carer.page.screenshot({ path: join(SCREENSHOTS, 'journey-carer-alerts-after-push.png'), fullPage: true });

    // The notification opens that alert, focused.
    await carer.page.goto(`${relay.url}${notifications.find((n) => n.title === 'Courier fraud warning near Mum')!.url}`);
    const heading = carer.page.getByRole('heading', { name: FIRST_REPORT.title });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement), { timeout: SLOW_STEP_MS }).toBe(true);
  });

  it('the third device, offline at the time and never pushed to, shows the alert after its next sync', async () => {
    await third.context.setOffline(false);
    await third.page.goto(`${relay.url}/circle`);
    await third.page.getByRole('button', { name: 'Sync now' }).click();
    await third.page.goto(`${relay.url}/alerts`);
    const item = third.page.getByRole('listitem').filter({ has: third.page.getByRole('heading', { name: FIRST_REPORT.title }) });
    await item.waitFor({ timeout: 60_000 });
    expect(await item.innerText()).toMatch(/risk for Mum/);
    await third.page.screenshot({ path: join(SCREENSHOTS, 'journey-third-device-alerts-after-sync.png'), fullPage: true });
  });

  it('the same spate grows (loss, a new village): one more notification and one more record, no duplicate', async () => {
    feed.body = rss([FIRST_REPORT, GROWN_REPORT]);
    expect(await checkNow()).toMatch(/\. 1 warning got worse\.$/);
    const log = await notifiedLog();
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({ shown: true, sentToCircle: true });

    const pushes = await until(async () => carerPushes(), (list) => list.length >= 2, 'a second push to the carer');
    expect(pushes).toHaveLength(2);
    await carer.page.goto(`${relay.url}/alerts`);
    await deliverToCarer(pushes[1]!);
    const item = carer.page.getByRole('listitem').filter({ has: carer.page.getByRole('heading', { name: FIRST_REPORT.title }) });
    await until(() => item.innerText(), (text) => /£9,000 lost/.test(text) && /Rowhedge/.test(text), 'the grown alert on the carer\'s phone');
    const alerts = await readTable<{ id: string; deleted?: true }>(carer.page, 'alerts');
    expect(alerts.filter((alert) => !alert.deleted)).toHaveLength(1);
    await until(carerNotifications, (list) => list.some((n) => /£9,000 lost/.test(n.body)), 'the grown alert\'s notification');
    // The paper behind the new report travelled with the alert: named under its title, its " - Outlet" suffix gone. The
    // first report names the feed the relative added, by the name they gave it.
    expect(await item.getByRole('list', { name: `Sources of ${FIRST_REPORT.title}` }).getByRole('listitem').allInnerTexts()).toEqual([
      `${FIRST_REPORT.title}\nColchester alerts · 30 Nov 2026`,
      `${GROWN_REPORT.title}\nColchester Gazette · 30 Nov 2026`,
    ]);
    const popup = await extensionPage('popup.html');
    const popupSources = popup.getByRole('list', { name: `Sources of ${FIRST_REPORT.title}` }).getByRole('listitem');
    await expect.poll(() => popupSources.allInnerTexts(), { timeout: SLOW_STEP_MS }).toEqual([`${FIRST_REPORT.title}\nColchester alerts · 30 Nov 2026`, `${GROWN_REPORT.title}\nColchester Gazette · 30 Nov 2026`]);
    // The relative's popup says what grew, as the second notification did, and what the spate has cost.
    const card = popup.getByRole('listitem').filter({ has: popup.getByRole('heading', { name: FIRST_REPORT.title }) }).first();
    const cardText = await card.innerText();
    expect(cardText).toMatch(/^Worse now: (?=.*£9,000 lost)(?=.*new place: Rowhedge).*$/m);
    expect(cardText).toMatch(/^Colchester, Rowhedge · .*\d+ reports · .*£9,000 lost$/m);
    await popup.screenshot({ path: join(SCREENSHOTS, 'journey-popup-grown.png'), fullPage: true });
    await popup.close();
    await carer.page.screenshot({ path: join(SCREENSHOTS, 'journey-carer-alerts-grown.png'), fullPage: true });

    // In the circle: two versions of one alert record.
    const { circleId, deviceToken } = await carer.membership();
    const records = (await (await fetch(`${relay.url}/api/circles/${circleId}/records?after=0`, { headers: { authorization: `Bearer ${deviceToken}` } })).json()) as {
      records: { id: string }[];
    };
    const alertRecords = records.records.filter((record) => record.id.startsWith('alerts:'));
    expect(alertRecords).toHaveLength(2);
    expect(new Set(alertRecords.map((record) => record.id)).size).toBe(1);

    // Nothing new: no third alert anywhere.
    expect(await checkNow()).toMatch(/Nothing new/);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(carerPushes()).toHaveLength(2);
  });

  it('when the feed cannot be read, the popup says above the warning that it could not check, and since when', async () => {
    feed.status = 500;
    try {
      expect(await checkNow(/could not look/)).toBe('None of the 1 source checked could be read, so Kinwatch could not look for warnings.');
      const popup = await extensionPage('popup.html');
      const heading = popup.getByRole('heading', { name: 'Kinwatch', level: 1 });
      await heading.waitFor();
      // The first thing after the title, above Mum's card, and the warning is still shown below it.
      const line = popup.locator('h1 + p.flag');
      await expect.poll(() => line.innerText(), { timeout: SLOW_STEP_MS }).toMatch(
        /^Could not check just now: the one source could not be read\. The warnings below are from the last check that could \(\d\d:\d\d\)\.$/,
      );
      expect(await popup.getByRole('heading', { name: FIRST_REPORT.title }).isVisible()).toBe(true);
      // Mum's card itself says her source could not be read, beside her warning, and when it was last tried.
      const mumCard = await popup.getByRole('region', { name: 'Mum' }).innerText();
      expect(mumCard).toContain('Could not check: none of the 1 source tried could be read. See source health.');
      expect(mumCard).toMatch(/Last checked \d\d:\d\d\./);
      await popup.screenshot({ path: join(SCREENSHOTS, 'journey-popup-could-not-check.png'), fullPage: true });
      await popup.close();
    } finally {
      feed.status = 200;
    }
  });

  it('a push the push service refuses as too large (413) still reaches the phone, as the alert\'s id', async () => {
    // Sent from the third device: the relay pushes to every device but the sender.
    const { circleId, deviceToken } = await third.membership();
    const [alert] = await readTable<{ id: string }>(carer.page, 'alerts');
    const before = carerPushes().length;
    const rejectedBefore = push.rejected.length;
    // An alert sealed by a device that fitted it to the standard 4 KB only: 3,200 characters of ciphertext.
    const response = await fetch(`${relay.url}/api/circles/${circleId}/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${deviceToken}` },
      body: JSON.stringify({ ciphertext: 'A'.repeat(3200), urgency: 'high', topic: alertTopic(alert!.id), alertId: alert!.id }),
    });
    expect(response.status).toBe(202);
    const pushes = await until(async () => carerPushes(), (list) => list.length > before, 'the id-only push after a 413', 60_000);
    expect(push.rejected.slice(rejectedBefore).some((reason) => reason.includes('(413)'))).toBe(true);
    const idOnly = JSON.parse(pushes.at(-1)!.payload) as AlertPushPayload;
    expect(idOnly).toMatchObject({ kind: 'alert', alertId: alert!.id });
    expect(idOnly.ciphertext).toBeUndefined();

    await carer.page.evaluate(async () => {
      for (const n of await (await navigator.serviceWorker.ready).getNotifications()) n.close();
    });
    await deliverToCarer(pushes.at(-1)!);
    const shown = await until(carerNotifications, (list) => list.length > 0, 'the notification of the id-only push');
    expect(shown[0]).toMatchObject({ title: 'Courier fraud warning near Mum', url: `/alerts/${encodeURIComponent(alert!.id)}` });
  });
});
