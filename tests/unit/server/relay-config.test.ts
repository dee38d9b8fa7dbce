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
      KINWATCH_BODY_LIMIT: '2048', KINWATCH_RATE_PER_MINUTE: '90', KINWATCH_QUOTA_MB: '5', KINWATCH_QUOTA_DEVICES: '4', KINWATCH_REQUEST_TIMEOUT_MS: '2000', KINWATCH_INVITE_TTL_HOURS: '48', KINWATCH_TRUST_PROXY: '10.0.0.0/8',
    }, '/srv');
    expect(config).toMatchObject({
      port: 9000, host: '0.0.0.0', dataDir: '/var/kw', databaseUrl: 'postgres://u@db/kw', allowOrigins: ['http://127.0.0.1:9999', 'https://push.test'],
      bodyLimitBytes: 2048, limits: { perMinute: 90 }, quotas: { bytes: 5 * 1024 * 1024, devices: 4 }, timeouts: { requestMs: 2000 }, inviteTtlMs: 48 * 3600_000, trustProxy: ['10.0.0.0/8'],
    });
  });

  it('stops with the variable named when a value is wrong', () => {
    expect(() => readRelayConfig({ PORT: 'eighty' }, '/')).toThrow(/^PORT:/);
    expect(() => readRelayConfig({ DATABASE_URL: 'mysql://x' }, '/')).toThrow(/^DATABASE_URL:/);
    expect(() => readRelayConfig({ KINWATCH_PUSH_ALLOW: 'not a url' }, '/')).toThrow(/^KINWATCH_PUSH_ALLOW:/);
    expect(() => readRelayConfig({ KINWATCH_BODY_LIMIT: '10' }, '/')).toThrow(/^KINWATCH_BODY_LIMIT:/);
    expect(() => readRelayConfig({ KINWATCH_VAPID_SUBJECT: 'me' }, '/')).toThrow(/^KINWATCH_VAPID_SUBJECT:/);
  });

  it('trusts X-Forwarded-For only from named proxies: "true" is refused with the reason', () => {
    expect(readRelayConfig({ KINWATCH_TRUST_PROXY: '127.0.0.1, ::1, 10.0.0.0/8' }, '/').trustProxy).toEqual(['127.0.0.1', '::1', '10.0.0.0/8']);
    expect(() => readRelayConfig({ KINWATCH_TRUST_PROXY: 'true' }, '/')).toThrow(/^KINWATCH_TRUST_PROXY: name the proxy addresses/);
    expect(() => readRelayConfig({ KINWATCH_TRUST_PROXY: 'proxy.local' }, '/')).toThrow(/^KINWATCH_TRUST_PROXY: not an address/);
  });

  it('refuses to start in production with a VAPID subject push services reject, telling the operator what to set', () => {
    for (const subject of [undefined, 'mailto:relay@kinwatch.invalid', 'mailto:me@localhost', 'https://localhost/contact']) {
      expect(() => readRelayConfig({ NODE_ENV: 'production', ...(subject ? { KINWATCH_VAPID_SUBJECT: subject } : {}) }, '/'))
        .toThrow(/^KINWATCH_VAPID_SUBJECT: push services refuse .*set it to a real mailto: or https: contact/);
    }
    expect(readRelayConfig({ NODE_ENV: 'production', KINWATCH_VAPID_SUBJECT: 'mailto:carers@smith-family.uk' }, '/').vapidSubject).toBe('mailto:carers@smith-family.uk');
    // Outside production the placeholder stays usable for trying the relay out.
    expect(readRelayConfig({}, '/').vapidSubject).toBe('mailto:relay@kinwatch.invalid');
  });
});
