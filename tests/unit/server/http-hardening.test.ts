import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../src/server/app.ts';
import { openStore } from '../../../src/server/store/open-store.ts';
import type { Store } from '../../../src/server/store/store.ts';
import type { FastifyInstance } from 'fastify';

vi.setConfig({ hookTimeout: 120_000 });

describe('HTTP hardening', () => {
  let store: Store;
  let app: FastifyInstance;
  let circle: { circleId: string; deviceId: string; deviceToken: string };
  beforeAll(async () => {
    const staticDir = mkdtempSync(join(tmpdir(), 'kinwatch-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Kinwatch</title><script type="module" src="/assets/main.js"></script>');
    store = await openStore({});
    app = await buildApp({
      store, clock: { now: () => Date.now() }, vapid: { publicKey: 'k', privateKey: 'p' }, log: () => {},
      settings: { allowOrigins: [], bodyLimitBytes: 1024 * 1024, inviteTtlMs: 3600_000, pushTtlSeconds: 60, staticDir },
    });
    circle = (await app.inject({ method: 'POST', url: '/api/circles', payload: {} })).json();
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('sends a strict content security policy and the other security headers on the app and the API', async () => {
    for (const url of ['/', '/circle', '/healthz', '/api/push/key']) {
      const { headers } = await app.inject({ url });
      const csp = String(headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('never lets a response carrying a device token be cached', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/circles', payload: {} });
    expect(created.headers['cache-control']).toBe('no-store');
    const invite = await app.inject({ method: 'POST', url: `/api/circles/${circle.circleId}/invites`, headers: { authorization: `Bearer ${circle.deviceToken}` }, payload: {} });
    expect(invite.headers['cache-control']).toBe('no-store');
    const records = await app.inject({ url: `/api/circles/${circle.circleId}/records`, headers: { authorization: `Bearer ${circle.deviceToken}` } });
    expect(records.headers['cache-control']).toBe('no-store');
  });

  it('answers HEAD wherever GET answers', async () => {
    for (const url of ['/healthz', '/api/push/key', '/', '/circle', `/api/circles/${circle.circleId}/records`]) {
      const head = await app.inject({ method: 'HEAD', url, headers: { authorization: `Bearer ${circle.deviceToken}` } });
      expect(head.statusCode, url).toBe(200);
      expect(head.body).toBe('');
    }
  });

  it('accepts the Bearer scheme in any case', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      const response = await app.inject({ url: `/api/circles/${circle.circleId}/records`, headers: { authorization: `${scheme} ${circle.deviceToken}` } });
      expect(response.statusCode, scheme).toBe(200);
    }
  });

  it('answers the framework’s own refusals in the JSON error envelope', async () => {
    const tooLong = await app.inject({ url: `/api/circles/${'a'.repeat(200)}/records` });
    expect(tooLong.statusCode).toBe(414);
    expect(tooLong.json()).toEqual({ error: { code: 'uri_too_long', message: expect.stringMatching(/^url: /) } });
    const badEncoding = await app.inject({ url: '/api/circles/%E0%A4%A/records' });
    expect(badEncoding.statusCode).toBe(400);
    expect(badEncoding.json()).toEqual({ error: { code: 'invalid_input', message: expect.stringMatching(/^url: /) } });
    const badId = await app.inject({ url: '/api/circles/short/records', headers: { authorization: `Bearer ${circle.deviceToken}` } });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.message).toMatch(/^circleId: must be a circle id/);
  });
});
