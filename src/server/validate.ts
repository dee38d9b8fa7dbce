import { isHlc } from '../core/circle/hlc.ts';
import { badRequest } from './http-error.ts';

/** Input checks: each failure names the field, so a client developer sees at once what to fix. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const RECORD_ID = /^[\x21-\x7e]{1,200}$/;
export const MAX_RECORDS_PER_REQUEST = 500;
export const MAX_CIPHERTEXT_CHARS = 64 * 1024;

export function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('body', 'must be a JSON object');
  return body as Record<string, unknown>;
}

export function id(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) throw badRequest(field, 'must be an id of 16-64 characters [A-Za-z0-9_-]');
  return value;
}

export function token(value: unknown, field: string): string {
  if (typeof value !== 'string' || !TOKEN_PATTERN.test(value)) throw badRequest(field, 'must be a 43-character base64url token');
  return value;
}

export function deviceName(value: unknown, field: string, fallback?: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string') throw badRequest(field, 'must be a string');
  const name = value.trim().replace(/\s+/g, ' ');
  if (name.length < 1 || name.length > 60) throw badRequest(field, 'must be 1-60 characters');
  if (/[\u0000-\u001f\u007f]/.test(name)) throw badRequest(field, 'must not contain control characters');
  return name;
}

export function ciphertext(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || !BASE64URL.test(value)) throw badRequest(field, 'must be non-empty base64url');
  if (value.length > MAX_CIPHERTEXT_CHARS) throw badRequest(field, `must be at most ${MAX_CIPHERTEXT_CHARS} characters`);
  return value;
}

export function records(value: unknown): { id: string; hlc: string; ciphertext: string }[] {
  if (!Array.isArray(value)) throw badRequest('records', 'must be an array');
  if (value.length > MAX_RECORDS_PER_REQUEST) throw badRequest('records', `must hold at most ${MAX_RECORDS_PER_REQUEST} records per request`);
  return value.map((item: unknown, index) => {
    const field = `records[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw badRequest(field, 'must be an object');
    const record = item as Record<string, unknown>;
    if (typeof record.id !== 'string' || !RECORD_ID.test(record.id)) throw badRequest(`${field}.id`, 'must be 1-200 printable characters without spaces');
    if (!isHlc(record.hlc)) throw badRequest(`${field}.hlc`, 'must be a hybrid logical clock timestamp');
    return { id: record.id, hlc: record.hlc, ciphertext: ciphertext(record.ciphertext, `${field}.ciphertext`) };
  });
}

export function seqParam(value: unknown): number {
  if (value === undefined || value === '') return 0;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) throw badRequest('after', 'must be a non-negative integer');
  return Number(value);
}

export function urgency(value: unknown): 'high' | 'normal' {
  if (value === undefined) return 'normal';
  if (value !== 'high' && value !== 'normal') throw badRequest('urgency', 'must be "high" or "normal"');
  return value;
}

/** An alert's id as the sending device names its record (optional): printable ASCII, 1-200 characters. */
export function alertId(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !RECORD_ID.test(value)) throw badRequest('alertId', 'must be 1-200 printable ASCII characters');
  return value;
}

/** RFC 8030 topic: at most 32 characters of the base64url alphabet. */
export function topic(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,32}$/.test(value)) throw badRequest('topic', 'must be 1-32 characters [A-Za-z0-9_-]');
  return value;
}

export function pushSubscription(body: Record<string, unknown>): { endpoint: string; keys: { p256dh: string; auth: string } } {
  if (typeof body.endpoint !== 'string' || body.endpoint.length === 0 || body.endpoint.length > 2048) {
    throw badRequest('endpoint', 'must be a URL of at most 2048 characters');
  }
  const keys = body.keys;
  if (typeof keys !== 'object' || keys === null) throw badRequest('keys', 'must be an object with p256dh and auth');
  const { p256dh, auth } = keys as Record<string, unknown>;
  // p256dh is an uncompressed P-256 point (65 bytes → 87 chars); auth is 16 bytes (22 chars).
  if (typeof p256dh !== 'string' || !/^[A-Za-z0-9_-]{86,88}={0,1}$/.test(p256dh)) throw badRequest('keys.p256dh', 'must be a base64url P-256 public key');
  if (typeof auth !== 'string' || !/^[A-Za-z0-9_-]{22,24}={0,2}$/.test(auth)) throw badRequest('keys.auth', 'must be a base64url 16-byte secret');
  return { endpoint: body.endpoint, keys: { p256dh, auth } };
}
