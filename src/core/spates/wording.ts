import { countOf } from '../plural.ts';
import type { Spate } from './spate.ts';
import { grownMeasures, type EscalationMeasures, type GrowingCount } from './escalation.ts';
import type { WatchedPerson } from '../geo/watched-person.ts';

/** "Near Colchester, 4 km from Mum · 3 reports": the one line a relative reads on a notification or in the popup. */
export function describeSpate(spate: Spate, person: WatchedPerson): string {
  const place = spate.places[0] ?? person.placeName ?? 'their area';
  const distance =
    spate.distanceKm === undefined ? `in ${person.name}'s police area` : `${formatKm(spate.distanceKm)} from ${person.name}`;
  return `Near ${place}, ${distance} · ${reportCount(spate)}`;
}

export function reportCount(spate: Pick<Spate, 'counts' | 'sources'>): string {
  const reports = Math.max(spate.counts.reports ?? 0, spate.sources.length, 1);
  return countOf(reports, 'report');
}

/** A sum of pounds as a relative reads it: 25000 → "£25,000". */
export function formatGBP(gbp: number): string {
  return `£${gbp.toLocaleString('en-GB')}`;
}

/** What a spate has cost so far, when reported: ["2 victims", "£25,000 lost"]; empty when neither is known. */
export function harmParts(spate: Pick<Spate, 'counts'>): string[] {
  const parts: string[] = [];
  if (spate.counts.victims) parts.push(countOf(spate.counts.victims, 'victim'));
  if (spate.counts.lossGBP) parts.push(`${formatGBP(spate.counts.lossGBP)} lost`);
  return parts;
}

export function formatKm(km: number): string {
  return km < 1 ? 'under 1 km' : `${Math.round(km)} km`;
}

/** A circle alert's notification title: "Courier fraud warning near Mum". */
export function spateAlertTitle(personName: string | undefined): string {
  return `Courier fraud warning near ${personName?.trim() || 'your relative'}`;
}

/**
 * A circle alert's notification body: the headline, then what the family should weigh ("3 reports · £4,000 lost ·
 * Colchester, Witham"), so a grown spate reads differently from its first alert.
 */
export function spateAlertBody(spate: Pick<Spate, 'headline' | 'counts' | 'sources' | 'places'>): string {
  const parts = [spate.headline, reportCount(spate), ...harmParts(spate)];
  if (spate.places.length > 0) parts.push(spate.places.slice(0, 4).join(', '));
  return parts.join(' · ');
}

/**
 * What grew from `previous` to `current`, in words, by the escalation rule's own measures (grownMeasures,
 * escalation.ts): "new place: Wivenhoe · £31,000 lost (was £12,000) · 9 reports (was 3)". Empty when nothing grew.
 */
export function describeGrowth(previous: EscalationMeasures, current: EscalationMeasures): string {
  const wording: Record<GrowingCount, (n: number) => string> = {
    reports: (n) => countOf(n, 'report'),
    targeted: (n) => `${n} targeted`,
    victims: (n) => countOf(n, 'victim'),
    lossGBP: (n) => `${formatGBP(n)} lost`,
  };
  const was: Record<GrowingCount, (n: number) => string> = { ...wording, reports: String, targeted: String, victims: String, lossGBP: formatGBP };
  return grownMeasures(previous, current)
    .map((measure) => {
      if (measure === 'places') {
        const known = new Set(previous.places.map((place) => place.toLowerCase()));
        const added = current.places.filter((place) => !known.has(place.toLowerCase()));
        return `new ${added.length === 1 ? 'place' : 'places'}: ${added.join(', ')}`;
      }
      const before = previous.counts[measure];
      return `${wording[measure](current.counts[measure] ?? 0)}${before === undefined ? '' : ` (was ${was[measure](before)})`}`;
    })
    .join(' · ');
}

/**
 * What grew since the spate was last detected, for an escalated spate whose earlier version is known: the text of
 * describeGrowth, shown after "Worse now: " on the notification and the popup. Empty for a new or quiet spate.
 */
export function growthSince(spate: Spate, previous: EscalationMeasures | undefined): string {
  return previous && spate.state === 'escalated' ? describeGrowth(previous, spate) : '';
}
