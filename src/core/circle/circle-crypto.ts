import { fromBase64Url, toBase64Url } from './base64url.ts';
import type { Envelope, SyncedRecord } from './envelope.ts';

/**
 * End-to-end encryption of a circle's records: AES-GCM 256 with a random 96-bit IV per message. The record id and
 * clock are bound in as associated data, so a relay cannot move one record's content under another id or clock.
 * The key lives only on the circle's devices (it travels in the invite link's fragment, which browsers never send).
 */
const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class DecryptError extends Error {}

function associatedData(id: string, hlc: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`kinwatch-record\u0000${id}\u0000${hlc}`);
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

export async function encryptText(key: CryptoKey, plaintext: string, aad: Uint8Array<ArrayBuffer>, crypto: Crypto = globalThis.crypto): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, encoder.encode(plaintext)));
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return toBase64Url(out);
}

export async function decryptText(key: CryptoKey, ciphertext: string, aad: Uint8Array<ArrayBuffer>, crypto: Crypto = globalThis.crypto): Promise<string> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64Url(ciphertext);
  } catch {
    throw new DecryptError('ciphertext: not base64url');
  }
  if (bytes.length < IV_BYTES + 16) throw new DecryptError('ciphertext: too short');
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: aad },
      key,
      bytes.subarray(IV_BYTES),
    );
    return decoder.decode(plain);
  } catch {
    throw new DecryptError('ciphertext: does not decrypt with this circle key (wrong key, or altered)');
  }
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
