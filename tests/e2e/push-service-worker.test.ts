import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertRecord } from '../../src/core/calls/alert.ts';
import { importCircleKey, sealAlert } from '../../src/core/circle/circle-crypto.ts';
import { formatHlc } from '../../src/core/circle/hlc.ts';
import type { Spate } from '../../src/core/spates/spate.ts';
import type { CircleAlert } from '../../src/core/alerts/alert.ts';
import type { CircleMembership } from '../../src/pwa/sync/circle-membership.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startRelay, type StartedRelay } from '../helpers/start-relay.ts';

/** Reads one row of the app's IndexedDB database from the page, as the app itself stores it. */
function readRow(page: Page, store: string, key: string): Promise<unknown> {
  return page.evaluate(
    ([storeName, rowKey]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('kinwatch');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction(storeName!, 'readonly').objectStore(storeName!).get(rowKey!);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result ?? null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    [store, key] as const,
  );
}

function countRows(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (storeName) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kinwatch');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction(storeName, 'readonly').objectStore(storeName).count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
    store,
  );
}

async function shownNotifications(page: Page): Promise<{ title: string; body: string; url: string | undefined; requireInteraction: boolean }[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({ title: n.title, body: n.body, url: (n.data as { url?: string } | null)?.url, requireInteraction: n.requireInteraction }));
  });
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 40_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('care circle in the real carer app, with pushes into its real service worker', () => {
  let relay: StartedRelay;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  let membership: CircleMembership;
  let registrationId: string;
  let other: Page;
  const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];

  /** Push events the service worker has finished handling (its waitUntil settled), as Chromium's DevTools log them. */
  let pushesHandled = 0;

  /**
   * Delivers a push to the app's service worker and resolves once the worker has finished handling it. Notifications
   * are read only then: Chromium's getNotifications() drops a notification whose showNotification() is still in
   * flight from its list for good (it prunes what is not displayed yet), so reading while the worker shows one can
   * hide it from the test although the person sees it.
   */
  async function deliver(payload: unknown): Promise<void> {
    const before = pushesHandled;
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: relay.url, registrationId, data: JSON.stringify(payload) });
    await until(async () => pushesHandled, (n) => n > before, 'the service worker to finish handling the push');
  }

  beforeAll(async () => {
    relay = await startRelay();
    browser = await launchBrowser();
    context = await browser.newContext();
    await context.grantPermissions(['notifications'], { origin: relay.url });
    page = await context.newPage();
    await page.goto(`${relay.url}/circle`);
    await page.getByLabel('Name for this device').fill('Anna’s phone');
    await page.getByRole('button', { name: 'Create a care circle' }).click();
    await page.getByText('This device is').waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await until(() => readRow(page, 'settings', 'circle'), Boolean, 'membership');
    membership = ((await readRow(page, 'settings', 'circle')) as { value: CircleMembership }).value;
    cdp = await context.newCDPSession(page);
    cdp.on('ServiceWorker.workerRegistrationUpdated', (event: { registrations: typeof registrations }) => registrations.push(...event.registrations));
    await cdp.send('ServiceWorker.enable');
    cdp.on('BackgroundService.backgroundServiceEventReceived', (event: { backgroundServiceEvent: { eventName: string } }) => {
      if (event.backgroundServiceEvent.eventName === 'Push event completed') pushesHandled++;
    });
    await cdp.send('BackgroundService.startObserving', { service: 'pushMessaging' });
    await cdp.send('BackgroundService.setRecording', { shouldRecord: true, service: 'pushMessaging' });
    const registration = await until(async () => registrations.find((r) => r.scopeURL.startsWith(relay.url) && !r.isDeleted), Boolean, 'service worker registration');
    registrationId = registration!.registrationId;
  });

  afterAll(async () => {
    await browser?.close();
    await relay?.stop();
  });

  it('creates a circle whose key stays on the device', async () => {
    expect(membership.circleKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(relay.output()).not.toContain(membership.circleKey);
    expect(relay.output()).not.toContain(membership.deviceToken);
  });

  it('stores a pushed spate alert in the app database and shows a notification that opens that alert', async () => {
    const key = await importCircleKey(membership.circleKey);
    const spate = {
      id: 'spate-e2e-1', personId: 'p1', headline: 'Fake police officers calling older people in Colchester', places: ['Colchester'],
      counts: { reports: 6 }, tactics: ['courier-collection'], impersonated: ['police'], sources: [], firstSeen: '2026-11-24T09:00:00Z',
      lastSeen: '2026-11-24T10:00:00Z', severity: 'high', state: 'new',
    } as unknown as Spate;
    const alert: CircleAlert = {
      kind: 'spate', title: 'Courier fraud near Margaret', body: 'Fake police officers calling older people in Colchester',
      // Stamped now, as the watcher stamps it (a clock far ahead of the phone's time is refused).
      alert: { id: 'spate-e2e-1', hlc: formatHlc({ wallMs: Date.now(), counter: 0, nodeId: 'watcher' }), personId: 'p1', spate, receivedAt: '2026-11-24T10:00:01Z' } satisfies AlertRecord,
    };
    await deliver({ kind: 'alert', circleId: membership.circleId, ciphertext: await sealAlert(key, membership.circleId, alert), urgency: 'high', topic: 'spate-e2e-1', sentAt: new Date().toISOString() });
    const stored = (await until(() => readRow(page, 'alerts', 'spate-e2e-1'), Boolean, 'stored alert')) as AlertRecord;
    expect(stored.spate.headline).toBe('Fake police officers calling older people in Colchester');
    const notifications = await until(() => shownNotifications(page), (list) => list.some((n) => n.title === 'Courier fraud near Margaret'), 'notification');
    expect(notifications.find((n) => n.title === 'Courier fraud near Margaret')).toMatchObject({ body: 'Fake police officers calling older people in Colchester', url: '/alerts/spate-e2e-1' });
  });

  it('shows an urgent live-call notification that opens the call', async () => {
    const key = await importCircleKey(membership.circleKey);
    const alert: CircleAlert = { kind: 'live-call', title: 'Urgent: call them now', body: 'Margaret may be on the phone with a fraudster now', callId: 'call-9', personId: 'p1' };
    await deliver({ kind: 'alert', circleId: membership.circleId, ciphertext: await sealAlert(key, membership.circleId, alert), urgency: 'high', topic: 'call-9' });
    const notifications = await until(() => shownNotifications(page), (list) => list.some((n) => n.body.includes('fraudster')), 'live-call notification');
    expect(notifications.find((n) => n.body.includes('fraudster'))).toMatchObject({ title: 'Urgent: call them now', body: 'Margaret may be on the phone with a fraudster now', url: '/calls/call-9' });
  });

  it('shows only a generic notice, and stores nothing, for a push that does not decrypt with the circle key', async () => {
    const alertsBefore = await countRows(page, 'alerts');
    await deliver({ kind: 'alert', circleId: membership.circleId, ciphertext: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', urgency: 'high' });
    const notifications = await until(() => shownNotifications(page), (list) => list.some((n) => n.title === 'Kinwatch'), 'generic notification');
    expect(notifications.find((n) => n.title === 'Kinwatch')!.body).toMatch(/Open the app/);
    // The push was urgent: its notice stays on screen until seen, as the alert itself would have.
    expect(notifications.find((n) => n.title === 'Kinwatch')!.requireInteraction).toBe(true);
    expect(await countRows(page, 'alerts')).toBe(alertsBefore);
  });

  it('invites a second device by link: it joins, the key leaves the address bar, and both see each other', async () => {
    await page.getByRole('button', { name: 'Create an invite link' }).click();
    const link = await page.getByLabel(/Invite link \(valid until/).inputValue();
    expect(link).toMatch(new RegExp(`^${relay.url}/join#c=`));
    await expect(page.getByRole('img', { name: /QR code of the invite link/ }).count()).resolves.toBe(1);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    other = await (await browser.newContext()).newPage();
    await other.goto(link);
    await other.getByRole('button', { name: 'Join the circle' }).waitFor();
    expect(new URL(other.url()).hash).toBe('');
    await other.getByLabel('Name for this device').fill('Ben’s laptop');
    await other.getByRole('button', { name: 'Join the circle' }).click();
    await other.getByText('This device is').waitFor();
    expect(new URL(other.url()).pathname).toBe('/circle');
    await other.getByText('Anna’s phone').waitFor();
    const joined = ((await readRow(other, 'settings', 'circle')) as { value: CircleMembership }).value;
    expect(joined.circleKey).toBe(membership.circleKey);
    expect(relay.output()).not.toContain(membership.circleKey);

    // The link was for one device only.
    const third = await (await browser.newContext()).newPage();
    await third.goto(link);
    await third.getByLabel('Name for this device').fill('Someone else');
    await third.getByRole('button', { name: 'Join the circle' }).click();
    await third.getByText('already used').waitFor();

    // Opened again on a device that is already a member: not used, and the key is taken out of the address bar.
    await other.goto(link);
    await other.getByText('already in a care circle').waitFor();
    expect(new URL(other.url()).hash).toBe('');
  });

  it('shares a person added on one device with the other device, end-to-end encrypted', async () => {
    // The postcode lookup is a third-party call: refuse it, so the person is saved as typed (the offline path).
    await page.route('https://api.postcodes.io/**', (route) => route.abort());
    await page.goto(`${relay.url}/people/new`);
    await page.getByLabel('Name', { exact: true }).fill('Margaret Hughes');
    await page.getByLabel('Postcode').fill('CO1 1AA');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(`${relay.url}/`);
    await page.goto(`${relay.url}/circle`);
    // Sent once the outbox is empty: the relay acknowledged the encrypted record.
    await until(() => countRows(page, 'outbox'), (n) => n === 0, 'first device to send its change');
    expect(relay.output()).not.toContain('Margaret');

    await other.goto(`${relay.url}/circle`);
    await other.getByRole('button', { name: 'Sync now' }).click();
    await until(
      () => other.evaluate(() => new Promise<string[]>((resolve) => {
        const open = indexedDB.open('kinwatch');
        open.onsuccess = () => {
          const all = open.result.transaction('people', 'readonly').objectStore('people').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as { name: string }[]).map((p) => p.name));
          };
        };
      })),
      (names) => names.includes('Margaret Hughes'),
      'the person on the second device',
    );
    await other.goto(`${relay.url}/`);
    await other.getByText('Margaret Hughes').first().waitFor();
  });

  it('removes a device from the circle: it disappears from the list and can no longer sync', async () => {
    await page.goto(`${relay.url}/circle`);
    await page.getByRole('button', { name: 'Remove Ben’s laptop' }).waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Remove Ben’s laptop' }).click();
    await until(() => page.getByRole('button', { name: 'Remove Ben’s laptop' }).count(), (n) => n === 0, 'the device to leave the list');

    await other.goto(`${relay.url}/circle`);
    await other.getByRole('button', { name: 'Sync now' }).click();
    await other.getByText(/this device was removed from its circle/).first().waitFor();
  });
});
