import { execFileSync } from 'node:child_process';
import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error http_ece ships no types
import ece from 'http_ece';

export interface ReceivedPush {
  subscriptionId: string;
  /** The plaintext the relay sent, decrypted here with the subscription's private key. */
  payload: string;
  ttl: number;
  urgency: string | undefined;
  topic: string | undefined;
  /** The VAPID public key the request was signed with (checked). */
  vapidKey: string;
  audience: string;
  /** Size of the encrypted body as it arrived, bytes. */
  bodyBytes: number;
}

export interface FakeSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
}

/**
 * A Web Push service on 127.0.0.1 that does what a real one checks: the VAPID JWT (ES256, audience, expiry),
 * TTL, Urgency and Topic headers, and aes128gcm content it really decrypts with the subscription's private key.
 * Answers can be scripted (404, 410, 429, 500) to test what the relay does with them.
 */
export interface FakePushService {
  origin: string;
  received: ReceivedPush[];
  /** Requests refused here because they broke the protocol, with the reason. */
  rejected: string[];
  /** Every request seen, including scripted failures. */
  attempts: { subscriptionId: string; status: number }[];
  subscribe(): FakeSubscription;
  /** The next `count` requests for the subscription (any, when id is omitted) get this answer. */
  answer(status: number, options?: { count?: number; subscriptionId?: string; headers?: Record<string, string> }): void;
  waitForReceived(count: number, timeoutMs?: number): Promise<ReceivedPush[]>;
  waitForAttempts(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function checkVapid(header: string | undefined, origin: string): { key: string; audience: string } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) throw new Error('Authorization: not "vapid t=…, k=…"');
  const [headerPart, claimsPart, signaturePart] = match[1]!.split('.');
  const raw = Buffer.from(match[2]!, 'base64url');
  if (raw.length !== 65 || raw[0] !== 4) throw new Error('Authorization: k is not an uncompressed P-256 key');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') },
    format: 'jwk',
  });
  const signed = verify('sha256', Buffer.from(`${headerPart}.${claimsPart}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signaturePart ?? '', 'base64url'));
  if (!signed) throw new Error('Authorization: JWT signature does not verify');
  const claims = JSON.parse(Buffer.from(claimsPart!, 'base64url').toString('utf8')) as { aud?: string; exp?: number; sub?: string };
  if (claims.aud !== origin) throw new Error(`Authorization: aud ${claims.aud} is not ${origin}`);
  if (!claims.exp || claims.exp * 1000 < Date.now() || claims.exp * 1000 > Date.now() + 24 * 3600_000 + 60_000) throw new Error('Authorization: exp missing or out of range');
  if (!claims.sub || !/^(mailto:|https:)/.test(claims.sub)) throw new Error('Authorization: sub missing');
  return { key: match[2]!, audience: claims.aud };
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface FakePushOptions {
  /** Serve https with this certificate (web-push's own sendNotification only speaks https). */
  tls?: { key: string; cert: string };
  /** Skip the protocol checks and decryption, answering 201 at once: for measuring the sender, not this service. */
  acceptBlindly?: boolean;
  /** Answer 413 Payload Too Large to encrypted bodies over this many bytes, as Firefox for Android's service does (3,070). */
  maxBodyBytes?: number;
}

export async function startFakePushService(options: FakePushOptions = {}): Promise<FakePushService> {
  const subscriptions = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const scripted: (Answer & { count: number; subscriptionId?: string })[] = [];
  const received: ReceivedPush[] = [];
  const rejected: string[] = [];
  const attempts: { subscriptionId: string; status: number }[] = [];
  let origin = '';

  const handler = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    const id = /^\/push\/([A-Za-z0-9_-]+)$/.exec(request.url ?? '')?.[1] ?? '';
    const reply = (status: number, headers: Record<string, string> = {}) => {
      attempts.push({ subscriptionId: id, status });
      response.writeHead(status, headers).end();
    };
    const subscription = subscriptions.get(id);
    if (request.method !== 'POST' || !subscription) return reply(404);
    if (options.acceptBlindly) {
      received.push({ subscriptionId: id, payload: '', ttl: 0, urgency: undefined, topic: undefined, vapidKey: '', audience: '', bodyBytes: body.length });
      return reply(201);
    }
    const scriptIndex = scripted.findIndex((s) => s.subscriptionId === undefined || s.subscriptionId === id);
    if (scriptIndex >= 0) {
      const script = scripted[scriptIndex]!;
      if (--script.count <= 0) scripted.splice(scriptIndex, 1);
      return reply(script.status, script.headers);
    }
    if (options.maxBodyBytes !== undefined && body.length > options.maxBodyBytes) {
      rejected.push(`body: ${body.length} bytes, more than ${options.maxBodyBytes} (413)`);
      return reply(413);
    }
    try {
      const vapid = checkVapid(request.headers.authorization, origin);
      const ttl = request.headers.ttl;
      if (typeof ttl !== 'string' || !/^\d+$/.test(ttl)) throw new Error('TTL: missing');
      const urgency = request.headers.urgency as string | undefined;
      if (urgency !== undefined && !['very-low', 'low', 'normal', 'high'].includes(urgency)) throw new Error(`Urgency: ${urgency}`);
      const topic = request.headers.topic as string | undefined;
      if (topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(topic)) throw new Error(`Topic: ${topic}`);
      if (request.headers['content-encoding'] !== 'aes128gcm') throw new Error('Content-Encoding: not aes128gcm');
      if (body.length > 4096) throw new Error(`body: ${body.length} bytes, more than 4096`);
      const plain = ece.decrypt(body, { version: 'aes128gcm', privateKey: subscription.ecdh, authSecret: subscription.auth.toString('base64url') }) as Buffer;
      received.push({ subscriptionId: id, payload: plain.toString('utf8'), ttl: Number(ttl), urgency, topic, vapidKey: vapid.key, audience: vapid.audience, bodyBytes: body.length });
      reply(201);
    } catch (error) {
      rejected.push((error as Error).message);
      reply(400);
    }
  };
  const server: Server = options.tls ? (createTlsServer({ ...options.tls, keepAlive: true }, handler) as unknown as Server) : createServer({ keepAlive: true }, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as { port: number }).port}`;

  return {
    origin,
    received,
    rejected,
    attempts,
    subscribe() {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = randomBytes(12).toString('base64url');
      subscriptions.set(id, { ecdh, auth });
      return { id, endpoint: `${origin}/push/${id}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
    },
    answer(status, options = {}) {
      scripted.push({ status, count: options.count ?? 1, ...(options.subscriptionId ? { subscriptionId: options.subscriptionId } : {}), ...(options.headers ? { headers: options.headers } : {}) });
    },
    async waitForReceived(count, timeoutMs = 10_000) {
      await waitUntil(() => received.length >= count, timeoutMs, () => `${count} pushes (got ${received.length}; rejected: ${rejected.join('; ')})`);
      return received;
    },
    async waitForAttempts(count, timeoutMs = 10_000) {
      await waitUntil(() => attempts.length >= count, timeoutMs, () => `${count} push attempts (got ${attempts.length})`);
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A throwaway certificate for 127.0.0.1 (openssl), so an https push service can be trusted as its own authority. */
export function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kinwatch-bench-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    return { key: readFileSync(`${dir}/key.pem`, 'utf8'), cert: readFileSync(`${dir}/cert.pem`, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
