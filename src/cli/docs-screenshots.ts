/**
 * `npx tsx src/cli/docs-screenshots.ts`: retakes the screenshots in docs/images/ from the built product in real
 * Chromium (CHROMIUM_PATH, default /usr/bin/chromium): the carer app on a phone-sized screen, served by a relay
 * started here on 127.0.0.1 with a throwaway database, and the watcher extension joining that circle.
 * The extension is built into a temporary folder with 127.0.0.1 allowed at install (KINWATCH_GRANTED_HOSTS), as in
 * the end-to-end tests, because no one can press "Allow" in a headless browser. Nothing leaves this machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { readRelayConfig } from '../server/relay-config.ts';
import { runRelay } from '../server/run-relay.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const images = join(root, 'docs', 'images');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const work = mkdtempSync(join(tmpdir(), 'kinwatch-screenshots-'));

function build(args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/build.ts', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`build ${args.join(' ')} failed`);
}

/** The whole viewport, or one element with a 12 px margin of the page around it. */
async function shoot(page: Page, name: string, selector?: string): Promise<void> {
  const path = join(images, name);
  const box = selector ? await page.locator(selector).first().boundingBox() : null;
  if (selector && !box) throw new Error(`${name}: ${selector} is not on the page`);
  if (box) {
    // boundingBox() is relative to the viewport; a full-page clip is relative to the page.
    const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
    const margin = 12;
    const x = Math.max(0, box.x + scroll.x - margin);
    const y = Math.max(0, box.y + scroll.y - margin);
    await page.screenshot({ path, fullPage: true, clip: { x, y, width: box.width + 2 * margin, height: box.height + 2 * margin } });
  } else await page.screenshot({ path });
  console.log(`docs/images/${name}`);
}

try {
  mkdirSync(images, { recursive: true });
  build(['--only', 'pwa']);
  const extensionOut = join(work, 'extension');
  build(['--only', 'extension'], { KINWATCH_GRANTED_HOSTS: 'http://127.0.0.1/*', KINWATCH_EXTENSION_OUT_DIR: extensionOut });

  const relay = await runRelay(readRelayConfig({ PORT: '0', HOST: '127.0.0.1', KINWATCH_DATA: join(work, 'data') }, root), { log: () => undefined });
  try {
    // The carer's phone: an iPhone-sized screen.
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const phone = await browser.newContext({ viewport: { width: 390, height: 760 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const app = await phone.newPage();
    await app.goto(`${relay.url}/circle`);
    await app.getByLabel('Name for this device').fill('Anna’s phone');
    await shoot(app, 'carer-app-start-circle.png');
    await app.getByRole('button', { name: 'Create a care circle' }).click();
    await app.getByRole('heading', { name: 'Invite a family member' }).waitFor();
    await app.getByRole('button', { name: 'Create an invite link' }).click();
    const linkField = app.getByLabel(/Invite link/);
    await linkField.waitFor();
    const inviteLink = await linkField.inputValue();
    await app.evaluate(() => window.scrollTo(0, 0));
    await shoot(app, 'carer-app-circle-phone.png');
    await shoot(app, 'carer-app-invite-link.png', 'section:has(#invite-heading)');
    await browser.close();

    // A relative's computer: the extension's settings page, pasting the invite link.
    const profile = join(work, 'profile');
    const extensionDir = join(extensionOut, 'chrome-mv3');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      viewport: { width: 900, height: 700 },
      args: [...chromiumArgs, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const options = await context.newPage();
    await options.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
    await options.getByLabel('Invite link from the carer app').fill(inviteLink);
    await shoot(options, 'extension-paste-invite.png', 'section:has(#circle-heading)');
    await options.getByRole('button', { name: 'Connect' }).click();
    await options.getByText('Connected to the care circle').waitFor();
    await shoot(options, 'extension-connected.png', 'section:has(#circle-heading)');
    await options.setViewportSize({ width: 900, height: 900 });
    await options.evaluate(() => window.scrollTo(0, 0));
    await shoot(options, 'extension-settings.png');
    await context.close();
  } finally {
    await relay.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
