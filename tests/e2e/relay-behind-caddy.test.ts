/**
 * The deployment in deploy/: the relay behind Debian's Caddy with automatic HTTPS (here Caddy's internal CA, on
 * 127.0.0.1), the carer app installed and syncing through it in Chromium, and KINWATCH_TRUST_PROXY naming Caddy.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startRelay, type StartedRelay } from '../helpers/start-relay.ts';
import { freePort } from '../helpers/free-port.ts';

const hasCaddy = spawnSync('caddy', ['version']).status === 0;

describe.skipIf(!hasCaddy)(`the relay behind Caddy with HTTPS${hasCaddy ? '' : ' (skipped: no caddy binary; apt-get install caddy)'}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinwatch-caddy-'));
  let relay: StartedRelay;
  let caddy: ChildProcess;
  let caddyLog = '';
  let origin: string;
  let rootPem: string;
  let browser: Browser;

  /** An HTTPS request to Caddy from a chosen loopback address, trusting only Caddy's internal root. */
  function viaCaddy(path: string, options: { method?: string; body?: unknown; from?: string; headers?: Record<string, string> } = {}) {
    const url = new URL(path, origin);
    return new Promise<{ status: number; body: any; headers: Record<string, unknown> }>((resolve, reject) => {
      const req = request({
        hostname: '127.0.0.1', servername: 'localhost', port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', ca: rootPem,
        localAddress: options.from ?? '127.0.0.1',
        headers: { host: url.host, ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
      }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text.startsWith('{') ? JSON.parse(text) : text, headers: res.headers }));
      });
      req.on('error', reject);
      req.end(options.body !== undefined ? JSON.stringify(options.body) : undefined);
    });
  }

  beforeAll(async () => {
    relay = await startRelay({ env: { KINWATCH_TRUST_PROXY: '127.0.0.1', KINWATCH_CIRCLES_PER_ADDRESS_PER_HOUR: '1' } });
    const [httpsPort, httpPort] = [await freePort(), await freePort()];
    origin = `https://localhost:${httpsPort}`;
    // The documented Caddyfile, pointed at this relay and at Caddy's own CA instead of a public one.
    const documented = readFileSync(new URL('../../deploy/Caddyfile', import.meta.url), 'utf8');
    const site = documented
      .replace(/\{\n\t# A contact[\s\S]*?\n\}\n/, `{\n\tadmin off\n\tlocal_certs\n\tskip_install_trust\n\thttp_port ${httpPort}\n\thttps_port ${httpsPort}\n}\n`)
      .replace('kinwatch.example.org {', `localhost:${httpsPort} {`)
      .replace('reverse_proxy 127.0.0.1:8787', `reverse_proxy ${new URL(relay.url).host}`);
    expect(site).toContain(`reverse_proxy ${new URL(relay.url).host}`);
    writeFileSync(join(dir, 'Caddyfile'), site);
    caddy = spawn('caddy', ['run', '--adapter', 'caddyfile', '--config', join(dir, 'Caddyfile')], {
      env: { ...process.env, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config'), HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    caddy.stdout!.on('data', (chunk: Buffer) => (caddyLog += chunk.toString()));
    caddy.stderr!.on('data', (chunk: Buffer) => (caddyLog += chunk.toString()));
    const root = join(dir, 'data', 'caddy', 'pki', 'authorities', 'local', 'root.crt');
    for (let i = 0; ; i++) {
      if (existsSync(root)) {
        rootPem = readFileSync(root, 'utf8');
        const ok = await viaCaddy('/healthz').then((r) => r.status === 200, () => false);
        if (ok) break;
      }
      if (i > 300) throw new Error(`Caddy did not serve ${origin}:\n${caddyLog}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Chromium trusts Caddy's CA by the public key of the intermediate it signs site certificates with (Chromium
    // matches keys in the chain the server presents, which the root is not part of).
    const intermediate = readFileSync(join(dir, 'data', 'caddy', 'pki', 'authorities', 'local', 'intermediate.crt'), 'utf8');
    const pins = [intermediate, rootPem].map((pem) => createHash('sha256').update(new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' })).digest('base64'));
    browser = await launchBrowser({ args: [`--ignore-certificate-errors-spki-list=${pins.join(',')}`] });
  });

  afterAll(async () => {
    await browser?.close();
    caddy?.kill('SIGTERM');
    await relay?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the relay over HTTPS with the security headers intact', async () => {
    const health = await viaCaddy('/healthz');
    expect(health.body).toEqual({ ok: true, db: 'pglite' });
    const page = await viaCaddy('/circle');
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(page.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('counts each client by the address Caddy forwards, and ignores one a client forges', async () => {
    expect((await viaCaddy('/api/circles', { method: 'POST', body: {}, from: '127.0.0.3' })).status).toBe(201);
    // Another client behind the same proxy is another address: had the relay believed only Caddy's, this would be 429.
    expect((await viaCaddy('/api/circles', { method: 'POST', body: {}, from: '127.0.0.4' })).status).toBe(201);
    const again = await viaCaddy('/api/circles', { method: 'POST', body: {}, from: '127.0.0.3', headers: { 'x-forwarded-for': '192.0.2.77' } });
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('rate_limited');
  });

  it('installs the carer app over HTTPS and syncs two devices through Caddy', async () => {
    const open = async (): Promise<Page> => {
      const page = await (await browser.newContext()).newPage();
      page.setDefaultTimeout(30_000);
      return page;
    };
    const anna = await open();
    await anna.goto(`${origin}/circle`);
    await anna.getByLabel('Name for this device').fill('Anna’s phone');
    await anna.getByRole('button', { name: 'Create a care circle' }).click();
    await anna.getByText('This device is').waitFor();
    // Installed: a service worker from the HTTPS origin controls the page (it does not register on an untrusted one).
    const controlled = await anna.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
      }
      return navigator.serviceWorker.controller?.scriptURL;
    });
    expect(controlled).toMatch(new RegExp(`^${origin}/`));

    await anna.getByRole('button', { name: 'Create an invite link' }).click();
    const link = await anna.getByLabel(/Invite link \(valid until/).inputValue();
    expect(link.startsWith(`${origin}/join#`)).toBe(true);
    const ben = await open();
    await ben.goto(link);
    await ben.getByLabel('Name for this device').fill('Ben’s laptop');
    await ben.getByRole('button', { name: 'Join the circle' }).click();
    await ben.getByText('This device is').waitFor();
    await ben.getByText('Anna’s phone').waitFor();

    for (const page of [anna, ben]) {
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.getByText(/^Last synced /).waitFor();
      await expect(page.getByText('Last attempt failed').count()).resolves.toBe(0);
    }
    await anna.reload();
    await anna.getByText('Ben’s laptop').waitFor();
    await anna.screenshot({ path: '/tmp/kinwatch-behind-caddy.png', fullPage: true });
  });
});
