/**
 * The "police will NEVER" rules and what-to-do advice, as the forces repeat them. Each carries its source and the
 * date it was last checked, so a carer can see where the advice comes from. Action Fraud was replaced by
 * Report Fraud on 4 December 2025: wording here uses the new name.
 */
import type { Tactic } from '../detect/vocabulary.ts';

export interface RuleSource {
  publisher: string;
  url: string;
  /** ISO date (YYYY-MM-DD) the source was last read. */
  checkedOn: string;
}

export type RuleKind = 'never' | 'do';

export interface Rule {
  id: string;
  kind: RuleKind;
  /** One short line a parent can remember. */
  wording: string;
  /** A sentence or two of why and how. */
  detail: string;
  /** Tactics that break this rule: a call using one of them broke it. Only for "never" rules. */
  brokenBy: Tactic[];
  source: RuleSource;
}

const CHECKED_ON = '2026-11-24';

const MET_COURIER: RuleSource = {
  publisher: 'Metropolitan Police',
  url: 'https://www.met.police.uk/advice/advice-and-information/fa/fraud/personal-fraud/courier-fraud/',
  checkedOn: CHECKED_ON,
};
const TAKE_FIVE: RuleSource = {
  publisher: 'Take Five to Stop Fraud (UK Finance)',
  url: 'https://www.takefive-stopfraud.org.uk/',
  checkedOn: CHECKED_ON,
};
const STOP_SCAMS: RuleSource = {
  publisher: 'Stop Scams UK (159)',
  url: 'https://stopscamsuk.org.uk/159',
  checkedOn: CHECKED_ON,
};
const REPORT_FRAUD: RuleSource = {
  publisher: 'Report Fraud (City of London Police)',
  url: 'https://www.reportfraud.police.uk/',
  checkedOn: CHECKED_ON,
};

export const RULES: readonly Rule[] = [
  {
    id: 'never-pin',
    kind: 'never',
    wording: 'Police and banks will NEVER ask for your PIN or bank details on the phone.',
    detail: 'Not your PIN, card number, passwords or the codes your bank texts you. Anyone who asks is a fraudster.',
    brokenBy: ['pin-request'],
    source: MET_COURIER,
  },
  {
    id: 'never-courier',
    kind: 'never',
    wording: 'Police and banks will NEVER send a courier or taxi to collect cards, cash or valuables.',
    detail: 'No real officer collects your bank card, cash, gold or jewellery "as evidence". Do not open the door to them.',
    brokenBy: ['courier-collection', 'card-handover', 'valuables-handover'],
    source: MET_COURIER,
  },
  {
    id: 'never-withdraw',
    kind: 'never',
    wording: 'Police and banks will NEVER ask you to withdraw cash or buy gold, jewellery or gift cards.',
    detail: 'Callers say it is to "catch a corrupt cashier". It is always a fraud.',
    brokenBy: ['cash-withdrawal', 'high-value-purchase', 'post'],
    source: MET_COURIER,
  },
  {
    id: 'never-move-money',
    kind: 'never',
    wording: 'Police and banks will NEVER ask you to move money to a "safe account".',
    detail: 'There is no such thing as a safe account. Your bank will never ask you to transfer money to protect it.',
    brokenBy: ['bank-transfer'],
    source: TAKE_FIVE,
  },
  {
    id: 'never-secret',
    kind: 'never',
    wording: 'Police will NEVER ask you to keep it secret from your family or your bank.',
    detail: 'Being told to tell no one, or to lie to the bank about why you want cash, is a sure sign of fraud.',
    brokenBy: ['secrecy'],
    source: MET_COURIER,
  },
  {
    id: 'never-call-back-same-line',
    kind: 'never',
    wording: 'Police will NEVER ask you to call 999, 101 or your bank to "check" while they wait.',
    detail: 'Fraudsters keep the line open so your call goes back to them. Hang up and use another phone.',
    brokenBy: ['line-held-open'],
    source: MET_COURIER,
  },
  {
    id: 'do-hang-up',
    kind: 'do',
    wording: 'Hang up. Call back from another phone, or wait five minutes and check for a dial tone.',
    detail: 'The caller can keep your line open after you hang up. A mobile or a neighbour\'s phone is safe.',
    brokenBy: [],
    source: MET_COURIER,
  },
  {
    id: 'do-door-id',
    kind: 'do',
    wording: 'At the door, ask for ID and call 101 to check. Do not hand anything over.',
    detail: 'A real officer will wait while you check. Keep the door shut or on the chain while you call.',
    brokenBy: [],
    source: MET_COURIER,
  },
  {
    id: 'do-call-bank-159',
    kind: 'do',
    wording: 'If you gave details or cards, call your bank at once on 159 or the number on your card.',
    detail: '159 connects you safely to most UK banks. Ask them to stop your cards.',
    brokenBy: [],
    source: STOP_SCAMS,
  },
  {
    id: 'do-999-courier',
    kind: 'do',
    wording: 'If a courier is on the way, call 999.',
    detail: 'Police can catch the courier at the door. Use another phone if the caller may still be on the line.',
    brokenBy: [],
    source: MET_COURIER,
  },
  {
    id: 'do-report',
    kind: 'do',
    wording: 'Report it: call 101, and report to Report Fraud.',
    detail: 'Report Fraud replaced Action Fraud on 4 December 2025. Reports help the police warn others nearby.',
    brokenBy: [],
    source: REPORT_FRAUD,
  },
  {
    id: 'do-tell-family',
    kind: 'do',
    wording: 'Tell a family member about any call like this, even if you hung up.',
    detail: 'Fraudsters often call again. The family can warn neighbours and check on you.',
    brokenBy: [],
    source: TAKE_FIVE,
  },
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

/** The NEVER rules a set of tactics broke, in catalogue order. */
export function rulesBrokenBy(tactics: readonly Tactic[]): Rule[] {
  return RULES.filter((rule) => rule.kind === 'never' && rule.brokenBy.some((tactic) => tactics.includes(tactic)));
}
