import { ParseError } from './parse-error.ts';

/** A parsed XML element: attributes as "@_name" (raw), text as "#text", CDATA as "#cdata", children by qualified name. */
export type XmlNode = Record<string, unknown>;

/** Deeper than any feed nests; a document that goes on is refused rather than exhausting the stack or memory. */
const MAX_DEPTH = 256;
/** Atom text constructs whose content is kept raw (type="xhtml" is markup whose words must keep their order). */
const RAW_IN_ENTRY = new Set(['title', 'summary', 'content']);

interface Frame {
  name: string;
  local: string;
  attributes: XmlNode | undefined;
  children: XmlNode | undefined;
  text: string;
  cdata: string[] | undefined;
}

/**
 * A small, fast, non-validating XML reader for feeds, written for this product rather than taken from a general
 * library because reading feeds forgivingly and quickly is the product: one pass with indexOf, no entity expansion
 * (references stay as written: `decodeXmlEntities` decodes the predefined and numeric ones, bounded, so a DOCTYPE's
 * "billion laughs" stays literal text), DTDs skipped, external entities refused.
 *
 * The tree has the shape fast-xml-parser gives with `ignoreAttributes: false, attributeNamePrefix: '@_',
 * removeNSPrefix: false, cdataPropName: '#cdata', trimValues: true`: an element with only text is a string; one
 * with attributes, children or CDATA is an object; a repeated child is an array. The contents of an Atom entry's
 * `title`, `summary` and `content` are kept raw (as "#text" of the element) for the Atom parser.
 *
 * Structure is checked (a closing tag that does not match, an element left open at the end): those throw
 * ParseError "malformed" with the line. A "<" that starts no markup is kept as text, as browsers do.
 */
export function readXml(text: string, sourceId: string): XmlNode {
  const root: Frame = { name: '', local: '', attributes: undefined, children: undefined, text: '', cdata: undefined };
  const stack: Frame[] = [root];
  const length = text.length;
  let at = 0;
  const fail = (position: number, message: string): never => {
    throw new ParseError(sourceId, `malformed XML at line ${lineOf(text, position)}: ${message}`, 'malformed');
  };

  while (at < length) {
    const lt = text.indexOf('<', at);
    const top = stack[stack.length - 1]!;
    if (lt < 0) {
      if (stack.length > 1) appendText(top, text.slice(at));
      break;
    }
    if (lt > at && stack.length > 1) appendText(top, text.slice(at, lt));
    const next = text.charCodeAt(lt + 1);
    if (next === 47 /* / */) {
      const gt = text.indexOf('>', lt + 2);
      if (gt < 0) fail(lt, 'a closing tag is cut off');
      const name = text.slice(lt + 2, gt).trim();
      if (stack.length === 1) fail(lt, `closing tag '${name}' with nothing open`);
      if (name !== top.name) fail(lt, `expected closing tag '${top.name}' instead of '${name}'`);
      stack.pop();
      attach(stack[stack.length - 1]!, top);
      at = gt + 1;
    } else if (next === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end < 0) fail(lt, 'a comment is never closed');
        at = end + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) fail(lt, 'a CDATA section is never closed');
        if (stack.length > 1) (top.cdata ??= []).push(text.slice(lt + 9, end));
        at = end + 3;
      } else {
        at = skipDoctype(text, lt, sourceId);
      }
    } else if (next === 63 /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) fail(lt, 'a processing instruction is never closed');
      at = end + 2;
    } else if (isNameStart(next)) {
      const gt = tagEnd(text, lt + 1);
      if (gt < 0) fail(lt, 'a tag is cut off');
      const selfClosing = text.charCodeAt(gt - 1) === 47;
      const inner = text.slice(lt + 1, selfClosing ? gt - 1 : gt);
      const space = inner.search(/[\s]/);
      const name = space < 0 ? inner : inner.slice(0, space);
      const colon = name.indexOf(':');
      const frame: Frame = {
        name,
        local: colon < 0 ? name : name.slice(colon + 1),
        attributes: space < 0 ? undefined : readAttributes(inner.slice(space)),
        children: undefined,
        text: '',
        cdata: undefined,
      };
      at = gt + 1;
      if (selfClosing) {
        attach(top, frame);
        continue;
      }
      const parent = stack[stack.length - 2];
      if (RAW_IN_ENTRY.has(frame.local) && top.local === 'entry' && parent?.local === 'feed') {
        const close = text.indexOf(`</${name}>`, at);
        if (close < 0) fail(lt, `'${name}' is never closed`);
        frame.text = text.slice(at, close).trim();
        frame.cdata = undefined;
        attachRaw(top, frame);
        at = close + name.length + 3;
        continue;
      }
      if (stack.length > MAX_DEPTH) fail(lt, `elements nested more than ${MAX_DEPTH} deep`);
      stack.push(frame);
    } else {
      // "<" followed by a space or a digit is text ("a < b"), as a browser reads it.
      if (stack.length > 1) appendText(top, '<');
      at = lt + 1;
    }
  }
  if (stack.length > 1) fail(length, `'${stack[stack.length - 1]!.name}' is never closed`);
  return root.children ?? {};
}

