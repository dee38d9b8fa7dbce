import { describe, expect, it } from 'vitest';
import { openFromNotification } from '../../../src/pwa/push/push-handler.ts';
import { alertPath } from '../../../src/core/alerts/alert.ts';

/** A service worker scope with just what a notification click uses: its origin and its window clients. */
function fakeScope(openWindows: { navigated: string[]; focused: number }[]) {
  const opened: string[] = [];
  const scope = {
    location: { origin: 'https://kinwatch.example' },
    clients: {
      matchAll: async () =>
        openWindows.map((window) => ({
          focus: async () => {
            window.focused++;
          },
          navigate: async (href: string) => {
            window.navigated.push(href);
          },
          postMessage: () => undefined,
        })),
      openWindow: async (href: string) => {
        opened.push(href);
      },
    },
  };
  return { scope: scope as unknown as ServiceWorkerGlobalScope, opened };
}

describe('clicking a Kinwatch notification', () => {
  it('opens the live call itself when the app is closed', async () => {
    const { scope, opened } = fakeScope([]);
    const path = alertPath({ kind: 'live-call', title: 't', body: 'b', callId: 'call 7', personId: 'p1' });
    await openFromNotification(scope, path);
    expect(opened).toEqual(['https://kinwatch.example/calls/call%207']);
  });

  it('brings an open app to the front on that alert instead of opening another window', async () => {
    const window = { navigated: [] as string[], focused: 0 };
    const { scope, opened } = fakeScope([window]);
    await openFromNotification(scope, alertPath({ alertId: 'person-1:spate-00ab' }));
    expect(opened).toEqual([]);
    expect(window.focused).toBe(1);
    expect(window.navigated).toEqual(['https://kinwatch.example/alerts/person-1%3Aspate-00ab']);
  });

  it('never opens another site, whatever the notification carries', async () => {
    const { scope, opened } = fakeScope([]);
    await openFromNotification(scope, 'https://evil.example/phish');
    expect(opened).toEqual([]);
  });
});
