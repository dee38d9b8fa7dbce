import type { FeedItem } from '../sources/source.ts';
import type { Analysis } from '../detect/vocabulary.ts';
import type { Spate } from './spate.ts';
import type { NearMatch } from '../geo/nearby.ts';
import { distanceKm, type LatLng } from '../geo/distance.ts';
import { titleSimilarity } from './title-similarity.ts';

/** A named place, located when the gazetteer or an earlier lookup could. */
export interface SpatePlace {
  name: string;
  at?: LatLng;
}

/** A relevant item near a person, ready to be clustered. */
export interface SpateCandidate {
  item: FeedItem;
  analysis: Analysis;
  match: NearMatch;
  /** When it happened as far as we know: published time, or the poll time when the source gives none (ms). */
  at: number;
  /** Specific places it names (towns, villages, boroughs), not whole counties: those never tell incidents apart. */
  places: SpatePlace[];
}

/** One incident in the making: a previous spate carried forward and/or new candidates. */
export interface SpateCluster {
  seed?: Spate;
  /** The seed's places, located again (spates are stored with names only). */
  seedPlaces: SpatePlace[];
  candidates: SpateCandidate[];
  firstAt: number;
  lastAt: number;
}

export interface ClusterOptions {
  /** Reports further apart than this (from the cluster's first/last) are different spates. Default 14. */
  windowDays: number;
  /** Places closer than this count as the same place (a village and its town). Default 10 km. */
  samePlaceKm: number;
  /** Headlines at least this similar are the same story when one side names no place. Default 0.5. */
  sameStoryTitleSimilarity: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { windowDays: 14, samePlaceKm: 10, sameStoryTitleSimilarity: 0.5 };

const DAY_MS = 86_400_000;

/**
 * Groups candidates into incidents, oldest first. A candidate already listed in a cluster (same URL) stays there;
 * otherwise it joins the cluster within the time window that shares a place (same name, or within samePlaceKm),
 * or — when either side names no place — has the same story in its headline; items that both name no place join.
 * Far-apart places never join, however alike the headlines ("Courier fraud warning" is every headline).
 */
export function clusterSpates(
  candidates: readonly SpateCandidate[],
  seeds: readonly { spate: Spate; places: SpatePlace[] }[],
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
): SpateCluster[] {
  const clusters: SpateCluster[] = seeds.map(({ spate, places }) => ({
    seed: spate,
    seedPlaces: places,
    candidates: [],
    firstAt: Date.parse(spate.firstSeen),
    lastAt: Date.parse(spate.lastSeen),
  }));
  const ordered = [...candidates].sort((a, b) => a.at - b.at || (a.item.url < b.item.url ? -1 : a.item.url > b.item.url ? 1 : 0));
  const windowMs = options.windowDays * DAY_MS;
  for (const candidate of ordered) {
    const known = clusters.find((cluster) => urlsOf(cluster).has(candidate.item.url));
    if (known) {
      known.candidates.push(candidate);
      continue;
    }
    let best: { cluster: SpateCluster; score: number } | undefined;
    for (const cluster of clusters) {
      if (candidate.at < cluster.firstAt - windowMs || candidate.at > cluster.lastAt + windowMs) continue;
      const score = joinScore(candidate, cluster, options);
      // Lower is better; ties go to the most recent incident.
      if (score !== undefined && (!best || score < best.score || (score === best.score && cluster.lastAt > best.cluster.lastAt))) {
        best = { cluster, score };
      }
    }
    if (best) {
      best.cluster.candidates.push(candidate);
      best.cluster.firstAt = Math.min(best.cluster.firstAt, candidate.at);
      best.cluster.lastAt = Math.max(best.cluster.lastAt, candidate.at);
    } else {
      clusters.push({ seedPlaces: [], candidates: [candidate], firstAt: candidate.at, lastAt: candidate.at });
    }
  }
  return clusters;
}

function urlsOf(cluster: SpateCluster): Set<string> {
  return new Set([...(cluster.seed?.sources.map((source) => source.url) ?? []), ...cluster.candidates.map((c) => c.item.url)]);
}

/** undefined: does not belong. Otherwise a score, lower is a better fit: km between places, or 100 + title dissimilarity. */
function joinScore(candidate: SpateCandidate, cluster: SpateCluster, options: ClusterOptions): number | undefined {
  const clusterPlaces = [...cluster.seedPlaces, ...cluster.candidates.flatMap((member) => member.places)];
  if (candidate.places.length > 0 && clusterPlaces.length > 0) {
    let nearest: number | undefined;
    for (const mine of candidate.places) {
      for (const theirs of clusterPlaces) {
        const km =
          mine.name.toLowerCase() === theirs.name.toLowerCase() ? 0 : mine.at && theirs.at ? distanceKm(mine.at, theirs.at) : undefined;
        if (km !== undefined && (nearest === undefined || km < nearest)) nearest = km;
      }
    }
    return nearest !== undefined && nearest <= options.samePlaceKm ? nearest : undefined;
  }
  if (candidate.places.length === 0 && clusterPlaces.length === 0) return 100;
  const titles = [...(cluster.seed?.sources.map((source) => source.title) ?? []), ...cluster.candidates.map((member) => member.item.title)];
  const similarity = Math.max(0, ...titles.map((title) => titleSimilarity(candidate.item.title, title)));
  return similarity >= options.sameStoryTitleSimilarity ? 101 - similarity : undefined;
}
