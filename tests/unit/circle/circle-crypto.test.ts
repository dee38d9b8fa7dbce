import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../../src/core/circle/base64url.ts';
import {
  circleKeyId,
  DecryptError,
  ENVELOPE_VERSION,
  envelopeFormat,
  exportCircleKey,
  generateCircleKey,
  importCircleKey,
  openAlert,
  openRecord,
  sealAlert,
  sealRecord,
} from '../../../src/core/circle/circle-crypto.ts';

const record = { id: 'call:42', hlc: '1700000000000-0000-dev1', deleted: false, value: { caller: 'DC Smith, "Met"', note: 'asked for PIN' } };

describe('circle encryption', () => {
  it('round-trips a record through export and import of the key, and the ciphertext hides the content', async () => {
    const key = await generateCircleKey();
    const envelope = await sealRecord(key, record);
    expect(envelope.ciphertext).not.toContain('PIN');
    expect(envelope.ciphertext).toMatch(/^[A-Za-z0-9_-]+$/);
    const other = await importCircleKey(await exportCircleKey(key));
    expect(await openRecord(other, envelope)).toEqual(record);
  });

  it('uses a fresh IV each time: the same record encrypts differently', async () => {
    const key = await generateCircleKey();
    expect((await sealRecord(key, record)).ciphertext).not.toBe((await sealRecord(key, record)).ciphertext);
  });

  it('refuses ciphertext moved under another id or clock, altered, or read with the wrong key', async () => {
    const key = await generateCircleKey();
    const envelope = await sealRecord(key, record);
    await expect(openRecord(key, { ...envelope, id: 'call:43' })).rejects.toBeInstanceOf(DecryptError);
    await expect(openRecord(key, { ...envelope, hlc: '1700000000001-0000-dev1' })).rejects.toBeInstanceOf(DecryptError);
    const flipped = envelope.ciphertext.slice(0, 20) + (envelope.ciphertext[20] === 'A' ? 'B' : 'A') + envelope.ciphertext.slice(21);
    await expect(openRecord(key, { ...envelope, ciphertext: flipped })).rejects.toBeInstanceOf(DecryptError);
    await expect(openRecord(await generateCircleKey(), envelope)).rejects.toThrow(/wrong key/);
  });

  it('keeps a tombstone a tombstone, with no content', async () => {
    const key = await generateCircleKey();
    const opened = await openRecord(key, await sealRecord(key, { ...record, deleted: true }));
    expect(opened).toEqual({ ...record, deleted: true, value: null });
  });

  it('binds alerts to their circle', async () => {
    const key = await generateCircleKey();
    const sealed = await sealAlert(key, 'circleAAAAAAAAAAAAAAA', { title: 'Spate near Mum' });
    expect(await openAlert(key, 'circleAAAAAAAAAAAAAAA', sealed)).toEqual({ title: 'Spate near Mum' });
    await expect(openAlert(key, 'circleBBBBBBBBBBBBBBB', sealed)).rejects.toBeInstanceOf(DecryptError);
  });

  it('names the problem with a bad key', async () => {
    await expect(importCircleKey('shortkey')).rejects.toThrow(/32 bytes/);
    await expect(importCircleKey('not base64!')).rejects.toThrow(/base64url/);
  });

  it('stamps every envelope with its format version and the circle key id, and names another key as such', async () => {
    const key = await generateCircleKey();
    const envelope = await sealRecord(key, record);
    expect(envelopeFormat(envelope.ciphertext)).toEqual({ version: ENVELOPE_VERSION, keyId: await circleKeyId(key) });
    expect(await circleKeyId(await importCircleKey(await exportCircleKey(key)))).toBe(await circleKeyId(key));
    const other = await generateCircleKey();
    expect(await circleKeyId(other)).not.toBe(await circleKeyId(key));
    await expect(openRecord(other, envelope)).rejects.toThrow(`sealed with another circle key (key id ${await circleKeyId(key)})`);
    expect(envelopeFormat(await sealAlert(key, 'circleAAAAAAAAAAAAAAA', { title: 'x' }))).toMatchObject({ version: 2 });
  });

  it('still opens records and alerts sealed in the first format (IV and ciphertext only), written before versions', async () => {
    const key = await generateCircleKey();
    const sealV1 = async (plaintext: string, aad: string) => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aad) }, key, new TextEncoder().encode(plaintext)));
      const out = new Uint8Array(12 + sealed.length);
      out.set(iv);
      out.set(sealed, 12);
      return toBase64Url(out);
    };
    const v1Record = { id: record.id, hlc: record.hlc, ciphertext: await sealV1(JSON.stringify({ deleted: false, value: record.value }), `kinwatch-record\u0000${record.id}\u0000${record.hlc}`) };
    expect(envelopeFormat(v1Record.ciphertext)).toEqual({ version: 1 });
    expect(await openRecord(key, v1Record)).toEqual(record);
    const v1Alert = await sealV1(JSON.stringify({ title: 'Spate near Mum' }), 'kinwatch-alert\u0000circleAAAAAAAAAAAAAAA');
    expect(await openAlert(key, 'circleAAAAAAAAAAAAAAA', v1Alert)).toEqual({ title: 'Spate near Mum' });
    // An old envelope cannot be passed off under another id either.
    await expect(openRecord(key, { ...v1Record, id: 'call:43' })).rejects.toBeInstanceOf(DecryptError);
  });
});
