import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/core/sources/parse-feed.ts';
import { googleNewsSource, sourcesForForce } from '../../../src/core/sources/force-registry.ts';
import { forceById } from '../../../src/core/sources/force-registry.ts';
import type { FeedItem } from '../../../src/core/sources/source.ts';
import type { WatchedPerson } from '../../../src/core/geo/watched-person.ts';
import { createSpateDetector } from '../../../src/core/watcher/spate-detector.ts';
import { reportCount } from '../../../src/core/spates/wording.ts';
import { sourceAttribution } from '../../../src/core/spates/source-attribution.ts';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const mum: WatchedPerson = { id: 'mum', name: 'Mum', postcode: 'CO7 6AA', lat: 51.8566, lng: 0.9595, forceId: 'essex', placeName: 'Wivenhoe', radiusKm: 25 };
const essexNews = sourcesForForce('essex', { includeGoogleNews: false })[0]!;
const googleNews = googleNewsSource(forceById('essex')!);

const HEADLINE = 'Fake police officers phone Colchester pensioners';
const STORY =
  'Pensioners in Colchester have been called by men claiming to be police officers, who asked for their bank card PIN and said a courier would collect the card.';
const PAPERS = ['Essex Live', 'Colchester Gazette', 'Daily Gazette', 'East Anglian Daily Times', 'Harwich and Manningtree Standard'];

/** A Google News search feed as it comes: the same story once per paper, " - Outlet" on each title, `<source>` naming it. */
function googleNewsFeed(papers: readonly string[]): string {
  const items = papers
    .map(
      (paper, index) =>
        `<item><title>${HEADLINE} - ${paper}</title><link>https://news.google.com/rss/articles/CBMi${index}story?oc=5</link>` +
        `<guid isPermaLink="false">CBMi${index}story</guid><pubDate>Mon, 30 Nov 2026 0${8 + index}:00:00 GMT</pubDate>` +
        `<description>${STORY}</description><source url="https://paper-${index}.example.co.uk">${paper}</source></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>"courier fraud" - Google News</title><link>https://news.google.com/</link><description>Google News</description>${items}</channel></rss>`;
}

async function detect(items: FeedItem[]) {
  const detector = createSpateDetector();
  return detector({ items, sources: [essexNews, googleNews], people: [mum], previous: [], now: NOW });
}

describe('one story syndicated by five papers is one report', () => {
  const items = parseFeed(googleNewsFeed(PAPERS), { sourceId: googleNews.id, url: googleNews.url, expect: 'feed' });

  it('through the detector: one spate, one report, its one source naming the five papers', async () => {
    const { spates, alerts } = await detect(items);
    expect(spates).toHaveLength(1);
    expect(alerts).toHaveLength(1);
    const [spate] = spates;
    expect(spate!.headline).toBe(HEADLINE);
    expect(spate!.sources).toEqual([
      { sourceId: 'google-news:essex', url: 'https://news.google.com/rss/articles/CBMi0story?oc=5', title: HEADLINE, publishedAt: '2026-11-30T08:00:00.000Z', outlet: PAPERS.join(', ') },
    ]);
    expect(spate!.counts.reports ?? 0).toBeLessThanOrEqual(1);
    expect(reportCount(spate!)).toBe('1 report');
    expect(sourceAttribution(spate!.sources[0]!)).toBe(`${PAPERS.join(', ')}, via Google News`);
  });

  it('beside the force\'s own article: the force\'s words lead, its source has no outlet, the papers\' has them', async () => {
    const force: FeedItem = {
      sourceId: essexNews.id,
      url: 'https://www.essex.police.uk/news/essex/news/news/2026/november/courier-fraud-colchester/',
      title: 'Warning after courier fraud calls to Colchester pensioners',
      text: STORY,
      publishedAt: '2026-11-30T07:30:00.000Z',
    };
    const { spates } = await detect([force, ...items]);
    expect(spates).toHaveLength(1);
    const [spate] = spates;
    expect(spate!.headline).toBe(force.title);
    expect(spate!.sources.map((source) => [source.title, source.outlet, sourceAttribution(source)])).toEqual([
      [force.title, undefined, 'Essex Police'],
      [HEADLINE, PAPERS.join(', '), `${PAPERS.join(', ')}, via Google News`],
    ]);
    // A force's source carries no outlet key at all: records stay as they were before outlets existed.
    expect(Object.keys(spate!.sources[0]!)).not.toContain('outlet');
    expect(reportCount(spate!)).toBe('2 reports');
  });
});
