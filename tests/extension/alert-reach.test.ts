import { describe, expect, it } from 'vitest';
import { alertReachLines } from '../../src/ui/extension/alert-reach.tsx';

describe('how this browser gets alerts, as the popup says it', () => {
  it('says notifications and the circle both work when they do', () => {
    expect(alertReachLines({ notifications: 'granted', connectedToCircle: true })).toEqual([
      { ok: true, text: 'This browser shows a notification for each new warning, while it is open.' },
      { ok: true, text: 'Connected to your care circle: each warning is also sent to the family’s phones with the carer app.' },
    ]);
  });

  it('never promises a notification the browser blocks, and says what to do', () => {
    const [notifications] = alertReachLines({ notifications: 'denied', connectedToCircle: true });
    expect(notifications).toEqual({ ok: false, text: expect.stringContaining('Notifications are blocked for Kinwatch in this browser') });
    expect(notifications!.text).toContain('Allow notifications for Kinwatch');
  });

  it('says warnings stay in this browser when no circle is connected', () => {
    const [, circle] = alertReachLines({ notifications: 'unknown', connectedToCircle: false });
    expect(circle).toEqual({ ok: false, text: 'Not connected to a care circle: warnings reach only this browser. Paste the family’s invite link in Settings.' });
  });
});
