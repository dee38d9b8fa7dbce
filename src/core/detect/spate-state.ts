import type { Counts } from './vocabulary.ts';
import type { Spate, SpateState } from './spate.ts';

const GROWING_COUNTS: readonly (keyof Counts)[] = ['reports', 'targeted', 'victims', 'lossGBP'];

/**
 * new: not seen before. escalated: more reports, people targeted or victims, bigger losses, or places not named
 * last time. quiet: nothing new — including a further article that only repeats the story (syndication must not
 * alert the family twice).
 */
export function spateStateAgainst(previous: Spate | undefined, current: Pick<Spate, 'counts' | 'places'>): SpateState {
  if (!previous) return 'new';
  const grew = GROWING_COUNTS.some((key) => (current.counts[key] ?? 0) > (previous.counts[key] ?? 0));
  const known = new Set(previous.places.map((place) => place.toLowerCase()));
  const newPlace = current.places.some((place) => !known.has(place.toLowerCase()));
  return grew || newPlace ? 'escalated' : 'quiet';
}

/** Only new and escalated spates alert the family. */
export function alertsFrom(spates: readonly Spate[]): Spate[] {
  return spates.filter((spate) => spate.state === 'new' || spate.state === 'escalated');
}
