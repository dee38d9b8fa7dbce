/**
 * `npm run scan -- --postcode "CO7 6AA" [--radius 15] [--source URL ...] [--no-force-sources] [--once] [--interval 15m]`
 * Polls the police sources for a postcode and prints the courier-fraud spates near it: the watcher, without the
 * extension. Env: KINWATCH_POSTCODES_API overrides the postcodes.io base URL. Exit status: 0 after a check that read at
 * least one source (it says how many could not be reached), 3 with --once when no source could be read, 2 for a
 * wrong argument or postcode, 1 with --once when the postcode service could not be reached (without --once it asks
 * again at each interval).
 */
import { parseArgs } from 'node:util';
import type { Spate } from '../core/spates/spate.ts';
import { createPostcodeClient } from '../core/geo/postcodes.ts';
import { PostcodeLookupError } from '../core/geo/postcode-lookup-error.ts';
import { createWatchedPerson } from '../core/geo/watch-area.ts';
import type { WatchedPerson } from '../core/geo/watched-person.ts';
import { memoryStorage, nodePlatform } from '../platform/node.ts';
import { customFeedSource, CustomFeedUrlError, forceById, forceByPfa, neighboursOf, sourcesForKnownForce } from '../core/sources/force-registry.ts';
import { checkCoverage, describeCoverage } from '../core/sources/check-coverage.ts';
import type { Source } from '../core/sources/source.ts';
import { describeImpersonated } from '../core/detect/impersonated-wording.ts';
import { countOf } from '../core/plural.ts';
import { growthSince, harmParts, reportCount } from '../core/spates/wording.ts';
import { createWatcherBackground, type WatcherBackground } from '../core/watcher/watcher-background.ts';
import { customFeedOf, sourcesToPoll, type SourcesForForce } from '../core/watcher/source-plan.ts';
import type { WatcherStore } from '../core/watcher/watcher-state.ts';
import { createExtensionStore, migrateExtensionStore } from '../db/extension-store.ts';

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
  if (!match) throw new UsageError(`--interval must look like 15m, 1h or 90s, at least 1m (got "${text}").`);
  const unit = { s: 1_000, m: 60_000, h: 3_600_000 }[(match[2] ?? 'm').toLowerCase() as 's' | 'm' | 'h'];
  const ms = Number(match[1]) * unit;
  if (ms < 60_000) throw new UsageError(`--interval must be at least 1m (got "${text}").`);
  return ms;
}

/** "90 s", "15 min", "1 h 30 min": an interval as it was meant, not rounded to whole minutes. */
function describeInterval(ms: number): string {
  const seconds = Math.round(ms / 1_000);
  if (seconds % 60 !== 0) return `${seconds} s`;
  const minutes = seconds / 60;
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
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
  const postcodesBaseUrl = process.env.KINWATCH_POSTCODES_API;
  const postcodes = createPostcodeClient({ fetch: nodePlatform.fetch, ...(postcodesBaseUrl ? { baseUrl: postcodesBaseUrl } : {}) });
  let person: WatchedPerson | undefined;
  let customSources: Source[];
  try {
    customSources = options.customUrls.map((url) => customFeedSource(url));
  } catch (error) {
    if (!(error instanceof CustomFeedUrlError)) throw error;
    console.error(error.message);
    return 2;
  }
  // The postcode decides the force and the area, so nothing can be checked before it is located. Watching (no
  // --once), a postcode service that is down is asked again at each interval rather than ending the watch.
  while (person === undefined) {
    try {
      person = await createWatchedPerson({ name: 'scan', postcode: options.postcode, radiusKm: options.radiusKm }, { postcodes, forceByPfa, neighboursOf });
    } catch (error) {
      if (!(error instanceof PostcodeLookupError)) throw error;
      console.error(error.message);
      if (!error.retryable) return 2;
      if (options.once) return 1;
      console.error(`Nothing can be checked until the postcode is located. Trying again in ${describeInterval(options.intervalMs)} (Ctrl+C to stop).`);
      await nodePlatform.sleep(options.intervalMs);
    }
  }
  const force = forceById(person.forceId);
  console.log(`Kinwatch scan: ${person.postcode}${person.placeName ? ` (${person.placeName})` : ''} — ${force?.name ?? person.forceId}, within ${person.radiusKm} km`);

  // The watcher itself, built by its one factory on Node's platform: the same poll cycle, first-seen rule and
  // detection (villages looked up on the same postcode service) as the extension, with memory for storage. scan
  // prints what it finds instead of notifying, and has no circle to tell.
  const kv = memoryStorage();
  await migrateExtensionStore(kv);
  const store = createExtensionStore(kv);
  const choices = { includeNeighbours: true, includeGoogleNews: true, disabledSourceIds: [] };
  const sourcesFor: SourcesForForce = options.forceSources ? sourcesForKnownForce : () => [];
  const now = new Date(nodePlatform.clock.now()).toISOString();
  await store.savePeople([{ person, sources: choices }]);
  await store.saveCustomFeeds(customSources.map((source) => customFeedOf(source, now)));
  const watcher = createWatcherBackground({
    platform: nodePlatform,
    store,
    sourcesForForce: sourcesFor,
    alarms: { get: async () => undefined, create: () => undefined, clear: async () => false },
    notifications: { create: async (id) => id },
    broadcast: () => undefined,
    openUrl: async () => undefined,
    popupUrl: '',
    defaultCarerAppUrl: '',
    ...(postcodesBaseUrl ? { postcodesBaseUrl } : {}),
  });
  const sources = sourcesToPoll(await store.getPeople(), await store.getCustomFeeds(), sourcesFor);
  if (sources.length === 0) {
    console.error('Nothing to poll: give --source URL, or leave out --no-force-sources.');
    return 2;
  }
  for (let round = 0; ; round++) {
    const { anyRead } = await scanOnce(watcher, store, person, sources, round === 0);
    // A check that could read nothing has not looked: say so in the exit status too, so a script never takes it for quiet.
    if (options.once) return anyRead ? 0 : NO_SOURCE_READ;
    console.log(`Next check in ${describeInterval(options.intervalMs)} (Ctrl+C to stop).`);
    await nodePlatform.sleep(options.intervalMs);
  }
}

