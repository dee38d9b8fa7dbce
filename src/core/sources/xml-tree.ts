import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { collapseWhitespace } from './html-to-text.ts';
import { ParseError } from './parse-error.ts';
import { decodeXmlEntities } from './xml-entities.ts';

/** A parsed XML element as fast-xml-parser gives it: attributes as "@_name", text as "#text", CDATA as "#cdata". */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  // Entity expansion off: a DOCTYPE's entities (billion laughs) are never expanded; decodeXmlEntities handles
  // the five predefined ones and numeric references, bounded.
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Prefixes kept: `media:title`, `itunes:title` or `atom:link` must never shadow the item's own `title` or `link`.
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  cdataPropName: '#cdata',
  trimValues: true,
  // Atom text constructs may hold XHTML markup; kept raw so its text keeps its order (see parse-atom.ts).
  stopNodes: ['feed.entry.title', 'feed.entry.summary', 'feed.entry.content'],
});

/**
 * Parses XML into a plain object tree. The parse is a recovering one, as a feed reader's must be: a bare "&" or an
 * HTML entity the XML never declared (`&nbsp;`, `&pound;`) keeps its text and the items (feedparser calls such a feed
 * "bozo"; `recoveredFrom` says what was forgiven so the source health can warn). Broken structure (an unclosed item,
 * a truncated body) is never guessed at: it throws ParseError (code "malformed") naming the source and the line.
 */
export function parseXmlTree(text: string, sourceId: string): { tree: XmlNode; recoveredFrom?: string } {
  let recoveredFrom: string | undefined;
  let verdict = XMLValidator.validate(text);
  if (verdict !== true && verdict.err.code === 'InvalidChar' && verdict.err.msg.includes("'&'")) {
    // Only the ampersands are wrong: check the structure with them escaped, then read the text as it is (the
    // XML layer keeps "&" literally; the HTML layer reads "&nbsp;" and friends).
    recoveredFrom = 'read leniently: a bare "&" is not valid XML';
    verdict = XMLValidator.validate(text.replace(BARE_AMPERSAND, '&amp;'));
  }
  if (verdict !== true) {
    throw new ParseError(sourceId, `malformed XML at line ${verdict.err.line}: ${verdict.err.msg}`, 'malformed');
  }
  try {
    const tree = parser.parse(text) as XmlNode;
    return recoveredFrom === undefined ? { tree } : { tree, recoveredFrom };
  } catch (error) {
    throw new ParseError(sourceId, `invalid XML: ${error instanceof Error ? error.message : String(error)}`, 'malformed');
  }
}

/** "&" that starts no reference at all (an undeclared named entity such as "&nbsp;" is a reference, kept as text). */
const BARE_AMPERSAND = /&(?!(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});)/g;

/** The children of a node with exactly this (qualified) name: `child(item, 'title')` never returns `media:title`. */
export function children(node: XmlNode | undefined, name: string): unknown[] {
  return node === undefined ? [] : asArray(node[name]);
}

/** The first element of this (qualified) name, if any. */
export function child(node: XmlNode | undefined, name: string): unknown {
  return node === undefined ? undefined : asArray(node[name])[0];
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function asNode(value: unknown): XmlNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : undefined;
}

/**
 * The character content of an element, XML entities decoded, CDATA kept verbatim. Nested elements (Atom xhtml
 * content) contribute their text too. The result may still be HTML (RSS descriptions are escaped HTML).
 */
export function elementText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return decodeXmlEntities(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(elementText).join(' ');
  const node = value as XmlNode;
  const parts: string[] = [];
  for (const [key, child] of Object.entries(node)) {
    if (key.startsWith('@_')) continue;
    if (key === '#cdata') parts.push(asArray(child).map(String).join(''));
    else parts.push(elementText(child));
  }
  return parts.join(' ');
}

export function attribute(value: unknown, name: string): string | undefined {
  const node = asNode(value);
  const raw = node?.[`@_${name}`];
  return typeof raw === 'string' ? decodeXmlEntities(raw) : undefined;
}

/** The text of the first of these (qualified) names that has any: `firstText(item, 'content:encoded', 'description')`. */
export function firstText(node: XmlNode, ...names: string[]): string {
  for (const name of names) {
    const text = elementText(asArray(node[name])[0]);
    if (collapseWhitespace(text) !== '') return text;
  }
  return '';
}

/** Raw element content as kept for a stop node: XML entities decoded outside CDATA sections, CDATA verbatim. */
export function decodeRawXmlContent(raw: string): string {
  return raw
    .split(/<!\[CDATA\[([\s\S]*?)\]\]>/)
    .map((part, index) => (index % 2 === 1 ? part : decodeXmlEntities(part)))
    .join('');
}
