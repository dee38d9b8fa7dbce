import type { FeedItem } from './source.ts';
import { buildItem } from './build-item.ts';
import { MAX_ITEMS_PER_SOURCE, type ParseContext } from './parse-context.ts';
import { ParseError } from './parse-error.ts';
import { asArray, asNode, attribute, elementText, firstText, type XmlNode } from './xml-tree.ts';

/** RSS 2.0 (`<rss><channel><item>`), as the Met and Google News publish it. */
export function parseRss2(tree: XmlNode, context: ParseContext): FeedItem[] {
  const channel = asNode(asArray(asNode(tree.rss)?.channel)[0]);
  if (channel === undefined) throw new ParseError(context.sourceId, 'RSS document has no <channel>');
  return collectItems(asArray(channel.item), context);
}

/** RSS 1.0 / RDF (`<rdf:RDF><item>`): items are siblings of the channel, dates in `dc:date`. */
export function parseRss1(tree: XmlNode, context: ParseContext): FeedItem[] {
  const rdf = asNode(tree.RDF);
  if (rdf === undefined) throw new ParseError(context.sourceId, 'RDF document has no <rdf:RDF> root');
  return collectItems(asArray(rdf.item), context);
}

function collectItems(entries: unknown[], context: ParseContext): FeedItem[] {
  const items: FeedItem[] = [];
  for (const entry of entries.slice(0, MAX_ITEMS_PER_SOURCE)) {
    const node = asNode(entry);
    if (node === undefined) continue;
    const item = buildItem(
      {
        links: [elementText(asArray(node.link)[0]), ...permalinkGuid(node), attribute(node, 'about') ?? ''],
        titleHtml: firstText(node, 'title'),
        // content:encoded carries the full body where a feed has one; description is the summary.
        bodyHtml: firstText(node, 'encoded', 'description'),
        date: firstText(node, 'pubDate', 'date', 'published', 'updated') || undefined,
      },
      context,
    );
    if (item !== null) items.push(item);
  }
  return items;
}

/** A guid is a link unless isPermaLink="false". */
function permalinkGuid(node: XmlNode): string[] {
  const guid = asArray(node.guid)[0];
  if (guid === undefined || attribute(guid, 'isPermaLink') === 'false') return [];
  return [elementText(guid)];
}
