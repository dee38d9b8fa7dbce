import { analyzeForSpates } from '../detect/screen-article.ts';
import type { Analysis } from '../detect/vocabulary.ts';
import type { LatLng } from '../geo/distance.ts';
import { gbGazetteer } from '../geo/gazetteer-gb.ts';
import type { Gazetteer } from '../geo/gazetteer.ts';
import type { PostcodeClient } from '../geo/postcodes.ts';
import { resolvePlaceNames, unresolvedPlaceNames } from '../geo/resolve-places.ts';
import type { WatchedPerson } from '../geo/watched-person.ts';
import type { FeedItem } from '../sources/source.ts';
import { findSpates } from '../spates/find-spates.ts';
import type { SpateDetector } from './poll-cycle.ts';

export interface SpateDetectorDeps {
  /** Text analysis; default the detection engine as the watcher uses it (analyzeForSpates) over the UK gazetteer. */
  analyze?(text: string, options: { title: string }): Analysis;
  /** Default the UK gazetteer (GeoNames + supplement). */
  gazetteer?: Pick<Gazetteer, 'lookup'>;
  /**
   * Villages the gazetteer lacks, looked up by name near a person (postcodes.io /places, OS Open Names). Each name is
   * asked once per detector; a failed look-up is asked again next time. Without it such places stay unlocated.
   */
  lookupPlace?: PostcodeClient['lookupPlace'];
}

/**
 * Detection for the watcher, whoever runs it (the extension's poll cycle, `scan`, the tests): every item analysed
 * once, villages the gazetteer lacks located, items matched to each person and clustered into spates.
 */
export function createSpateDetector(deps: SpateDetectorDeps = {}): SpateDetector {
  const gazetteer = deps.gazetteer ?? gbGazetteer();
  const analyzeUncached = deps.analyze ?? ((text: string, options: { title: string }) => analyzeForSpates(text, { ...options, gazetteer: gbGazetteer() }));
  const analyses = new Map<string, Analysis>();
  const analyze = (text: string, options: { title: string }): Analysis => {
    const key = `${options.title}\n${text}`;
    let analysis = analyses.get(key);
    if (!analysis) {
      analysis = analyzeUncached(text, options);
      analyses.set(key, analysis);
    }
    return analysis;
  };
  const placeCoordinates = new Map<string, LatLng>();
  const notFound = new Set<string>();

  return async ({ items, sources, people, previous, now }) => {
    if (deps.lookupPlace) await locateVillages(items, people, analyze, gazetteer, deps.lookupPlace, placeCoordinates, notFound);
    // Keep the cache to what is held now: items age out of the store, so must their analyses.
    const held = new Set(items.map((item) => `${item.title}\n${item.text}`));
    for (const key of analyses.keys()) if (!held.has(key)) analyses.delete(key);
    // A force's own news and its Google News search speak for the force; a user's own feed for none.
    const forceBySource = new Map(sources.map((source) => [source.id, source.forceId]));
    return findSpates({
      items,
      people,
      previous,
      now,
      analyze,
      gazetteer,
      forceIdOfSource: (sourceId) => forceBySource.get(sourceId),
      placeCoordinates,
    });
  };
}

/**
 * Places named by relevant items that neither the analysis nor the gazetteer locates: looked up once each (a name
 * not found is not asked again), the nearest of several same-named places to the first person watched.
 */
async function locateVillages(
  items: readonly FeedItem[],
  people: readonly WatchedPerson[],
  analyze: (text: string, options: { title: string }) => Analysis,
  gazetteer: Pick<Gazetteer, 'lookup'>,
  lookupPlace: PostcodeClient['lookupPlace'],
  placeCoordinates: Map<string, LatLng>,
  notFound: Set<string>,
): Promise<void> {
  const near = people[0];
  if (!near) return;
  for (const item of items) {
    const analysis = analyze(item.text, { title: item.title });
    if (!analysis.relevant) continue;
    await resolvePlaceNames(unresolvedPlaceNames(analysis.places, gazetteer, placeCoordinates), lookupPlace, placeCoordinates, { near, notFound });
  }
}
