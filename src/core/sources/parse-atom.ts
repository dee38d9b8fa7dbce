import type { FeedItem } from './source.ts';
import { buildItem } from './build-item.ts';
import { MAX_ITEMS_PER_SOURCE, type ParseContext } from './parse-context.ts';
import { ParseError } from './parse-error.ts';
import { asArray, asNode, attribute, decodeRawXmlContent, firstText, type XmlNode } from './xml-tree.ts';

/** Atom 1.0 (`<feed><entry>`): link from `rel="alternate"` (or no rel), dates from `published` then `updated`. */
export function parseAtom(tree: XmlNode, context: ParseContext): FeedItem[] {
  const feed = asNode(tree.feed);
  if (feed === undefined) throw new ParseError(context.sourceId, 'Atom document has no <feed> root');
  const items: FeedItem[] = [];
  for (const entry of asArray(feed.entry).slice(0, MAX_ITEMS_PER_SOURCE)) {
    const node = asNode(entry);
    if (node === undefined) continue;
    const item = buildItem(
      {
        links: alternateLinks(node),
        ...titleOf(asArray(node.title)[0]),
        bodyHtml: textConstructAsHtml(asArray(node.content)[0]) || textConstructAsHtml(asArray(node.summary)[0]),
        date: firstText(node, 'published', 'updated') || undefined,
      },
      context,
    );
    if (item !== null) items.push(item);
  }
  return items;
}

function alternateLinks(entry: XmlNode): string[] {
  const links = asArray(entry.link);
  const preferred = links.filter((link) => {
    const rel = attribute(link, 'rel');
    return rel === undefined || rel === 'alternate';
  });
  return [...preferred, ...links]
    .map((link) => attribute(link, 'href') ?? '')
    .filter((href) => href !== '');
}

function titleOf(value: unknown): { titleHtml: string; titleIsPlainText: boolean } {
  const type = attribute(value, 'type');
  if (type === 'html' || type === 'xhtml') return { titleHtml: textConstructAsHtml(value), titleIsPlainText: false };
  return { titleHtml: decodeRawXmlContent(rawContent(value)), titleIsPlainText: true };
}

/**
 * An Atom text construct as HTML. type="html" is escaped HTML; type="xhtml" is inline markup (kept raw by the
 * XML parser so its words stay in order); type="text", the default, is plain text, where "<" is a character.
 */
function textConstructAsHtml(value: unknown): string {
  const raw = rawContent(value);
  const type = attribute(value, 'type');
  if (type === 'xhtml') return raw;
  const decoded = decodeRawXmlContent(raw);
  if (type === 'html') return decoded;
  return decoded.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}

function rawContent(value: unknown): string {
  if (typeof value === 'string') return value;
  const text = asNode(value)?.['#text'];
  return typeof text === 'string' ? text : '';
}
