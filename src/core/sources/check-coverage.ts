import { countOf } from '../plural.ts';
import type { Source, SourceHealth } from './source.ts';

/** How a set of sources stood at their last check: what a "nothing found" can honestly be based on. */
export interface CheckCoverage {
  /** Sources planned for the check. */
  total: number;
  /** Read successfully at their last attempt (a 304 counts: the source answered). */
  read: number;
  /** Tried and failed at their last attempt. */
  failed: number;
  /** Not allowed by the user yet, so never fetched. */
  notAllowed: number;
  /** Never tried yet. */
  notChecked: number;
}

/**
 * Counts where each source stands from its health record: read (its last attempt succeeded), failed, not allowed
 * (`lastErrorCode` "not_allowed"), or not checked yet. Pure; `health` is keyed by source id.
 */
export function checkCoverage(sources: readonly Source[], health: Readonly<Record<string, SourceHealth | undefined>>): CheckCoverage {
  const coverage: CheckCoverage = { total: sources.length, read: 0, failed: 0, notAllowed: 0, notChecked: 0 };
  for (const source of sources) {
    const entry = health[source.id];
    if (entry?.lastErrorCode === 'not_allowed') coverage.notAllowed += 1;
    else if (entry?.lastAttemptAt === undefined) coverage.notChecked += 1;
    else if (entry.consecutiveFailures > 0) coverage.failed += 1;
    else coverage.read += 1;
  }
  return coverage;
}

/**
 * What "no warnings" is worth, in words a relative understands; never "all quiet" when nothing could be read.
 * - `quiet`: true only when at least one source was read; the family may be told "All quiet" (with `detail` when
 *   some sources could not be reached: "3 of 7 sources could not be reached").
 * - `headline`: the one line to show instead of or beside "All quiet".
 */
export function describeCoverage(coverage: CheckCoverage): { quiet: boolean; headline: string; detail: string } {
  const { total, read, failed, notAllowed, notChecked } = coverage;
  const sources = (n: number): string => countOf(n, 'source');
  const unreached = failed;
  const detailParts = [
    unreached > 0 ? `${unreached} of ${sources(total)} could not be reached` : '',
    notAllowed > 0 ? `${notAllowed} of ${sources(total)} ${notAllowed === 1 ? 'is' : 'are'} not allowed yet` : '',
    notChecked > 0 && read > 0 ? `${notChecked} not checked yet` : '',
  ].filter(Boolean);
  const detail = detailParts.length > 0 ? `${detailParts.join('; ')}.` : '';
  if (total === 0) return { quiet: false, headline: 'No sources to check yet.', detail: '' };
  if (read > 0) return { quiet: true, headline: read === total ? `All quiet (${sources(total)} checked).` : `All quiet in the ${sources(read)} that could be read.`, detail };
  if (notAllowed === total) return { quiet: false, headline: 'Not watching yet: no source is allowed. Allow the sites in Settings.', detail: '' };
  if (failed === 0 && notChecked > 0) return { quiet: false, headline: 'Not checked yet.', detail };
  return { quiet: false, headline: `Could not check: none of the ${sources(failed)} tried could be read.`, detail };
}

/**
 * describeCoverage for one watched person. `own` are the sources for their area (their force's news, its neighbours,
 * a local news search); `shared` are the feeds the user added, which are read for everyone. "All quiet" needs one of
 * the person's own sources read: a feed about somewhere else that answered says nothing about where they live. A
 * person with no sources of their own is judged on the shared feeds. `health` is keyed by source id.
 */
export function describePersonCoverage(
  own: readonly Source[],
  shared: readonly Source[],
  health: Readonly<Record<string, SourceHealth | undefined>>,
): { quiet: boolean; headline: string; detail: string } {
  const ownCoverage = checkCoverage(own, health);
  const allCoverage = checkCoverage([...own, ...shared], health);
  const all = describeCoverage(allCoverage);
  if (ownCoverage.total === 0 || ownCoverage.read > 0 || allCoverage.read === 0) return all;
  // Only feeds about somewhere else were read: say what is missing for this person's area.
  const headline =
    ownCoverage.notAllowed === ownCoverage.total
      ? 'Not watching this area yet: none of its sources is allowed. Allow the sites in Settings.'
      : `Could not check this area: none of its ${countOf(ownCoverage.total, 'source')} could be read.`;
  return { quiet: false, headline, detail: all.detail };
}
