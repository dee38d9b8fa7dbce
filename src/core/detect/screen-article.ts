import { analyzeText, type AnalyzeOptions } from './analyze.ts';
import { IMPERSONATION_CUE } from './impersonated.ts';
import type { Analysis } from './vocabulary.ts';

/**
 * A cheap, sound pre-check before full analysis: an article is relevant only when someone is said to have
 * impersonated police, a bank or an official (judgeRelevance requires IMPERSONATION_CUE in a narrative sentence),
 * so an article whose title and text never match that cue cannot be relevant. Most force news (collisions,
 * appeals, burglaries) fails it in one regular-expression test instead of segmentation and six rule passes.
 */
export function mayBeRelevant(text: string, title = ''): boolean {
  return IMPERSONATION_CUE.test(title) || IMPERSONATION_CUE.test(text);
}

/** What analyzeText says of an article that fails mayBeRelevant: not relevant, nothing found. */
function screenedOut(): Analysis {
  return { relevant: false, score: 0, reasons: ['nobody is said to have impersonated police, a bank or an official'], tactics: [], impersonated: [], claimedAs: [], places: [], counts: {} };
}

/**
 * analyzeText for the watcher's pipeline (spates use relevant articles only): full analysis for articles that pass
 * mayBeRelevant, a fixed "not relevant" for the rest. `analyze` and `eval` keep analyzeText, which also reports
 * tactics and places of articles that are not relevant.
 */
export function analyzeForSpates(text: string, options: AnalyzeOptions = {}): Analysis {
  return mayBeRelevant(text, options.title) ? analyzeText(text, options) : screenedOut();
}