/** One poll cycle of the watcher, told as it goes; then what was checked and the spates found (all of them on the first round, then only new or escalated ones). */
async function scanOnce(watcher: WatcherBackground, store: WatcherStore, person: WatchedPerson, sources: Source[], firstRound: boolean): Promise<{ anyRead: boolean }> {
  const labels = new Map(sources.map((source) => [source.id, source.label]));
  console.log(`Checking ${countOf(sources.length, 'source')}…`);
  const before = new Map((await store.getSpates()).map((spate) => [spate.id, spate]));
  const { alerted } = await watcher.cycle.run((progress) => {
    if (progress.stage === 'ok') {
      const via = progress.answeredBy === 'listing' ? ' (from the news page: the feed did not answer)' : progress.answeredBy === 'discovered' ? ` (moved to ${progress.movedTo ?? 'a new address'})` : '';
      console.log(`✓ ${progress.label} — ${countOf(progress.items ?? 0, 'item')}${via}`);
    } else if (progress.stage === 'not-modified') console.log(`✓ ${progress.label} — no change (304 not modified)`);
    else if (progress.stage === 'error') console.log(`✗ ${progress.label} — ${progress.error ?? 'error'}${progress.errorCode ? ` [${progress.errorCode}]` : ''}`);
    else if (progress.stage === 'skipped') console.log(`… ${progress.label} — resting after earlier errors`);
  });
  const coverage = checkCoverage(sources, await store.getHealth());
  const verdict = describeCoverage(coverage);
  console.log(`Checked ${countOf(coverage.total, 'source')}: ${coverage.read} read${verdict.detail ? `; ${verdict.detail}` : '.'}`);
  if (coverage.read === 0) {
    console.log(`No source could be read, so Kinwatch cannot say whether courier fraud is being reported near ${person.postcode}.`);
    return { anyRead: false };
  }
  // Undated items a feed already held when first read are never alerted on: say so, rather than let them vanish.
  const setAside = Object.values(await store.getItems()).flat().filter((item) => item.backlog === true).length;
  if (setAside > 0) {
    console.log(`${countOf(setAside, 'undated item')} already in the feeds when first read ${setAside === 1 ? 'was' : 'were'} set aside: ${setAside === 1 ? 'its' : 'their'} age is unknown, so ${setAside === 1 ? 'it is' : 'they are'} not treated as new.`);
  }
  const shown = firstRound ? await store.getSpates() : alerted;
  const partly = coverage.read < coverage.total ? ` in the ${coverage.read} of ${coverage.total} sources that could be read` : '';
  if (shown.length === 0) {
    console.log(firstRound ? `No courier-fraud spates reported near ${person.postcode}${partly}.` : `Nothing new${partly}.`);
    return { anyRead: true };
  }
  console.log(`\n${firstRound ? 'Spates' : 'New or escalated spates'} near ${person.postcode}${partly}:`);
  for (const spate of shown) {
    console.log(describeSpate(spate, labels, growthSince(spate, before.get(spate.id))));
  }
  return { anyRead: true };
}

function describeSpate(spate: Spate, labels: Map<string, string>, growth: string): string {
  const where = spate.places.length > 0 ? spate.places.join(', ') : 'no place named';
  const distance = spate.distanceKm !== undefined ? ` — ${spate.distanceKm.toFixed(1)} km away` : ' — in your police force area';
  const counts = [
    reportCount(spate),
    spate.counts.targeted !== undefined ? `${spate.counts.targeted} targeted` : undefined,
    ...harmParts(spate),
  ].filter(Boolean);
  return [
    `● ${spate.headline}  [${spate.severity} · ${spate.state}]`,
    ...(growth ? [`  What changed: ${growth}`] : []),
    `  Places: ${where}${distance}`,
    `  ${counts.join(' · ')}`,
    `  Tactics: ${spate.tactics.length > 0 ? spate.tactics.join(', ') : 'none named'}`,
    ...(spate.impersonated.length > 0 ? [`  Posing as: ${describeImpersonated(spate).roles}${spate.claimedAs?.length ? ` (calling themselves ${spate.claimedAs.join(', ')})` : ''}`] : []),
    `  First ${spate.firstSeen.slice(0, 10)}, last ${spate.lastSeen.slice(0, 10)}`,
    '  Sources:',
    ...spate.sources.map((source) => {
      return `    - ${labels.get(source.sourceId) ?? source.sourceId}: ${source.title}${source.outlet ? ` (${source.outlet})` : ''} <${source.url}>`;
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
