import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseError, parseFeed } from '../../../src/core/sources/parse-feed.ts';

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8');
}

describe('RSS 2.0 (Met-style newsroom feed)', () => {
  const items = parseFeed(fixture('met-news.rss.xml'), {
    sourceId: 'metropolitan:rss',
    url: 'https://news.met.police.uk/rss/current_news/66871',
    contentType: 'application/rss+xml; charset=utf-8',
  });

  it('reads every item with a usable link, as plain text, with UTC dates', () => {
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual({
      sourceId: 'metropolitan:rss',
      url: 'https://news.met.police.uk/news/warning-after-elderly-residents-in-bromley-targeted-by-courier-fraudsters-488123',
      title: 'Warning after elderly residents in Bromley targeted by courier fraudsters posing as police',
      text: 'Officers in Bromley are warning residents after six elderly people were called by fraudsters claiming to be detectives from the Met. In two cases a courier was sent to collect bank cards & PINs.',
      publishedAt: '2026-11-24T09:05:00.000Z',
    });
  });

  it('strips utm_* parameters and fragments but keeps other query parameters', () => {
    expect(items[1]?.url).toBe('https://news.met.police.uk/news/man-charged-after-safe-account-fraud-488100');
    expect(items[2]?.url).toBe('https://news.met.police.uk/news/appeal-following-collision-in-hackney-488090?page=2');
    for (const item of items) expect(item.url).not.toMatch(/utm_|#/);
  });

  it('turns HTML in titles and descriptions into text, and never keeps script', () => {
    expect(items[1]?.title).toBe('Man charged after "safe account" fraud in Croydon & Sutton');
    expect(items[1]?.text).toBe('A 24-year-old man has been charged after a woman in her 80s was told to move £40,000 to a "safe account".');
    expect(items.map((item) => item.text).join(' ')).not.toMatch(/alert|<|>/);
  });

  it('reads BST dates in RFC 822 as UTC+1', () => {
    expect(items[1]?.publishedAt).toBe('2026-07-06T13:30:00.000Z');
  });

  it('drops an item whose only link is javascript:', () => {
    expect(items.map((item) => item.title)).not.toContain('Click here');
    expect(items.some((item) => item.url.startsWith('javascript:'))).toBe(false);
  });
});

describe('RSS 1.0 / RDF', () => {
  it('reads items beside the channel, with dc:date', () => {
    const items = parseFeed(fixture('neighbourhood-alert.rdf.xml'), { sourceId: 'custom:1', url: 'https://alerts.example.org/rss' });
    expect(items.map((item) => [item.url, item.publishedAt])).toEqual([
      ['https://alerts.example.org/alert/9001', '2026-11-23T16:40:00.000Z'],
      ['https://alerts.example.org/alert/9002', '2026-11-20T09:00:00.000Z'],
    ]);
    expect(items[0]?.title).toBe('Courier fraud warning: callers claiming to be from Colchester Police Station');
    expect(items[0]?.text).toContain('Wivenhoe and Rowhedge');
  });
});

describe('Atom 1.0', () => {
  const items = parseFeed(fixture('local-paper.atom.xml'), {
    sourceId: 'custom:2',
    url: 'https://gazette.example.co.uk/crime/feed.atom',
    contentType: 'application/atom+xml',
  });

  it('takes the alternate link, resolves relative links against the feed URL, and prefers published', () => {
    expect(items[0]?.url).toBe('https://gazette.example.co.uk/news/crime/7781-fraudsters-posing-as-police/');
    expect(items[0]?.publishedAt).toBe('2026-11-23T19:12:00.000Z');
    expect(items[1]?.url).toBe('https://gazette.example.co.uk/crime/news/council/7770-cycle-lane/');
  });

  it('reads type="html" as HTML to strip and type="text" as literal text', () => {
    expect(items[0]?.title).toBe('Fraudsters posing as police con pensioner out of £12,000 in Clacton');
    expect(items[0]?.text).toBe('A woman in her 70s was told her card had been cloned and a "courier" would collect it.');
    expect(items[1]?.title).toBe('Council approves new cycle lane <for> the High Street');
  });

  it('keeps the words of xhtml content in order', () => {
    expect(items[1]?.text).toBe('The plan was approved on Tuesday.');
  });

  it('reads a zone-less date as UK local time', () => {
    expect(items[1]?.publishedAt).toBe('2026-07-01T11:00:00.000Z');
  });
});

describe('Single Online Home news listing', () => {
  const items = parseFeed(fixture('essex-news-listing.html'), {
    sourceId: 'essex:news',
    url: 'https://www.essex.police.uk/news/essex/news/',
    contentType: 'text/html; charset=utf-8',
  });

  it('reads the stories and ignores cookie banner, navigation, filter form and footer headings', () => {
    expect(items.map((item) => item.title)).toEqual([
      'Courier fraud warning after Wivenhoe residents targeted',
      'Appeal after burglary in Colchester & Lexden',
      'Man charged with fraud offences',
    ]);
  });

  it('gives absolute canonical links and the summary line as text', () => {
    expect(items[0]?.url).toBe('https://www.essex.police.uk/news/essex/news/news/2026/november/courier-fraud-warning-after-wivenhoe-residents-targeted/');
    expect(items[0]?.text).toBe('We’re urging people to be on their guard after three residents were called by someone claiming to be a police officer.');
    expect(items[2]?.url).toBe('https://www.essex.police.uk/news/essex/news/news/2026/march/man-charged-with-fraud-offences/');
    expect(items[2]?.text).toBe('');
  });

  it('reads "Published: HH:MM DD/MM/YYYY" as Europe/London time (GMT in winter, BST in summer)', () => {
    expect(items.map((item) => item.publishedAt)).toEqual([
      '2026-11-24T10:32:00.000Z',
      '2026-07-06T13:05:00.000Z',
      // 00:30 on the morning the clocks go forward is still GMT.
      '2026-03-29T00:30:00.000Z',
    ]);
  });

  it('is recognised from the markup even without a Content-Type', () => {
    const again = parseFeed(fixture('essex-news-listing.html'), { sourceId: 'essex:news', url: 'https://www.essex.police.uk/news/essex/news/' });
    expect(again).toHaveLength(3);
  });
});

describe('Single Online Home listing, date-first layout (Kent "latest")', () => {
  const items = parseFeed(fixture('kent-latest-listing.html'), {
    sourceId: 'kent:news',
    url: 'https://www.kent.police.uk/news/kent/latest/',
    contentType: 'text/html',
  });

  it('reads stories whose card header holds the date before the heading, inside a page-wide form', () => {
    expect(items.map((item) => [item.title, item.publishedAt])).toEqual([
      ['Warning issued after fraudsters target elderly in Tunbridge Wells', '2026-11-23T16:45:00.000Z'],
      ['Road closure on the A2 <overnight>', '2026-11-21T08:10:00.000Z'],
    ]);
    expect(items[0]?.url).toBe('https://www.kent.police.uk/news/kent/news/news/2026/november/warning-issued-after-fraudsters-target-elderly-in-tunbridge-wells/');
  });

  it('keeps each card’s text to its own story', () => {
    expect(items[0]?.text).toBe('Fraud Tunbridge Wells Officers are appealing to families to talk to older relatives after callers claiming to be from the Met asked for bank cards.');
    expect(items[1]?.text).toBe('');
  });
});

describe('format detection', () => {
  it('reads RSS served as text/html, and an old RSS 0.91 DOCTYPE', () => {
    const rss091 = `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>t</title><item><title>Old &amp; fine</title><link>https://example.org/a</link></item></channel></rss>`;
    const items = parseFeed(rss091, { sourceId: 's', url: 'https://example.org/rss', contentType: 'text/html; charset=iso-8859-1' });
    expect(items.map((item) => item.title)).toEqual(['Old & fine']);
  });

  it('reads an XHTML listing page served as XML', () => {
    const xhtml = `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><main>
<h3><a href="/news/x/news/a/">Scam calls in Hitchin</a></h3><p>Published: 10:00 01/12/2026</p></main></body></html>`;
    const items = parseFeed(xhtml, { sourceId: 's', url: 'https://example.org/news/x/news/', contentType: 'application/xhtml+xml' });
    expect(items.map((item) => [item.title, item.publishedAt])).toEqual([['Scam calls in Hitchin', '2026-12-01T10:00:00.000Z']]);
  });
});

describe('bad input', () => {
  it('reports malformed XML as a ParseError naming the source, not a crash', () => {
    const broken = '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Unclosed</channel></rss>';
    expect(() => parseFeed(broken, { sourceId: 'kent:news', url: 'https://example.org/rss' })).toThrow(ParseError);
    expect(() => parseFeed(broken, { sourceId: 'kent:news', url: 'https://example.org/rss' })).toThrow(/^malformed XML at line 1/);
  });

  it('says what it got when the document is XML but not a feed', () => {
    expect(() => parseFeed('<html-ish><p/></html-ish>', { sourceId: 's', url: 'https://example.org/', contentType: 'application/xml' })).toThrow(
      /not a feed: root element <html-ish>/,
    );
    expect(() => parseFeed('   ', { sourceId: 's', url: 'https://example.org/', contentType: 'application/xml' })).toThrow(/empty/);
  });

  it('does not expand an entity bomb (billion laughs)', () => {
    const levels = ['<!ENTITY lol0 "lollollollollollollollollollol">'];
    for (let level = 1; level <= 9; level++) {
      levels.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
    }
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE rss [${levels.join('')}]>
<rss version="2.0"><channel><title>Bomb</title>
<item><title>Boom &lol9;</title><link>https://example.org/a</link><description>&lol9;&lol9;</description></item>
</channel></rss>`;
    const items = parseFeed(bomb, { sourceId: 'custom:bomb', url: 'https://example.org/rss' });
    expect(items).toHaveLength(1);
    // Left as literal text, never expanded to 10^9 "lol"s.
    expect(items[0]?.title.length).toBeLessThan(100);
    expect(items[0]?.text.length).toBeLessThan(100);
    expect(items[0]?.title).toContain('&lol9;');
  });

  it('never resolves external entities (XXE)', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>Leak &secret;</title><link>https://example.org/a</link></item></channel></rss>`;
    // Refused outright with a clear error: the document is never read with the file's content in it.
    expect(() => parseFeed(xxe, { sourceId: 'custom:xxe', url: 'https://example.org/rss' })).toThrow(
      /^invalid XML: External entities are not supported/,
    );
  });

  it('decodes numeric character references and the five XML entities, nothing else', () => {
    const xml = `<rss version="2.0"><channel><item><title>Caf&#233; &#x2014; &quot;fish&quot; &amp; chips &apos;n&apos; &nbsp;</title><link>https://example.org/a</link></item></channel></rss>`;
    const [item] = parseFeed(xml, { sourceId: 's', url: 'https://example.org/rss' });
    // "&nbsp;" is not an XML entity: left as text by the XML layer, then read as HTML in the title (a space).
    expect(item?.title).toBe('Café — "fish" & chips \'n\'');
  });
});
