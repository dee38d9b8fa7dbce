/**
 * Conformance: each block is a class of input real publishers produce, with several members, so the class is fixed
 * rather than one example. Fixtures are written here, small and made up.
 */
import { describe, expect, it } from 'vitest';
import { decodeBody, decodeBodyWithEncoding } from '../../../src/core/sources/decode-body.ts';
import { ParseError, parseFeed, parseFeedDocument } from '../../../src/core/sources/parse-feed.ts';
import { parseFeedDate } from '../../../src/core/sources/parse-date.ts';
import { canonicalUrl } from '../../../src/core/sources/canonical-url.ts';

const FEED_URL = 'https://police.example.uk/news/rss';
const ctx = (extra: Partial<Parameters<typeof parseFeed>[1]> = {}) => ({ sourceId: 'test:feed', url: FEED_URL, ...extra });

const rss = (items: string, prolog = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${prolog}<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Force news</title>${items}</channel></rss>`;
const item = (title: string, link = 'https://police.example.uk/news/a', extra = '') =>
  `<item><title>${title}</title><link>${link}</link>${extra}<pubDate>Tue, 24 Nov 2026 09:05:00 GMT</pubDate></item>`;

describe('whitespace, blank lines or a byte-order mark before <?xml', () => {
  const body = rss(item('Courier fraud warning in Colchester'));
  it.each([
    ['a BOM', `\uFEFF${body}`],
    ['blank lines', `\n\n\r\n${body}`],
    ['spaces and tabs', `   \t${body}`],
    ['whitespace then a BOM', `\n \uFEFF${body}`],
    ['a comment and a stylesheet before the root', body.replace('<rss', '<!-- generated --><?xml-stylesheet type="text/xsl" href="/rss.xsl"?>\n<rss')],
    ['a server warning printed before it', `Notice: Undefined index: page in /var/www/feed.php on line 12\n${body}`],
  ])('keeps the feed after %s', (_name, text) => {
    expect(parseFeed(text, ctx()).map((entry) => entry.title)).toEqual(['Courier fraud warning in Colchester']);
  });

  it('says when it skipped text before the feed', () => {
    expect(parseFeedDocument(`Warning: x\n${body}`, ctx()).warnings).toEqual(['read leniently: text before the feed was skipped']);
    expect(parseFeedDocument(body, ctx()).warnings).toEqual([]);
  });
});

describe('encoding in the WHATWG order: BOM, then HTTP charset, then the XML declaration or meta', () => {
  // "Fake police took £500 – “cash” from a 90-year-old …" in windows-1252 bytes.
  const title1252 = [0x46, 0x61, 0x6b, 0x65, 0x20, 0xa3, 0x35, 0x20, 0x96, 0x20, 0x93, 0x63, 0x61, 0x73, 0x68, 0x94, 0x20, 0x80, 0x85];
  const asBytes = (prefix: string, middle: number[], suffix: string) =>
    new Uint8Array([...Buffer.from(prefix, 'latin1'), ...middle, ...Buffer.from(suffix, 'latin1')]);
  const feedBytes = (declaration: string) =>
    asBytes(`<?xml version="1.0" encoding="${declaration}"?><rss version="2.0"><channel><item><title>`, title1252, '</title><link>https://p.example/a</link></item></channel></rss>');
  const expected = 'Fake £5 – “cash” €…';

  it.each([
    ['windows-1252 declared in the XML only', feedBytes('windows-1252'), undefined],
    ['ISO-8859-1 declared in the XML (read as windows-1252, as browsers do)', feedBytes('ISO-8859-1'), undefined],
    ['windows-1252 given by the HTTP charset, the XML saying UTF-8', feedBytes('UTF-8'), 'application/rss+xml; charset=windows-1252'],
    ['latin1 given by the HTTP charset', feedBytes('UTF-8'), 'text/xml; charset="latin1"'],
  ])('maps 0x80–0x9F to the right characters: %s', (_name, bytes, contentType) => {
    const [entry] = parseFeed(decodeBody(bytes, contentType), ctx());
    expect(entry?.title).toBe(expected);
  });

  it('lets a byte-order mark win over the HTTP charset and the declaration', () => {
    const utf8 = Buffer.from('\uFEFF<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><item><title>Caf\u00e9 – “fraud”</title><link>https://p.example/a</link></item></channel></rss>', 'utf8');
    const decoded = decodeBodyWithEncoding(new Uint8Array(utf8), 'application/rss+xml; charset=iso-8859-1');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.decidedBy).toBe('bom');
    expect(parseFeed(decoded.text, ctx())[0]?.title).toBe('Café – “fraud”');
  });

  it('lets the HTTP charset win over the declaration, and reads a meta charset on a listing page', () => {
    expect(decodeBodyWithEncoding(feedBytes('UTF-8'), 'text/xml; charset=windows-1252').decidedBy).toBe('http');
    const page = asBytes('<html><head><meta charset="windows-1252"></head><body><main><h3><a href="/news/x/news/2026/a/">', title1252, '</a></h3></main></body></html>');
    const [entry] = parseFeed(decodeBody(page, 'text/html'), ctx({ url: 'https://p.example/news/x/news/' }));
    expect(entry?.title).toBe(expected);
  });

  it('falls back to UTF-8 for an unknown label rather than failing', () => {
    const bytes = new Uint8Array(Buffer.from('<?xml version="1.0" encoding="x-made-up"?><rss version="2.0"><channel><item><title>Caf\u00e9</title><link>https://p.example/a</link></item></channel></rss>', 'utf8'));
    expect(parseFeed(decodeBody(bytes, undefined), ctx())[0]?.title).toBe('Café');
  });
});

describe('dates in every common real shape', () => {
  it.each([
    ['date with no time', 'Tue, 24 Nov 2026', '2026-11-24T00:00:00.000Z'],
    ['date with no time in summer (UK midnight is 23:00 UTC)', '6 Jul 2026', '2026-07-05T23:00:00.000Z'],
    ['four-letter weekday', 'Tues, 24 Nov 2026 09:05:00 GMT', '2026-11-24T09:05:00.000Z'],
    ['full weekday and month', 'Tuesday, 24 November 2026 09:05:00 GMT', '2026-11-24T09:05:00.000Z'],
    ['month before day', 'Nov 24, 2026 09:05:00 GMT', '2026-11-24T09:05:00.000Z'],
    ['JavaScript Date.toString', 'Tue Nov 24 2026 09:05:00 GMT+0000 (Greenwich Mean Time)', '2026-11-24T09:05:00.000Z'],
    ['zone UT', 'Mon, 06 Jul 2026 14:30:00 UT', '2026-07-06T14:30:00.000Z'],
    ['zone Z', 'Mon, 06 Jul 2026 14:30:00 Z', '2026-07-06T14:30:00.000Z'],
    ['zone BST', 'Mon, 06 Jul 2026 14:30:00 BST', '2026-07-06T13:30:00.000Z'],
    ['zone EST', 'Mon, 06 Jul 2026 09:30:00 EST', '2026-07-06T14:30:00.000Z'],
    ['IANA zone Europe/London in summer', 'Mon, 06 Jul 2026 14:30 Europe/London', '2026-07-06T13:30:00.000Z'],
    ['IANA zone America/New_York', '06 Jul 2026 10:30:00 America/New_York', '2026-07-06T14:30:00.000Z'],
    ['time without seconds', 'Tue, 24 Nov 2026 09:05 +0000', '2026-11-24T09:05:00.000Z'],
    ['GMT with an offset', 'Mon, 06 Jul 2026 14:30:00 GMT+01:00', '2026-07-06T13:30:00.000Z'],
    ['time element inside the date', '<time datetime="2026-11-24T09:05:00Z">24 November</time>', '2026-11-24T09:05:00.000Z'],
    ['ordinal and 12-hour clock', '24th November 2026 at 2:30pm', '2026-11-24T14:30:00.000Z'],
    ['UK numeric date', '24/11/2026 09:05', '2026-11-24T09:05:00.000Z'],
    ['W3CDTF with milliseconds and a compact offset', '2026-11-24T09:05:00.000+0000', '2026-11-24T09:05:00.000Z'],
  ])('reads %s', (_name, input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  it('reads dc:date and a <time datetime> inside pubDate from a feed', () => {
    const items = parseFeed(
      rss(
        `<item><title>A</title><link>https://p.example/a</link><dc:date>2026-11-20T10:00:00Z</dc:date></item>` +
          `<item><title>B</title><link>https://p.example/b</link><pubDate><time datetime="2026-11-21T08:00:00+00:00">21 Nov</time></pubDate></item>` +
          `<item><title>C</title><link>https://p.example/c</link><pubDate>&lt;time datetime="2026-11-22T08:00:00Z"&gt;22 Nov&lt;/time&gt;</pubDate></item>`,
      ),
      ctx(),
    );
    expect(items.map((entry) => entry.publishedAt)).toEqual(['2026-11-20T10:00:00.000Z', '2026-11-21T08:00:00.000Z', '2026-11-22T08:00:00.000Z']);
  });

  it.each(['yesterday', 'Tue, 24 Xyz 2026 09:05:00 GMT', '31 Feb 2026', 'Mon, 06 Jul 2026 14:30:00 Mars/Olympus', '24 Novel 2026'])(
    'gives null, never a guess, for %s',
    (input) => {
      expect(parseFeedDate(input)).toBeNull();
    },
  );
});

