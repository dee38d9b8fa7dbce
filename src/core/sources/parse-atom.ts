import type { FeedItem } from './source.ts';
import { buildItem } from './build-item.ts';
import { MAX_ITEMS_PER_SOURCE, type ParseContext } from './parse-context.ts';
import { asNode, attribute, child, children, decodeRawXmlContent, firstText, type XmlNode } from './xml-tree.ts';

/**
 * Atom 1.0 (`<feed><entry>`): link from `rel="alternate"` (or no rel), dates from `published` then `updated`.
 * Relative links resolve against `xml:base` (on the feed, the entry and the link itself, each against the one
 * above, RFC 4287 §2 and XML Base), and otherwise against the feed's URL. A feed with no entries is zero items.
 */
export function parseAtom(tree: XmlNode, context: ParseContext, rootName = 'feed'): FeedItem[] {
  const feed = asNode(tree[rootName]);
  if (feed === undefined) return [];
  const prefix = rootName.includes(':') ? rootName.slice(0, rootName.indexOf(':') + 1) : '';
  const name = (local: string): string => `${prefix}${local}`;
  const feedBase = resolveBase(attribute(feed, 'xml:base'), context.url);
  const items: FeedItem[] = [];
  for (const entry of children(feed, name('entry')).slice(0, MAX_ITEMS_PER_SOURCE)) {
    const node = asNode(entry);
    if (node === undefined) continue;
    const entryBase = resolveBase(attribute(node, 'xml:base'), feedBase);
    const item = buildItem(
      {
        links: alternateLinks(children(node, name('link')), entryBase),
        ...titleOf(child(node, name('title'))),
        bodyHtml: textConstructAsHtml(child(node, name('content'))) || textConstructAsHtml(child(node, name('summary'))),
        date: firstText(node, name('published'), name('updated'), 'dc:date') || undefined,
      },
      { ...context, url: entryBase },
    );
    if (item !== null) items.push(item);
  }
  return items;
}

function resolveBase(base: string | undefined, against: string): string {
  if (base === undefined || base.trim() === '') return against;
  try {
    return new URL(base.trim(), against).toString();
  } catch {
    return against;
  }
}

/** Alternate links first (rel absent or "alternate"), then any other; each resolved against its own xml:base. */
function alternateLinks(links: unknown[], entryBase: string): string[] {
  const preferred = links.filter((link) => {
    const rel = attribute(link, 'rel');
    return rel === undefined || rel === 'alternate';
  });
  return [...preferred, ...links]
    .map((link) => {
      const href = attribute(link, 'href') ?? '';
      if (href === '') return '';
      return resolveBase(href, resolveBase(attribute(link, 'xml:base'), entryBase));
    })
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
