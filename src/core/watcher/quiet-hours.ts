/** Night-time hours when only urgent alerts make a sound: a relative should not be woken for a routine warning. */
export interface QuietHours {
  enabled: boolean;
  /** Local time "HH:MM" when quiet starts (e.g. "22:00"). */
  start: string;
  /** Local time "HH:MM" when quiet ends (e.g. "07:00"); before `start` means the quiet spans midnight. */
  end: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { enabled: true, start: '22:00', end: '07:00' };

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight for "HH:MM", or throws an error naming the field. */
export function parseTimeOfDay(value: string, field: string): number {
  const match = TIME_OF_DAY.exec(value.trim());
  if (!match) throw new Error(`${field} must be a time like 22:00, not "${value}".`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Whether `localMinutes` (minutes after local midnight) falls inside the quiet hours. */
export function isWithinQuietHours(quiet: QuietHours, localMinutes: number): boolean {
  if (!quiet.enabled) return false;
  const start = parseTimeOfDay(quiet.start, 'Quiet hours start');
  const end = parseTimeOfDay(quiet.end, 'Quiet hours end');
  if (start === end) return false;
  return start < end ? localMinutes >= start && localMinutes < end : localMinutes >= start || localMinutes < end;
}

/** Minutes after local midnight of an instant, in the device's own time zone (where the relative is). */
export function localMinutesOf(epochMs: number): number {
  const date = new Date(epochMs);
  return date.getHours() * 60 + date.getMinutes();
}
