/**
 * What to do now about one logged call: an ordered plain plan from what happened and what was asked, the NEVER
 * rules it broke, and whether it looks live (the family must act in minutes, so the circle gets an urgent push).
 * The plan follows progress (the bank told, references noted: those steps are done) and age (a call from days ago
 * no longer says "hang up" or "call 999 now"). Numbers come from src/core/calls/help-lines.ts.
 */
import { rulesBrokenBy, type Rule } from '../rules/rules.ts';
import type { CallRecord } from './call.ts';
import { HELP_LINES } from './help-lines.ts';
import type { PhoneContact } from './person.ts';

/** A number the step asks you to ring, shown as a tap-to-call link. */
export interface StepCall {
  /** Who answers: "999", "Barclays", "Sarah (daughter)". */
  label: string;
  number: string;
}

export interface NextStep {
  id: string;
  text: string;
  /** Do this now, before anything else (never true once done). */
  urgent: boolean;
  /** Already done, from what was logged (bank told, a reference noted). */
  done: boolean;
  calls: StepCall[];
  /** A web address for the step, e.g. Report Fraud's. */
  site?: { label: string; url: string };
}

export interface CallPlan {
  live: boolean;
  steps: NextStep[];
  brokenRules: Rule[];
}

export type CallFacts = Pick<CallRecord, 'outcomes' | 'tactics'> & Partial<Pick<CallRecord, 'at' | 'bankTold' | 'ref101' | 'reportFraudRef'>>;

export interface PlanContext {
  banks?: readonly PhoneContact[];
  family?: readonly PhoneContact[];
  /** ms since the epoch; defaults to the clock. */
  now?: number;
}

/** How long after a call its "right now" steps (hang up, 999 for a courier) still apply: 12 hours, in ms. */
export const LIVE_WINDOW_MS = 12 * 60 * 60 * 1000;

/** Whether the call happened within the live window (a call with no time counts as recent). */
export function isRecent(call: Pick<CallFacts, 'at'>, now: number = Date.now()): boolean {
  if (!call.at) return true;
  const at = Date.parse(call.at);
  return Number.isNaN(at) || now - at < LIVE_WINDOW_MS;
}

/**
 * Live: the fraud may still be under way — still on the line, a courier coming, or details given with a courier
 * expected — and the call was within the last 12 hours.
 */
export function isLive(call: CallFacts, now: number = Date.now()): boolean {
  if (!isRecent(call, now)) return false;
  if (call.outcomes.includes('still-on-line') || call.outcomes.includes('courier-coming')) return true;
  return call.outcomes.includes('gave-details') && call.tactics.includes('courier-collection');
}

const withPhone = (contacts: readonly PhoneContact[] = []): StepCall[] =>
  contacts.filter((contact) => contact.phone.trim()).map((contact) => ({ label: contact.name.trim() || contact.phone.trim(), number: contact.phone.trim() }));

export function nextSteps(call: CallFacts, context: PlanContext = {}): NextStep[] {
  const now = context.now ?? Date.now();
  const recent = isRecent(call, now);
  const steps: NextStep[] = [];
  const add = (id: string, text: string, urgent: boolean, extra: { done?: boolean; calls?: StepCall[]; site?: NextStep['site'] } = {}): void => {
    if (steps.some((step) => step.id === id)) return;
    const done = extra.done ?? false;
    const step: NextStep = { id, text, urgent: urgent && !done, done, calls: extra.calls ?? [] };
    if (extra.site) step.site = extra.site;
    steps.push(step);
  };
  const has = (outcome: CallRecord['outcomes'][number]): boolean => call.outcomes.includes(outcome);
  const courierExpected = has('courier-coming') || (has('gave-details') && call.tactics.includes('courier-collection'));
  const emergency = { label: HELP_LINES.emergency.number, number: HELP_LINES.emergency.number };
  const bankCalls = [{ label: HELP_LINES.bank.number, number: HELP_LINES.bank.number }, ...withPhone(context.banks)];
  const reportFraud = {
    calls: [{ label: HELP_LINES.reportFraud.name, number: HELP_LINES.reportFraud.number }],
    site: { label: HELP_LINES.reportFraud.site, url: `https://www.${HELP_LINES.reportFraud.site}/` },
    done: Boolean(call.reportFraudRef?.trim()),
  };
  const reportFraudText = `Report it to Report Fraud on ${HELP_LINES.reportFraud.number} or at ${HELP_LINES.reportFraud.site}, and note the reference.`;

  if (recent && has('still-on-line')) {
    add('hang-up', 'Hang up now. Do not call anyone back on the same phone: the line may still be open.', true);
    add('other-phone', 'Use another phone (a mobile or a neighbour\'s), or wait five minutes and check for a dial tone.', true);
    if (call.tactics.includes('courier-collection')) add('call-999', 'If a courier is coming, call 999 now from another phone.', true, { calls: [emergency] });
  }
  if (recent && courierExpected) {
    add('call-999', 'Call 999 now from another phone: say a courier is coming to collect for a fraudster. Do not open the door to them.', true, { calls: [emergency] });
  }
  if (has('gave-details') || has('handed-over') || has('money-moved')) {
    add('call-bank', 'Call the bank now from another phone: 159 puts you through to your bank safely, or use the bank\'s own number.', true, {
      calls: bankCalls,
      done: call.bankTold === true,
    });
  }
  if (has('gave-details') || has('handed-over')) {
    add('cancel-cards', 'Ask the bank to cancel every card that was mentioned or handed over.', true, { done: call.bankTold === true });
  }
  if (has('money-moved')) add('report-fraud', reportFraudText, false, reportFraud);
  add('call-101', 'Call 101 to report the call, and note the reference.', false, {
    calls: [{ label: HELP_LINES.police.number, number: HELP_LINES.police.number }],
    done: Boolean(call.ref101?.trim()),
  });
  if (!has('money-moved') && (has('gave-details') || has('handed-over'))) add('report-fraud', reportFraudText, false, reportFraud);
  add('tell-family', 'Tell the family and go through the "police will NEVER" checklist again: fraudsters often call back.', false, {
    calls: withPhone(context.family),
  });
  return steps;
}

export function planForCall(call: CallFacts, context: PlanContext = {}): CallPlan {
  return { live: isLive(call, context.now), steps: nextSteps(call, context), brokenRules: rulesBrokenBy(call.tactics) };
}