describe('namespaced elements never shadow the plain element of the same local name', () => {
  it.each([
    ['media:title before title', '<media:title>Video: officer interview</media:title><title>Pensioner conned by fake detective</title><link>https://p.example/a</link>'],
    ['media:title after title', '<title>Pensioner conned by fake detective</title><media:title>Video: officer interview</media:title><link>https://p.example/a</link>'],
    ['itunes:title before title', '<itunes:title>Episode 12</itunes:title><title>Pensioner conned by fake detective</title><link>https://p.example/a</link>'],
    ['atom:link before link', '<atom:link href="https://p.example/feed" rel="self"/><title>Pensioner conned by fake detective</title><link>https://p.example/a</link>'],
    ['atom:link after link, dc:creator beside', '<title>Pensioner conned by fake detective</title><link>https://p.example/a</link><atom:link href="https://p.example/other"/><dc:creator>Press office</dc:creator>'],
  ])('%s', (_name, inner) => {
    const [entry] = parseFeed(rss(`<item>${inner}</item>`), ctx());
    expect(entry?.title).toBe('Pensioner conned by fake detective');
    expect(entry?.url).toBe('https://p.example/a');
  });

  it('reads content:encoded as the body, not a description of the same local name elsewhere', () => {
    const [entry] = parseFeed(rss(`<item><title>T</title><link>https://p.example/a</link><media:description>Thumbnail caption</media:description><description>Short summary</description><content:encoded><![CDATA[<p>The full story.</p>]]></content:encoded></item>`), ctx());
    expect(entry?.text).toBe('The full story.');
  });
});

