import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * web-push sends wherever a subscription points. Without this check a device could make the relay call an
 * internal address (server-side request forgery), so an endpoint must be https on port 443 at a known push
 * service, and every address its name resolves to must be public. The caller then connects to the checked
 * address only (no second lookup, no redirects), so a name cannot resolve differently between check and send.
 */
export const PUSH_SERVICE_HOSTS: readonly string[] = [
  'fcm.googleapis.com',
  // Chromium builds without Google API keys (Debian's, Ungoogled) subscribe through GCM's older endpoint host.
  'jmt17.google.com',
  'updates.push.services.mozilla.com',
  '*.push.apple.com',
  '*.notify.windows.com',
];

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

export class EndpointRefused extends Error {
  readonly code = 'push_endpoint_refused';
}

export interface CheckedEndpoint {
  url: URL;
  /** The address to connect to: the one that was checked. */
  address: string;
  family: 4 | 6;
}

// Two lists: Node's BlockList matches IPv4 addresses against IPv4-mapped IPv6 rules, and ::ffff:0:0/96 must be refused.
const notPublicV4 = new BlockList();
const notPublicV6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) notPublicV4.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  // ::/96 holds the deprecated IPv4-compatible addresses (::127.0.0.1), ::ffff:0:0/96 the IPv4-mapped ones and
  // ::ffff:0:0:0/96 the IPv4-translated ones (RFC 2765): each can reach an IPv4 host, so none is public.
  ['::', 96], ['::1', 128], ['::ffff:0:0', 96], ['::ffff:0:0:0', 96], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64],
  ['2001::', 32], ['2001:db8::', 32], ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) notPublicV6.addSubnet(net, prefix, 'ipv6');

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return family === 4 ? !notPublicV4.check(address, 'ipv4') : !notPublicV6.check(address, 'ipv6');
}

function isKnownPushHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return PUSH_SERVICE_HOSTS.some((pattern) =>
    pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern);
}

/** Allowed test origins, e.g. "http://127.0.0.1:9999", from a comma-separated list. */
export function parseAllowedOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(',').map((item) => item.trim()).filter(Boolean).map((item) => {
    try {
      return new URL(item).origin;
    } catch {
      throw new Error(`KINWATCH_PUSH_ALLOW: not an origin: ${item}`);
    }
  });
}

export async function checkPushEndpoint(
  endpoint: string,
  { allowOrigins = [], resolve = systemResolver }: { allowOrigins?: readonly string[]; resolve?: Resolver } = {},
): Promise<CheckedEndpoint> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new EndpointRefused('endpoint: not a URL');
  }
  if (url.username || url.password) throw new EndpointRefused('endpoint: must not carry credentials');
  const hostname = url.hostname.replace(/^\[|\]$/g, '');

  if (allowOrigins.includes(url.origin)) {
    // An operator-approved test origin: may be loopback on purpose, but still pinned to one address.
    const literal = isIP(hostname);
    if (literal) return { url, address: hostname, family: literal as 4 | 6 };
    const [first] = await resolve(hostname);
    if (!first) throw new EndpointRefused(`endpoint: ${hostname} does not resolve`);
    return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
  }

  if (url.protocol !== 'https:') throw new EndpointRefused('endpoint: must use https');
  if (url.port !== '' && url.port !== '443') throw new EndpointRefused('endpoint: must use port 443');
  if (isIP(hostname)) throw new EndpointRefused('endpoint: must be a push service name, not an IP address');
  if (!isKnownPushHost(hostname)) throw new EndpointRefused(`endpoint: ${hostname} is not a known push service`);

  let addresses: { address: string; family: number }[];
  try {
    addresses = await resolve(hostname);
  } catch {
    throw new EndpointRefused(`endpoint: ${hostname} does not resolve`);
  }
  if (addresses.length === 0) throw new EndpointRefused(`endpoint: ${hostname} does not resolve`);
  // All, not just the first: a name answering with one public and one private address is refused outright.
  const bad = addresses.find((entry) => !isPublicAddress(entry.address));
  if (bad) throw new EndpointRefused(`endpoint: ${hostname} resolves to a non-public address`);
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
