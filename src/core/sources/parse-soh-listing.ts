import { Parser } from 'htmlparser2';
import type { FeedItem } from './source.ts';
import { buildItem } from './build-item.ts';
import { collapseWhitespace } from './html-to-text.ts';
import { MAX_ITEMS_PER_SOURCE, type ParseContext } from './parse-context.ts';

/** Page furniture: headings and links inside these are site navigation, never news items. */
const NOISE_ELEMENTS = new Set(['header', 'nav', 'footer', 'aside', 'form']);
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);
const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
]);
const PUBLISHED = /Published:?\s*(\d{1,2}:\d{2}\s+\d{1,2}\/\d{1,2}\/\d{4})/i;

interface ListingEntry {
  href: string;
  title: string[];
  after: string[];
}

/**
 * The Single Online Home news listing (`/news/<force>/news/`): each story is an `h3 > a` followed by a
 * `Published: HH:MM DD/MM/YYYY` line and usually a one-line summary. Text between one story's heading and the
 * next heading belongs to that story. Parsed with htmlparser2 in streaming mode: no DOM exists in a service worker.
 */
export function parseSohListing(html: string, context: ParseContext): FeedItem[] {
  const entries: ListingEntry[] = [];
  let noiseDepth = 0;
  let skipDepth = 0;
  let inHeading = false;
  let headingHref: string | undefined;
  let headingText: string[] = [];
  let current: ListingEntry | undefined;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (VOID_ELEMENTS.has(name)) return;
        if (NOISE_ELEMENTS.has(name)) noiseDepth += 1;
        if (SKIPPED_ELEMENTS.has(name)) skipDepth += 1;
        if (noiseDepth > 0 || skipDepth > 0) return;
        if (/^h[1-6]$/.test(name)) {
          // Any heading ends the previous story's trailing text; only h3 starts a new one.
          current = undefined;
          if (name === 'h3') {
            inHeading = true;
            headingHref = undefined;
            headingText = [];
          }
        } else if (name === 'a' && inHeading && headingHref === undefined && attribs.href !== undefined) {
          headingHref = attribs.href;
        } else if (current !== undefined) {
          current.after.push(' ');
        }
      },
      onclosetag(name) {
        if (VOID_ELEMENTS.has(name)) return;
        const wasNoise = noiseDepth > 0 || skipDepth > 0;
        if (NOISE_ELEMENTS.has(name)) noiseDepth = Math.max(0, noiseDepth - 1);
        if (SKIPPED_ELEMENTS.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (wasNoise) return;
        if (name === 'h3' && inHeading) {
          inHeading = false;
          if (headingHref !== undefined) {
            current = { href: headingHref, title: headingText, after: [] };
            entries.push(current);
          }
        } else if (name === 'main' || name === 'ul' || name === 'ol') {
          // The end of the listing's container ends the last story's text.
          if (name === 'main') current = undefined;
        } else if (current !== undefined) {
          current.after.push(' ');
        }
      },
      ontext(text) {
        if (noiseDepth > 0 || skipDepth > 0) return;
        if (inHeading) headingText.push(text);
        else if (current !== undefined && current.after.length < 200) current.after.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();

  const items: FeedItem[] = [];
  for (const entry of entries) {
    if (items.length >= MAX_ITEMS_PER_SOURCE) break;
    const after = collapseWhitespace(entry.after.join(''));
    const published = PUBLISHED.exec(after);
    const summary = collapseWhitespace(after.replace(PUBLISHED, ' '));
    // Text is already decoded by htmlparser2: pass it as plain text so a literal "<" in a headline survives.
    const item = buildItem(
      {
        links: [entry.href],
        titleHtml: collapseWhitespace(entry.title.join('')),
        titleIsPlainText: true,
        bodyHtml: '',
        date: published?.[1],
      },
      context,
    );
    if (item !== null && isStoryLink(item.url, context.url)) items.push({ ...item, text: summary });
  }
  return items;
}

/**
 * Stories live under the force's /news/ path on the same site; cookie banners, "contact us" and pagination
 * headings do not, and the listing never links to itself as a story.
 */
function isStoryLink(itemUrl: string, pageUrl: string): boolean {
  const item = new URL(itemUrl);
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return item.pathname.includes('/news/');
  }
  return item.host === page.host && item.pathname.includes('/news/') && item.pathname !== page.pathname;
}