describe('relative links: xml:base on an Atom feed or entry, otherwise the feed URL', () => {
  const atom = (feedBase: string, entryBase: string, href: string) =>
    `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"${feedBase}><title>F</title><entry${entryBase}><title>Story</title><link href="${href}"/><updated>2026-11-24T09:05:00Z</updated></entry></feed>`;
  it.each([
    ['feed xml:base', atom(' xml:base="https://paper.example/crime/"', '', 'story-1'), 'https://paper.example/crime/story-1'],
    ['entry xml:base relative to the feed base', atom(' xml:base="https://paper.example/"', ' xml:base="news/"', 'story-2'), 'https://paper.example/news/story-2'],
    ['entry xml:base alone', atom('', ' xml:base="https://other.example/a/"', '../b/story-3'), 'https://other.example/b/story-3'],
    ['no xml:base: the feed URL', atom('', '', '/news/story-4'), 'https://police.example.uk/news/story-4'],
    ['absolute link ignores the base', atom(' xml:base="https://paper.example/"', '', 'https://elsewhere.example/x'), 'https://elsewhere.example/x'],
  ])('%s', (_name, xml, expected) => {
    expect(parseFeed(xml, ctx())[0]?.url).toBe(expected);
  });

  it('resolves a relative RSS link against the feed URL', () => {
    expect(parseFeed(rss(item('A', '/news/2026/a')), ctx())[0]?.url).toBe('https://police.example.uk/news/2026/a');
  });
});

