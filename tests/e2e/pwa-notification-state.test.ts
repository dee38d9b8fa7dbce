import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { goTo, openEmptyCarerApp, type EmptyCarerApp } from './pwa-app.ts';

const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

async function createCircle(page: Page): Promise<void> {
  await goTo(page, 'Circle');
  await page.getByLabel('Name for this device').fill('Anna’s phone');
  await page.getByRole('button', { name: 'Create a care circle' }).click();
  await page.getByRole('heading', { name: 'Notifications on this device' }).waitFor();
}

const wakeState = (page: Page) => page.locator('[data-wake-state]:not([data-wake-state=""])').innerText();

describe('carer app: one clear notification state per device', () => {
  let app: EmptyCarerApp | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('"Create a care circle" without a device name: the error is at the top, takes focus and links to the field (phone)', async () => {
    app = await openEmptyCarerApp({ context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
    const { page } = app;
    await goTo(page, 'Circle');
    await page.getByRole('button', { name: 'Create a care circle' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await summary.getByRole('link', { name: /Give this device a name/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('circle-device-name');
  });

  it('a browser that has not been asked: "Off", with a button to turn notifications on; axe passes', async () => {
    app = await openEmptyCarerApp();
    await createCircle(app.page);
    await expect.poll(() => wakeState(app!.page)).toMatch(/^Off\. This device will not be woken/);
    expect(await app.page.getByRole('button', { name: 'Turn on notifications' }).count()).toBe(1);
    const result = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(result.violations.map((violation) => violation.id)).toEqual([]);
  });

  it('blocked notifications say so, and where to allow them, with no button that cannot work', async () => {
    app = await openEmptyCarerApp({
      beforeOpen: async (page) => {
        await page.addInitScript(() => Object.defineProperty(Notification, 'permission', { get: () => 'denied' }));
      },
    });
    await createCircle(app.page);
    await expect.poll(() => wakeState(app!.page)).toMatch(/^Blocked\. .*site settings/);
    expect(await app.page.getByRole('button', { name: /Turn on notifications|Register/ }).count()).toBe(0);
  });

  it('an iPhone browser without push: "Add to Home Screen" and what that gives, never a promise of notifications', async () => {
    app = await openEmptyCarerApp({
      context: { userAgent: IPHONE_SAFARI, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
      beforeOpen: async (page) => {
        await page.addInitScript(() => delete (window as { PushManager?: unknown }).PushManager);
      },
    });
    await createCircle(app.page);
    const text = await (async () => {
      await expect.poll(() => wakeState(app!.page)).toMatch(/^Add to Home Screen first\./);
      return wakeState(app!.page);
    })();
    expect(text).toContain('“Add to Home Screen”');
    expect(text).toContain('Until then this device is not woken');
    expect(await app.page.getByRole('button', { name: /Turn on notifications|Register/ }).count()).toBe(0);
    await app.page.screenshot({ path: '/tmp/kinwatch-e2e-iphone-notifications.png', fullPage: true });
  });

  it('a desktop browser without push says it is not supported here and what still works', async () => {
    app = await openEmptyCarerApp({
      beforeOpen: async (page) => {
        await page.addInitScript(() => delete (window as { PushManager?: unknown }).PushManager);
      },
    });
    await createCircle(app.page);
    await expect.poll(() => wakeState(app!.page)).toMatch(/^Not supported here\. .*Alerts appear each time you open Kinwatch/);
  });
});
