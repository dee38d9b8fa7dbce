/**
 * Feed dates to ISO 8601 UTC strings. Three shapes occur in police and news feeds: RFC 822 (RSS `pubDate`),
 * ISO 8601 (Atom, `dc:date`), and the Single Online Home listing's `HH:MM DD/MM/YYYY` in UK local time.
 * Parsed by hand rather than `Date.parse`, whose handling of zone names such as BST and of zone-less ISO
 * strings differs between engines.
 */

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/** Offsets in minutes east of UTC for the zone names RFC 822 allows, plus the UK's own. */
const ZONE_OFFSETS: Record<string, number> = {
  GMT: 0, UT: 0, UTC: 0, Z: 0, BST: 60, IST: 60, CET: 60, CEST: 120,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

export function parseFeedDate(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const text = value.trim();
  if (text === '') return null;
  return parseIsoDate(text) ?? parseRfc822Date(text) ?? parseListingDate(text);
}

/** "Tue, 24 Nov 2026 09:05:00 GMT", "24 Nov 26 10:05 +0100", "Mon, 6 Jul 2026 14:00:00 BST". */
export function parseRfc822Date(text: string): string | null {
  const match =
    /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?$/.exec(
      text,
    );
  if (!match) return null;
  const [, day, monthName, yearText, hour, minute, second, zone] = match;
  const month = MONTHS[(monthName ?? '').toLowerCase()];
  if (month === undefined) return null;
  let year = Number(yearText);
  if ((yearText ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  const offset = zoneOffsetMinutes(zone ?? 'GMT');
  if (offset === null) return null;
  return fromParts(year, month, Number(day), Number(hour), Number(minute), Number(second ?? 0), 0, offset);
}

/** "2026-11-24T09:05:00Z", "2026-11-24T10:05:00+01:00", "2026-11-24" (zone-less values are read as UK time). */
export function parseIsoDate(text: string): string | null {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(
      text,
    );
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const millis = fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
  const parts = [Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), millis] as const;
  if (zone === undefined) return fromLondonParts(...parts);
  const offset = zoneOffsetMinutes(zone.toUpperCase());
  if (offset === null) return null;
  return fromParts(...parts, offset);
}

/** The Single Online Home listing's "HH:MM DD/MM/YYYY", always UK local time (GMT or BST). */
export function parseListingDate(text: string): string | null {
  const match = /(\d{1,2}):(\d{2})\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  if (!match) return null;
  const [, hour, minute, day, month, year] = match;
  return fromLondonParts(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), 0, 0);
}

/**
 * UK local wall-clock time to UTC. BST (UTC+1) runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on
 * the last Sunday of October (the EU/UK rule since 1996). In the repeated autumn hour the earlier (BST) reading
 * wins; times in the skipped spring hour are read as GMT.
 */
export function fromLondonParts(
  year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number,
): string | null {
  if (!validParts(year, month, day, hour, minute, second)) return null;
  const wallAsUtc = Date.UTC(year, month, day, hour, minute, second, millis);
  const bstStart = Date.UTC(year, 2, lastSundayOf(year, 2), 1);
  const bstEnd = Date.UTC(year, 9, lastSundayOf(year, 9), 1);
  const ifBst = wallAsUtc - 60 * 60 * 1000;
  const utc = ifBst >= bstStart && ifBst < bstEnd ? ifBst : wallAsUtc;
  return new Date(utc).toISOString();
}

export function isBritishSummerTime(utcMillis: number): boolean {
  const year = new Date(utcMillis).getUTCFullYear();
  return utcMillis >= Date.UTC(year, 2, lastSundayOf(year, 2), 1) && utcMillis < Date.UTC(year, 9, lastSundayOf(year, 9), 1);
}

function lastSundayOf(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}

function fromParts(
  year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number, offsetMinutes: number,
): string | null {
  if (!validParts(year, month, day, hour, minute, second)) return null;
  return new Date(Date.UTC(year, month, day, hour, minute, second, millis) - offsetMinutes * 60_000).toISOString();
}

function validParts(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (year < 1970 || year > 2200 || month < 0 || month > 11 || hour > 24 || minute > 59 || second > 60) return false;
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

function zoneOffsetMinutes(zone: string): number | null {
  const named = ZONE_OFFSETS[zone.toUpperCase()];
  if (named !== undefined) return named;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!numeric) return null;
  const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
  return numeric[1] === '-' ? -minutes : minutes;
}
