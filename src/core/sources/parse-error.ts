import type { SourceErrorCode } from './source-error-code.ts';

/**
 * A source's response could not be read as a feed. The message is what went wrong, for beside the source's name
 * ("not a feed: a web page where a feed was expected"); `sourceId` says which source; `code` is a stable code: "not_a_feed" (a web page, not a feed; `feedLinks` lists the feeds the page itself names in
 * `<link rel="alternate">`), "malformed" (XML the parser cannot read), "empty" (no body at all).
 */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    readonly sourceId: string,
    detail: string,
    readonly code: SourceErrorCode = 'malformed',
    readonly feedLinks: readonly string[] = [],
  ) {
    super(detail);
  }
}
