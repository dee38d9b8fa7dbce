import { afterEach, describe, expect, it } from 'vitest';
import { formatInviteLink } from '../../src/core/circle/invite-link.ts';
import { joinCircle, readInviteLink } from '../../src/core/watcher/join-circle.ts';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';

const CIRCLE = 'circle_0123456789abcdef';
const TOKEN = 'i'.repeat(43);
const KEY = 'k'.repeat(43);
const clock = { now: () => Date.parse('2026-11-24T12:00:00Z') };

describe('joining the care circle with an invite link', () => {
  let relay: LocalServer | undefined;
  afterEach(() => relay?.close());

  it('keeps the key from the link and the device token from the relay, and sends the key nowhere', async () => {
    let sent = '';
    relay = await startLocalServer({
      [`POST /api/circles/${CIRCLE}/join`]: async (req, res) => {
        for await (const chunk of req) sent += String(chunk);
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ deviceId: 'device_new', deviceToken: 'secret-token' }));
      },
    });
    const link = formatInviteLink({ relayOrigin: relay.url, circleId: CIRCLE, inviteToken: TOKEN, circleKey: KEY });
    const circle = await joinCircle(link, { fetch, clock, deviceName: 'Kinwatch watcher (browser)' });
    expect(circle).toEqual({
      relayUrl: relay.url,
      circleId: CIRCLE,
      deviceId: 'device_new',
      deviceToken: 'secret-token',
      circleKey: KEY,
      connectedAt: '2026-11-24T12:00:00.000Z',
    });
    expect(JSON.parse(sent)).toEqual({ inviteToken: TOKEN, deviceName: 'Kinwatch watcher (browser)' });
    expect(relay.requests.map((request) => request.path).join(' ')).not.toContain(KEY);
  });

  it('refuses a name another device of the circle has, saying so beside the name, and joins under another', async () => {
    const names: string[] = [];
    relay = await startLocalServer({
      [`POST /api/circles/${CIRCLE}/join`]: async (req, res) => {
        let sent = '';
        for await (const chunk of req) sent += String(chunk);
        const { deviceName } = JSON.parse(sent) as { deviceName: string };
        names.push(deviceName);
        const taken = deviceName === 'Watcher on Chrome';
        res.writeHead(taken ? 409 : 201, { 'content-type': 'application/json' });
        res.end(JSON.stringify(taken
          ? { error: { code: 'device_name_taken', message: 'deviceName: another device in this circle has that name; choose another' } }
          : { deviceId: 'device_second', deviceToken: 'second-token' }));
      },
    });
    const link = formatInviteLink({ relayOrigin: relay.url, circleId: CIRCLE, inviteToken: TOKEN, circleKey: KEY });
    const refused = await joinCircle(link, { fetch, clock, deviceName: 'Watcher on Chrome' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ field: 'deviceName', message: 'Another device in your care circle is already called "Watcher on Chrome". Choose a different name for this computer, e.g. with your name in it.' });
    const circle = await joinCircle(link, { fetch, clock, deviceName: ' Ben\'s laptop ' });
    expect(circle.deviceId).toBe('device_second');
    expect(names).toEqual(['Watcher on Chrome', "Ben's laptop"]);
  });

  it('asks for a name for this computer before sending anything', async () => {
    const link = formatInviteLink({ relayOrigin: 'http://127.0.0.1:9', circleId: CIRCLE, inviteToken: TOKEN, circleKey: KEY });
    await expect(joinCircle(link, { fetch, clock, deviceName: '  ' })).rejects.toMatchObject({ field: 'deviceName', message: 'Give this computer a name, so the family can tell it apart.' });
  });

  it('says plainly when the invite was already used', async () => {
    relay = await startLocalServer({
      [`POST /api/circles/${CIRCLE}/join`]: {
        status: 410,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ error: { code: 'invite_used', message: 'inviteToken: this invite was already used' } }),
      },
    });
    const link = formatInviteLink({ relayOrigin: relay.url, circleId: CIRCLE, inviteToken: TOKEN, circleKey: KEY });
    await expect(joinCircle(link, { fetch, clock, deviceName: 'x' })).rejects.toThrow(
      'This invite link has been used or has expired. Ask for a new one in the carer app.',
    );
  });

  it("quotes the relay's own words when it refuses for another reason", async () => {
    relay = await startLocalServer({
      [`POST /api/circles/${CIRCLE}/join`]: {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ error: { code: 'invalid', message: 'deviceName: must be at most 80 characters' } }),
      },
    });
    const link = formatInviteLink({ relayOrigin: relay.url, circleId: CIRCLE, inviteToken: TOKEN, circleKey: KEY });
    await expect(joinCircle(link, { fetch, clock, deviceName: 'x' })).rejects.toThrow(
      'The circle could not be joined (HTTP 400: deviceName: must be at most 80 characters).',
    );
  });

  it('names the relay it could not reach', async () => {
    const link = formatInviteLink({ relayOrigin: 'http://127.0.0.1:9', circleId: CIRCLE, inviteToken: TOKEN, circleKey: KEY });
    await expect(joinCircle(link, { fetch, clock, deviceName: 'x' })).rejects.toThrow(
      'Kinwatch could not reach 127.0.0.1:9. Check your connection and try again.',
    );
  });

  it('says in plain words that a damaged link is not complete, keeping the technical part apart', async () => {
    const error = await joinCircle('https://care.example.org/join#c=abc', { fetch, clock, deviceName: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      field: 'inviteLink',
      message: 'This link is not complete: copy the whole link from the carer app, or ask for a new one.',
      detail: expect.stringMatching(/circle id/),
    });
    expect(String((error as Error).message)).not.toMatch(/invite token|\(i\)|https/);
    // Plain text, not a link at all: the same plain words, never "it starts with https://".
    expect(() => readInviteLink('hello')).toThrow('This link is not complete: copy the whole link from the carer app, or ask for a new one.');
    expect(() => readInviteLink('')).toThrow('Paste the invite link from the carer app first.');
    // A relay on the family's own network serves plain http: its links are valid.
    expect(readInviteLink(formatInviteLink({ relayOrigin: 'http://192.168.1.20:8080', circleId: CIRCLE, inviteToken: TOKEN, circleKey: KEY })).relayOrigin).toBe('http://192.168.1.20:8080');
  });
});
