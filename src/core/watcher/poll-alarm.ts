/** The subset of chrome.alarms the scheduler uses. */
export interface AlarmsApi {
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): void | Promise<void>;
  clear(name: string): Promise<boolean>;
}

export const POLL_ALARM_NAME = 'kinwatch-poll';

/**
 * MV3 may drop alarms (browser update, profile restore, extension reload), so the worker re-creates the poll alarm
 * every time it starts: look it up and create it only when missing or on the wrong period, so an existing schedule is
 * not pushed back on every wake-up.
 */
export function createPollAlarm(alarms: AlarmsApi) {
  return {
    /** Returns true when the alarm had to be (re)created. */
    async ensure(periodInMinutes: number): Promise<boolean> {
      const existing = await alarms.get(POLL_ALARM_NAME);
      if (existing && existing.periodInMinutes === periodInMinutes) return false;
      if (existing) await alarms.clear(POLL_ALARM_NAME);
      // The first poll comes soon after install or restart, then on the period.
      await alarms.create(POLL_ALARM_NAME, { delayInMinutes: 1, periodInMinutes });
      return true;
    },
    isPollAlarm: (alarm: { name: string }): boolean => alarm.name === POLL_ALARM_NAME,
  };
}
