/** The fixed tactic vocabulary (docs/design.md): what the fraudsters did, never the advice given. */
export const TACTICS = [
  'pin-request',
  'card-handover',
  'cash-withdrawal',
  'courier-collection',
  'bank-transfer',
  'high-value-purchase',
  'valuables-handover',
  'line-held-open',
  'secrecy',
  'post',
] as const;

export type Tactic = (typeof TACTICS)[number];

/** Who the fraudsters pretended to be, as a category (docs/design.md): the names they used are kept in `claimedAs`. */
export const IMPERSONATED_CATEGORIES = ['police', 'bank', 'hmrc', 'other-official'] as const;

export type ImpersonatedCategory = (typeof IMPERSONATED_CATEGORIES)[number];

export interface Counts {
  reports?: number;
  targeted?: number;
  victims?: number;
  lossGBP?: number;
  /** The time window the counts cover, in days, when the text says (e.g. "in 24 hours" → 1). */
  windowDays?: number;
}

export interface PlaceMention {
  name: string;
  /** Where the gazetteer places it, when it can. */
  lat?: number;
  lng?: number;
  kind?: 'town' | 'village' | 'district' | 'county' | 'borough' | 'area';
}

export interface Analysis {
  relevant: boolean;
  /** 0..1 */
  score: number;
  /** Why it was judged so, in plain words (shown to users and in the analyze output's debug). */
  reasons: string[];
  tactics: Tactic[];
  /** Categories, in IMPERSONATED_CATEGORIES order. */
  impersonated: ImpersonatedCategory[];
  /** The names the callers used, as written: "Metropolitan Police", "DC Adams", "Barclays", "HMRC". */
  claimedAs: string[];
  places: PlaceMention[];
  counts: Counts;
}
