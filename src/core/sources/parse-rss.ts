import type { FeedItem } from './source.ts';
import { buildItem } from './build-item.ts';
import { isHttpUrl } from './canonical-url.ts';
import { MAX_ITEMS_PER_SOURCE, type ParseContext } from './parse-context.ts';
import { asArray, asNode, attribute, child, children, elementText, firstText, type XmlNode } from './xml-tree.ts';

/**
 * RSS 2.0 (`<rss><channel><item>`), as the Met and Google News publish it. A feed with no channel, or a channel with
 * no items, is zero items. Elements in other namespaces (`media:title`, `itunes:title`, `atom:link`) never stand in
 * for the item's own `title` and `link`; Dublin Core `dc:date` dates an item that has no `pubDate`.
 */
export function parseRss2(tree: XmlNode, context: ParseContext, rootName = 'rss'): FeedItem[] {
  const channel = asNode(child(asNode(tree[rootName]), 'channel'));
  const items = channel === undefined ? [] : children(channel, 'item');
  return collectItems(items, context);
}

/** RSS 1.0 / RDF (`<rdf:RDF><item>`): items are siblings of the channel, dates in `dc:date`, link in `rdf:about`. */
export function parseRss1(tree: XmlNode, context: ParseContext, rootName = 'rdf:RDF'): FeedItem[] {
  const rdf = asNode(tree[rootName]);
  return collectItems(rdf === undefined ? [] : children(rdf, 'item'), context);
}

function collectItems(entries: unknown[], context: ParseContext): FeedItem[] {
  const items: FeedItem[] = [];
  for (const entry of entries.slice(0, MAX_ITEMS_PER_SOURCE)) {
    const node = asNode(entry);
    if (node === undefined) continue;
    const source = child(node, 'source');
    const item = buildItem(
      {
        links: linkCandidates(node),
        titleHtml: firstText(node, 'title'),
        // content:encoded carries the full body where a feed has one; description is the summary.
        bodyHtml: firstText(node, 'content:encoded', 'description'),
        date: dateOf(node),
        ...(source !== undefined ? { outlet: elementText(source).trim() } : {}),
      },
      context,
    );
    if (item !== null) items.push(item);
  }
  return items;
}

/**
 * The item's date: `pubDate`, else Dublin Core `dc:date`, else Atom's `published`/`updated` used inside RSS.
 * A `<time datetime>` element inside the date element gives its attribute.
 */
function dateOf(node: XmlNode): string | undefined {
  for (const name of ['pubDate', 'dc:date', 'atom:published', 'atom:updated', 'published', 'updated', 'dc:created', 'dcterms:created']) {
    const value = child(node, name);
    if (value === undefined) continue;
    const time = asNode(child(asNode(value), 'time'));
    const datetime = time === undefined ? undefined : attribute(time, 'datetime');
    const text = datetime ?? elementText(value).trim();
    if (text !== '') return text;
  }
  return undefined;
}

/** The item's links in order of preference, each worked out only when the ones before it were no usable link. */
function* linkCandidates(node: XmlNode): Generator<string> {
  yield* children(node, 'link').map(elementText);
  yield* permalinkGuid(node);
  yield attribute(node, 'rdf:about') ?? attribute(node, 'about') ?? '';
}

/** A guid is a link only when it is an absolute http(s) URL and not marked isPermaLink="false": "12345" never is. */
function permalinkGuid(node: XmlNode): string[] {
  const guid = asArray(node.guid)[0];
  if (guid === undefined || attribute(guid, 'isPermaLink') === 'false') return [];
  const text = elementText(guid).trim();
  return isHttpUrl(text) ? [text] : [];
}
