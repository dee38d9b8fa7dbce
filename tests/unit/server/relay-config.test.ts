import { describe, expect, it } from 'vitest';
import { readRelayConfig } from '../../../src/server/relay-config.ts';

describe('relay configuration from the environment', () => {
  it('defaults to 127.0.0.1:8787 with PGlite data in ./data and the built app in dist/pwa', () => {
    const config = readRelayConfig({}, '/srv/kinwatch');
    expect(config).toMatchObject({ port: 8787, host: '127.0.0.1', dataDir: '/srv/kinwatch/data', staticDir: '/srv/kinwatch/dist/pwa', allowOrigins: [], trustProxy: false });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.inviteTtlMs).toBe(7 * 24 * 3600_000);
  });

  it('reads every setting', () => {
    const config = readRelayConfig({
      PORT: '9000', HOST: '0.0.0.0', KINWATCH_DATA: '/var/kw', DATABASE_URL: 'postgres://u@db/kw', KINWATCH_PUSH_ALLOW: 'http://127.0.0.1:9999, https://push.test',
      KINWATCH_BODY_LIMIT: '2048', KINWATCH_RATE_BURST: '10', KINWATCH_RATE_PER_SECOND: '2', KINWATCH_INVITE_TTL_HOURS: '48', KINWATCH_TRUST_PROXY: '10.0.0.0/8',
    }, '/srv');
    expect(config).toMatchObject({
      port: 9000, host: '0.0.0.0', dataDir: '/var/kw', databaseUrl: 'postgres://u@db/kw', allowOrigins: ['http://127.0.0.1:9999', 'https://push.test'],
      bodyLimitBytes: 2048, rateBurst: 10, ratePerSecond: 2, inviteTtlMs: 48 * 3600_000, trustProxy: ['10.0.0.0/8'],
    });
  });

  it('stops with the variable named when a value is wrong', () => {
    expect(() => readRelayConfig({ PORT: 'eighty' }, '/')).toThrow(/^PORT:/);
    expect(() => readRelayConfig({ DATABASE_URL: 'mysql://x' }, '/')).toThrow(/^DATABASE_URL:/);
    expect(() => readRelayConfig({ KINWATCH_PUSH_ALLOW: 'not a url' }, '/')).toThrow(/^KINWATCH_PUSH_ALLOW:/);
    expect(() => readRelayConfig({ KINWATCH_BODY_LIMIT: '10' }, '/')).toThrow(/^KINWATCH_BODY_LIMIT:/);
    expect(() => readRelayConfig({ KINWATCH_VAPID_SUBJECT: 'me' }, '/')).toThrow(/^KINWATCH_VAPID_SUBJECT:/);
  });
});
