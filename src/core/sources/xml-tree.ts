import { hasVisibleText } from './html-to-text.ts';
import { decodeXmlEntities } from './xml-entities.ts';
import { readXml, type XmlNode } from './xml-reader.ts';

export type { XmlNode } from './xml-reader.ts';

/**
 * Parses XML into a plain object tree (see readXml). The parse is a recovering one, as a feed reader's must be: a
 * bare "&" or an HTML entity the XML never declared (`&nbsp;`, `&pound;`) keeps its text and the items (feedparser
 * calls such a feed "bozo"; `recoveredFrom` says what was forgiven so the source health can warn). Broken structure
 * (an unclosed item, a truncated body) is never guessed at: it throws ParseError (code "malformed") naming the source
 * and the line.
 */
export function parseXmlTree(text: string, sourceId: string): { tree: XmlNode; recoveredFrom?: string } {
  const tree = readXml(text, sourceId);
  return hasBareAmpersand(text) ? { tree, recoveredFrom: 'read leniently: a bare "&" is not valid XML' } : { tree };
}

function hasBareAmpersand(text: string): boolean {
  BARE_AMPERSAND.lastIndex = 0;
  if (!BARE_AMPERSAND.test(text)) return false;
  const outsideCdata = text.includes('<![CDATA[') ? text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '') : text;
  BARE_AMPERSAND.lastIndex = 0;
  return BARE_AMPERSAND.test(outsideCdata);
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
    if (hasVisibleText(text)) return text;
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
