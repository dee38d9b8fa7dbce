import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import webpush from 'web-push';
import type { PushSubscriptionRow } from '../store/store.ts';
import { checkPushEndpoint, EndpointRefused, type Resolver } from './endpoint-guard.ts';
import type { VapidKeys } from './vapid.ts';

/**
 * The largest plaintext a push message may carry: 4096 bytes on the wire minus the aes128gcm header (86 bytes),
 * padding delimiter (1) and tag (16). web-push does not check, and push services reject larger messages.
 */
export const MAX_PUSH_PLAINTEXT_BYTES = 3993;

export interface PushMessage {
  subscription: PushSubscriptionRow;
  payload: string;
  urgency: 'high' | 'normal';
  topic: string | null;
  ttlSeconds: number;
}

export type SendOutcome =
  | { kind: 'delivered'; status: number }
  /** The subscription is gone for good (404/410): delete it. */
  | { kind: 'gone'; status: number }
  /** `staleConnection`: a kept-alive connection the push service had already closed; worth trying again at once. */
  | { kind: 'retry'; status?: number; retryAfterMs?: number; reason: string; staleConnection?: boolean }
  | { kind: 'failed'; status?: number; reason: string };

export interface PushSender {
  send(message: PushMessage): Promise<SendOutcome>;
  close(): void;
}

export class PayloadTooLarge extends Error {}

export function payloadBytes(payload: string): number {
  return new TextEncoder().encode(payload).length;
}

function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function createPushSender(options: {
  vapid: VapidKeys;
  subject: string;
  allowOrigins?: readonly string[];
  resolve?: Resolver;
  timeoutMs?: number;
  /** Extra certificate authority to trust (a local push service in tests and benches); the system CAs otherwise. */
  ca?: string;
}): PushSender {
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64, ...(options.ca ? { ca: options.ca } : {}) });
  const timeoutMs = options.timeoutMs ?? 10_000;

  return {
    async send(message) {
      const size = payloadBytes(message.payload);
      if (size > MAX_PUSH_PLAINTEXT_BYTES) throw new PayloadTooLarge(`payload: ${size} bytes, at most ${MAX_PUSH_PLAINTEXT_BYTES}`);
      let checked;
      try {
        // Checked again at send: the subscription may predate a change of rules, or its name may now resolve elsewhere.
        checked = await checkPushEndpoint(message.subscription.endpoint, {
          allowOrigins: options.allowOrigins ?? [],
          ...(options.resolve ? { resolve: options.resolve } : {}),
        });
      } catch (error) {
        if (error instanceof EndpointRefused) return { kind: 'failed', reason: error.message };
        return { kind: 'retry', reason: `endpoint check: ${(error as Error).message}` };
      }
      const details = webpush.generateRequestDetails(message.subscription, message.payload, {
        vapidDetails: { subject: options.subject, publicKey: options.vapid.publicKey, privateKey: options.vapid.privateKey },
        TTL: message.ttlSeconds,
        urgency: message.urgency,
        ...(message.topic ? { topic: message.topic } : {}),
        contentEncoding: 'aes128gcm',
      });
      const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
        if ((lookupOptions as { all?: boolean }).all) {
          (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: checked.address, family: checked.family }]);
        } else callback(null, checked.address, checked.family);
      };
      const isHttps = checked.url.protocol === 'https:';
      const request = (isHttps ? https : http).request;
      return new Promise<SendOutcome>((resolve) => {
        // One deadline for the whole exchange (connect, send, answer), not only for an idle socket.
        const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        const settle = (outcome: SendOutcome) => {
          clearTimeout(deadline);
          resolve(outcome);
        };
        const req = request({
          protocol: checked.url.protocol,
          hostname: checked.url.hostname.replace(/^\[|\]$/g, ''),
          port: checked.url.port || (isHttps ? 443 : 80),
          path: `${checked.url.pathname}${checked.url.search}`,
          method: details.method,
          headers: details.headers as http.OutgoingHttpHeaders,
          lookup: pinned,
          agent: isHttps ? httpsAgent : httpAgent,
          timeout: timeoutMs,
        }, (res) => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) settle({ kind: 'delivered', status });
            else if (status === 404 || status === 410) settle({ kind: 'gone', status });
            else if (status === 429 || status >= 500) {
              const retryAfterMs = parseRetryAfter(res.headers['retry-after'], Date.now());
              settle({ kind: 'retry', status, reason: `push service answered ${status}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
            }
            // Redirects are not followed: a push service never redirects, and following one would undo the check.
            else settle({ kind: 'failed', status, reason: `push service answered ${status}` });
          });
          res.on('error', (error) => settle({ kind: 'retry', reason: `network: ${error.message}` }));
        });
        req.on('timeout', () => req.destroy(new Error(`idle for ${timeoutMs} ms`)));
        req.on('error', (error) => {
          // A reused keep-alive socket the server closed while idle fails at once (ECONNRESET, EPIPE): nothing reached it.
          const staleConnection = req.reusedSocket && /ECONNRESET|EPIPE|socket hang up/.test(`${(error as NodeJS.ErrnoException).code} ${error.message}`);
          settle({ kind: 'retry', reason: `network: ${error.message}`, ...(staleConnection ? { staleConnection } : {}) });
        });
        req.end(details.body ?? undefined);
      });
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
