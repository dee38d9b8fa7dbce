import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../src/server/app.ts';
import { openStore } from '../../../src/server/store/open-store.ts';
import type { Store } from '../../../src/server/store/store.ts';
import type { FastifyInstance } from 'fastify';

// Starting PGlite or a PostgreSQL cluster can take a while on a busy machine.
vi.setConfig({ hookTimeout: 120_000 });

const staticDir = fileURLToPath(new URL('../../fixtures/relay/pwa', import.meta.url));

describe('serving the carer app', () => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await openStore({});
    app = await buildApp({
      store, clock: { now: () => Date.now() }, vapid: { publicKey: 'k', privateKey: 'p' }, log: () => {},
      settings: { allowOrigins: [], bodyLimitBytes: 1024 * 1024, inviteTtlMs: 1000, pushTtlSeconds: 60, staticDir },
    });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('serves the service worker uncached, allowed at the root scope, as JavaScript', async () => {
    const response = await app.inject({ url: '/sw.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['service-worker-allowed']).toBe('/');
  });

  it('serves hashed assets as immutable and the page shell uncached', async () => {
    const asset = await app.inject({ url: '/assets/app-abc123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    const shell = await app.inject({ url: '/' });
    expect(shell.headers['content-type']).toMatch(/^text\/html/);
    expect(shell.headers['cache-control']).toBe('no-cache');
    expect(shell.body).toContain('fixture shell');
    const manifest = await app.inject({ url: '/manifest.webmanifest' });
    expect(manifest.headers['content-type']).toMatch(/manifest\+json|application\/json/);
  });

  it('answers in-app paths like /join and /calls/42 with the app, but unknown API paths with a JSON 404', async () => {
    for (const url of ['/join', '/calls/42', '/circle?x=1']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('fixture shell');
    }
    const api = await app.inject({ url: '/api/unknown' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'not_found', message: 'GET /api/unknown: no such route' } });
    const post = await app.inject({ method: 'POST', url: '/nothing' });
    expect(post.statusCode).toBe(404);
    const missingAsset = await app.inject({ url: '/assets/index-old.js' });
    expect(missingAsset.statusCode).toBe(404);
    expect(missingAsset.headers['content-type']).toMatch(/application\/json/);
  });
});
