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
});