function appendText(frame: Frame, piece: string): void {
  frame.text = frame.text === '' ? piece : frame.text + piece;
}

function attach(parent: Frame, child: Frame): void {
  const text = child.text.trim();
  let value: unknown;
  if (child.attributes === undefined && child.children === undefined && child.cdata === undefined) {
    value = text;
  } else {
    const node: XmlNode = child.children ?? {};
    if (child.attributes !== undefined) Object.assign(node, child.attributes);
    if (text !== '') node['#text'] = text;
    if (child.cdata !== undefined) node['#cdata'] = child.cdata.length === 1 ? child.cdata[0] : child.cdata;
    value = node;
  }
  addChild(parent, child.name, value);
}

function attachRaw(parent: Frame, child: Frame): void {
  addChild(parent, child.name, child.attributes === undefined ? child.text : { ...child.attributes, '#text': child.text });
}

function addChild(parent: Frame, name: string, value: unknown): void {
  const children = (parent.children ??= {});
  const existing = children[name];
  if (existing === undefined) children[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else children[name] = [existing, value];
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function readAttributes(source: string): XmlNode | undefined {
  let attributes: XmlNode | undefined;
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(source); match !== null; match = ATTRIBUTE.exec(source)) {
    (attributes ??= {})[`@_${match[1]}`] = match[2] ?? match[3] ?? '';
  }
  return attributes;
}

/** The ">" that ends a tag starting at `from`, skipping any inside quoted attribute values; -1 if none. */
function tagEnd(text: string, from: number): number {
  let gt = text.indexOf('>', from);
  while (gt >= 0) {
    const inside = text.slice(from, gt);
    if (!inside.includes('"') && !inside.includes("'")) return gt;
    if (quotesClosed(inside)) return gt;
    gt = text.indexOf('>', gt + 1);
  }
  return -1;
}

function quotesClosed(inside: string): boolean {
  let quote = 0;
  for (let i = 0; i < inside.length; i++) {
    const code = inside.charCodeAt(i);
    if (quote === 0 && (code === 34 || code === 39)) quote = code;
    else if (code === quote) quote = 0;
  }
  return quote === 0;
}

/** Skips `<!DOCTYPE …>` with any internal subset; refuses external entities (XXE) outright. */
function skipDoctype(text: string, lt: number, sourceId: string): number {
  const gt = text.indexOf('>', lt);
  const bracket = text.indexOf('[', lt);
  let end: number;
  if (bracket >= 0 && (gt < 0 || bracket < gt)) {
    const close = text.indexOf(']', bracket);
    const after = close < 0 ? -1 : text.indexOf('>', close);
    if (after < 0) throw new ParseError(sourceId, `malformed XML at line ${lineOf(text, lt)}: a DOCTYPE is never closed`, 'malformed');
    if (/<!ENTITY\s+(?:%\s*)?[^\s>]+\s+(?:SYSTEM|PUBLIC)\b/i.test(text.slice(bracket, close))) {
      throw new ParseError(sourceId, 'invalid XML: External entities are not supported', 'malformed');
    }
    end = after + 1;
  } else {
    if (gt < 0) throw new ParseError(sourceId, `malformed XML at line ${lineOf(text, lt)}: a declaration is never closed`, 'malformed');
    end = gt + 1;
  }
  return end;
}

function isNameStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 58 || code > 127;
}

function lineOf(text: string, position: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
