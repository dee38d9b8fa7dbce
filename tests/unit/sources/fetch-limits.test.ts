import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { HttpFetch } from '../../../src/core/platform.ts';
import { DEFAULT_MAX_BYTES, fetchSource } from '../../../src/core/sources/fetch-source.ts';
import type { Source } from '../../../src/core/sources/source.ts';
import { startLocalServer } from '../../helpers/local-http-server.ts';
import { fetchDeps as deps, metNewsRss as rss, testSource, useLocalServers } from './fetch-test-setup.ts';

const serve = useLocalServers();
const source = (url: string): Source => testSource(url);

/** Writes `total` bytes in 64 KiB chunks, respecting backpressure; records how much actually left the server. */
async function streamBytes(res: ServerResponse, total: number, sent: { bytes: number }): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  res.on('error', () => undefined);
  while (sent.bytes < total && !res.destroyed) {
    sent.bytes += chunk.length;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  if (!res.destroyed) res.end();
}

describe('response size cap', () => {
  it('stops reading a streamed 50 MB body at the 2 MB cap and says it is too large', async () => {
    const sent = { bytes: 0 };
    const fiftyMegabytes = 50 * 1024 * 1024;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      void streamBytes(res, fiftyMegabytes, sent);
    });
    const result = await fetchSource(source(`${server.url}/huge`), undefined, deps());
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/response too large: over the 2 MB limit/);
    expect(result.bytesRead).toBeGreaterThan(DEFAULT_MAX_BYTES);
    // At most one network chunk past the cap (undici hands over at most 64 KiB at a time; allow for coalescing).
    expect(result.bytesRead).toBeLessThanOrEqual(DEFAULT_MAX_BYTES + 256 * 1024);
    expect(result.health.lastError).toBe(result.error);
    // The server was stopped long before it could send the whole body.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent.bytes).toBeLessThan(fiftyMegabytes / 2);
  });

  it('refuses a body whose Content-Length is over the cap without reading it', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(50 * 1024 * 1024) });
      res.write('<rss>');
    });
    const result = await fetchSource(source(`${server.url}/declared`), undefined, deps());
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/too large.*declared 52428800 bytes/);
    expect(result.bytesRead).toBe(0);
  });

  it('honours a smaller configured cap', async () => {
    const server = await serve({ '/rss': { headers: { 'content-type': 'application/rss+xml' }, body: rss } });
    const result = await fetchSource(source(`${server.url}/rss`), undefined, deps({ maxBytes: 1000 }));
    expect(result.error).toMatch(/over the 1000 bytes limit/);
  });
});

describe('timeouts', () => {
  it('gives up on a server that never answers, with a clear error', async () => {
    const server = await serve(() => {
      // Never responds.
    });
    const result = await fetchSource(source(`${server.url}/slow`), undefined, deps({ timeoutMs: 300 }));
    expect(result.status).toBe('error');
    expect(result.error).toBe(`timed out after 300 ms fetching ${server.url}/slow`);
    expect(result.health.lastStatus).toBe(0);
    expect(result.health.consecutiveFailures).toBe(1);
  });

  it('also times out a body that trickles in too slowly', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss version="2.0"><channel>');
      // ...and the rest never comes.
    });
    const result = await fetchSource(source(`${server.url}/trickle`), undefined, deps({ timeoutMs: 300 }));
    expect(result.error).toMatch(/^timed out after 300 ms/);
  });
});

describe('redirects', () => {
  function redirectChain(hops: number, finalLocation?: string): Parameters<typeof startLocalServer>[0] {
    return (req, res) => {
      const step = Number((req.url ?? '/0').slice(1));
      if (step < hops) {
        res.writeHead(step % 2 === 0 ? 301 : 307, { location: `/${step + 1}` });
        res.end();
      } else if (finalLocation !== undefined) {
        res.writeHead(302, { location: finalLocation });
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(rss);
      }
    };
  }

  it('follows up to five redirects and reads the final feed, resolving links against the final URL', async () => {
    const server = await serve(redirectChain(5));
    const result = await fetchSource(source(`${server.url}/0`), undefined, deps());
    expect(result.status).toBe('ok');
    expect(result.finalUrl).toBe(`${server.url}/5`);
    expect(server.requests.map((request) => request.path)).toEqual(['/0', '/1', '/2', '/3', '/4', '/5']);
    expect(result.items).toHaveLength(3);
  });

  it('refuses a sixth redirect', async () => {
    const server = await serve(redirectChain(6));
    const result = await fetchSource(source(`${server.url}/0`), undefined, deps());
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/too many redirects: more than 5/);
    expect(server.requests).toHaveLength(6);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/xml,<rss/>'])('refuses a redirect to %s', async (target) => {
    const server = await serve(redirectChain(1, target));
    const result = await fetchSource(source(`${server.url}/0`), undefined, deps());
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/redirect target refused: ".+:" URLs are never fetched, only http and https/);
  });

  it('refuses a redirect loop', async () => {
    const server = await serve({
      '/a': { status: 302, headers: { location: '/b' } },
      '/b': { status: 302, headers: { location: '/a' } },
    });
    const result = await fetchSource(source(`${server.url}/a`), undefined, deps());
    expect(result.error).toMatch(/redirect loop/);
    expect(server.requests).toHaveLength(2);
  });

  it('lets the browser follow when manual redirects are opaque, then checks where it landed', async () => {
    const calls: Array<RequestRedirect | undefined> = [];
    const browserLikeFetch: HttpFetch = async (url, init) => {
      calls.push(init?.redirect);
      if (init?.redirect === 'manual') {
        const opaque = new Response(null, { status: 200 });
        Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
        Object.defineProperty(opaque, 'status', { value: 0 });
        return opaque;
      }
      const followed = new Response(rss, { status: 200, headers: { 'content-type': 'application/rss+xml' } });
      Object.defineProperty(followed, 'url', { value: 'https://news.example.org/moved/feed.xml' });
      return followed;
    };
    const result = await fetchSource(source('https://news.example.org/feed'), undefined, deps({ fetch: browserLikeFetch }));
    expect(calls).toEqual(['manual', 'follow']);
    expect(result.status).toBe('ok');
    expect(result.finalUrl).toBe('https://news.example.org/moved/feed.xml');
    expect(result.items).toHaveLength(3);
  });
});

describe('refused URLs', () => {
  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:application/rss+xml,<rss/>', 'ftp://example.org/feed'])(
    'never fetches %s and says why',
    async (url) => {
      let called = false;
      const result = await fetchSource(source(url), undefined, deps({ fetch: async () => ((called = true), new Response('')) }));
      expect(called).toBe(false);
      expect(result.status).toBe('error');
      expect(result.error).toMatch(/source URL refused: ".+:" URLs are never fetched, only http and https/);
    },
  );
});
