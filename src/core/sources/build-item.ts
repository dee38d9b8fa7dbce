import type { FeedItem } from './source.ts';
import { canonicalUrl } from './canonical-url.ts';
import { collapseWhitespace, htmlToText } from './html-to-text.ts';
import { MAX_ITEM_TEXT_CHARS, type ParseContext } from './parse-context.ts';
import { parseFeedDate } from './parse-date.ts';

export interface RawItem {
  /** Candidate links in order of preference; the first that is a usable http(s) URL wins, and the rest are not read. */
  links: Iterable<string>;
  /** Title as found; may contain HTML (escaped or CDATA). */
  titleHtml: string;
  /** Body or summary as found; may contain HTML. */
  bodyHtml: string;
  date: string | undefined;
  /** True when the title is declared plain text (Atom type="text"), so "<" in it is a character, not a tag. */
  titleIsPlainText?: boolean;
  /** The publisher named by an aggregator (Google News's `<source>`), when the item is syndicated. */
  outlet?: string;
}

/** Normalises one raw entry; null when it has no usable http(s) link (e.g. only a `javascript:` one) or no title. */
export function buildItem(raw: RawItem, context: ParseContext): FeedItem | null {
  let url: string | null = null;
  for (const link of raw.links) {
    url = canonicalUrl(link, context.url);
    if (url !== null) break;
  }
  if (url === null) return null;
  const title = raw.titleIsPlainText ? collapseWhitespace(raw.titleHtml) : htmlToText(raw.titleHtml);
  const text = htmlToText(raw.bodyHtml).slice(0, MAX_ITEM_TEXT_CHARS);
  if (title === '' && text === '') return null;
  const item: FeedItem = { sourceId: context.sourceId, url, title: title || text.slice(0, 120), text, publishedAt: parseFeedDate(raw.date) };
  const outlet = raw.outlet === undefined ? '' : collapseWhitespace(raw.outlet);
  return outlet === '' ? item : { ...item, outlet };
}
