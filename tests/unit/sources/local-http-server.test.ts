import { afterEach, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../helpers/local-http-server.ts';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('local HTTP server for fixture feeds', () => {
  it('serves a route table on 127.0.0.1 and logs each request with its headers', async () => {
    server = await startLocalServer({
      'GET /feed.xml': { headers: { 'content-type': 'application/rss+xml' }, body: '<rss/>' },
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ok = await fetch(`${server.url}/feed.xml?x=1`, { headers: { 'If-None-Match': '"abc"' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('<rss/>');
    const missing = await fetch(`${server.url}/nope`);
    expect(missing.status).toBe(404);
    expect(server.requests.map((r) => r.path)).toEqual(['/feed.xml?x=1', '/nope']);
    expect(server.requests[0]?.headers['if-none-match']).toBe('"abc"');
  });

  it('accepts a plain handler function', async () => {
    server = await startLocalServer((req, res) => {
      res.writeHead(201, { 'content-type': 'text/plain' });
      res.end(`you asked for ${req.url}`);
    });
    const res = await fetch(`${server.url}/a`);
    expect(res.status).toBe(201);
    expect(await res.text()).toBe('you asked for /a');
  });
});
