import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { POLL_ALARM_NAME } from '../../src/core/watcher/poll-alarm.ts';
import { startBackground } from './watcher-harness.ts';

describe('poll alarm', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is created on first start with the default 15-minute period', async () => {
    const { background } = await startBackground({ now: () => Date.now() });
    expect(await background.ensureAlarm()).toBe(true);
    const alarm = await fakeBrowser.alarms.get(POLL_ALARM_NAME);
    expect(alarm?.periodInMinutes).toBe(15);
  });

  it('is re-created when a restarted worker finds it gone, and left alone when it is there', async () => {
    const first = await startBackground({ now: () => Date.now() });
    await first.background.ensureAlarm();
    const scheduled = (await fakeBrowser.alarms.get(POLL_ALARM_NAME))?.scheduledTime;

    // The next worker start with the alarm still there: the schedule is not pushed back.
    const second = await startBackground({ now: () => Date.now() });
    expect(await second.background.ensureAlarm()).toBe(false);
    expect((await fakeBrowser.alarms.get(POLL_ALARM_NAME))?.scheduledTime).toBe(scheduled);

    // The browser dropped it (update, profile restore): the next start brings it back.
    await fakeBrowser.alarms.clearAll();
    const third = await startBackground({ now: () => Date.now() });
    expect(await third.background.ensureAlarm()).toBe(true);
    expect((await fakeBrowser.alarms.get(POLL_ALARM_NAME))?.periodInMinutes).toBe(15);
  });

  it('follows the poll interval chosen on the options page', async () => {
    const { store, background } = await startBackground({ now: () => Date.now() });
    await background.ensureAlarm();
    await store.saveSettings({ ...(await store.getSettings()), pollIntervalMinutes: 30 });
    await background.onSettingsChanged();
    expect((await fakeBrowser.alarms.get(POLL_ALARM_NAME))?.periodInMinutes).toBe(30);
  });

  it('runs a poll when it fires, and ignores other alarms', async () => {
    const { store, background } = await startBackground({ now: () => Date.now() });
    await background.onAlarm({ name: 'someone-else' });
    expect(await store.getLastCycle()).toBeUndefined();
    await background.onAlarm({ name: POLL_ALARM_NAME });
    expect(await store.getLastCycle()).toMatchObject({ sourcesChecked: 0, alerts: 0 });
  });
});
