/**
 * The watcher's whole pipeline — parse → detect → match → spate — over 46 sources × 50 items of generated RSS,
 * as items per second and as a ratio to raw parsing alone by the popular `rss-parser` package, measured in the same
 * run (median of repeated runs). Twice: with one item in 5 a courier-fraud report (a week of spates everywhere),
 * and with one in 25 (nearer a normal week of force news). Goals: parsing at most 1.0× rss-parser, the whole
 * pipeline at most 1.5×. `npx tsx bench/pipeline.ts`, or through `npm run bench`.
 */
import { hrtime } from 'node:process';
import Parser from 'rss-parser';
import { analyzeForSpates } from '../src/core/detect/screen-article.ts';
import { findSpates } from '../src/core/spates/find-spates.ts';
import { gbGazetteer } from '../src/core/geo/gazetteer-gb.ts';
import type { WatchedPerson } from '../src/core/geo/watched-person.ts';
import { parseFeed } from '../src/core/sources/parse-feed.ts';
import type { FeedItem } from '../src/core/sources/source.ts';
import { generateFeeds, ITEMS_PER_SOURCE, SOURCE_COUNT, type GeneratedSource } from './pipeline-feeds.ts';

export const name = 'pipeline';
const RUNS = 9;

function elapsedMs(start: bigint): number {
  return Number(hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Times each task once per round, all tasks in the same round back to back, and gives each task's median time and
 * its median ratio to the first task (the baseline) over the rounds. On a shared machine the load drifts between
 * rounds; a ratio taken within one round compares like with like.
 */
async function timeRounds(tasks: Array<() => Promise<unknown> | unknown>): Promise<{ ms: number[]; ratio: number[] }> {
  for (const task of tasks) await task(); // warm-up: JIT and the gazetteer's first build are not the steady state
  const times: number[][] = tasks.map(() => []);
  for (let round = 0; round < RUNS; round++) {
    for (const [index, task] of tasks.entries()) {
      const start = hrtime.bigint();
      await task();
      times[index]!.push(elapsedMs(start));
    }
  }
  return {
    ms: times.map(median),
    ratio: times.map((row) => median(row.map((value, round) => value / times[0]![round]!))),
  };
}

export async function run(): Promise<Record<string, string | number>[]> {
  const now = Date.now();
  const feeds = generateFeeds(now);
  const normalWeek = generateFeeds(now, 25);
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
  const pipeline = (sources: GeneratedSource[] = feeds): void => {
    const items = parseAll(sources);
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

  let spatesHeavy = 0;
  let spatesNormal = 0;
  const {
    ms: [rssParserMs = 0, parseMs = 0, pipelineMs = 0, normalMs = 0],
    ratio: [, parseRatio = 0, pipelineRatio = 0, normalRatio = 0],
  } = await timeRounds([
    async () => {
      for (const feed of feeds) await rssParser.parseString(feed.xml);
    },
    () => parseAll(feeds),
    () => {
      pipeline(feeds);
      spatesHeavy = lastResult?.spates.length ?? 0;
    },
    () => {
      pipeline(normalWeek);
      spatesNormal = lastResult?.spates.length ?? 0;
    },
  ]);

  const perSecond = (ms: number): number => Math.round((totalItems / ms) * 1000);
  return [
    { stage: 'rss-parser: parse only (baseline)', items: totalItems, 'median ms': round(rssParserMs), 'items/s': perSecond(rssParserMs), 'ratio to baseline': 1 },
    { stage: 'Kinwatch: parse only', items: totalItems, 'median ms': round(parseMs), 'items/s': perSecond(parseMs), 'ratio to baseline': round(parseRatio, 2) },
    {
      stage: `Kinwatch: parse → detect → match (${people.length} people) → spates (${spatesHeavy}), 1 in 5 relevant`,
      items: totalItems,
      'median ms': round(pipelineMs),
      'items/s': perSecond(pipelineMs),
      'ratio to baseline': round(pipelineRatio, 2),
    },
    {
      stage: `Kinwatch: the same, 1 in 25 relevant (spates ${spatesNormal})`,
      items: totalItems,
      'median ms': round(normalMs),
      'items/s': perSecond(normalMs),
      'ratio to baseline': round(normalRatio, 2),
    },
  ];
}

function round(value: number, digits = 1): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

if (process.argv[1]?.endsWith('pipeline.ts')) {
  console.log(`\nPipeline: ${SOURCE_COUNT} sources × ${ITEMS_PER_SOURCE} items, median of ${RUNS} rounds, ratios taken within each round`);
  console.table(await run());
}
