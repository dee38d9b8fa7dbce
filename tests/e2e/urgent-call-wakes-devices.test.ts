/**
 * An urgent call logged on the carer's phone wakes the family's other devices, and Home says how many were told:
 * real Chromium, the built carer app, a real relay, and a push service that really decrypts what it is sent.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startFakePushService, type FakePushService, type FakeSubscription } from '../helpers/fake-push-service.ts';
import { startPostcodesStub, type PostcodesStub } from '../helpers/postcodes-stub.ts';
import { startRelay, type StartedRelay } from '../helpers/start-relay.ts';
import { addPersonFromHome, appMembership, createCircle, logUrgentCall, openApp, setPostcodeService } from './pwa-app.ts';

const SHOTS = process.env.KINWATCH_SCREENSHOT_DIR;

describe('an urgent call in a circle whose other devices take notifications', () => {
  let push: FakePushService;
  let relay: StartedRelay;
  let postcodes: PostcodesStub;
  let browser: Browser;
  let page: Page;
  const others: { name: string; deviceId: string; deviceToken: string; subscription: FakeSubscription }[] = [];

  async function api(path: string, init: { method: string; token?: string; body?: unknown }): Promise<{ status: number; body: Record<string, string> }> {
    const response = await fetch(`${relay.url}${path}`, {
      method: init.method,
      headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    return { status: response.status, body: response.status === 204 ? {} : ((await response.json()) as Record<string, string>) };
  }

  beforeAll(async () => {
    push = await startFakePushService();
    [relay, postcodes, browser] = await Promise.all([startRelay({ env: { KINWATCH_PUSH_ALLOW: push.origin } }), startPostcodesStub(), launchBrowser()]);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await openApp(page, relay.url);
    await setPostcodeService(page, postcodes.url);
  });

  afterAll(async () => {
    await browser?.close();
    await postcodes?.close();
    await relay?.stop();
    await push?.close();
  });

  it('Joan is added and the circle has two other devices, each with notifications on', async () => {
    await addPersonFromHome(page, { name: 'Joan', postcode: 'CO7 6AA', located: 'CO7 6AA, Colchester' });
    await createCircle(page, 'Anna’s phone');

    // Two relatives join with the carer's invite links and turn notifications on (their browsers' push subscriptions).
    const carer = await appMembership(page);
    for (const name of ['Ben’s laptop', 'Cara’s phone']) {
      const invite = await api(`/api/circles/${carer.circleId}/invites`, { method: 'POST', token: carer.deviceToken, body: {} });
      expect(invite.status).toBe(201);
      const joined = await api(`/api/circles/${carer.circleId}/join`, { method: 'POST', body: { inviteToken: invite.body.inviteToken, deviceName: name } });
      expect(joined.status).toBe(201);
      const subscription = push.subscribe();
      const put = await api(`/api/devices/${joined.body.deviceId}/push-subscription`, {
        method: 'PUT',
        token: joined.body.deviceToken!,
        body: { endpoint: subscription.endpoint, keys: subscription.keys },
      });
      expect(put.status).toBe(204);
      others.push({ name, deviceId: joined.body.deviceId!, deviceToken: joined.body.deviceToken!, subscription });
    }
  });

  it('Home says a notification went to 2 other devices, and both were sent one', async () => {
    await logUrgentCall(page);
    const urgent = page.getByRole('region', { name: 'Urgent: act now' });
    await urgent.getByText(/^Notification sent now to 2 other devices in the family circle\./).waitFor({ timeout: 60_000 });
    const text = await urgent.innerText();
    expect(text).toContain('Every device also shows the alert the next time Kinwatch is opened on it.');
    expect(text).not.toMatch(/No device is set up to be woken/);

    // What the words claim is what happened: one push for each of the two subscriptions, none for the carer's phone.
    const received = await push.waitForReceived(2, 60_000);
    expect(received.map((entry) => entry.subscriptionId).sort()).toEqual(others.map((other) => other.subscription.id).sort());
    for (const entry of received) expect(entry.urgency).toBe('high');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/home-two-devices-woken.png`, fullPage: true });
  });

  it('with notifications off on one of them, the next urgent call says 1 other device', async () => {
    const cara = others[1]!;
    expect((await api(`/api/devices/${cara.deviceId}/push-subscription`, { method: 'DELETE', token: cara.deviceToken })).status).toBe(204);
    await logUrgentCall(page);
    const urgent = page.getByRole('region', { name: 'Urgent: act now' });
    // Both live calls are listed, each with its own count.
    await urgent.getByText(/^Notification sent now to 1 other device in the family circle\./).waitFor({ timeout: 60_000 });
    await urgent.getByText(/^Notification sent now to 2 other devices in the family circle\./).waitFor();
    const received = await push.waitForReceived(3, 60_000);
    expect(received[2]!.subscriptionId).toBe(others[0]!.subscription.id);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/home-one-device-woken.png`, fullPage: true });
  });
});
