import { describe, expect, it } from 'vitest';
import { fetchSource } from '../../../src/core/sources/fetch-source.ts';
import { customFeedSource } from '../../../src/core/sources/force-registry.ts';
import { parseFeedDocument } from '../../../src/core/sources/parse-feed.ts';
import { fetchDeps, testSource, useLocalServers } from './fetch-test-setup.ts';

const serve = useLocalServers();
const context = { sourceId: 'custom:test', url: 'https://weekly.example/feed.rss' };
const item = (title: string, extra = '') =>
  `<item><title>${title}</title><link>https://weekly.example/${encodeURIComponent(title)}</link><pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate>${extra}</item>`;
const rss = (channelTitle: string, items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${channelTitle}</title>${items}</channel></rss>`;

describe("a feed's own name", () => {
  it.each([
    ['RSS 2.0', rss('Wivenhoe Weekly', item('Fake police calls')), 'Wivenhoe Weekly'],
    ['RSS 2.0 with an entity and markup', rss('Colne &amp; Wivenhoe &lt;b&gt;News&lt;/b&gt;', item('Fake police calls')), 'Colne & Wivenhoe News'],
    ['RSS 1.0', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>Parish Alerts</title></channel><item rdf:about="https://p.example/1"><title>Courier fraud</title><link>https://p.example/1</link></item></rdf:RDF>', 'Parish Alerts'],
    ['Atom', '<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Area 7 alerts</title><entry><title>Courier fraud</title><link href="https://a.example/1"/><updated>2026-11-30T09:00:00Z</updated></entry></feed>', 'Area 7 alerts'],
    ['Atom with a prefix', '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Prefixed alerts</a:title><a:entry><a:title>Courier fraud</a:title><a:link href="https://a.example/2"/></a:entry></a:feed>', 'Prefixed alerts'],
  ])('is read from %s', (_kind, text, title) => {
    expect(parseFeedDocument(text, context).title).toBe(title);
  });

  it('is absent when the feed gives none or an empty one, and an item title never stands in for it', () => {
    expect(parseFeedDocument(rss('  ', item('Fake police calls')), context).title).toBeUndefined();
    expect(parseFeedDocument(`<rss version="2.0"><channel>${item('Fake police calls')}</channel></rss>`, context).title).toBeUndefined();
  });

  it("names the publisher of a user's own feed's items, keeps an item's own outlet, and leaves force feeds alone", async () => {
    const body = rss('Wivenhoe Weekly', item('Fake police calls') + item('Courier fraud warning', '<source url="https://gazette.example">East Anglian Gazette</source>'));
    const server = await serve({ '/feed.rss': { headers: { 'content-type': 'application/rss+xml' }, body } });
    const own = await fetchSource(customFeedSource(`${server.url}/feed.rss`), undefined, fetchDeps());
    expect(own.feedTitle).toBe('Wivenhoe Weekly');
    expect(own.items?.map((entry) => [entry.title, entry.outlet])).toEqual([
      ['Fake police calls', 'Wivenhoe Weekly'],
      ['Courier fraud warning', 'East Anglian Gazette'],
    ]);
    const force = await fetchSource(testSource(`${server.url}/feed.rss`, 'essex:rss'), undefined, fetchDeps());
    expect(force.items?.map((entry) => entry.outlet)).toEqual([undefined, 'East Anglian Gazette']);
  });
});
