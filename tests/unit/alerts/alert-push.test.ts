import { describe, expect, it } from 'vitest';
import {
  alertIdFromPath,
  alertPath,
  alertPushPayload,
  alertTopic,
  idOnlyPushPayload,
  MAX_PUSH_PAYLOAD_BYTES,
  pushPayloadBytes,
  spateAlertId,
  type AlertRecord,
  type CircleAlert,
} from '../../../src/core/alerts/alert.ts';
import { sealForPush, sendCircleAlert, spateCircleAlert } from '../../../src/core/alerts/send-alert.ts';
import { generateCircleKey, openAlert } from '../../../src/core/circle/circle-crypto.ts';
import { RelayError, type RelayClient } from '../../../src/core/circle/relay-client.ts';
import type { Spate } from '../../../src/core/spates/spate.ts';

const CIRCLE = 'circle_0123456789abcdef';

function alertWith(sources: number, headline = 'Fake police officers phone Colchester pensioners'): AlertRecord {
  const spate: Spate = {
    id: 'spate-00112233aabbccdd', personId: '3f1c9a52-5d1e-4a8e-9b7e-2c4d6e8f0a1b', headline, places: ['Colchester', 'Rowhedge'],
    counts: { reports: 4, lossGBP: 9000 }, tactics: ['courier-collection'], impersonated: ['police'],
    sources: Array.from({ length: sources }, (_, i) => ({ sourceId: `feed-${i}`, url: `https://alerts.example.org/colchester/report-${i}-${'x'.repeat(60)}`, title: `Report ${i} of fake officers ${'y'.repeat(80)}`, publishedAt: '2026-11-30T08:00:00.000Z' })),
    firstSeen: '2026-11-30T08:00:00.000Z', lastSeen: '2026-11-30T09:30:00.000Z', severity: 'high', state: 'escalated',
  };
  return { id: spateAlertId(spate.personId, spate.id), hlc: '1795000000000-0000-watcher', personId: spate.personId, spate, receivedAt: '2026-11-30T09:31:00.000Z' };
}

/** The record with `count` Google News reports added, each with a Google redirect link and the papers that carried it. */
function withPapers(record: AlertRecord, count: number): AlertRecord {
  const papers = Array.from({ length: count }, (_, i) => ({
    sourceId: 'google-news:essex',
    url: `https://news.google.com/rss/articles/CBMi${String(i).padStart(3, '0')}${'k'.repeat(120)}?oc=5`,
    title: `Pensioners in Colchester warned after fake police calls, report ${i}`,
    publishedAt: '2026-11-30T09:00:00.000Z',
    outlet: 'Essex Live, Colchester Gazette',
  }));
  return { ...record, spate: { ...record.spate, sources: [...record.spate.sources, ...papers] } };
}

