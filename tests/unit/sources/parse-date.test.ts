import { describe, expect, it } from 'vitest';
import { isBritishSummerTime, parseFeedDate, parseListingDate } from '../../../src/core/sources/parse-date.ts';

describe('feed dates', () => {
  it.each([
    ['Tue, 24 Nov 2026 09:05:00 GMT', '2026-11-24T09:05:00.000Z'],
    ['Tue, 24 Nov 2026 09:05:00 +0000', '2026-11-24T09:05:00.000Z'],
    ['Mon, 06 Jul 2026 14:30:00 +0100', '2026-07-06T13:30:00.000Z'],
    ['Mon, 06 Jul 2026 14:30:00 BST', '2026-07-06T13:30:00.000Z'],
    ['6 Jul 2026 14:30 -0500', '2026-07-06T19:30:00.000Z'],
    ['Mon, 6 Jul 26 14:30:00 EDT', '2026-07-06T18:30:00.000Z'],
  ])('reads RFC 822 %s', (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  it.each([
    ['2026-11-24T09:05:00Z', '2026-11-24T09:05:00.000Z'],
    ['2026-07-06T14:30:00+01:00', '2026-07-06T13:30:00.000Z'],
    ['2026-07-06T14:30:00.250+0100', '2026-07-06T13:30:00.250Z'],
    ['2026-11-24', '2026-11-24T00:00:00.000Z'],
    ['2026-07-06T14:30:00', '2026-07-06T13:30:00.000Z'],
  ])('reads ISO 8601 %s', (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  it('reads the listing time in Europe/London across both clock changes', () => {
    // 2026: BST from 01:00 UTC 29 March to 01:00 UTC 25 October.
    expect(parseListingDate('Published: 00:59 29/03/2026')).toBe('2026-03-29T00:59:00.000Z');
    expect(parseListingDate('Published: 02:30 29/03/2026')).toBe('2026-03-29T01:30:00.000Z');
    expect(parseListingDate('12:00 28/03/2026')).toBe('2026-03-28T12:00:00.000Z');
    expect(parseListingDate('12:00 24/10/2026')).toBe('2026-10-24T11:00:00.000Z');
    expect(parseListingDate('12:00 25/10/2026')).toBe('2026-10-25T12:00:00.000Z');
    expect(parseListingDate('09:15 01/01/2027')).toBe('2027-01-01T09:15:00.000Z');
    // 2027: last Sunday of March is the 28th.
    expect(isBritishSummerTime(Date.UTC(2027, 2, 28, 0, 59))).toBe(false);
    expect(isBritishSummerTime(Date.UTC(2027, 2, 28, 1, 0))).toBe(true);
  });

  it('agrees with the platform time zone database where one is available', () => {
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    for (let day = 0; day < 800; day += 3) {
      const utc = Date.UTC(2026, 0, 1, 10 + (day % 13), 17) + day * 86_400_000;
      const parts = Object.fromEntries(format.formatToParts(new Date(utc)).map((part) => [part.type, part.value]));
      const listing = `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
      expect(parseListingDate(listing), listing).toBe(new Date(utc).toISOString());
    }
  });

  it('returns null for missing or unreadable dates rather than guessing', () => {
    for (const bad of [undefined, null, '', 'yesterday', '31 Feb 2026 10:00 GMT', '2026-02-30', '25:99 01/01/2026', 'Tue, 24 Xyz 2026 09:05:00 GMT']) {
      expect(parseFeedDate(bad), String(bad)).toBeNull();
    }
  });
});
