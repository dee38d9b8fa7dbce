/**
 * Finds calls for the log: by person, date range, outcome and words, newest first. Reads through the [personId+at]
 * or at index so a date range touches only its rows; the screen renders a page at a time, so 10,000 entries stay fast.
 */
import { Dexie } from 'dexie';
import type { CallRecord, Outcome } from '../core/calls/call.ts';
import type { KinwatchDb } from '../db/schema.ts';

export interface CallFilter {
  personId?: string;
  /** YYYY-MM-DD, local day, inclusive. */
  from?: string;
  to?: string;
  outcome?: Outcome | '';
  /** Words to find in the number, what they said, officer, references, notes, logged by. */
  text?: string;
}

export interface CallPage {
  calls: CallRecord[];
  /** How many calls match in all. */
  total: number;
}

function dayStart(day: string | undefined): string | undefined {
  if (!day) return undefined;
  const time = new Date(`${day}T00:00:00`);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

function dayEnd(day: string | undefined): string | undefined {
  if (!day) return undefined;
  const time = new Date(`${day}T23:59:59.999`);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

export function matchesText(call: CallRecord, words: string[]): boolean {
  if (words.length === 0) return true;
  const haystack = [call.number, call.callerSaid, call.officerName, call.ref101, call.reportFraudRef, call.notes, call.loggedBy]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export async function queryCalls(db: KinwatchDb, filter: CallFilter, limit: number): Promise<CallPage> {
  const lower = dayStart(filter.from) ?? '';
  const upper = dayEnd(filter.to) ?? '\uffff';
  const collection = filter.personId
    ? db.calls.where('[personId+at]').between([filter.personId, lower], [filter.personId, upper], true, true)
    : db.calls.where('at').between(lower || Dexie.minKey, upper, true, true);
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const rows = await collection.reverse().toArray();
  const matching = rows.filter(
    (call) => !call.deleted && (!filter.outcome || call.outcomes.includes(filter.outcome)) && matchesText(call, words),
  );
  return { calls: matching.slice(0, limit), total: matching.length };
}
