/**
 * Why a postcode or place lookup failed. `invalid-postcode` and `not-found` are the user's to fix (show the message
 * by the postcode field); `unavailable` (network, timeout, 5xx, 429) is worth retrying later.
 */
export type PostcodeLookupErrorCode = 'invalid-postcode' | 'not-found' | 'unavailable';

export class PostcodeLookupError extends Error {
  override readonly name = 'PostcodeLookupError';
  /** The input field the message is about. */
  readonly field = 'postcode';
  readonly code: PostcodeLookupErrorCode;
  readonly retryable: boolean;
  /** HTTP status when the service answered, 0 for a network error or timeout. */
  readonly status?: number;

  constructor(code: PostcodeLookupErrorCode, message: string, status?: number) {
    super(message);
    this.code = code;
    this.retryable = code === 'unavailable';
    if (status !== undefined) this.status = status;
  }
}

/** The error for input that is neither a UK postcode nor an outcode in shape, checked with no network. */
export function invalidPostcodeError(input: string): PostcodeLookupError {
  return new PostcodeLookupError('invalid-postcode', `That doesn't look like a UK postcode: "${input.trim()}". Try e.g. "CO7 6AA".`);
}
