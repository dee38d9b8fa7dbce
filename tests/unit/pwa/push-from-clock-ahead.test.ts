import { describe, expect, it } from 'vitest';
import { exportCircleKey, generateCircleKey, sealAlert } from '../../../src/core/circle/circle-crypto.ts';
import { formatHlc } from '../../../src/core/circle/hlc.ts';
import { handlePush } from '../../../src/pwa/push/push-handler.ts';
import type { CircleAlert } from '../../../src/core/alerts/alert.ts';
import { saveMembership } from '../../../src/pwa/sync/circle-membership.ts';
import { freshDb } from '../db/db-fixtures.ts';

describe('a push from a device whose clock is set ahead', () => {
  it('still shows the notification; the alert record waits for a later sync instead of failing the push', async () => {
    const { db } = freshDb();
    const key = await generateCircleKey();
    const circleId = 'c'.repeat(22);
    // The relay is unreachable here: the sync after the notification fails quietly, as offline.
    await saveMembership(db, { relayOrigin: 'http://127.0.0.1:1', circleId, deviceId: 'd'.repeat(22), deviceToken: 't'.repeat(43), circleKey: await exportCircleKey(key), deviceName: 'Phone', joinedAt: new Date().toISOString() });
    const alert: CircleAlert = {
      kind: 'spate',
      title: 'Courier fraud calls near Mum',
      body: 'Essex Police: 3 reports in Colchester',
      alert: { id: 'spate-1', hlc: formatHlc({ wallMs: Date.now() + 3600_000, counter: 0, nodeId: 'laptop' }), personId: 'p1', spate: {} as never, receivedAt: new Date().toISOString() },
    };
    const shown: { title: string; body?: string }[] = [];
    const scope = { registration: { showNotification: async (title: string, options: { body?: string }) => void shown.push({ title, body: options.body }) } };
    await handlePush(scope as never, db, { kind: 'alert', circleId, ciphertext: await sealAlert(key, circleId, alert) });
    expect(shown).toEqual([{ title: 'Courier fraud calls near Mum', body: 'Essex Police: 3 reports in Colchester' }]);
    expect(await db.alerts.count()).toBe(0);
  });
});
