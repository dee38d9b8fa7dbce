import { htmlToText } from '../sources/html-to-text.ts';

/**
 * An HTML article as plain text that keeps its shape: one paragraph per block and "• " before list items, so
 * advice lists can still be told from the story. Each block goes through the shared htmlToText (entities decoded,
 * scripts dropped, never rendered as HTML).
 */
export function htmlArticleText(html: string): string {
  const withoutHidden = html.replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const marked = withoutHidden
    .replace(/<li\b[^>]*>/gi, '\u0000• ')
    .replace(/<\/?(?:p|div|br|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre|hr|dd|dt|figcaption)\b[^>]*>/gi, '\u0000');
  return marked
    .split('\u0000')
    .map((block) => htmlToText(block))
    .filter((block) => block.length > 0)
    .join('\n\n');
}
