import type { FeedItem } from './source.ts';
import { parseAtom } from './parse-atom.ts';
import type { ParseContext } from './parse-context.ts';
import { ParseError } from './parse-error.ts';
import { parseRss1, parseRss2 } from './parse-rss.ts';
import { parseSohListing } from './parse-soh-listing.ts';
import { parseXmlTree } from './xml-tree.ts';

export type { ParseContext } from './parse-context.ts';
export { ParseError } from './parse-error.ts';

/**
 * Reads a fetched response as items. HTML goes to the Single Online Home listing parser; XML is dispatched on
 * its root element (rss → RSS 2.0, rdf:RDF → RSS 1.0, feed → Atom). Anything else, or malformed XML, throws a
 * ParseError naming the source; it never crashes the poll.
 */
export function parseFeed(text: string, context: ParseContext): FeedItem[] {
  const body = text.replace(/^\uFEFF/, '');
  if (looksLikeHtml(body, context.contentType)) return parseSohListing(body, context);
  if (body.trim() === '') throw new ParseError(context.sourceId, 'the response was empty');
  const tree = parseXmlTree(body, context.sourceId);
  if ('rss' in tree) return parseRss2(tree, context);
  if ('RDF' in tree) return parseRss1(tree, context);
  if ('feed' in tree) return parseAtom(tree, context);
  if ('html' in tree) return parseSohListing(body, context);
  const root = Object.keys(tree).find((key) => !key.startsWith('?') && !key.startsWith('#')) ?? '(none)';
  throw new ParseError(context.sourceId, `not a feed: root element <${root}> is not rss, rdf:RDF or feed`);
}

/** The body decides first (servers label RSS as text/html surprisingly often); the Content-Type breaks ties. */
function looksLikeHtml(body: string, contentType: string | undefined): boolean {
  if (/^\s*(<\?xml|<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>])/i.test(body)) return false;
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('html') && !type.includes('xhtml')) return true;
  if (type.includes('xml') || type.includes('rss') || type.includes('atom')) return false;
  return /^\s*(<!doctype\s+html|<html[\s>])/i.test(body);
}
