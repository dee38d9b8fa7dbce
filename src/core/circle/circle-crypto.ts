import { fromBase64Url, toBase64Url } from './base64url.ts';
import type { Envelope, SyncedRecord } from './envelope.ts';

/**
 * End-to-end encryption of a circle's records: AES-GCM 256 with a random 96-bit IV per message. The record id and
 * clock are bound in as associated data, so a relay cannot move one record's content under another id or clock.
 * The key lives only on the circle's devices (it travels in the invite link's fragment, which browsers never send).
 *
 * Ciphertext format (base64url of bytes, so the relay's contract is unchanged):
 * - version 2 (written now): "KW" (0x4b 0x57), the format version (0x02), the circle key's id (8 bytes, see
 *   `circleKeyId`), IV (12 bytes), AES-GCM ciphertext and tag. The first 11 bytes are bound in as associated data too.
 * - version 1 (read only, written before versions existed): IV (12 bytes), AES-GCM ciphertext and tag.
 * A reader tries version 2 when the bytes start with its header, and version 1 otherwise or when that fails (a
 * version-1 IV can start with the same bytes by chance), so every envelope ever written stays readable.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAGIC = [0x4b, 0x57] as const;
/** The format version sealRecord and sealAlert write. */
export const ENVELOPE_VERSION = 2;
const KEY_ID_BYTES = 8;
const HEADER_BYTES = MAGIC.length + 1 + KEY_ID_BYTES;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class DecryptError extends Error {}

function associatedData(id: string, hlc: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`kinwatch-record\u0000${id}\u0000${hlc}`);
}

const keyIds = new WeakMap<CryptoKey, Promise<Uint8Array<ArrayBuffer>>>();

function keyIdBytes(key: CryptoKey, crypto: Crypto): Promise<Uint8Array<ArrayBuffer>> {
  let id = keyIds.get(key);
  if (!id) {
    id = (async () => {
      const raw = await crypto.subtle.exportKey('raw', key);
      const digest = await crypto.subtle.digest('SHA-256', concat(encoder.encode('kinwatch-key-id\u0000'), new Uint8Array(raw)));
      return new Uint8Array(digest).slice(0, KEY_ID_BYTES);
    })();
    keyIds.set(key, id);
  }
  return id;
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * A circle key's id: the first 8 bytes of SHA-256("kinwatch-key-id\0" + raw key), base64url (11 characters). It
 * names the key without revealing it, so a device can tell "sealed with another key" from "altered".
 * @throws when the key is not extractable (keys from generateCircleKey and importCircleKey are).
 */
export async function circleKeyId(key: CryptoKey, crypto: Crypto = globalThis.crypto): Promise<string> {
  return toBase64Url(await keyIdBytes(key, crypto));
}

/** The format version and key id (base64url) a ciphertext announces; version 1 carries no key id. Never throws. */
export function envelopeFormat(ciphertext: string): { version: 1 } | { version: 2; keyId: string } {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(ciphertext);
  } catch {
    return { version: 1 };
  }
  if (bytes.length >= HEADER_BYTES + IV_BYTES + TAG_BYTES && bytes[0] === MAGIC[0] && bytes[1] === MAGIC[1] && bytes[2] === ENVELOPE_VERSION) {
    return { version: 2, keyId: toBase64Url(bytes.subarray(MAGIC.length + 1, HEADER_BYTES)) };
  }
  return { version: 1 };
}

export async function generateCircleKey(crypto: Crypto = globalThis.crypto): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export async function exportCircleKey(key: CryptoKey, crypto: Crypto = globalThis.crypto): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export async function importCircleKey(text: string, crypto: Crypto = globalThis.crypto): Promise<CryptoKey> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = fromBase64Url(text);
  } catch {
    throw new Error('circle key: not base64url');
  }
  if (raw.length !== 32) throw new Error('circle key: must be 32 bytes (AES-256)');
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);
}

