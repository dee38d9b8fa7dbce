import type { Spate } from '../detect/spate.ts';
import type { WatchedPerson } from '../geo/watched-person.ts';

/** "Near Colchester, 4 km from Mum · 3 reports": the one line a relative reads on a notification or in the popup. */
export function describeSpate(spate: Spate, person: WatchedPerson): string {
  const place = spate.places[0] ?? person.placeName ?? 'their area';
  const distance =
    spate.distanceKm === undefined ? `in ${person.name}'s police area` : `${formatKm(spate.distanceKm)} from ${person.name}`;
  return `Near ${place}, ${distance} · ${reportCount(spate)}`;
}

export function reportCount(spate: Spate): string {
  const reports = Math.max(spate.counts.reports ?? 0, spate.sources.length, 1);
  return reports === 1 ? '1 report' : `${reports} reports`;
}

export function formatKm(km: number): string {
  return km < 1 ? 'under 1 km' : `${Math.round(km)} km`;
}