describe('an alert in a push', () => {
  it('carries the whole alert when the push fits 3,070 bytes encrypted, naming the person', async () => {
    const key = await generateCircleKey();
    const alert = spateCircleAlert(alertWith(2), 'Mum');
    const sealed = await sealForPush(key, CIRCLE, alert, { urgency: 'high' });
    expect(sealed.form).toBe('full');
    expect(sealed.payloadBytes).toBeLessThanOrEqual(MAX_PUSH_PAYLOAD_BYTES);
    expect(MAX_PUSH_PAYLOAD_BYTES + 103).toBe(3070);
    const opened = await openAlert<CircleAlert>(key, CIRCLE, sealed.ciphertext);
    expect(opened).toMatchObject({ kind: 'spate', title: 'Courier fraud warning near Mum', body: 'Fake police officers phone Colchester pensioners · 4 reports · £9,000 lost · Colchester, Rowhedge' });
  });

  it('carries only the alert\'s id, with the words trimmed, when the whole alert would not fit', async () => {
    const key = await generateCircleKey();
    const record = alertWith(30, `Fake police officers ${'phone Colchester pensioners '.repeat(20)}`);
    const sealed = await sealForPush(key, CIRCLE, spateCircleAlert(record, 'Mum'), { urgency: 'high' });
    expect(sealed.form).toBe('reference');
    expect(sealed.payloadBytes).toBeLessThanOrEqual(MAX_PUSH_PAYLOAD_BYTES);
    const opened = await openAlert<CircleAlert>(key, CIRCLE, sealed.ciphertext);
    expect(opened).toMatchObject({ kind: 'spate-ref', alertId: record.id, personId: record.personId, title: 'Courier fraud warning near Mum' });
    expect(opened.body.length).toBeLessThanOrEqual(240);
    expect(opened.body.endsWith('…')).toBe(true);
  });

  it('keeps each source\'s outlet in the pushed record when it fits, and a record without outlets reads as before', async () => {
    const key = await generateCircleKey();
    const record = withPapers(alertWith(1), 1);
    const sealed = await sealForPush(key, CIRCLE, spateCircleAlert(record, 'Mum'), { urgency: 'high' });
    expect(sealed.form).toBe('full');
    const opened = await openAlert<CircleAlert>(key, CIRCLE, sealed.ciphertext);
    expect(opened.kind === 'spate' && opened.alert).toEqual(record);
    expect(opened.kind === 'spate' && opened.alert.spate.sources.map((source) => source.outlet)).toEqual([undefined, 'Essex Live, Colchester Gazette']);
    const old = alertWith(2);
    const openedOld = await openAlert<CircleAlert>(key, CIRCLE, (await sealForPush(key, CIRCLE, spateCircleAlert(old, 'Mum'), { urgency: 'high' })).ciphertext);
    expect(openedOld.kind === 'spate' && openedOld.alert).toEqual(old);
  });

  it('a max-size alert: the largest spate that fits goes whole, every outlet in it; one more source and only the id goes, its words uncut', async () => {
    const key = await generateCircleKey();
    const seal = (record: AlertRecord) => sealForPush(key, CIRCLE, spateCircleAlert(record, 'Mum'), { urgency: 'high' });
    let papers = 1;
    while ((await seal(withPapers(alertWith(1), papers + 1))).form === 'full') papers += 1;
    const largest = withPapers(alertWith(1), papers);
    const whole = await seal(largest);
    expect(whole.form).toBe('full');
    expect(whole.payloadBytes).toBeLessThanOrEqual(MAX_PUSH_PAYLOAD_BYTES);
    // Close to the limit: one more source would not fit.
    expect(whole.payloadBytes).toBeGreaterThan(MAX_PUSH_PAYLOAD_BYTES - 600);
    const opened = await openAlert<CircleAlert>(key, CIRCLE, whole.ciphertext);
    expect(opened.kind === 'spate' && opened.alert.spate.sources.filter((source) => source.outlet !== undefined)).toHaveLength(papers);

    const over = withPapers(alertWith(1), papers + 1);
    const reference = await seal(over);
    expect(reference.form).toBe('reference');
    expect(reference.payloadBytes).toBeLessThanOrEqual(MAX_PUSH_PAYLOAD_BYTES);
    const ref = await openAlert<CircleAlert>(key, CIRCLE, reference.ciphertext);
    // The notification's words never hold outlets, so outlets never push them out: they arrive whole.
    expect(ref).toEqual({ kind: 'spate-ref', title: 'Courier fraud warning near Mum', body: spateCircleAlert(over, 'Mum').body, alertId: over.id, personId: over.personId });
    expect(ref.body).not.toContain('Essex Live');
  });

  it('sends the id-only form when the relay answers 413 for the whole alert', async () => {
    const key = await generateCircleKey();
    const posted: { ciphertext: string; alertId?: string; topic?: string }[] = [];
    const relay = {
      async postAlert(_circle: string, body: { ciphertext: string; alertId?: string; topic?: string }) {
        posted.push(body);
        if (posted.length === 1) throw new RelayError(413, 'payload_too_large', 'too large');
        return 1;
      },
    } as unknown as RelayClient;
    const record = alertWith(1);
    const outcome = await sendCircleAlert({ relay, circleId: CIRCLE, deviceToken: 't', key, alert: spateCircleAlert(record, 'Mum'), urgency: 'normal' });
    expect(outcome).toEqual({ queued: 1, form: 'reference' });
    expect(posted.map((body) => [body.alertId, body.topic])).toEqual([
      [record.id, alertTopic(record.id)],
      [record.id, alertTopic(record.id)],
    ]);
    expect((await openAlert<CircleAlert>(key, CIRCLE, posted[1]!.ciphertext)).kind).toBe('spate-ref');
  });

  it('the relay\'s id-only form drops the ciphertext and keeps the id, and nothing else has one', () => {
    const full = alertPushPayload({ circleId: CIRCLE, alertId: 'p1:spate-1', ciphertext: 'A'.repeat(3000), urgency: 'high', topic: alertTopic('p1:spate-1'), sentAt: '2026-11-30T09:31:00.000Z' });
    const small = idOnlyPushPayload(full)!;
    expect(JSON.parse(small)).toEqual({ kind: 'alert', circleId: CIRCLE, alertId: 'p1:spate-1', urgency: 'high', topic: alertTopic('p1:spate-1'), sentAt: '2026-11-30T09:31:00.000Z' });
    expect(pushPayloadBytes(small)).toBeLessThan(300);
    expect(idOnlyPushPayload(small)).toBeUndefined();
    expect(idOnlyPushPayload(alertPushPayload({ circleId: CIRCLE, ciphertext: 'AAAA', urgency: 'normal' }))).toBeUndefined();
    expect(idOnlyPushPayload('not json')).toBeUndefined();
  });

  it('topics are RFC 8030 tokens, one per alert; paths open that alert', () => {
    expect(alertTopic('3f1c9a52-5d1e-4a8e-9b7e-2c4d6e8f0a1b:spate-00112233aabbccdd')).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    expect(alertTopic('p1:spate-1')).not.toBe(alertTopic('p2:spate-1'));
    const path = alertPath({ alertId: 'p1:spate-1' });
    expect(path).toBe('/alerts/p1%3Aspate-1');
    expect(alertIdFromPath(path)).toBe('p1:spate-1');
    expect(alertIdFromPath('/alerts')).toBeUndefined();
    expect(alertPath({ kind: 'live-call', title: 't', body: 'b', callId: 'call 7', personId: 'p1' })).toBe('/calls/call%207');
  });
});
