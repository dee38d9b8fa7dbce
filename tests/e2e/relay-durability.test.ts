import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakePushService } from '../helpers/fake-push-service.ts';
import { startRelay } from '../helpers/start-relay.ts';

const hlc = (n: number) => `${String(1_800_000_000_000 + n).padStart(13, '0')}-0000-e2e`;
const folders: string[] = [];
function folder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

// The API alone: these tests do not need the carer app, so an empty folder is served instead of building it.
const apiOnly = () => ({ KINWATCH_STATIC: folder('kinwatch-static-') });

async function json(url: string, init: RequestInit & { token?: string; body?: string } = {}) {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
  });
  return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
}

describe('relay durability', () => {
  it('loses no acknowledged record when killed with SIGKILL in the middle of a sync, and serves them after restart', async () => {
    const dataDir = folder('kinwatch-data-');
    const relay = await startRelay({ dataDir, env: apiOnly() });
    const circle = (await json(`${relay.url}/api/circles`, { method: 'POST', body: '{}' })).body;
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (lane: number) => {
      for (let batch = 0; !stop; batch++) {
        const records = Array.from({ length: 20 }, (_, i) => ({ id: `l${lane}-b${batch}-r${i}`, hlc: hlc(batch * 100 + i), ciphertext: 'QUJDRA' }));
        try {
          const response = await json(`${relay.url}/api/circles/${circle.circleId}/records`, { method: 'POST', token: circle.deviceToken, body: JSON.stringify({ records }) });
          if (response.status === 200) acknowledged.push(...records.map((r) => r.id));
        } catch {
          return; // the relay is gone: this batch was never acknowledged
        }
      }
    };
    const lanes = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 2000) await new Promise((r) => setTimeout(r, 5));
    await relay.stop('SIGKILL');
    stop = true;
    await Promise.all(lanes);

    const restarted = await startRelay({ dataDir, env: apiOnly() });
    try {
      const seen = new Set<string>();
      const seqs: number[] = [];
      for (let after = 0; ; ) {
        const page = (await json(`${restarted.url}/api/circles/${circle.circleId}/records?after=${after}`, { token: circle.deviceToken })).body;
        for (const record of page.records) {
          seen.add(record.id);
          seqs.push(record.seq);
        }
        after = page.seq;
        if (!page.more) break;
      }
      const lost = acknowledged.filter((id) => !seen.has(id));
      expect(lost).toEqual([]);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    } finally {
      await restarted.stop();
    }
  });

  it('finishes a request in flight on SIGTERM, refuses new connections, and exits cleanly', async () => {
    const dataDir = folder('kinwatch-data-');
    const relay = await startRelay({ dataDir, env: apiOnly() });
    const circle = (await json(`${relay.url}/api/circles`, { method: 'POST', body: '{}' })).body;
    const body = JSON.stringify({ records: Array.from({ length: 50 }, (_, i) => ({ id: `slow-${i}`, hlc: hlc(i), ciphertext: 'QUJDRA' })) });
    const url = new URL(`${relay.url}/api/circles/${circle.circleId}/records`);
    // Send half the body, signal the relay, then the rest: the request is in flight while the relay shuts down.
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${circle.deviceToken}` } }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 1000));
      setTimeout(() => {
        relay.process.kill('SIGTERM');
        setTimeout(async () => {
          // A new connection while shutting down is refused.
          const fresh = await fetch(`${relay.url}/healthz`).then((r) => r.status, () => 'refused');
          expect(fresh === 'refused' || fresh === 503).toBe(true);
          req.end(body.slice(1000));
        }, 300);
      }, 200);
    });
    const answered = await response;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.text)).toEqual({ seq: 50 });
    expect(await relay.stop()).toBe(0);
    expect(relay.output()).toContain('"msg":"shutting down"');
    expect(relay.output()).not.toContain(circle.deviceToken);

    const restarted = await startRelay({ dataDir, env: apiOnly() });
    try {
      const page = (await json(`${restarted.url}/api/circles/${circle.circleId}/records?after=0`, { token: circle.deviceToken })).body;
      expect(page.records).toHaveLength(50);
    } finally {
      await restarted.stop();
    }
  });

  it('delivers a queued push after the relay was killed and restarted', async () => {
    const push = await startFakePushService();
    const dataDir = folder('kinwatch-data-');
    const env = { ...apiOnly(), KINWATCH_PUSH_ALLOW: push.origin };
    const relay = await startRelay({ dataDir, env });
    try {
      const circle = (await json(`${relay.url}/api/circles`, { method: 'POST', body: '{"deviceName":"Sender"}' })).body;
      const invite = (await json(`${relay.url}/api/circles/${circle.circleId}/invites`, { method: 'POST', token: circle.deviceToken, body: '{}' })).body;
      const member = (await json(`${relay.url}/api/circles/${circle.circleId}/join`, { method: 'POST', body: JSON.stringify({ inviteToken: invite.inviteToken, deviceName: 'Receiver' }) })).body;
      const subscription = push.subscribe();
      expect((await json(`${relay.url}/api/devices/${member.deviceId}/push-subscription`, { method: 'PUT', token: member.deviceToken, body: JSON.stringify(subscription) })).status).toBe(204);
      push.answer(503, { headers: { 'retry-after': '2' } });
      const queued = await json(`${relay.url}/api/circles/${circle.circleId}/alerts`, { method: 'POST', token: circle.deviceToken, body: JSON.stringify({ ciphertext: 'U1VSVklWRVM', urgency: 'high', topic: 'survives' }) });
      expect(queued).toEqual({ status: 202, body: { queued: 1 } });
      await push.waitForAttempts(1);
      await new Promise((r) => setTimeout(r, 300));
      await relay.stop('SIGKILL');
      expect(push.received).toHaveLength(0);

      const restarted = await startRelay({ dataDir, env });
      try {
        const [delivered] = await push.waitForReceived(1, 20_000);
        expect(JSON.parse(delivered!.payload)).toMatchObject({ ciphertext: 'U1VSVklWRVM', urgency: 'high' });
        expect(delivered).toMatchObject({ urgency: 'high', topic: 'survives' });
      } finally {
        await restarted.stop();
      }
    } finally {
      await push.close();
    }
  });
});
