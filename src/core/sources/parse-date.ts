/**
 * Feed dates to ISO 8601 UTC strings, for the shapes real publishers produce:
 * - RFC 822 / RFC 2822 (`pubDate`), including the common deviations: no time ("Tue, 24 Nov 2026"), times without
 *   seconds, full or four-letter weekdays ("Tues"), full month names, month before day ("Nov 24, 2026 09:05",
 *   JavaScript's "Tue Nov 24 2026 09:05:00 GMT+0000 (Greenwich Mean Time)"), ordinals ("24th"), "at" before the time;
 * - ISO 8601 / W3CDTF (Atom, Dublin Core `dc:date`), zone-less values read as UK time;
 * - zones as names (UT, GMT, Z, BST, EST… per RFC 822 plus the UK's own), numeric offsets ("+0100", "GMT+01:00") and
 *   IANA names ("Europe/London", resolved with the platform's Intl time-zone data);
 * - a `<time datetime="…">` element inside the date element (some CMSs put their HTML date widget there);
 * - the Single Online Home listing's `HH:MM DD/MM/YYYY` and plain `DD/MM/YYYY`, in UK local time.
 * Parsed by hand rather than `Date.parse`, whose handling of zone names such as BST and of zone-less strings differs
 * between engines. A date that still cannot be read is null: the caller dates the item by when it was first seen.
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
  let text = value.trim();
  if (text === '') return null;
  if (text.includes('<')) {
    // <time datetime="2026-11-24T09:05:00Z">24 Nov</time>: the machine-readable attribute wins over the words.
    const attribute = /<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)["']/i.exec(text)?.[1];
    if (attribute !== undefined) {
      const fromAttribute = parseFeedDate(attribute);
      if (fromAttribute !== null) return fromAttribute;
    }
    text = text.replace(/<[^>]*>/g, ' ').trim();
  }
  return parseIsoDate(text) ?? parseRfc822Date(text) ?? parseListingDate(text) ?? parseNumericDate(text) ?? parseLooseDate(text);
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
  return isoString(utc);
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
  return isoString(Date.UTC(year, month, day, hour, minute, second, millis) - offsetMinutes * 60_000);
}

const MS_PER_DAY = 86_400_000;
const twoDigits = (value: number) => (value < 10 ? `0${value}` : `${value}`);

/**
 * `new Date(utcMillis).toISOString()` ("2026-11-24T09:05:00.000Z") for whole milliseconds in years 0–9999, computed
 * rather than through a Date (several times faster; every feed item has a date). The civil date from the day number is
 * Howard Hinnant's `civil_from_days` (https://howardhinnant.github.io/date_algorithms.html), proleptic Gregorian as
 * Date is.
 */
function isoString(utcMillis: number): string {
  const days = Math.floor(utcMillis / MS_PER_DAY);
  const time = utcMillis - days * MS_PER_DAY;
  const shifted = days + 719_468; // days since 0000-03-01
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(time / 3_600_000);
  const minute = Math.floor((time % 3_600_000) / 60_000);
  const second = Math.floor((time % 60_000) / 1000);
  const millis = time % 1000;
  const millisText = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : `${millis}`;
  return `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}T${twoDigits(hour)}:${twoDigits(minute)}:${twoDigits(second)}.${millisText}Z`;
}

function validParts(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (year < 1970 || year > 2200 || month < 0 || month > 11 || hour > 24 || minute > 59 || second > 60) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (0 = January) of the Gregorian calendar, as Date.UTC counts them. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 1 && leap ? 29 : DAYS_IN_MONTH[month]!;
}

function zoneOffsetMinutes(zone: string): number | null {
  const named = ZONE_OFFSETS[zone.toUpperCase()];
  if (named !== undefined) return named;
  // "+0100", "-05:00", "+01", and the same after "GMT" or "UTC" ("GMT+0100", "UTC-05:00").
  const numeric = /^(?:GMT|UTC|UT)?\s*([+-])(\d{1,2}):?(\d{2})?$/i.exec(zone);
  if (!numeric) return null;
  const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
  return numeric[1] === '-' ? -minutes : minutes;
}

const WEEKDAY = /\b(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\b\.?,?/gi;

/**
 * The looser textual shapes: weekday optional and in any spelling, day and month in either order, ordinals, "at",
 * time optional (with or without seconds, 12-hour with am/pm), then a zone name, numeric offset, "GMT+hh:mm" or an
 * IANA name. Zone-less values are UK local time (these are UK sources).
 */
export function parseLooseDate(input: string): string | null {
  let text = input.replace(/\([^)]*\)\s*$/, ' ').replace(WEEKDAY, ' ').replace(/,/g, ' ').replace(/\bat\b/gi, ' ');
  text = text.replace(/(\d)(st|nd|rd|th)\b/gi, '$1').replace(/\s+/g, ' ').trim();
  const dayFirst = /^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4}|\d{2})\b/.exec(text);
  const monthFirst = dayFirst ? null : /^([A-Za-z]{3,9})\.? (\d{1,2}) (\d{4})\b/.exec(text);
  const dateMatch = dayFirst ?? monthFirst;
  if (!dateMatch) return null;
  const [dayText, monthName, yearText] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : [monthFirst![2], monthFirst![1], monthFirst![3]];
  const month = monthIndex(monthName ?? '');
  if (month === undefined) return null;
  let year = Number(yearText);
  if ((yearText ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  const rest = text.slice(dateMatch[0].length).trim();
  const timeMatch = /^(?:(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?(?![a-z]))?)?\s*(.*)$/i.exec(rest);
  if (!timeMatch) return null;
  const [, hourText, minuteText, secondText, meridiem, zoneText = ''] = timeMatch;
  let hour = Number(hourText ?? 0);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (/^p/i.test(meridiem) ? 12 : 0);
  }
  const minute = Number(minuteText ?? 0);
  const second = Number(secondText ?? 0);
  const day = Number(dayText);
  const zone = zoneText.trim();
  if (zone === '') return fromLondonParts(year, month, day, hour, minute, second, 0);
  const offset = zoneOffsetMinutes(zone) ?? ianaOffsetMinutes(zone, year, month, day, hour, minute, second);
  if (offset === null) return null;
  return fromParts(year, month, day, hour, minute, second, 0, offset);
}

/** "24/11/2026", "24/11/2026 09:05", "24-11-2026 09:05:30": day first, as UK sites write it, UK local time. */
export function parseNumericDate(text: string): string | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!match) return null;
  const [, day, month, year, hour, minute, second] = match;
  return fromLondonParts(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), 0);
}

function monthIndex(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = MONTHS[lower.slice(0, 3)];
  if (index === undefined) return undefined;
  // "Sept" and full names are fine; "Novel" is not a month.
  return lower.length === 3 || FULL_MONTHS[index]!.startsWith(lower) || lower === 'sept' ? index : undefined;
}

const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The offset of an IANA zone ("Europe/London", "America/New_York") at that wall-clock time, or null if unknown. */
function ianaOffsetMinutes(zone: string, year: number, month: number, day: number, hour: number, minute: number, second: number): number | null {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z_+-]+)+$/.test(zone)) return null;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    return null;
  }
  const wall = Date.UTC(year, month, day, hour, minute, second);
  // Two rounds find the offset in force at that wall time (the guess is refined once across a clock change).
  let offset = 0;
  for (let round = 0; round < 2; round++) {
    const parts = Object.fromEntries(format.formatToParts(new Date(wall - offset * 60_000)).map((part) => [part.type, part.value]));
    const shown = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    offset = Math.round((shown - (wall - offset * 60_000)) / 60_000);
  }
  return offset;
}
