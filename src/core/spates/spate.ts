import type { Counts, Tactic } from '../detect/vocabulary.ts';
import type { FeedItem } from '../sources/source.ts';

export type SpateState = 'new' | 'escalated' | 'quiet';
export type Severity = 'low' | 'medium' | 'high';

/** One article behind a spate, as the extension's popup, the carer app and `scan` list it. */
export interface SpateSource {
  sourceId: string;
  url: string;
  title: string;
  publishedAt: string | null;
  /**
   * The newspaper or site behind a syndicated article (the item's `outlet`, e.g. "Essex Live" from Google News's
   * `<source>`, or "Essex Live, Colchester Gazette" when several papers carried the same story); absent for a
   * force's own article and in records written before it existed.
   */
  outlet?: string;
}

/** The spate's record of one feed item: its `outlet` kept only when the item had one. */
export function spateSourceOf(item: Pick<FeedItem, 'sourceId' | 'url' | 'title' | 'publishedAt' | 'outlet'>): SpateSource {
  const source: SpateSource = { sourceId: item.sourceId, url: item.url, title: item.title, publishedAt: item.publishedAt };
  return item.outlet === undefined ? source : { ...source, outlet: item.outlet };
}

/** One incident near one watched person, however many sources reported it. */
export interface Spate {
  /** Stable across polls: the same incident keeps its id as reports are added. */
  id: string;
  personId: string;
  headline: string;
  places: string[];
  /** Distance from the person to the nearest named place, km; absent when matched by force area only. */
  distanceKm?: number;
  counts: Counts;
  tactics: Tactic[];
  /** Who the callers pretended to be: police, bank, hmrc, other-official (older records may hold names). */
  impersonated: string[];
  /** The names the callers used ("DC Adams", "Metropolitan Police"), for the phone script and the alert wording. */
  claimedAs?: string[];
  sources: SpateSource[];
  firstSeen: string;
  lastSeen: string;
  severity: Severity;
  state: SpateState;
  /** How the spate was judged near: a named place within the radius, or only the person's own force. */
  basis?: 'distance' | 'own-force';
}
