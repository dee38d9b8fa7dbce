import type { Counts, Tactic } from '../detect/vocabulary.ts';

export type SpateState = 'new' | 'escalated' | 'quiet';
export type Severity = 'low' | 'medium' | 'high';

export interface SpateSource {
  sourceId: string;
  url: string;
  title: string;
  publishedAt: string | null;
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