describe('empty feeds are zero items; pages that are not feeds are errors; feeds sent as HTML are feeds', () => {
  it.each([
    ['an empty channel', rss('')],
    ['a self-closed channel', '<?xml version="1.0"?><rss version="2.0"><channel/></rss>'],
    ['an rss with no channel', '<rss version="2.0"></rss>'],
    ['an empty Atom feed', '<feed xmlns="http://www.w3.org/2005/Atom"><title>Nothing yet</title></feed>'],
    ['an empty RDF', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"/></rdf:RDF>'],
  ])('%s is zero items', (_name, xml) => {
    expect(parseFeed(xml, ctx({ contentType: 'application/rss+xml', expect: 'feed' }))).toEqual([]);
  });

  it.each([
    ['a 200 error page labelled as RSS', '<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Something went wrong</h1></body></html>', 'application/rss+xml'],
    ['a cookie wall labelled as XML', '<html><body><div class="cookie">Accept cookies</div></body></html>', 'text/xml'],
    ['a bare body fragment', '<body><p>Maintenance</p></body>', 'application/atom+xml'],
    ['plain text', 'Service unavailable', 'application/rss+xml'],
  ])('%s is "not a feed"', (_name, body, contentType) => {
    const read = () => parseFeed(body, ctx({ contentType, expect: 'feed' }));
    expect(read).toThrow(ParseError);
    try {
      read();
    } catch (error) {
      expect((error as ParseError).code).toBe('not_a_feed');
    }
  });

  it.each(['text/html', 'text/html; charset=utf-8', 'text/plain', 'application/octet-stream'])('reads a feed served as %s', (contentType) => {
    expect(parseFeed(rss(item('Courier fraud in Bath')), ctx({ contentType, expect: 'feed' })).map((entry) => entry.title)).toEqual(['Courier fraud in Bath']);
  });

  it('names the feeds an HTML page links to, for autodiscovery', () => {
    const page = '<html><head><link rel="alternate" type="application/rss+xml" href="/news/feed.xml"><link rel="alternate" type="application/atom+xml" href="https://p.example/atom"></head><body></body></html>';
    try {
      parseFeed(page, ctx({ expect: 'feed' }));
      expect.unreachable();
    } catch (error) {
      expect((error as ParseError).feedLinks).toEqual(['https://police.example.uk/news/feed.xml', 'https://p.example/atom']);
    }
  });
});

describe('a bare "&" or an undeclared HTML entity keeps the items, with a warning', () => {
  it.each([
    ['a bare & in a title', item('Fish & chips shop owner warns of fake police')],
    ['a bare & in a link query', item('Warning', 'https://p.example/a?x=1&y=2')],
    ['&nbsp; and &pound; undeclared', item('Lost&nbsp;&pound;5,000 to fake police')],
    ['a bare & next to good entities', item('A &amp; B & C &lt;3')],
  ])('%s', (_name, inner) => {
    const parsed = parseFeedDocument(rss(inner + item('Second story', 'https://p.example/b')), ctx());
    expect(parsed.items).toHaveLength(2);
    if (inner.includes('&nbsp;') || !/&(?![a-z#]+;)/.test(inner)) expect(parsed.warnings).toEqual([]);
    else expect(parsed.warnings.join(' ')).toMatch(/bare "&"/);
  });

  it('reads the entity text as a reader would', () => {
    const [entry] = parseFeed(rss(item('Lost&nbsp;&pound;5,000 & more')), ctx());
    expect(entry?.title).toBe('Lost £5,000 & more');
  });

  it('still refuses broken structure rather than guessing (a truncated item)', () => {
    expect(() => parseFeed('<rss><channel><item><title>A & B</title></rss>', ctx())).toThrow(/malformed XML/);
  });
});

describe('a guid that is not a URL is never a link', () => {
  it.each([
    ['a number', '<guid>488123</guid>'],
    ['a tag URI', '<guid>tag:police.example.uk,2026:488123</guid>'],
    ['a path-like id', '<guid isPermaLink="true">news/488123</guid>'],
    ['a UUID marked not a permalink', '<guid isPermaLink="false">6f1c9b2e-0000-4000-8000-000000000001</guid>'],
  ])('%s: the item keeps its own link', (_name, guid) => {
    const [entry] = parseFeed(rss(`<item><title>Story</title>${guid}<link>https://p.example/story</link></item>`), ctx());
    expect(entry?.url).toBe('https://p.example/story');
  });

  it('drops an item whose only "link" would be a guid that is not a URL', () => {
    expect(parseFeed(rss('<item><title>Story</title><guid>488123</guid></item>'), ctx())).toEqual([]);
  });

  it('uses a guid that is a URL when the item has no link', () => {
    expect(parseFeed(rss('<item><title>Story</title><guid>https://p.example/s/1</guid></item>'), ctx())[0]?.url).toBe('https://p.example/s/1');
  });
});

describe('canonical URLs drop tracking parameters and keep the page-identifying ones', () => {
  it.each([
    ['https://p.example/a?utm_source=rss&utm_medium=feed', 'https://p.example/a'],
    ['https://p.example/a?at_medium=RSS&at_campaign=KARANGA&id=5', 'https://p.example/a?id=5'],
    ['https://p.example/a?fbclid=IwAR0&gclid=Cj0&page=2', 'https://p.example/a?page=2'],
    ['https://p.example/a?mc_cid=1&mc_eid=2&p=77', 'https://p.example/a?p=77'],
    ['https://p.example/a?ncid=x&ocid=y&cmpid=z&article=9#comments', 'https://p.example/a?article=9'],
    ['https://p.example/a?UTM_Source=x&msclkid=1&_hsenc=2', 'https://p.example/a'],
  ])('%s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });
});

describe('news-listing card shapes real CMSs use', () => {
  const page = (cards: string) =>
    `<!DOCTYPE html><html><head><title>News</title></head><body><header><nav><a href="/news/">News</a></nav></header><main><h1>News</h1><h2><a href="/news/x/news/">News</a></h2>${cards}<p><a href="https://share.example/?u=1">Share</a></p></main><footer><h3><a href="/news/x/contact/">Contact us</a></h3></footer></body></html>`;
  const listing = (cards: string) =>
    parseFeed(page(cards), { sourceId: 'x:news', url: 'https://force.example/news/x/news/', contentType: 'text/html' }).map((entry) => [entry.title, entry.publishedAt, entry.text]);

  it.each([
    ['h3 > a, date after', '<li><h3><a href="/news/x/news/2026/a/">Fake police in Leigh</a></h3><p>Published: 10:00 24/11/2026</p><p>Residents called.</p></li>', ['Fake police in Leigh', '2026-11-24T10:00:00.000Z', 'Residents called.']],
    ['h2 > a, date before', '<article><p>Published: 10:00 24/11/2026</p><h2><a href="/news/x/news/2026/b/">Courier fraud in Wigan</a></h2><p>Two victims.</p></article>', ['Courier fraud in Wigan', '2026-11-24T10:00:00.000Z', 'Two victims.']],
    ['h4 > a, no summary', '<li><h4><a href="/news/x/news/2026/c/">Bogus officers in Bolton</a></h4><span>24 November 2026</span></li>', ['Bogus officers in Bolton', '2026-11-24T00:00:00.000Z', '24 November 2026']],
    ['heading inside the link (whole-card link)', '<article><a href="/news/x/news/2026/d/"><h3>Card cloned scam in Bury</h3><time datetime="2026-11-24T09:30:00Z">24 Nov</time></a></article>', ['Card cloned scam in Bury', '2026-11-24T09:30:00.000Z', '24 Nov']],
    ['time element before the heading', '<div class="card"><time datetime="2026-07-01T08:00:00+01:00">1 July</time><h3><a href="/news/x/news/2026/e/">Gold bar scam in Sale</a></h3></div>', ['Gold bar scam in Sale', '2026-07-01T07:00:00.000Z', '1 July']],
  ])('%s', (_name, card, expected) => {
    expect(listing(card)).toEqual([expected]);
  });

  it('never takes page furniture ("News", "Share", navigation, the footer) as an item', () => {
    const furniture = '<li><h3><a href="/news/x/news/latest/">Latest news</a></h3></li><li><h3><a href="/news/x/news/2026/f/">Share</a></h3></li><li><h3><a href="/news/">All news</a></h3></li>';
    expect(listing(furniture)).toEqual([]);
  });
});

describe('Google News: the outlet is shown, not part of the headline, and one story is one report', () => {
  const gn = (title: string, outlet: string, n: number) =>
    `<item><title>${title} - ${outlet}</title><link>https://news.google.com/rss/articles/CBMi${n}?oc=5</link><guid isPermaLink="false">CBMi${n}</guid><pubDate>Tue, 24 Nov 2026 0${n}:00:00 GMT</pubDate><description>&lt;a href="https://news.google.com/rss/articles/CBMi${n}"&gt;${title}&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;${outlet}&lt;/font&gt;</description><source url="https://${outlet.toLowerCase().replace(/\W+/g, '')}.example">${outlet}</source></item>`;

  it('strips " - Outlet" from the title and keeps the outlet', () => {
    const [entry] = parseFeed(rss(gn('Fake police officers target Clacton pensioners', 'Essex Echo', 1)), ctx({ url: 'https://news.google.com/rss/search?q=x' }));
    expect(entry?.title).toBe('Fake police officers target Clacton pensioners');
    expect(entry?.outlet).toBe('Essex Echo');
  });

  it('keeps a dash that is part of the headline', () => {
    const [entry] = parseFeed(rss(gn('Courier fraud - what you need to know', 'Daily Gazette', 1)), ctx());
    expect(entry?.title).toBe('Courier fraud - what you need to know');
  });

  it('makes one item of one story syndicated to five papers, naming them all', () => {
    const outlets = ['Essex Echo', 'Colchester Gazette', 'Clacton Gazette', 'Harwich Standard', 'BBC News'];
    const items = parseFeed(rss(outlets.map((outlet, n) => gn('Fake police officers target Clacton pensioners', outlet, n + 1)).join('') + gn('Another story entirely', 'BBC News', 7)), ctx());
    expect(items.map((entry) => entry.title)).toEqual(['Fake police officers target Clacton pensioners', 'Another story entirely']);
    expect(items[0]?.outlet).toBe(outlets.join(', '));
  });
});

describe('descriptions as text, whichever way they are read (plain markup by regex, the rest by the HTML parser)', () => {
  it.each([
    ['<p>Two victims.</p><p>Call 101.</p>', 'Two victims. Call 101.'],
    ['Lost <b>£5,000</b> to a <a href="https://p.example/x?a=1">fake officer</a>', 'Lost £5,000 to a fake officer'],
    ['<p>Seen</p><script>alert("x")</script><style>p{}</style>', 'Seen'],
    ['Caller said 5 < 6<br/>and hung up', 'Caller said 5 < 6 and hung up'],
    ['<a title="a>b">kept</a> text', 'kept text'],
    ['Fish &amp; chips &pound;5&nbsp;only', 'Fish & chips £5 only'],
    ['<p>one</p><!-- note --><p>two</p>', 'one two'],
  ])('%s', (html, text) => {
    expect(parseFeed(rss(`<item><title>T</title><link>https://p.example/a</link><description><![CDATA[${html}]]></description></item>`), ctx())[0]?.text).toBe(text);
  });
});
