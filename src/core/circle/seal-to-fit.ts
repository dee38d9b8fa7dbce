import { sealAlert } from './circle-crypto.ts';

export interface SealedToFit<T> {
  ciphertext: string;
  candidate: T;
  /** False when no candidate fitted: then this is the last candidate, sealed anyway, for the caller to decide. */
  fits: boolean;
}

/**
 * Seals candidates in order (largest first) and returns the first whose ciphertext is at most maxChars, so an alert
 * fits in a push message. Candidates are read lazily: none is built after one fits.
 */
export async function sealFirstThatFits<T>(
  key: CryptoKey,
  circleId: string,
  candidates: Iterable<T>,
  maxChars: number,
  crypto?: Crypto,
): Promise<SealedToFit<T>> {
  let last: SealedToFit<T> | undefined;
  for (const candidate of candidates) {
    const ciphertext = await sealAlert(key, circleId, candidate, crypto);
    if (ciphertext.length <= maxChars) return { ciphertext, candidate, fits: true };
    last = { ciphertext, candidate, fits: false };
  }
  if (!last) throw new Error('alert: nothing to seal');
  return last;
}
