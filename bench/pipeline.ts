/**
 * The watcher's whole pipeline — parse → detect → match → spate — over 46 sources × 50 items of generated RSS,
 * as items per second and as a ratio to raw parsing alone by the popular `rss-parser` package, measured in the same
 * run (median of repeated runs). `npx tsx bench/pipeline.ts`, or through `npm run bench`.
 */
import { hrtime } from 'node:process';
import Parser from 'rss-parser';
import { analyzeForSpates } from '../src/core/detect/screen-article.ts';
import { findSpates } from '../src/core/detect/find-spates.ts';
import { gbGazetteer } from '../src/core/geo/gazetteer-gb.ts';
import type { WatchedPerson } from '../src/core/geo/watched-person.ts';
import { parseFeed } from '../src/core/sources/parse-feed.ts';
import type { FeedItem } from '../src/core/sources/source.ts';
import { generateFeeds, ITEMS_PER_SOURCE, SOURCE_COUNT, type GeneratedSource } from './pipeline-feeds.ts';

export const name = 'pipeline';
const RUNS = 7;

function elapsedMs(start: bigint): number {
  return Number(hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timeRuns(task: () => Promise<unknown> | unknown): Promise<number> {
  await task(); // warm-up: JIT and the gazetteer's first build are not the steady state
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = hrtime.bigint();
    await task();
    times.push(elapsedMs(start));
  }
  return median(times);
}

export async function run(): Promise<Record<string, string | number>[]> {
  const now = Date.now();
  const feeds = generateFeeds(now);
  const gazetteer = gbGazetteer();
  const people: WatchedPerson[] = feeds.map((feed, index) => {
    const at = gazetteer.lookup(feed.town);
    if (!at) throw new Error(`bench town not in the gazetteer: ${feed.town}`);
    return { id: `p${index}`, name: `Person ${index}`, postcode: 'X', lat: at.lat, lng: at.lng, forceId: `force-${index}`, radiusKm: 15 };
  });
  const forceOfSource = new Map(feeds.map((feed, index) => [feed.sourceId, `force-${index}`]));
  const rssParser = new Parser();
  const totalItems = SOURCE_COUNT * ITEMS_PER_SOURCE;

  const parseAll = (sources: GeneratedSource[]): FeedItem[] =>
    sources.flatMap((feed) => parseFeed(feed.xml, { sourceId: feed.sourceId, url: feed.url, contentType: 'application/rss+xml' }));
  let lastResult: ReturnType<typeof findSpates> | undefined;
  const pipeline = (): void => {
    const items = parseAll(feeds);
    lastResult = findSpates({
      items,
      people,
      previous: [],
      now,
      analyze: (text, options) => analyzeForSpates(text, { title: options.title, gazetteer }),
      gazetteer,
      forceIdOfSource: (sourceId) => forceOfSource.get(sourceId),
    });
  };

  const rssParserMs = await timeRuns(async () => {
    for (const feed of feeds) await rssParser.parseString(feed.xml);
  });
  const parseMs = await timeRuns(() => parseAll(feeds));
  const pipelineMs = await timeRuns(pipeline);

  const perSecond = (ms: number): number => Math.round((totalItems / ms) * 1000);
  return [
    { stage: 'rss-parser: parse only (baseline)', items: totalItems, 'median ms': round(rssParserMs), 'items/s': perSecond(rssParserMs), 'ratio to baseline': 1 },
    { stage: 'Kinwatch: parse only', items: totalItems, 'median ms': round(parseMs), 'items/s': perSecond(parseMs), 'ratio to baseline': round(parseMs / rssParserMs, 2) },
    {
      stage: `Kinwatch: parse → detect → match (${people.length} people) → spates (${lastResult?.spates.length ?? 0})`,
      items: totalItems,
      'median ms': round(pipelineMs),
      'items/s': perSecond(pipelineMs),
      'ratio to baseline': round(pipelineMs / rssParserMs, 2),
    },
  ];
}

function round(value: number, digits = 1): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

if (process.argv[1]?.endsWith('pipeline.ts')) {
  console.log(`\nPipeline: ${SOURCE_COUNT} sources × ${ITEMS_PER_SOURCE} items, median of ${RUNS} runs`);
  console.table(await run());
}
