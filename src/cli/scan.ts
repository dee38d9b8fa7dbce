/**
 * `npm run scan -- --postcode "CO7 6AA" [--radius 15] [--source URL ...] [--no-force-sources] [--once] [--interval 15m]`
 * Polls the police sources for a postcode and prints the courier-fraud spates near it: the watcher, without the
 * extension. Env: KINWATCH_POSTCODES_API overrides the postcodes.io base URL. Exit status: 0 after a check that read at
 * least one source (it says how many could not be reached), 3 with --once when no source could be read, 2 for a
 * wrong argument or postcode, 1 when the postcode service could not be reached.
 */
import { parseArgs } from 'node:util';
import type { Spate } from '../core/spates/spate.ts';
import { createPostcodeClient } from '../core/geo/postcodes.ts';
import { PostcodeLookupError } from '../core/geo/postcode-lookup-error.ts';
import { createWatchedPerson } from '../core/geo/watch-area.ts';
import type { WatchedPerson } from '../core/geo/watched-person.ts';
import { nodePlatform } from '../platform/node.ts';
import { createSpateDetector } from '../core/watcher/spate-detector.ts';
import type { SpateDetector } from '../core/watcher/poll-cycle.ts';
import { customFeedSource, CustomFeedUrlError, forceById, forceByPfa, neighboursOf, sourcesForForce } from '../core/sources/force-registry.ts';
import { checkCoverage, describeCoverage } from '../core/sources/check-coverage.ts';
import { alertableItems, stampFirstSeen } from '../core/sources/first-seen.ts';
import { pollSources } from '../core/sources/poll-sources.ts';
import type { FeedItem, Source, SourceHealth } from '../core/sources/source.ts';
import { describeImpersonated } from '../core/detect/impersonated-wording.ts';

const USAGE =
  'Usage: npm run scan -- --postcode "CO7 6AA" [--radius 15] [--source URL ...] [--no-force-sources] [--once] [--interval 15m]';

class UsageError extends Error {}

interface ScanOptions {
  postcode: string;
  radiusKm: number;
  customUrls: string[];
  forceSources: boolean;
  once: boolean;
  intervalMs: number;
}

function parseOptions(argv: string[]): ScanOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      postcode: { type: 'string' },
      radius: { type: 'string' },
      source: { type: 'string', multiple: true },
      'no-force-sources': { type: 'boolean' },
      once: { type: 'boolean' },
      interval: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.postcode?.trim()) throw new UsageError(`--postcode is required.\n${USAGE}`);
  const radiusKm = values.radius === undefined ? 15 : Number(values.radius);
  if (!Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > 100) throw new UsageError(`--radius must be a number of km between 1 and 100 (got "${values.radius}").`);
  return {
    postcode: values.postcode,
    radiusKm,
    customUrls: values.source ?? [],
    forceSources: !values['no-force-sources'],
    once: Boolean(values.once),
    intervalMs: parseInterval(values.interval ?? '15m'),
  };
}

/** "90s", "15m", "2h", or a bare number of minutes. At least a minute: sources are polled politely. */
function parseInterval(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/i.exec(text.trim());
  if (!match) throw new UsageError(`--interval must look like 15m, 1h or 90s (got "${text}").`);
  const unit = { s: 1_000, m: 60_000, h: 3_600_000 }[(match[2] ?? 'm').toLowerCase() as 's' | 'm' | 'h'];
  const ms = Number(match[1]) * unit;
  if (ms < 60_000) throw new UsageError(`--interval must be at least 1m (got "${text}").`);
  return ms;
}

/** Exit status when no source could be read: the scan did not look, which is not the same as "nothing found". */
const NO_SOURCE_READ = 3;

async function main(): Promise<number> {
  let options: ScanOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const postcodes = createPostcodeClient({
    fetch: nodePlatform.fetch,
    ...(process.env.KINWATCH_POSTCODES_API ? { baseUrl: process.env.KINWATCH_POSTCODES_API } : {}),
  });
  let person: WatchedPerson;
  let sources: Source[];
  try {
    person = await createWatchedPerson({ name: 'scan', postcode: options.postcode, radiusKm: options.radiusKm }, { postcodes, forceByPfa, neighboursOf });
    sources = [
      ...(options.forceSources ? sourcesForForce(person.forceId, { includeNeighbours: true, includeGoogleNews: true }) : []),
      ...options.customUrls.map((url) => customFeedSource(url)),
    ];
  } catch (error) {
    if (error instanceof PostcodeLookupError || error instanceof CustomFeedUrlError) {
      console.error(error.message);
      return error instanceof PostcodeLookupError && error.retryable ? 1 : 2;
    }
    throw error;
  }
  if (sources.length === 0) {
    console.error('Nothing to poll: give --source URL, or leave out --no-force-sources.');
    return 2;
  }
  const force = forceById(person.forceId);
  console.log(`Kinwatch scan: ${person.postcode}${person.placeName ? ` (${person.placeName})` : ''} — ${force?.name ?? person.forceId}, within ${person.radiusKm} km`);

  const state = { health: {} as Record<string, SourceHealth>, previous: [] as Spate[], itemsByUrl: new Map<string, FeedItem>() };
  // The watcher's own detection, villages looked up on postcodes.io as in the extension.
  const detect = createSpateDetector({ lookupPlace: postcodes.lookupPlace });
  for (let round = 0; ; round++) {
    const { anyRead } = await scanOnce(person, sources, detect, state, round === 0);
    // A check that could read nothing has not looked: say so in the exit status too, so a script never takes it for quiet.
    if (options.once) return anyRead ? 0 : NO_SOURCE_READ;
    console.log(`Next check in ${Math.round(options.intervalMs / 60_000)} min (Ctrl+C to stop).`);
    await nodePlatform.sleep(options.intervalMs);
  }
}

