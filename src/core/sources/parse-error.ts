import type { SourceErrorCode } from './source-error-code.ts';

/**
 * A source's response could not be read as a feed. Names the source so the health page can say which one broke, and
 * carries a stable code: "not_a_feed" (a web page, not a feed; `feedLinks` lists the feeds the page itself names in
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
    super(`Source "${sourceId}" could not be read: ${detail}`);
  }
}
