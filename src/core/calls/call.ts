/** One suspicious call a parent got, as a carer logs it. Syncable: id, hlc and a tombstone. */
import type { Tactic } from '../detect/vocabulary.ts';

export const OUTCOMES = [
  'hung-up',
  'gave-details',
  'handed-over',
  'courier-coming',
  'money-moved',
  'still-on-line',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  'hung-up': 'Hung up, nothing given',
  'gave-details': 'Gave PIN, card or bank details',
  'handed-over': 'Handed over cards, cash or valuables',
  'courier-coming': 'A courier came or is coming',
  'money-moved': 'Money was moved or paid',
  'still-on-line': 'Still on the line now',
};

export const TACTIC_LABELS: Record<Tactic, string> = {
  'pin-request': 'Asked for the PIN, card or bank details',
  'card-handover': 'Asked for the bank card',
  'cash-withdrawal': 'Asked them to take out cash',
  'courier-collection': 'Said a courier or taxi would collect',
  'bank-transfer': 'Asked them to move money to a "safe account"',
  'high-value-purchase': 'Asked them to buy gold, jewellery or gift cards',
  'valuables-handover': 'Asked for jewellery or valuables',
  'line-held-open': 'Told them to call 999, 101 or the bank to check',
  secrecy: 'Told them to keep it secret',
  post: 'Asked them to post cash',
};

export const CALLER_KINDS = ['police', 'bank', 'utility', 'hmrc', 'other'] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

export const CALLER_KIND_LABELS: Record<CallerKind, string> = {
  police: 'Police',
  bank: 'A bank',
  utility: 'BT or a utility',
  hmrc: 'HMRC',
  other: 'Other',
};

export interface CallRecord {
  id: string;
  hlc: string;
  deleted?: true;
  personId: string;
  /** ISO 8601 time of the call. */
  at: string;
  numberWithheld: boolean;
  /** The number shown, when one was. */
  number?: string;
  callerKind: CallerKind;
  /** Force id when the caller claimed to be police from a named force. */
  callerForceId?: string;
  /** Free text: "DC Smith from Hammersmith CID". */
  callerSaid?: string;
  officerName?: string;
  tactics: Tactic[];
  outcomes: Outcome[];
  ref101?: string;
  reportFraudRef?: string;
  bankTold: boolean;
  notes?: string;
  loggedBy?: string;
}
