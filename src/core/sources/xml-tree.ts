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
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  cdataPropName: '#cdata',
  trimValues: true,
  // Atom text constructs may hold XHTML markup; kept raw so its text keeps its order (see parse-atom.ts).
  stopNodes: ['feed.entry.title', 'feed.entry.summary', 'feed.entry.content'],
});

/** Parses XML into a plain object tree, or throws ParseError naming the source and the line of the fault. */
export function parseXmlTree(text: string, sourceId: string): XmlNode {
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    throw new ParseError(sourceId, `malformed XML at line ${verdict.err.line}: ${verdict.err.msg}`);
  }
  try {
    return parser.parse(text) as XmlNode;
  } catch (error) {
    throw new ParseError(sourceId, `invalid XML: ${error instanceof Error ? error.message : String(error)}`);
  }
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
