import type { Counts, Tactic } from '../detect/vocabulary.ts';
import type { Severity } from './spate.ts';

/** Tactics that put money or cards at immediate risk, short of a courier at the door. */
const RISKY_TACTICS: ReadonlySet<Tactic> = new Set(['pin-request', 'card-handover', 'cash-withdrawal', 'bank-transfer', 'valuables-handover', 'high-value-purchase']);
/** "Many reports": the point where forces themselves start calling it a spate. */
const MANY_REPORTS = 5;

/**
 * high: money lost, victims, a courier sent to collect, or many reports; medium: several reports or people
 * targeted, or a tactic that risks money or cards; low: a warning with none of those.
 */
export function severityOf(counts: Counts, tactics: readonly Tactic[], articleCount: number): Severity {
  const reports = Math.max(counts.reports ?? 0, counts.targeted ?? 0);
  if ((counts.lossGBP ?? 0) > 0 || (counts.victims ?? 0) > 0 || tactics.includes('courier-collection') || reports >= MANY_REPORTS) {
    return 'high';
  }
  if (reports >= 2 || articleCount >= 2 || tactics.some((tactic) => RISKY_TACTICS.has(tactic))) return 'medium';
  return 'low';
}
