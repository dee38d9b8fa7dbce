/** A record as it travels through the relay: the relay sees the id and clock, never the content. */
export interface Envelope {
  id: string;
  hlc: string;
  /** base64url(iv || AES-GCM ciphertext and tag) of the record's JSON. */
  ciphertext: string;
}

/** A record once decrypted: `deleted` marks a tombstone, which wins or loses by clock like any write. */
export interface SyncedRecord<Value = unknown> {
  id: string;
  hlc: string;
  deleted: boolean;
  value: Value | null;
}
