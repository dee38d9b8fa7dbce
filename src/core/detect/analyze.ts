import type { Gazetteer } from '../geo/gazetteer.ts';
import { findCounts } from './counts.ts';
import { findImpersonated } from './impersonated.ts';
import { findPlaces } from './places.ts';
import { judgeRelevance } from './relevance.ts';
import { segmentText } from './segment.ts';
import { findTactics } from './tactics.ts';
import type { Analysis } from './vocabulary.ts';

export interface AnalyzeOptions {
  title?: string;
  /** Places are only located (and gazetteer-only names found) when one is given; see gbGazetteer(). */
  gazetteer?: Gazetteer;
}

/** Everything the watcher needs to know about one article. Pure and synchronous; segments the text once. */
export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  const fullText = options.title ? `${options.title.trim()}\n\n${text}` : text;
  const segments = segmentText(fullText);
  const { tactics } = findTactics(fullText, segments);
  const relevance = judgeRelevance(fullText, tactics, segments);
  const { impersonated, claimedAs } = findImpersonated(fullText, segments);
  return {
    relevant: relevance.relevant,
    score: relevance.score,
    reasons: relevance.reasons,
    tactics,
    impersonated,
    claimedAs,
    places: findPlaces(fullText, options.gazetteer ? { gazetteer: options.gazetteer } : {}, segments),
    counts: findCounts(fullText, segments),
  };
}
