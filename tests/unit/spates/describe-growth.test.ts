import { describe, expect, it } from 'vitest';
import { grownMeasures } from '../../../src/core/spates/escalation.ts';
import { describeGrowth } from '../../../src/core/spates/wording.ts';

const first = { counts: { reports: 3, victims: 1, lossGBP: 12_000 }, places: ['Brightlingsea', 'West Mersea'] };

describe('what changed when a spate grows', () => {
  it('names the new place and the counts that grew, with what they were', () => {
    const grown = { counts: { reports: 9, victims: 3, lossGBP: 31_000 }, places: ['Brightlingsea', 'West Mersea', 'Wivenhoe'] };
    expect(describeGrowth(first, grown)).toBe('9 reports (was 3) · 3 victims (was 1) · £31,000 lost (was £12,000) · new place: Wivenhoe');
  });

  it('says a count that was not given before without a "was", and several new places together', () => {
    const grown = { counts: { ...first.counts, targeted: 4 }, places: [...first.places, 'Alresford', 'Wivenhoe'] };
    expect(describeGrowth(first, grown)).toBe('4 targeted · new places: Alresford, Wivenhoe');
  });

  it('is empty exactly when the escalation rule sees no growth (a repeat of the story, or smaller figures)', () => {
    const repeat = { counts: { reports: 2, victims: 1, lossGBP: 5_000 }, places: ['west mersea'] };
    expect(grownMeasures(first, repeat)).toEqual([]);
    expect(describeGrowth(first, repeat)).toBe('');
  });

  it('uses the singular for one', () => {
    expect(describeGrowth({ counts: {}, places: [] }, { counts: { reports: 1, victims: 1 }, places: [] })).toBe('1 report · 1 victim');
  });
});
