import { Parser } from 'htmlparser2';

/** Elements whose content is never text a reader should see. */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'head']);

/** Elements that separate words: closing one must not glue "end" and "start" of neighbouring blocks together. */
const BREAKING_ELEMENTS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table', 'section',
  'article', 'header', 'footer', 'blockquote', 'pre', 'hr', 'dd', 'dt', 'figcaption', 'address',
]);

/** Text and well-formed tags only (attribute values quoted or bare, no "<" or ">" inside them), no "&" anywhere. */
const SIMPLE_MARKUP = /^(?:[^<&]|<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s(?:[^<>"'&]|"[^"<>&]*"|'[^'<>&]*')*)?\/?>)*$/;
const SKIPPED_OPENING = /<(?:script|style|noscript|template|iframe|object|svg|head)\b/i;
const TAG = /<\/?[a-zA-Z][^>]*>/g;
/** A tag of one of the BREAKING_ELEMENTS, any case: `<P>`, `</div>`, `<br/>` (not `<b>`, not `<pre2>`). */
const BREAKING_TAG = new RegExp(String.raw`<\/?(?:${[...BREAKING_ELEMENTS].join('|')})(?![a-zA-Z0-9])[^>]*>`, 'gi');

/**
 * Turns an HTML fragment (a feed description, a CDATA body, a title with <b>) into plain text: tags stripped,
 * script and style dropped, entities decoded (htmlparser2 knows the full HTML named set and numeric references),
 * whitespace collapsed. The result is only ever shown as text, never as HTML.
 */
export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return collapseWhitespace(html);
  if (SIMPLE_MARKUP.test(html) && !SKIPPED_OPENING.test(html)) {
    // Plain tags, no entities, nothing to skip (most feed descriptions): the same text as the parser gives, by regex.
    // Every "<" here starts a tag, so the two passes see the same tags: breaking ones become a space, the rest go.
    return collapseWhitespace(html.replace(BREAKING_TAG, ' ').replace(TAG, ''));
  }
  const parts: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED_ELEMENTS.has(name)) skipDepth += 1;
        else if (BREAKING_ELEMENTS.has(name)) parts.push(' ');
      },
      onclosetag(name) {
        if (SKIPPED_ELEMENTS.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BREAKING_ELEMENTS.has(name)) parts.push(' ');
      },
      ontext(text) {
        if (skipDepth === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return collapseWhitespace(parts.join(''));
}

/**
 * Whitespace that collapseWhitespace rewrites: a run of two or more whitespace characters (zero-width space counted),
 * or a single one that is not a plain space. A lone plain space, by far the most common, is left as it is rather than
 * replaced by itself.
 */
const COLLAPSIBLE_WHITESPACE = /[\s\u200b]{2,}|[^\S ]|\u200b/g;

/** `text` with every run of whitespace (zero-width space counted) made one plain space, and trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(COLLAPSIBLE_WHITESPACE, ' ').trim();
}

/** Whether `text` has anything but whitespace (zero-width space counted): collapseWhitespace(text) !== '' without building it. */
export function hasVisibleText(text: string): boolean {
  return /[^\s\u200b]/.test(text);
}
