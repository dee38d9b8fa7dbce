import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';
import { openApp } from './pwa-app.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

describe('carer app update prompt', () => {
  const built = fileURLToPath(new URL('../../dist/pwa/', import.meta.url));
  let root: string;
  let server: LocalServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(built, 'index.html'))) throw new Error('dist/pwa is not built: run npm run build');
    // A copy of the deployed app that this test can "redeploy" by changing its service worker.
    root = mkdtempSync(join(tmpdir(), 'kinwatch-pwa-update-'));
    cpSync(built, root, { recursive: true });
    server = await startLocalServer((req, res) => {
      const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
      const file = join(root, path);
      const target = existsSync(file) && extname(file) ? file : join(root, 'index.html');
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(readFileSync(target));
    });
    browser = await launchBrowser();
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await openApp(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('says a new version is ready, and Reload switches to it', async () => {
    expect(await page.getByText('A new version of Kinwatch is ready.').count()).toBe(0);
    appendFileSync(join(root, 'sw.js'), '\n// next release\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await page.getByText('A new version of Kinwatch is ready.').waitFor();
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await page.getByText('A new version of Kinwatch is ready.').count()).toBe(0);
    const waiting = await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())!.waiting));
    expect(waiting).toBe(false);
  });
});
