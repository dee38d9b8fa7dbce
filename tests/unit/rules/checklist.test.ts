import { describe, expect, it } from 'vitest';
import { checklistState, REVIEW_AFTER_DAYS, type ChecklistTick } from '../../../src/core/rules/checklist.ts';
import { RULES, rulesBrokenBy } from '../../../src/core/rules/rules.ts';

const tick = (ruleId: string, talkedOn: string, extra: Partial<ChecklistTick> = {}): ChecklistTick => ({
  id: `${ruleId}-${talkedOn}`,
  hlc: '1764000000000-0000-node',
  personId: 'p1',
  ruleId,
  talkedOn,
  by: 'Sam',
  ...extra,
});

describe('rules catalogue', () => {
  it('cites a source checked on 2026-11-24 for every rule and says Report Fraud, not Action Fraud', () => {
    for (const rule of RULES) {
      expect(rule.source.url).toMatch(/^https:\/\//);
      expect(rule.source.checkedOn).toBe('2026-11-24');
      expect(rule.wording).not.toMatch(/Action Fraud/);
    }
    expect(RULES.find((rule) => rule.id === 'do-report')!.wording).toContain('Report Fraud');
  });

  it('has unique ids', () => {
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
  });

  it('maps a courier pickup to the courier rule', () => {
    expect(rulesBrokenBy(['courier-collection']).map((rule) => rule.id)).toEqual(['never-courier']);
  });
});

describe('checklist state', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');

  it('counts rules talked through for this person only', () => {
    const state = checklistState([tick('never-pin', '2026-11-20'), tick('never-courier', '2026-11-21', { personId: 'p2' })], 'p1', now);
    expect(state.done).toBe(1);
    expect(state.total).toBe(RULES.length);
    expect(state.rules.find((status) => status.rule.id === 'never-pin')!.lastTick!.by).toBe('Sam');
  });

  it('ignores deleted ticks (undo)', () => {
    expect(checklistState([tick('never-pin', '2026-11-20', { deleted: true })], 'p1', now).done).toBe(0);
  });

  it('marks a rule due for review after six weeks and says when the next review falls', () => {
    const old = new Date(now - (REVIEW_AFTER_DAYS + 1) * 86_400_000).toISOString().slice(0, 10);
    const state = checklistState([tick('never-pin', old), tick('never-courier', '2026-11-23')], 'p1', now);
    expect(state.dueForReview).toBe(1);
    expect(state.done).toBe(1);
    expect(state.rules.find((status) => status.rule.id === 'never-pin')!.reviewDue).toBe(true);
    expect(state.nextReviewOn! < '2026-11-24').toBe(true);
  });

  it('a fresh tick on a due rule clears its reminder', () => {
    const state = checklistState([tick('never-pin', '2026-09-01'), tick('never-pin', '2026-11-24')], 'p1', now);
    expect(state.dueForReview).toBe(0);
    expect(state.done).toBe(1);
    expect(state.nextReviewOn).toBe('2027-01-05');
  });
});