/** Seals `plaintext` in the current format (version 2, see the top of this file) with `aad` bound in. */
export async function encryptText(key: CryptoKey, plaintext: string, aad: Uint8Array<ArrayBuffer>, crypto: Crypto = globalThis.crypto): Promise<string> {
  const header = concat(new Uint8Array(MAGIC), new Uint8Array([ENVELOPE_VERSION]), await keyIdBytes(key, crypto));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: concat(header, aad) }, key, encoder.encode(plaintext)));
  return toBase64Url(concat(header, iv, sealed));
}

async function aesOpen(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, sealed: Uint8Array<ArrayBuffer>, aad: Uint8Array<ArrayBuffer>, crypto: Crypto): Promise<string | undefined> {
  try {
    return decoder.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, sealed));
  } catch {
    return undefined;
  }
}

/**
 * Opens ciphertext of either format (version 2, or version 1 written before versions existed).
 * @throws DecryptError naming why: not base64url, too short, sealed with another circle key (by key id), or does
 *   not decrypt (wrong key or altered).
 */
export async function decryptText(key: CryptoKey, ciphertext: string, aad: Uint8Array<ArrayBuffer>, crypto: Crypto = globalThis.crypto): Promise<string> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64Url(ciphertext);
  } catch {
    throw new DecryptError('ciphertext: not base64url');
  }
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new DecryptError('ciphertext: too short');
  const format = envelopeFormat(ciphertext);
  let otherKey = false;
  if (format.version === 2) {
    if (format.keyId === (await circleKeyId(key, crypto))) {
      const header = bytes.subarray(0, HEADER_BYTES);
      const body = bytes.subarray(HEADER_BYTES);
      const plain = await aesOpen(key, body.subarray(0, IV_BYTES), body.subarray(IV_BYTES), concat(header, aad), crypto);
      if (plain !== undefined) return plain;
    } else {
      otherKey = true;
    }
  }
  // Version 1, or a version-1 IV that happens to start like a version-2 header.
  const plain = await aesOpen(key, bytes.subarray(0, IV_BYTES), bytes.subarray(IV_BYTES), aad, crypto);
  if (plain !== undefined) return plain;
  if (otherKey && format.version === 2) {
    throw new DecryptError(`ciphertext: sealed with another circle key (key id ${format.keyId}), not this circle's (wrong key)`);
  }
  throw new DecryptError('ciphertext: does not decrypt with this circle key (wrong key, or altered)');
}

export async function sealRecord<Value>(key: CryptoKey, record: SyncedRecord<Value>, crypto: Crypto = globalThis.crypto): Promise<Envelope> {
  const body = JSON.stringify({ deleted: record.deleted, value: record.deleted ? null : record.value });
  return { id: record.id, hlc: record.hlc, ciphertext: await encryptText(key, body, associatedData(record.id, record.hlc), crypto) };
}

export async function openRecord<Value = unknown>(key: CryptoKey, envelope: Envelope, crypto: Crypto = globalThis.crypto): Promise<SyncedRecord<Value>> {
  const text = await decryptText(key, envelope.ciphertext, associatedData(envelope.id, envelope.hlc), crypto);
  const body = JSON.parse(text) as { deleted?: unknown; value?: Value | null };
  return { id: envelope.id, hlc: envelope.hlc, deleted: body.deleted === true, value: body.deleted === true ? null : (body.value ?? null) };
}

/** Alerts pushed through the relay: bound to the circle, so an alert cannot be replayed into another circle. */
export async function sealAlert(key: CryptoKey, circleId: string, alert: unknown, crypto: Crypto = globalThis.crypto): Promise<string> {
  return encryptText(key, JSON.stringify(alert), encoder.encode(`kinwatch-alert\u0000${circleId}`), crypto);
}

export async function openAlert<Alert = unknown>(key: CryptoKey, circleId: string, ciphertext: string, crypto: Crypto = globalThis.crypto): Promise<Alert> {
  return JSON.parse(await decryptText(key, ciphertext, encoder.encode(`kinwatch-alert\u0000${circleId}`), crypto)) as Alert;
}
