import { findSpates } from '../spates/find-spates.ts';
import type { Analysis } from '../detect/vocabulary.ts';
import type { PlaceResolver } from '../geo/nearby.ts';
import type { SpateDetector } from './poll-cycle.ts';

export interface SpateDetectorDeps {
  analyze(text: string, options: { title: string }): Analysis;
  gazetteer: PlaceResolver;
}

/** Detection for the poll cycle: every item analysed once, matched to each person, clustered into spates. */
export function createSpateDetector(deps: SpateDetectorDeps): SpateDetector {
  return ({ items, sources, people, previous, now }) => {
    // A force's own news and its Google News search speak for the force; a user's own feed for none.
    const forceBySource = new Map(sources.map((source) => [source.id, source.forceId]));
    return findSpates({
      items,
      people,
      previous,
      now,
      analyze: deps.analyze,
      gazetteer: deps.gazetteer,
      forceIdOfSource: (sourceId) => forceBySource.get(sourceId),
    });
  };
}
