import { analyzeForSpates } from '../detect/screen-article.ts';
import type { Analysis } from '../detect/vocabulary.ts';
import type { LatLng } from '../geo/distance.ts';
import { gbGazetteer } from '../geo/gazetteer-gb.ts';
import type { Gazetteer } from '../geo/gazetteer.ts';
import type { PlaceResolver } from '../geo/nearby.ts';
import type { PostcodeClient } from '../geo/postcodes.ts';
import { placeCoordinatesKey, resolvePlaceNames, unresolvedPlaceNames } from '../geo/resolve-places.ts';
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
   * Villages the gazetteer lacks, looked up by name near each watched person's area (postcodes.io /places, OS Open
   * Names): of several same-named places, the one nearest that person. Each name is asked once per area per detector
   * (the postcodes.io client itself sends one request per name); a failed look-up is asked again next time. Without
   * it such places stay unlocated.
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
  const villages = new VillagesByArea();
  // The gazetteer first; a village it lacks is wherever it was found near each person's area, and each person is
  // matched against the one nearest them (as for same-named places in the gazetteer).
  const places: PlaceResolver = { lookup: (name) => gazetteer.lookup(name) ?? villages.foundNamed(name) };

  return async ({ items, sources, people, previous, now }) => {
    if (deps.lookupPlace) await locateVillages(items, people, analyze, gazetteer, deps.lookupPlace, villages);
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
      gazetteer: places,
      forceIdOfSource: (sourceId) => forceBySource.get(sourceId),
    });
  };
}

/**
 * Villages located through the look-up, per watched area: an area is a person's home rounded to 0.01° (about 1 km),
 * so people living together share their look-ups and a person who moves is looked up afresh.
 */
class VillagesByArea {
  private readonly found = new Map<string, Map<string, LatLng>>();
  private readonly missing = new Map<string, Set<string>>();

  /** Names located near `area`, keyed by placeCoordinatesKey, and names not found there. */
  of(area: LatLng): { known: Map<string, LatLng>; notFound: Set<string> } {
    const key = `${area.lat.toFixed(2)},${area.lng.toFixed(2)}`;
    let known = this.found.get(key);
    if (!known) this.found.set(key, (known = new Map()));
    let notFound = this.missing.get(key);
    if (!notFound) this.missing.set(key, (notFound = new Set()));
    return { known, notFound };
  }

  /** Every place of that name found near any area (one per distinct point), or undefined when none. */
  foundNamed(name: string): LatLng[] | undefined {
    const key = placeCoordinatesKey(name);
    const points: LatLng[] = [];
    for (const known of this.found.values()) {
      const at = known.get(key);
      if (at && !points.some((point) => point.lat === at.lat && point.lng === at.lng)) points.push(at);
    }
    return points.length > 0 ? points : undefined;
  }
}

/**
 * Places named by relevant items that neither the analysis nor the gazetteer locates: looked up near each watched
 * person's area, once per name and area (a name not found there is not asked again), so a village near the second
 * person is found near them and not at a same-named place near the first.
 */
async function locateVillages(
  items: readonly FeedItem[],
  people: readonly WatchedPerson[],
  analyze: (text: string, options: { title: string }) => Analysis,
  gazetteer: Pick<Gazetteer, 'lookup'>,
  lookupPlace: PostcodeClient['lookupPlace'],
  villages: VillagesByArea,
): Promise<void> {
  const relevant = items.map((item) => analyze(item.text, { title: item.title })).filter((analysis) => analysis.relevant);
  if (relevant.length === 0) return;
  for (const person of people) {
    if (!Number.isFinite(person.lat) || !Number.isFinite(person.lng)) continue;
    const near = { lat: person.lat, lng: person.lng };
    const { known, notFound } = villages.of(near);
    for (const analysis of relevant) {
      await resolvePlaceNames(unresolvedPlaceNames(analysis.places, gazetteer, known), lookupPlace, known, { near, notFound });
    }
  }
}
