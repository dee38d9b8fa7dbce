import { describe, expect, it } from 'vitest';
import { checkPushEndpoint, EndpointRefused, isPublicAddress, type Resolver } from '../../../src/server/push/endpoint-guard.ts';

// Names resolve through this table, never through the network: the tricks are DNS answers an attacker controls.
const dns: Record<string, string[]> = {
  'fcm.googleapis.com': ['142.250.180.10'],
  'jmt17.google.com': ['142.250.102.188'],
  'compat.push.apple.com': ['::7f00:1'],
  'translated.push.apple.com': ['::ffff:0:a00:1'],
  'updates.push.services.mozilla.com': ['2a05:d014:e3c:5001::1', '34.117.65.55'],
  'web.push.apple.com': ['17.188.128.10'],
  'wns2-db5p.notify.windows.com': ['52.142.84.61'],
  'rebound.push.apple.com': ['127.0.0.1'],
  'metadata.notify.windows.com': ['169.254.169.254'],
  'mixed.push.apple.com': ['17.188.128.11', '10.0.0.5'],
  'mapped.push.apple.com': ['::ffff:127.0.0.1'],
  'ula.push.apple.com': ['fd00::1'],
  'v6loop.push.apple.com': ['::1'],
  '127.0.0.1.nip.io': ['127.0.0.1'],
  localhost: ['127.0.0.1'],
};
const resolve: Resolver = async (host) => {
  const addresses = dns[host];
  if (!addresses) throw new Error('ENOTFOUND');
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

const accepted: [string, string][] = [
  ['FCM', 'https://fcm.googleapis.com/fcm/send/abc'],
  ['Chromium without Google keys (GCM endpoint host)', 'https://jmt17.google.com/fcm/send/abc'],
  ['Mozilla (IPv6 and IPv4)', 'https://updates.push.services.mozilla.com/wpush/v2/abc'],
  ['Apple', 'https://web.push.apple.com/QG9abc'],
  ['Windows', 'https://wns2-db5p.notify.windows.com/w/?token=abc'],
  ['explicit port 443', 'https://fcm.googleapis.com:443/fcm/send/abc'],
];

const refused: [string, string, RegExp][] = [
  ['plain http', 'http://fcm.googleapis.com/fcm/send/abc', /https/],
  ['not a URL', 'fcm.googleapis.com/send', /not a URL/],
  ['another port', 'https://fcm.googleapis.com:8443/fcm/send/abc', /port 443/],
  ['IPv4 literal', 'https://142.250.180.10/fcm/send/abc', /not an IP address/],
  ['metadata IP literal', 'https://169.254.169.254/latest/meta-data', /not an IP address/],
  ['IPv6 loopback literal', 'https://[::1]/push', /not an IP address/],
  ['IPv4-mapped IPv6 literal', 'https://[::ffff:127.0.0.1]/push', /not an IP address/],
  ['decimal IPv4 literal', 'https://2130706433/push', /not an IP address|not a known/],
  ['localhost', 'https://localhost/push', /not a known push service/],
  ['loopback name (nip.io style)', 'https://127.0.0.1.nip.io/push', /not a known push service/],
  ['lookalike host', 'https://fcm.googleapis.com.evil.example/push', /not a known push service/],
  ['suffix without dot', 'https://evilpush.apple.com/x', /not a known push service/],
  ['credentials in URL', 'https://user:pw@fcm.googleapis.com/fcm/send/abc', /credentials/],
  ['push host resolving to loopback', 'https://rebound.push.apple.com/x', /non-public/],
  ['push host resolving to metadata address', 'https://metadata.notify.windows.com/x', /non-public/],
  ['push host with one private address among public', 'https://mixed.push.apple.com/x', /non-public/],
  ['push host resolving to IPv4-mapped IPv6 loopback', 'https://mapped.push.apple.com/x', /non-public/],
  ['push host resolving to unique-local IPv6', 'https://ula.push.apple.com/x', /non-public/],
  ['push host resolving to ::1', 'https://v6loop.push.apple.com/x', /non-public/],
  ['push host resolving to an IPv4-compatible address (::/96)', 'https://compat.push.apple.com/x', /non-public/],
  ['push host resolving to an IPv4-translated address (::ffff:0:0:0/96)', 'https://translated.push.apple.com/x', /non-public/],
  ['push host that does not resolve', 'https://gone.push.apple.com/x', /does not resolve/],
];

describe('push endpoint guard', () => {
  for (const [name, endpoint] of accepted) {
    it(`accepts ${name}`, async () => {
      const checked = await checkPushEndpoint(endpoint, { resolve });
      expect(isPublicAddress(checked.address)).toBe(true);
      expect(dns[checked.url.hostname]).toContain(checked.address);
    });
  }
  for (const [name, endpoint, reason] of refused) {
    it(`refuses ${name}`, async () => {
      const error = await checkPushEndpoint(endpoint, { resolve }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EndpointRefused);
      expect((error as Error).message).toMatch(reason);
      expect((error as Error).message).toMatch(/^endpoint:/);
    });
  }

  it('accepts an allowed test origin as it is (loopback included), pinned to its address', async () => {
    const checked = await checkPushEndpoint('http://127.0.0.1:9999/push/a', { resolve, allowOrigins: ['http://127.0.0.1:9999'] });
    expect(checked.address).toBe('127.0.0.1');
    await expect(checkPushEndpoint('http://127.0.0.1:9998/push/a', { resolve, allowOrigins: ['http://127.0.0.1:9999'] })).rejects.toThrow(/https/);
  });

  it('classifies addresses', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fc00::1', '::ffff:8.8.8.8', '::7f00:1', '::a00:1', '::ffff:0:7f00:1', '64:ff9b::7f00:1', 'not-an-ip']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ['8.8.8.8', '142.250.180.10', '2a00:1450:4009:81b::200e']) expect(isPublicAddress(address), address).toBe(true);
  });
});
