/** A source's response could not be read as a feed. Names the source so the health page can say which one broke. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    readonly sourceId: string,
    detail: string,
  ) {
    super(`Source "${sourceId}" could not be read: ${detail}`);
  }
}
