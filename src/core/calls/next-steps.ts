/**
 * What to do now about one logged call: an ordered plain plan from what happened and what was asked, the NEVER
 * rules it broke, and whether it looks live (the family must act in minutes, so the circle gets an urgent push).
 */
import { rulesBrokenBy, type Rule } from '../rules/rules.ts';
import type { CallRecord } from './call.ts';

export interface NextStep {
  id: string;
  text: string;
  /** Do this now, before anything else. */
  urgent: boolean;
}

export interface CallPlan {
  live: boolean;
  steps: NextStep[];
  brokenRules: Rule[];
}

type CallFacts = Pick<CallRecord, 'outcomes' | 'tactics'>;

/** Live: the fraud is still under way — still on the line, a courier coming, or details given with a courier expected. */
export function isLive(call: CallFacts): boolean {
  if (call.outcomes.includes('still-on-line') || call.outcomes.includes('courier-coming')) return true;
  return call.outcomes.includes('gave-details') && call.tactics.includes('courier-collection');
}

export function nextSteps(call: CallFacts, bankNumbers: readonly string[] = []): NextStep[] {
  const steps: NextStep[] = [];
  const add = (id: string, text: string, urgent: boolean): void => {
    if (!steps.some((step) => step.id === id)) steps.push({ id, text, urgent });
  };
  const has = (outcome: CallRecord['outcomes'][number]): boolean => call.outcomes.includes(outcome);
  const courierExpected = has('courier-coming') || (has('gave-details') && call.tactics.includes('courier-collection'));
  const bankLine =
    bankNumbers.length > 0 ? `159, or the bank on ${bankNumbers.join(' or ')}` : '159, or the number on the back of the card';

  if (has('still-on-line')) {
    add('hang-up', 'Hang up now. Do not call anyone back on the same phone: the line may still be open.', true);
    add('other-phone', 'Use another phone (a mobile or a neighbour\'s), or wait five minutes and check for a dial tone.', true);
    if (call.tactics.includes('courier-collection')) add('call-999', 'If a courier is coming, call 999 now.', true);
  }
  if (courierExpected) {
    add('call-999', 'Call 999 now: say a courier is coming to collect for a fraudster. Do not open the door to them.', true);
  }
  if (has('gave-details') || has('handed-over') || has('money-moved')) {
    add('call-bank', `Call the bank now from another phone: ${bankLine}.`, true);
  }
  if (has('gave-details') || has('handed-over')) {
    add('cancel-cards', 'Ask the bank to cancel every card that was mentioned or handed over.', true);
  }
  if (has('money-moved')) {
    add('report-fraud', 'Report it to Report Fraud (it replaced Action Fraud) and keep the reference.', false);
  }
  add('call-101', 'Call 101 to report the call and keep the reference.', false);
  if (!has('money-moved') && (has('gave-details') || has('handed-over'))) {
    add('report-fraud', 'Report it to Report Fraud and keep the reference.', false);
  }
  add('tell-family', 'Tell the family and go through the "police will NEVER" checklist again: fraudsters often call back.', false);
  return steps;
}

export function planForCall(call: CallFacts, bankNumbers: readonly string[] = []): CallPlan {
  return { live: isLive(call), steps: nextSteps(call, bankNumbers), brokenRules: rulesBrokenBy(call.tactics) };
}