async function scanOnce(
  person: WatchedPerson,
  sources: Source[],
  detect: SpateDetector,
  state: { health: Record<string, SourceHealth>; previous: Spate[]; itemsByUrl: Map<string, FeedItem> },
  firstRound: boolean,
): Promise<{ anyRead: boolean }> {
  const labels = new Map(sources.map((source) => [source.id, source.label]));
  console.log(`Checking ${sources.length} source${sources.length === 1 ? '' : 's'}…`);
  const report = await pollSources(sources, state.health, {
    ...nodePlatform,
    onProgress: (sourceId, stage, result) => {
      const label = labels.get(sourceId) ?? sourceId;
      if (stage === 'ok') {
        const via = result?.health.answeredBy === 'listing' ? ' (from the news page: the feed did not answer)' : result?.health.answeredBy === 'discovered' ? ` (moved to ${result.health.movedTo ?? result.finalUrl})` : '';
        console.log(`✓ ${label} — ${result?.items?.length ?? 0} items${via}`);
      }
      else if (stage === 'not-modified') console.log(`✓ ${label} — no change (304 not modified)`);
      else if (stage === 'error') console.log(`✗ ${label} — ${result?.error ?? 'error'}${result?.errorCode ? ` [${result.errorCode}]` : ''}`);
      else if (stage === 'skipped') console.log(`… ${label} — resting after earlier errors`);
    },
  });
  const firstReads = new Set(sources.filter((source) => state.health[source.id]?.lastOkAt === undefined).map((source) => source.id));
  state.health = report.healthById;
  // A 304 source sends no items: keep what it gave before, so its spates stay in view. Undated items are dated by
  // their first sighting, and a source's first read is a baseline whose undated backlog never alerts.
  for (const polled of report.sources) {
    const fresh = polled.result?.items ?? [];
    const before = fresh.map((item) => state.itemsByUrl.get(item.url)).filter((item): item is FeedItem => item !== undefined);
    for (const item of stampFirstSeen(before, fresh, nodePlatform.clock.now(), firstReads.has(polled.source.id))) state.itemsByUrl.set(item.url, item);
  }
  const coverage = checkCoverage(sources, report.healthById);
  const verdict = describeCoverage(coverage);
  console.log(`Checked ${coverage.total} source${coverage.total === 1 ? '' : 's'}: ${coverage.read} read${verdict.detail ? `; ${verdict.detail}` : '.'}`);
  if (coverage.read === 0) {
    console.log(`No source could be read, so Kinwatch cannot say whether courier fraud is being reported near ${person.postcode}.`);
    return { anyRead: false };
  }

  const items = alertableItems([...state.itemsByUrl.values()]);
  const { spates, alerts } = await detect({ items, sources, people: [person], previous: state.previous, now: nodePlatform.clock.now() });
  state.previous = spates;
  const shown = firstRound ? spates : alerts;
  const partly = coverage.read < coverage.total ? ` in the ${coverage.read} of ${coverage.total} sources that could be read` : '';
  if (shown.length === 0) {
    console.log(firstRound ? `No courier-fraud spates reported near ${person.postcode}${partly}.` : `Nothing new${partly}.`);
    return { anyRead: true };
  }
  console.log(`\n${firstRound ? 'Spates' : 'New or escalated spates'} near ${person.postcode}${partly}:`);
  for (const spate of shown) console.log(describeSpate(spate, labels, (url) => state.itemsByUrl.get(url)?.outlet));
  return { anyRead: true };
}

function describeSpate(spate: Spate, labels: Map<string, string>, outletOf: (url: string) => string | undefined): string {
  const where = spate.places.length > 0 ? spate.places.join(', ') : 'no place named';
  const distance = spate.distanceKm !== undefined ? ` — ${spate.distanceKm.toFixed(1)} km away` : ' — in your police force area';
  const counts = [
    spate.counts.reports !== undefined ? `${spate.counts.reports} reports` : `${spate.sources.length} article${spate.sources.length === 1 ? '' : 's'}`,
    spate.counts.targeted !== undefined ? `${spate.counts.targeted} targeted` : undefined,
    spate.counts.victims !== undefined ? `${spate.counts.victims} victims` : undefined,
    spate.counts.lossGBP !== undefined ? `£${spate.counts.lossGBP.toLocaleString('en-GB')} lost` : undefined,
  ].filter(Boolean);
  return [
    `● ${spate.headline}  [${spate.severity} · ${spate.state}]`,
    `  Places: ${where}${distance}`,
    `  ${counts.join(' · ')}`,
    `  Tactics: ${spate.tactics.length > 0 ? spate.tactics.join(', ') : 'none named'}`,
    ...(spate.impersonated.length > 0 ? [`  Posing as: ${describeImpersonated(spate).roles}${spate.claimedAs?.length ? ` (calling themselves ${spate.claimedAs.join(', ')})` : ''}`] : []),
    `  First ${spate.firstSeen.slice(0, 10)}, last ${spate.lastSeen.slice(0, 10)}`,
    '  Sources:',
    ...spate.sources.map((source) => {
      const outlet = outletOf(source.url);
      return `    - ${labels.get(source.sourceId) ?? source.sourceId}: ${source.title}${outlet ? ` (${outlet})` : ''} <${source.url}>`;
    }),
    '',
  ].join('\n');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
