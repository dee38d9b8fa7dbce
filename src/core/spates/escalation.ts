import { fnv1aHex } from '../fnv1a.ts';
import type { Counts } from '../detect/vocabulary.ts';
import type { Spate, SpateState } from './spate.ts';

/**
 * The one rule for "this incident got worse, tell the family again": more reports, more people targeted, more
 * victims, bigger losses, or a place not named before. The spate's state ("escalated") and its alert version (what
 * decides a second notification and a second circle record) are both computed from these measures only, so a spate
 * marked escalated is always alerted again, and a spate alerted again was always escalated.
 */
export const GROWING_COUNTS = ['reports', 'targeted', 'victims', 'lossGBP'] as const satisfies readonly (keyof Counts)[];

/** A count by which a spate can grow. */
export type GrowingCount = (typeof GROWING_COUNTS)[number];

export type EscalationMeasures = Pick<Spate, 'counts' | 'places'>;

/** A measure by which a spate can grow: one of GROWING_COUNTS, or "places" (a place not named before). */
export type GrowingMeasure = GrowingCount | 'places';

/** The measures that grew from `previous` to `current` ("reports", "lossGBP", "places"); empty when none grew. */
export function grownMeasures(previous: EscalationMeasures, current: EscalationMeasures): GrowingMeasure[] {
  const grown: GrowingMeasure[] = GROWING_COUNTS.filter((key) => (current.counts[key] ?? 0) > (previous.counts[key] ?? 0));
  const known = new Set(previous.places.map((place) => place.toLowerCase()));
  if (current.places.some((place) => !known.has(place.toLowerCase()))) grown.push('places');
  return grown;
}

/**
 * new: not seen before. escalated: one of the measures grew. quiet: nothing new — including a further article that
 * only repeats the story (syndication must not alert the family twice).
 */
export function spateStateAgainst(previous: Spate | undefined, current: EscalationMeasures): SpateState {
  if (!previous) return 'new';
  return grownMeasures(previous, current).length > 0 ? 'escalated' : 'quiet';
}

/** Only new and escalated spates alert the family. */
export function alertsFrom(spates: readonly Spate[]): Spate[] {
  return spates.filter((spate) => spate.state === 'new' || spate.state === 'escalated');
}

/**
 * A spate's alert version, e.g. "r3-t0-v1-l2500-p4a1b2c3d": the same measures as the escalation rule (reports,
 * people targeted, victims, losses in GBP, and the set of places as an FNV-1a hash). A version already alerted is
 * never alerted again, whatever restarts in between.
 */
export function alertVersion(spate: EscalationMeasures): string {
  const count = (key: keyof Counts) => spate.counts[key] ?? 0;
  const places = [...new Set(spate.places.map((place) => place.toLowerCase()))].sort().join('|');
  return `r${count('reports')}-t${count('targeted')}-v${count('victims')}-l${count('lossGBP')}-p${fnv1aHex(places)}`;
}

/** Urgent spates break through quiet hours and are pushed with high urgency. */
export function isUrgent(spate: Pick<Spate, 'severity'>): boolean {
  return spate.severity === 'high';
}
