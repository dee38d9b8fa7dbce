import { findSpates } from '../detect/find-spates.ts';
import type { Analysis } from '../detect/vocabulary.ts';
import type { PlaceResolver } from '../geo/nearby.ts';
import type { SpateDetector } from './poll-cycle.ts';

export interface SpateDetectorDeps {
  analyze(text: string, options: { title: string }): Analysis;
  gazetteer: PlaceResolver;
  /** The force a source speaks for: the registry's, or the one stored with a custom feed. */
  forceIdOfSource(sourceId: string): string | undefined;
}

/** Detection for the poll cycle: every item analysed once, matched to each person, clustered into spates. */
export function createSpateDetector(deps: SpateDetectorDeps): SpateDetector {
  return ({ items, people, previous, now }) =>
    findSpates({
      items,
      people,
      previous,
      now,
      analyze: deps.analyze,
      gazetteer: deps.gazetteer,
      forceIdOfSource: deps.forceIdOfSource,
    });
}
