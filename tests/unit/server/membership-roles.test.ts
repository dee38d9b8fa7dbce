import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backendUrl, relayUnderTest, type Backend, type RelayUnderTest } from './relay-under-test.ts';

vi.setConfig({ hookTimeout: 120_000 });

for (const backend of ['pglite', 'postgres'] as Backend[]) {
  const db = await backendUrl(backend);
  describe.skipIf(db.skip !== undefined)(`owners and members on ${backend}${db.skip ? ` (skipped: ${db.skip})` : ''}`, () => {
    let relay: RelayUnderTest;
    beforeAll(async () => {
      relay = await relayUnderTest({ ...(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {}) });
    });
    afterAll(async () => {
      await relay?.close();
      await db.stop();
    });

    const devices = async (circleId: string, token: string) =>
      (await relay.call('GET', `/api/circles/${circleId}/devices`, { token })).body.devices.map((d: { name: string; role: string }) => [d.name, d.role]);
    const invite = async (circleId: string, token: string) => {
      relay.clock.advance(1); // invites are listed in the order they were made
      return relay.call('POST', `/api/circles/${circleId}/invites`, { token, body: {} });
    };
    const join = (circleId: string, inviteToken: string, deviceName: string) =>
      relay.call('POST', `/api/circles/${circleId}/join`, { body: { inviteToken, deviceName } });

    it('makes the creator owner and joiners members; a member can neither invite nor remove the creator', async () => {
      const anna = await relay.circle('Anna phone');
      const ben = await relay.join(anna.circleId, anna.deviceToken, 'Ben laptop');
      expect(await devices(anna.circleId, ben.deviceToken)).toEqual([['Anna phone', 'owner'], ['Ben laptop', 'member']]);

      const removal = await relay.call('DELETE', `/api/circles/${anna.circleId}/devices/${anna.deviceId}`, { token: ben.deviceToken });
      expect(removal.status).toBe(403);
      expect(removal.body.error.code).toBe('owner_required');
      expect((await invite(anna.circleId, ben.deviceToken)).status).toBe(403);
      expect((await relay.call('GET', `/api/circles/${anna.circleId}/invites`, { token: ben.deviceToken })).status).toBe(403);
      const promote = await relay.call('PUT', `/api/circles/${anna.circleId}/devices/${ben.deviceId}/role`, { token: ben.deviceToken, body: { role: 'owner' } });
      expect(promote.status).toBe(403);
      expect(await devices(anna.circleId, anna.deviceToken)).toEqual([['Anna phone', 'owner'], ['Ben laptop', 'member']]);
    });

    it('lists pending invites to owners and cancels one: the cancelled link no longer admits anyone', async () => {
      const anna = await relay.circle('Anna phone');
      const first = await invite(anna.circleId, anna.deviceToken);
      const second = await invite(anna.circleId, anna.deviceToken);
      const listed = await relay.call('GET', `/api/circles/${anna.circleId}/invites`, { token: anna.deviceToken });
      expect(listed.body.invites.map((i: { id: string }) => i.id)).toEqual([first.body.id, second.body.id]);
      expect(JSON.stringify(listed.body)).not.toContain(first.body.inviteToken);

      expect((await relay.call('DELETE', `/api/circles/${anna.circleId}/invites/${first.body.id}`, { token: anna.deviceToken })).status).toBe(204);
      const refused = await join(anna.circleId, first.body.inviteToken, 'Stranger');
      expect(refused.status).toBe(410);
      expect(refused.body.error.code).toBe('invite_cancelled');
      expect((await relay.call('GET', `/api/circles/${anna.circleId}/invites`, { token: anna.deviceToken })).body.invites).toHaveLength(1);
      expect((await join(anna.circleId, second.body.inviteToken, 'Carol tablet')).status).toBe(201);
      expect((await relay.call('GET', `/api/circles/${anna.circleId}/invites`, { token: anna.deviceToken })).body.invites).toEqual([]);
    });

    it('cancels the invites a removed device made, so it cannot let itself back in', async () => {
      const anna = await relay.circle('Anna phone');
      const ben = await relay.join(anna.circleId, anna.deviceToken, 'Ben laptop');
      expect((await relay.call('PUT', `/api/circles/${anna.circleId}/devices/${ben.deviceId}/role`, { token: anna.deviceToken, body: { role: 'owner' } })).status).toBe(204);
      const spare = await invite(anna.circleId, ben.deviceToken);
      expect(spare.status).toBe(201);
      expect((await relay.call('DELETE', `/api/circles/${anna.circleId}/devices/${ben.deviceId}`, { token: anna.deviceToken })).status).toBe(204);

      const back = await join(anna.circleId, spare.body.inviteToken, 'Ben laptop again');
      expect(back.status).toBe(410);
      expect(back.body.error.code).toBe('invite_cancelled');
      expect((await relay.call('GET', `/api/circles/${anna.circleId}/devices`, { token: ben.deviceToken })).status).toBe(401);
      expect(await devices(anna.circleId, anna.deviceToken)).toEqual([['Anna phone', 'owner']]);
    });

    it('always keeps an owner: the last owner cannot step down, and when it leaves the longest-standing device takes over', async () => {
      const anna = await relay.circle('Anna phone');
      const ben = await relay.join(anna.circleId, anna.deviceToken, 'Ben laptop');
      relay.clock.advance(1000);
      await relay.join(anna.circleId, anna.deviceToken, 'Carol tablet');
      const stepDown = await relay.call('PUT', `/api/circles/${anna.circleId}/devices/${anna.deviceId}/role`, { token: anna.deviceToken, body: { role: 'member' } });
      expect(stepDown.status).toBe(409);
      expect(stepDown.body.error.code).toBe('last_owner');

      expect((await relay.call('POST', `/api/circles/${anna.circleId}/leave`, { token: anna.deviceToken, body: {} })).status).toBe(204);
      expect(await devices(anna.circleId, ben.deviceToken)).toEqual([['Ben laptop', 'owner'], ['Carol tablet', 'member']]);
      // The new owner can do what owners do.
      expect((await invite(anna.circleId, ben.deviceToken)).status).toBe(201);
    });

    it('lets an owner make another owner, who may then remove devices; a member may remove only itself', async () => {
      const anna = await relay.circle('Anna phone');
      const ben = await relay.join(anna.circleId, anna.deviceToken, 'Ben laptop');
      const carol = await relay.join(anna.circleId, anna.deviceToken, 'Carol tablet');
      expect((await relay.call('DELETE', `/api/circles/${anna.circleId}/devices/${carol.deviceId}`, { token: ben.deviceToken })).status).toBe(403);
      await relay.call('PUT', `/api/circles/${anna.circleId}/devices/${ben.deviceId}/role`, { token: anna.deviceToken, body: { role: 'owner' } });
      expect((await relay.call('DELETE', `/api/circles/${anna.circleId}/devices/${carol.deviceId}`, { token: ben.deviceToken })).status).toBe(204);
      const dave = await relay.join(anna.circleId, anna.deviceToken, 'Dave phone');
      expect((await relay.call('DELETE', `/api/circles/${anna.circleId}/devices/${dave.deviceId}`, { token: dave.deviceToken })).status).toBe(204);
      // Ben, an owner now, steps down: allowed while Anna is still an owner.
      expect((await relay.call('PUT', `/api/circles/${anna.circleId}/devices/${ben.deviceId}/role`, { token: ben.deviceToken, body: { role: 'member' } })).status).toBe(204);
      expect(await devices(anna.circleId, anna.deviceToken)).toEqual([['Anna phone', 'owner'], ['Ben laptop', 'member']]);
    });

    it('trims device names, refuses invisible or direction-changing characters, and keeps names unique in a circle', async () => {
      const anna = await relay.circle('  Anna   phone  ');
      expect(await devices(anna.circleId, anna.deviceToken)).toEqual([['Anna phone', 'owner']]);
      for (const name of ['Mum\u202Eenohp', 'Ben\u200Blaptop', 'Bell\u0007', '   ', 'x'.repeat(61)]) {
        const { body } = await invite(anna.circleId, anna.deviceToken);
        const response = await join(anna.circleId, body.inviteToken, name);
        expect(response.status, JSON.stringify(name)).toBe(400);
        expect(response.body.error.message).toMatch(/^deviceName: /);
        await relay.call('DELETE', `/api/circles/${anna.circleId}/invites/${body.id}`, { token: anna.deviceToken });
      }
      const { body } = await invite(anna.circleId, anna.deviceToken);
      const twin = await join(anna.circleId, body.inviteToken, 'anna PHONE');
      expect(twin.status).toBe(409);
      expect(twin.body.error.code).toBe('device_name_taken');
      // The invite was not used up by the refusal.
      expect((await join(anna.circleId, body.inviteToken, 'Anna tablet')).status).toBe(201);
      expect(await devices(anna.circleId, anna.deviceToken)).toEqual([['Anna phone', 'owner'], ['Anna tablet', 'member']]);
    });
  });
}
