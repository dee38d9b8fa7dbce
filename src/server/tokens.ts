import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, base64url: device tokens and invite tokens. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** 128 random bits, base64url: circle and device ids (not secrets, only unguessable). */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/** Only this hash is stored, so a copy of the database does not let anyone act as a device. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
