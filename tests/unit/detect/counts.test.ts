import { describe, expect, it } from 'vitest';
import { findCounts } from '../../../src/core/detect/counts.ts';
import { parseNumber } from '../../../src/core/detect/number-words.ts';

describe('counts', () => {
  it('reads number words', () => {
    expect(parseNumber('twenty-one')).toBe(21);
    expect(parseNumber('half a dozen')).toBe(6);
    expect(parseNumber('a dozen')).toBe(12);
    expect(parseNumber('1,250')).toBe(1250);
    expect(parseNumber('several')).toBeUndefined();
  });

  it('finds reports, targeted, victims, loss and the time window', () => {
    const counts = findCounts(
      'At least twelve people were targeted in 48 hours. Police have received 35 reports. Two women lost more than £9,500 between them.',
    );
    expect(counts).toEqual({ targeted: 12, windowDays: 2, reports: 35, victims: 2, lossGBP: 9500 });
  });

  it('takes the headline loss, not a smaller earlier figure', () => {
    expect(findCounts('Fraudsters have scammed more than £70,000. An earlier report found victims were conned of £8,000.').lossGBP).toBe(70000);
  });

  it('ignores the numbers in advice and background totals', () => {
    const counts = findCounts(
      'Call 101 or 999 if a courier is on the way. In the past 15 months 700 thefts have been reported. More than 100 people have been conned out of £355,000 in total.',
    );
    expect(counts).toEqual({});
  });

  it('does not count arrests', () => {
    expect(findCounts('Three people have been arrested in connection with these incidents.')).toEqual({});
  });

  it('records zero victims when nobody handed anything over', () => {
    expect(findCounts('Five calls were made. In each case the resident did not hand over any money.')).toEqual({ reports: 5, victims: 0 });
  });

  it('uses a list of each call when it is more exact than "more than half a dozen"', () => {
    const text = [
      'More than half a dozen calls were made on Tuesday.',
      '• High Street, Swaffham, at around 10am',
      '• Mill Lane, Necton, at around 11am',
      '• Chapel Road, Ashill, at around 11.30am',
      '• Church Lane, Saham Toney, at around 12pm',
      '• Brandon Road, Watton, at around 1pm',
      '• Norwich Road, Shipdham, at around 2pm',
      '• Station Road, Holme Hale, at around 3pm',
    ].join('\n');
    expect(findCounts(text).reports).toBe(7);
  });
});
