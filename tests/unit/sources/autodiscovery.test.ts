import { describe, expect, it } from 'vitest';
import { fetchSource } from '../../../src/core/sources/fetch-source.ts';
import { findFeedLinks } from '../../../src/core/sources/feed-links.ts';
import { customFeedSource, sohFeedUrl } from '../../../src/core/sources/force-registry.ts';
import type { Source } from '../../../src/core/sources/source.ts';
import { fetchDeps, useLocalServers } from './fetch-test-setup.ts';

const serve = useLocalServers();

const feed = (titles: string[], base = 'https://force.example') =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>${titles
    .map((title, n) => `<item><title>${title}</title><link>${base}/news/x/news/2026/${n}/</link><pubDate>Tue, 24 Nov 2026 09:0${n}:00 GMT</pubDate></item>`)
    .join('')}</channel></rss>`;
const listing = (titles: string[]) =>
  `<!DOCTYPE html><html><body><main>${titles
    .map((title, n) => `<li><h3><a href="/news/x/news/2026/l${n}/">${title}</a></h3><p>Published: 10:0${n} 24/11/2026</p></li>`)
    .join('')}</main></body></html>`;
const page = (head: string) => `<!DOCTYPE html><html><head><title>Site</title>${head}</head><body><p>Welcome</p></body></html>`;
const rssType = { 'content-type': 'application/rss+xml' };
const htmlType = { 'content-type': 'text/html; charset=utf-8' };

function sohSource(base: string): Source {
  const listingUrl = `${base}/news/x/news/`;
  return { id: 'x:news', kind: 'soh-listing', url: sohFeedUrl(listingUrl), fallbackUrl: listingUrl, homeUrl: `${base}/`, label: 'X news', forceId: 'x' };
}

describe('Single Online Home: GetNewsRss/ first, the listing when the feed fails or is empty', () => {
  it('reads the feed and does not fetch the listing when the feed answers', async () => {
    const server = await serve({
      '/news/x/news/GetNewsRss/': { headers: rssType, body: feed(['Courier fraud in Harwich', 'Appeal']) },
      '/news/x/news/': { headers: htmlType, body: listing(['Should not be read']) },
    });
    const result = await fetchSource(sohSource(server.url), undefined, fetchDeps());
    expect(result.items?.map((item) => item.title)).toEqual(['Courier fraud in Harwich', 'Appeal']);
    expect(result.health).toMatchObject({ answeredBy: 'feed', answeredUrl: `${server.url}/news/x/news/GetNewsRss/` });
    expect(server.requests.map((request) => request.path)).toEqual(['/news/x/news/GetNewsRss/']);
  });

  it.each([
    ['fails with 500', { status: 500, body: 'oops' }, /failed \(HTTP 500/],
    ['answers 404', { status: 404, body: 'gone' }, /failed \(HTTP 404/],
    ['is an error page sent as RSS', { headers: rssType, body: page('') }, /not a feed/],
    ['has an empty channel', { headers: rssType, body: feed([]) }, /listed no items/],
  ])('falls back to the listing when the feed %s, and says so', async (_name, reply, why) => {
    const server = await serve({
      '/news/x/news/GetNewsRss/': reply,
      '/news/x/news/': { headers: htmlType, body: listing(['Fake police in Clacton']) },
    });
    const result = await fetchSource(sohSource(server.url), undefined, fetchDeps());
    expect(result.status).toBe('ok');
    expect(result.items?.map((item) => item.title)).toEqual(['Fake police in Clacton']);
    expect(result.health.answeredBy).toBe('listing');
    expect(result.health.warning).toMatch(why);
    expect(result.health.warning).toMatch(/the news listing was read instead/);
  });

  it('reports both failures with the feed\'s code when the listing fails too', async () => {
    const server = await serve({ '/news/x/news/GetNewsRss/': { status: 403, body: 'no' }, '/news/x/news/': { status: 403, body: 'no' } });
    const result = await fetchSource(sohSource(server.url), undefined, fetchDeps());
    expect(result.status).toBe('error');
    expect(result.errorCode).toBe('http_403');
    expect(result.health.lastErrorCode).toBe('http_403');
    expect(result.error).toMatch(/HTTP 403.*the news listing failed too: HTTP 403/);
  });
});

describe('feed autodiscovery', () => {
  it('finds a moved feed through the home page\'s alternate link, keeps it, and polls it directly next time', async () => {
    const server = await serve({
      '/old/feed.xml': { status: 404, body: 'Not found' },
      '/': { headers: htmlType, body: page('<link rel="alternate" type="application/rss+xml" title="News" href="/new/feed.xml">') },
      '/new/feed.xml': { headers: { ...rssType, etag: '"n1"' }, body: feed(['Bogus bank staff call Frinton residents']) },
    });
    const source: Source = { id: 'test:feed', kind: 'rss', url: `${server.url}/old/feed.xml`, label: 'Test feed' };
    const first = await fetchSource(source, undefined, fetchDeps());
    expect(first.status).toBe('ok');
    expect(first.items?.map((item) => item.title)).toEqual(['Bogus bank staff call Frinton residents']);
    expect(first.health).toMatchObject({ answeredBy: 'discovered', movedTo: `${server.url}/new/feed.xml` });
    expect(first.health.warning).toContain(`moved to ${server.url}/new/feed.xml`);

    server.requests.length = 0;
    const second = await fetchSource(source, first.health, fetchDeps());
    expect(second.status).toBe('ok');
    expect(second.health.movedTo).toBe(`${server.url}/new/feed.xml`);
    // Straight to the new address, with its own validator for a conditional GET.
    expect(server.requests.map((request) => [request.path, request.headers['if-none-match']])).toEqual([['/new/feed.xml', '"n1"']]);
  });

  it('resolves a site address the user added (a page, not a feed) to the feed it names', async () => {
    const server = await serve({
      '/alerts/area-7': {
        headers: htmlType,
        body: page('<link rel="alternate" type="text/css" href="/x.css"><link rel="alternate" type="application/atom+xml" href="feeds/area-7.atom">'),
      },
      '/alerts/feeds/area-7.atom': {
        headers: { 'content-type': 'application/atom+xml' },
        body: '<feed xmlns="http://www.w3.org/2005/Atom"><title>Area 7</title><entry><title>Courier scam warning</title><link href="/alerts/msg/1"/><updated>2026-11-24T09:00:00Z</updated></entry></feed>',
      },
    });
    const source = customFeedSource(`${server.url}/alerts/area-7`);
    const result = await fetchSource(source, undefined, fetchDeps());
    expect(result.items?.map((item) => [item.title, item.url])).toEqual([['Courier scam warning', `${server.url}/alerts/msg/1`]]);
    expect(result.health.movedTo).toBe(`${server.url}/alerts/feeds/area-7.atom`);
  });

  it('says "not a feed" when a page names no feed and neither does the home page', async () => {
    const server = await serve({ '/page': { headers: htmlType, body: page('') }, '/': { headers: htmlType, body: page('') } });
    const result = await fetchSource(customFeedSource(`${server.url}/page`), undefined, fetchDeps());
    expect(result.status).toBe('error');
    expect(result.errorCode).toBe('not_a_feed');
  });

  it('stops at a loop of redirects, with a code, and never loops through discovery', async () => {
    const server = await serve({
      '/a': { status: 302, headers: { location: '/b' } },
      '/b': { status: 302, headers: { location: '/a' } },
      '/page': { headers: htmlType, body: page('<link rel="alternate" type="application/rss+xml" href="/a"><link rel="alternate" type="application/rss+xml" href="/page">') },
    });
    const loop = await fetchSource(customFeedSource(`${server.url}/a`), undefined, fetchDeps());
    expect(loop.status).toBe('error');
    expect(loop.errorCode).toBe('redirect_loop');

    server.requests.length = 0;
    const viaPage = await fetchSource(customFeedSource(`${server.url}/page`), undefined, fetchDeps());
    expect(viaPage.status).toBe('error');
    expect(viaPage.errorCode).toBe('not_a_feed');
    // The page, then its one untried feed (/a → /b → loop): a bounded number of requests.
    expect(server.requests.length).toBeLessThanOrEqual(4);
  });

  it('follows a permanent redirect and remembers where the feed moved', async () => {
    const server = await serve({
      '/rss': { status: 301, headers: { location: '/feeds/news.rss' } },
      '/feeds/news.rss': { headers: rssType, body: feed(['Story']) },
    });
    const result = await fetchSource({ id: 't', kind: 'rss', url: `${server.url}/rss`, label: 'T' }, undefined, fetchDeps());
    expect(result.health).toMatchObject({ movedTo: `${server.url}/feeds/news.rss`, answeredBy: 'discovered' });
  });

  it('says "moved" when a permanent redirect leads to a page that names no feed', async () => {
    const server = await serve({
      '/rss': { status: 308, headers: { location: '/news-centre/' } },
      '/news-centre/': { headers: htmlType, body: page('') },
      '/': { headers: htmlType, body: page('') },
    });
    const result = await fetchSource({ id: 't', kind: 'rss', url: `${server.url}/rss`, label: 'T' }, undefined, fetchDeps());
    expect(result.errorCode).toBe('moved');
    expect(result.error).toBe(`${server.url}/rss has moved to ${server.url}/news-centre/, which is not a feed and names none`);
  });

  it('reads alternate links as a browser does: base href, relative addresses, only feed types, no repeats', () => {
    const html =
      '<html><head><base href="https://site.example/sub/"><link rel="stylesheet alternate" type="text/css" href="a.css">' +
      '<link rel="alternate" type="application/rss+xml" href="news.rss"><LINK REL="Alternate" TYPE="application/atom+xml" HREF="/atom.xml">' +
      '<link rel="alternate" type="application/rss+xml" href="news.rss"><link rel="alternate" hreflang="cy" href="/cy/"></head></html>';
    expect(findFeedLinks(html, 'https://site.example/page')).toEqual(['https://site.example/sub/news.rss', 'https://site.example/atom.xml']);
  });
});

describe('stable error codes beside the message', () => {
  it.each([
    ['403', { status: 403, body: 'no' }, 'http_403'],
    ['429', { status: 429, headers: { 'retry-after': '120' }, body: '' }, 'http_429'],
    ['a web page where a feed was expected', { headers: htmlType, body: page('') }, 'not_a_feed'],
    ['broken XML', { headers: rssType, body: '<rss><channel><item><title>x</title></rss>' }, 'malformed'],
    ['an empty body', { headers: rssType, body: '' }, 'empty'],
  ])('%s', async (_name, reply, code) => {
    const server = await serve({ '/feed': reply, '/': { headers: htmlType, body: page('') } });
    const result = await fetchSource({ id: 't', kind: 'rss', url: `${server.url}/feed`, label: 'T' }, undefined, fetchDeps());
    expect(result.health.lastErrorCode).toBe(code);
  });

  it('timeout and too_large', async () => {
    const server = await serve({
      '/slow': () => new Promise(() => undefined),
      '/huge': { headers: rssType, body: 'x'.repeat(5000) },
    });
    const slow = await fetchSource({ id: 's', kind: 'rss', url: `${server.url}/slow`, label: 'S' }, undefined, fetchDeps({ timeoutMs: 200 }));
    expect(slow.health.lastErrorCode).toBe('timeout');
    const huge = await fetchSource({ id: 'h', kind: 'rss', url: `${server.url}/huge`, label: 'H' }, undefined, fetchDeps({ maxBytes: 1000 }));
    expect(huge.health.lastErrorCode).toBe('too_large');
  });
});
