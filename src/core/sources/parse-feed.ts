import type { FeedItem } from './source.ts';
import { findFeedLinks } from './feed-links.ts';
import { parseAtom } from './parse-atom.ts';
import type { ParseContext } from './parse-context.ts';
import { ParseError } from './parse-error.ts';
import { parseRss1, parseRss2 } from './parse-rss.ts';
import { parseSohListing } from './parse-soh-listing.ts';
import { mergeSyndicated } from './syndicated-items.ts';
import { asNode, child, elementText, parseXmlTree, type XmlNode } from './xml-tree.ts';
import { htmlToText } from './html-to-text.ts';

export type { ParseContext } from './parse-context.ts';
export { ParseError } from './parse-error.ts';

export type FeedFormat = 'rss2' | 'rss1' | 'atom' | 'listing';

export interface ParsedFeed {
  items: FeedItem[];
  format: FeedFormat;
  /** What was forgiven (a bare "&", an undeclared entity): the items are kept, the source health warns. */
  warnings: string[];
  /** The feed's own name (RSS `channel > title`, Atom `feed > title`) as plain text, when it gives one. */
  title?: string;
}

/**
 * Reads a fetched response as items, as forgivingly as a good feed reader:
 * - whitespace, blank lines or a byte-order mark before `<?xml` are skipped, and so is a line of text a server printed
 *   before the feed (with a warning);
 * - the body decides the format (servers label RSS as text/html surprisingly often): XML is dispatched on its root
 *   element (rss → RSS 2.0, rdf:RDF → RSS 1.0, feed → Atom), HTML goes to the news-listing parser when the source is
 *   a listing (`context.expect` "any"); where a feed was expected, an HTML page (an error page served as
 *   application/rss+xml, a site's home page) throws ParseError "not_a_feed", carrying the feeds the page names;
 * - an empty channel or feed is zero items, not an error;
 * - a bare "&" or an HTML entity in the XML keeps the items, with a warning;
 * - aggregator items (Google News) lose their " - Outlet" title suffix and one story in several papers is one item.
 * Throws ParseError (code "empty", "not_a_feed" or "malformed") naming the source; it never crashes the poll.
 */
export function parseFeedDocument(text: string, context: ParseContext): ParsedFeed {
  let body = text.replace(/^[\s\uFEFF]+/, '');
  if (body === '') throw new ParseError(context.sourceId, 'the response was empty', 'empty');
  const leadingWarnings: string[] = [];
  if (!body.startsWith('<')) {
    // A server-side warning printed before the feed ("Notice: … on line 12"): skip to the feed, and say so.
    const start = body.slice(0, 4096).search(/<\?xml|<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]/);
    if (start > 0) {
      body = body.slice(start);
      leadingWarnings.push('read leniently: text before the feed was skipped');
    }
  }
  const root = rootElementName(body);
  if (root === 'html' || root === undefined) {
    if ((context.expect ?? 'any') === 'any' && (root === 'html' || /html/i.test(context.contentType ?? ''))) {
      return { items: parseSohListing(body, context), format: 'listing', warnings: [] };
    }
    const feedLinks = root === 'html' ? findFeedLinks(body, context.url) : [];
    throw new ParseError(
      context.sourceId,
      `not a feed: ${root === 'html' ? 'a web page' : 'no XML or HTML document'} where a feed was expected${
        feedLinks.length > 0 ? ` (the page names ${feedLinks.length} feed${feedLinks.length === 1 ? '' : 's'})` : ''
      }`,
      'not_a_feed',
      feedLinks,
    );
  }
  const local = root.slice(root.indexOf(':') + 1);
  if (local !== 'rss' && local !== 'RDF' && local !== 'feed') {
    throw new ParseError(context.sourceId, `not a feed: root element <${root}> is not rss, rdf:RDF or feed`, 'not_a_feed');
  }
  const { tree, recoveredFrom } = parseXmlTree(body, context.sourceId);
  const warnings = recoveredFrom === undefined ? leadingWarnings : [...leadingWarnings, recoveredFrom];
  const title = feedTitleOf(tree, root, local);
  const named = title !== undefined ? { title } : {};
  if (local === 'rss') return { items: mergeSyndicated(parseRss2(tree, context, root)), format: 'rss2', warnings, ...named };
  if (local === 'RDF') return { items: parseRss1(tree, context, root), format: 'rss1', warnings, ...named };
  return { items: parseAtom(tree, context, root), format: 'atom', warnings, ...named };
}

/** Longest feed name kept: a name, not a paragraph. */
const MAX_FEED_TITLE = 120;

/** The feed's own name: `title` of the RSS channel, or of the Atom feed (in the root's prefix), as plain text. */
function feedTitleOf(tree: XmlNode, root: string, local: string): string | undefined {
  const top = asNode(tree[root]);
  const prefix = root.includes(':') ? root.slice(0, root.indexOf(':') + 1) : '';
  const holder = local === 'feed' ? top : asNode(child(top, 'channel'));
  const titleNode = child(holder, local === 'feed' ? `${prefix}title` : 'title');
  if (titleNode === undefined) return undefined;
  const text = htmlToText(elementText(titleNode));
  return text === '' ? undefined : text.slice(0, MAX_FEED_TITLE);
}

/** The items only; see parseFeedDocument. Throws ParseError. */
export function parseFeed(text: string, context: ParseContext): FeedItem[] {
  return parseFeedDocument(text, context).items;
}

/**
 * The name of the document's first element, after the XML declaration, processing instructions (xml-stylesheet),
 * comments and a DOCTYPE; "html" for an HTML document (also one without `<html>`, that starts with `<head>` or
 * `<body>` or a doctype html); undefined when the body starts with no markup at all.
 */
export function rootElementName(body: string): string | undefined {
  let at = 0;
  for (let guard = 0; guard < 64; guard++) {
    while (at < body.length && /\s/.test(body[at]!)) at++;
    if (body[at] !== '<') return undefined;
    if (body.startsWith('<?', at)) {
      const end = body.indexOf('?>', at);
      if (end < 0) return undefined;
      at = end + 2;
    } else if (body.startsWith('<!--', at)) {
      const end = body.indexOf('-->', at);
      if (end < 0) return undefined;
      at = end + 3;
    } else if (body.startsWith('<!', at)) {
      if (/^<!doctype\s+html/i.test(body.slice(at, at + 20))) return 'html';
      const end = body.indexOf('>', at);
      if (end < 0) return undefined;
      // A DOCTYPE with an internal subset: skip to its closing "]>".
      const subset = body.indexOf('[', at);
      at = subset >= 0 && subset < end ? body.indexOf(']>', subset) + 2 : end + 1;
      if (at < 2) return undefined;
    } else {
      const name = /^<([A-Za-z_][\w.:-]*)/.exec(body.slice(at, at + 100))?.[1];
      if (name === undefined) return undefined;
      return /^(html|head|body)$/i.test(name) ? 'html' : name;
    }
  }
  return undefined;
}
