import type { FeedItem } from '../sources/source.ts';
import type { WatchedPerson } from '../geo/watched-person.ts';
import { BROAD_KINDS, certainlyFar, locatePlace, locatePlaces, matchLocatedItem, nearestCandidate, spanOf, type NearbyDeps } from '../geo/nearby.ts';
import type { Analysis, Counts, Tactic } from '../detect/vocabulary.ts';
import { TACTICS } from '../detect/vocabulary.ts';
import { spateSourceOf, type Spate, type SpateSource } from './spate.ts';
import { clusterSpates, DEFAULT_CLUSTER_OPTIONS, type ClusterOptions, type SpateCandidate, type SpateCluster, type SpatePlace } from './cluster-spates.ts';
import { severityOf } from './severity.ts';
import { alertsFrom, spateStateAgainst } from './escalation.ts';

export interface FindSpatesInput extends NearbyDeps {
  items: readonly FeedItem[];
  people: readonly WatchedPerson[];
  /** The spates returned last time (stored): ids are kept, and new/escalated/quiet is judged against them. */
  previous: readonly Spate[];
  /** Milliseconds since the epoch (pass `clock.now()`): the only time source, so results are reproducible. */
  now: number;
  analyze(text: string, options: { title: string }): Analysis;
  /** Sources that are a force's own news (preferred for the headline). Default: has a force and is not Google News. */
  isForceSource?(sourceId: string): boolean;
  cluster?: Partial<ClusterOptions>;
  /** Spates with nothing newer than this many days are dropped. Default 2 × the cluster window. */
  retainDays?: number;
}

export interface FindSpatesResult {
  /** Every current spate, for every person: new, escalated and quiet. */
  spates: Spate[];
  /** The new and escalated ones: what to notify and send to the care circle. */
  alerts: Spate[];
}

const DAY_MS = 86_400_000;

/**
 * The watcher's last step after polling: analyse each item once, keep the relevant ones near each person, cluster
 * them into incidents (carrying previous spates forward so ids stay stable), and say which are new or escalated.
 * Pure: same input, same output.
 */
export function findSpates(input: FindSpatesInput): FindSpatesResult {
  const options: ClusterOptions = { ...DEFAULT_CLUSTER_OPTIONS, ...input.cluster };
  const retainMs = (input.retainDays ?? options.windowDays * 2) * DAY_MS;
  // Relevance, age and where the named places are do not depend on the person: worked out once, not once per person.
  const recent = analyseOnce(input).flatMap(({ item, analysis }) => {
    if (!analysis.relevant) return [];
    const at = itemTime(item, input.now);
    if (at < input.now - retainMs) return [];
    const located = locatePlaces(analysis.places, input);
    return [{ item, analysis, at, located, span: spanOf(located) }];
  });
  const spates: Spate[] = [];
  for (const person of input.people) {
    const home = { lat: person.lat, lng: person.lng };
    const candidates: SpateCandidate[] = [];
    for (const { item, analysis, at, located, span } of recent) {
      // Most reports are about somewhere else: ruled out on latitude alone before measuring to each place.
      if (span && certainlyFar(span, person)) continue;
      const match = matchLocatedItem(located, item, person, input);
      if (!match.near) continue;
      const places: SpatePlace[] = located
        .filter(({ place }) => !BROAD_KINDS.has(place.kind))
        .map(({ place, candidates }) => withLocation(place.name, nearestCandidate(candidates, home)));
      candidates.push({ item, analysis, match, at, places });
    }
    const seeds = input.previous
      .filter((spate) => spate.personId === person.id && Date.parse(spate.lastSeen) >= input.now - retainMs)
      .map((spate) => ({ spate, places: spate.places.map((name) => withLocation(name, locatePlace({ name }, home, input))) }));
    for (const cluster of clusterSpates(candidates, seeds, options)) spates.push(spateFrom(cluster, person, input));
  }
  spates.sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : a.id < b.id ? -1 : 1));
  return { spates, alerts: alertsFrom(spates) };
}

function analyseOnce(input: FindSpatesInput): { item: FeedItem; analysis: Analysis }[] {
  const seen = new Set<string>();
  const result: { item: FeedItem; analysis: Analysis }[] = [];
  for (const item of input.items) {
    // The same article reached through two sources is one report.
    if (seen.has(item.url)) continue;
    seen.add(item.url);
    result.push({ item, analysis: input.analyze(item.text, { title: item.title }) });
  }
  return result;
}

