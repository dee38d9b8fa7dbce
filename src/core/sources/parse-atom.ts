import type { FeedItem } from './source.ts';
import { buildItem } from './build-item.ts';
import { MAX_ITEMS_PER_SOURCE, type ParseContext } from './parse-context.ts';
import { ParseError } from './parse-error.ts';
import { asArray, asNode, attribute, firstText, type XmlNode } from './xml-tree.ts';

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
        titleHtml: firstText(node, 'title'),
        titleIsPlainText: isPlainTextConstruct(asArray(node.title)[0]),
        bodyHtml: firstText(node, 'content', 'summary'),
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

/** Atom text constructs default to type="text": "<" there is a literal character, not markup. */
function isPlainTextConstruct(value: unknown): boolean {
  const type = attribute(value, 'type');
  return type === undefined || type === 'text';
}
