import { describe, expect, it } from 'vitest';
import { fetchSource } from '../../../src/core/sources/fetch-source.ts';
import type { Source } from '../../../src/core/sources/source.ts';
import { fetchDeps as deps, metNewsRss as rss, testSource, useLocalServers, fixedNow } from './fetch-test-setup.ts';

const serve = useLocalServers();

function source(url: string, id = 'test:rss'): Source {
  return testSource(url, id);
}

describe('fetching a source', () => {
  it('fetches and parses a feed, recording validators and item counts in its health', async () => {
    const server = await serve({
      '/rss': { headers: { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Tue, 24 Nov 2026 09:15:00 GMT' }, body: rss },
    });
    const result = await fetchSource(source(`${server.url}/rss`), undefined, deps());
    expect(result.status).toBe('ok');
    expect(result.items?.map((item) => item.title)).toContain('Appeal following collision in Hackney');
    expect(result.health).toMatchObject({
      sourceId: 'test:rss',
      lastStatus: 200,
      lastItemCount: 3,
      maxItemCount: 3,
      consecutiveFailures: 0,
      etag: '"v1"',
      lastModified: 'Tue, 24 Nov 2026 09:15:00 GMT',
      lastOkAt: new Date(fixedNow).toISOString(),
    });
    expect(result.bytesRead).toBe(Buffer.byteLength(rss));
  });

  it('sends If-None-Match and If-Modified-Since on the next poll and reads no body on 304, keeping the item count', async () => {
    const server = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Tue, 24 Nov 2026 09:15:00 GMT' });
      res.end(rss);
    });
    const first = await fetchSource(source(`${server.url}/rss`), undefined, deps());
    const second = await fetchSource(source(`${server.url}/rss`), first.health, deps());
    expect(server.requests[1]?.headers['if-none-match']).toBe('"v1"');
    expect(server.requests[1]?.headers['if-modified-since']).toBe('Tue, 24 Nov 2026 09:15:00 GMT');
    expect(second.status).toBe('not-modified');
    expect(second.items).toBeUndefined();
    expect(second.bytesRead).toBe(0);
    expect(second.health.lastStatus).toBe(304);
    expect(second.health.lastItemCount).toBe(3);
    expect(second.health.etag).toBe('"v1"');
  });

  it('decodes a feed in the charset its XML declaration names when the server does not say', async () => {
    const latin1Feed = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><item><title>Caf\u00e9 owner warns of \u00a3500 scam</title><link>https://example.org/a</link></item></channel></rss>',
      'latin1',
    );
    const server = await serve({ '/rss': { headers: { 'content-type': 'application/xml' }, body: latin1Feed } });
    const result = await fetchSource(source(`${server.url}/rss`), undefined, deps());
    expect(result.items?.[0]?.title).toBe('Caf\u00e9 owner warns of \u00a3500 scam');
  });
});
