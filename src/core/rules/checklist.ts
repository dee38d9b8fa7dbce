/** Checklist state per person: which rules were talked through, when, and when to go over them again. */
import { RULES, type Rule } from './rules.ts';

/** A tick: "talked through <rule> with <person> on <date>, by <who>". Syncable: id, hlc and a tombstone. */
export interface ChecklistTick {
  id: string;
  hlc: string;
  deleted?: true;
  personId: string;
  ruleId: string;
  /** ISO date the rule was talked through. */
  talkedOn: string;
  by: string;
}

/** Warnings fade within weeks: go over the rules again after six. */
export const REVIEW_AFTER_DAYS = 42;
const DAY_MS = 86_400_000;

export interface RuleStatus {
  rule: Rule;
  lastTick?: ChecklistTick;
  /** Talked through, but more than six weeks ago. */
  reviewDue: boolean;
}

export interface ChecklistState {
  rules: RuleStatus[];
  done: number;
  total: number;
  /** Rules talked through but due again. */
  dueForReview: number;
  /** When the next review falls due (the oldest tick + 6 weeks), if anything is ticked. */
  nextReviewOn?: string;
}

export function checklistState(ticks: readonly ChecklistTick[], personId: string, nowMs: number): ChecklistState {
  const latest = new Map<string, ChecklistTick>();
  for (const tick of ticks) {
    if (tick.personId !== personId || tick.deleted) continue;
    const seen = latest.get(tick.ruleId);
    if (!seen || seen.talkedOn < tick.talkedOn) latest.set(tick.ruleId, tick);
  }
  const rules = RULES.map((rule): RuleStatus => {
    const lastTick = latest.get(rule.id);
    const reviewDue = lastTick !== undefined && nowMs - Date.parse(lastTick.talkedOn) > REVIEW_AFTER_DAYS * DAY_MS;
    return lastTick ? { rule, lastTick, reviewDue } : { rule, reviewDue };
  });
  const ticked = rules.filter((status) => status.lastTick);
  const oldest = ticked.map((status) => status.lastTick!.talkedOn).sort()[0];
  const state: ChecklistState = {
    rules,
    done: ticked.filter((status) => !status.reviewDue).length,
    total: rules.length,
    dueForReview: ticked.filter((status) => status.reviewDue).length,
  };
  if (oldest) state.nextReviewOn = new Date(Date.parse(oldest) + REVIEW_AFTER_DAYS * DAY_MS).toISOString().slice(0, 10);
  return state;
}
