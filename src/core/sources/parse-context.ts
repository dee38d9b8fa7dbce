/** What a parser needs to know besides the text: whose items these are and where relative links point. */
export interface ParseContext {
  sourceId: string;
  /** The URL the text was fetched from (after redirects); relative links resolve against it. */
  url: string;
  /** The response's Content-Type, when known; used only to choose a parser. */
  contentType?: string;
  /**
   * "feed" when only a feed will do (RSS sources, Google News, a user's feed, a listing's `GetNewsRss/`): an HTML page
   * is then "not a feed". "any" (the default) also reads a force's HTML news listing.
   */
  expect?: 'feed' | 'any';
}

/** Upper bound on items taken from one response, so a hostile feed cannot flood storage. */
export const MAX_ITEMS_PER_SOURCE = 500;
/** Upper bound on one item's text, in characters; a summary is all detection needs. */
export const MAX_ITEM_TEXT_CHARS = 20_000;