function spateFrom(cluster: SpateCluster, person: WatchedPerson, input: FindSpatesInput): Spate {
  const seed = cluster.seed;
  const seedUrls = new Set(seed?.sources.map((source) => source.url) ?? []);
  const fresh = cluster.candidates.filter((candidate) => !seedUrls.has(candidate.item.url));
  const sources: SpateSource[] = [...(seed?.sources ?? [])];
  for (const { item } of fresh) sources.push(spateSourceOf(item));
  const places = unique([...(seed?.places ?? []), ...cluster.candidates.flatMap((candidate) => candidate.places.map((place) => place.name))]);
  const broadPlaces = unique(cluster.candidates.flatMap((c) => c.analysis.places.filter((p) => BROAD_KINDS.has(p.kind)).map((p) => p.name)));
  const counts = mergeCounts([seed?.counts ?? {}, ...cluster.candidates.map((candidate) => candidate.analysis.counts)]);
  const named = new Set<Tactic>([...(seed?.tactics ?? []), ...cluster.candidates.flatMap((candidate) => candidate.analysis.tactics)]);
  const tactics = TACTICS.filter((tactic) => named.has(tactic));
  const impersonated = unique([...(seed?.impersonated ?? []), ...cluster.candidates.flatMap((candidate) => candidate.analysis.impersonated)]);
  const claimedAs = unique([...(seed?.claimedAs ?? []), ...cluster.candidates.flatMap((candidate) => candidate.analysis.claimedAs ?? [])]);
  const distances = [
    ...(seed?.distanceKm !== undefined ? [seed.distanceKm] : []),
    ...cluster.candidates.flatMap((candidate) => (candidate.match.basis === 'distance' && candidate.match.distanceKm !== undefined ? [candidate.match.distanceKm] : [])),
  ];
  const distanceKm = distances.length > 0 ? Math.min(...distances) : undefined;
  const firstAt = Math.min(seed ? Date.parse(seed.firstSeen) : Infinity, ...fresh.map((candidate) => candidate.at));
  const lastAt = Math.max(seed ? Date.parse(seed.lastSeen) : -Infinity, ...fresh.map((candidate) => candidate.at));
  const shownPlaces = places.length > 0 ? places : broadPlaces;
  const current = { counts, places: shownPlaces };
  return {
    id: seed?.id ?? spateId(person.id, cluster.candidates[0]?.item.url ?? ''),
    personId: person.id,
    headline: headlineOf(sources, person, input),
    places: shownPlaces,
    ...(distanceKm !== undefined ? { distanceKm } : {}),
    counts,
    tactics,
    impersonated,
    ...(claimedAs.length > 0 ? { claimedAs } : {}),
    sources,
    firstSeen: new Date(firstAt).toISOString(),
    lastSeen: new Date(lastAt).toISOString(),
    severity: severityOf(counts, tactics, sources.length),
    state: seed && fresh.length === 0 ? 'quiet' : spateStateAgainst(seed, current),
    basis: distanceKm !== undefined ? 'distance' : 'own-force',
  };
}

/** The force's own words first (the person's force, then any force), then the earliest report. */
function headlineOf(sources: readonly SpateSource[], person: WatchedPerson, input: FindSpatesInput): string {
  const isForceSource =
    input.isForceSource ?? ((sourceId: string) => input.forceIdOfSource(sourceId) !== undefined && !sourceId.startsWith('google-news'));
  const rank = (source: SpateSource): number =>
    isForceSource(source.sourceId) ? (input.forceIdOfSource(source.sourceId) === person.forceId ? 0 : 1) : 2;
  const best = sources.reduce<SpateSource | undefined>((chosen, next) => (!chosen || rank(next) < rank(chosen) ? next : chosen), undefined);
  return best?.title ?? '';
}

function mergeCounts(all: readonly Counts[]): Counts {
  const merged: Counts = {};
  for (const counts of all) {
    for (const key of ['reports', 'targeted', 'victims', 'lossGBP'] as const) {
      const value = counts[key];
      if (value !== undefined && value > (merged[key] ?? -1)) merged[key] = value;
    }
    // The window is the narrowest one stated: "12 reports in 2 days" is the sharper claim.
    if (counts.windowDays !== undefined && counts.windowDays < (merged.windowDays ?? Infinity)) merged.windowDays = counts.windowDays;
  }
  return merged;
}

function itemTime(item: FeedItem, now: number): number {
  const parsed = item.publishedAt ? Date.parse(item.publishedAt) : Number.NaN;
  // A date in the future is a source's clock or time-zone slip: treat it as now.
  return Number.isFinite(parsed) ? Math.min(parsed, now) : now;
}

function withLocation(name: string, at: { lat: number; lng: number } | undefined): SpatePlace {
  return at ? { name, at } : { name };
}

function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Deterministic from the person and the incident's first report, so a rerun without history gives the same id. */
function spateId(personId: string, firstUrl: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const char of `${personId}|${firstUrl}`) {
    hash ^= BigInt(char.codePointAt(0) ?? 0);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `spate-${hash.toString(16).padStart(16, '0')}`;
}
