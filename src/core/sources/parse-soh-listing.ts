import { Parser } from 'htmlparser2';
import type { FeedItem } from './source.ts';
import { buildItem } from './build-item.ts';
import { collapseWhitespace } from './html-to-text.ts';
import { MAX_ITEM_TEXT_CHARS, MAX_ITEMS_PER_SOURCE, type ParseContext } from './parse-context.ts';

/** Site furniture: headings and links in these are navigation, never news items. */
const ALWAYS_NOISE = new Set(['nav', 'aside', 'dialog']);
/** A page's own header and footer are furniture; a header or footer inside a story card is part of the card. */
const NOISE_UNLESS_IN_CONTENT = new Set(['header', 'footer']);
const CONTENT_ELEMENTS = new Set(['main', 'article', 'li']);
/** Elements that hold one story each: the story's text ends where its card ends. */
const CARD_ELEMENTS = new Set(['li', 'article']);
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'select', 'button']);
const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
]);
const PUBLISHED = /Published:?\s*(\d{1,2}:\d{2}\s+\d{1,2}\/\d{1,2}\/\d{4})/i;
/** Text fragments kept per story: a summary line or two is all detection needs from a listing. */
const MAX_FRAGMENTS = 200;

interface ListingEntry {
  href: string;
  title: string[];
  /** Text in the story's card before its heading (some layouts put the date first). */
  before: string[];
  /** Text after the heading, up to the next heading or the end of the card. */
  after: string[];
  /** Stack depth of the card holding the heading, or -1 when it sits in no card. */
  cardDepth: number;
}

interface OpenElement {
  name: string;
  noise: boolean;
  skipped: boolean;
}

/**
 * The Single Online Home news listing (`/news/<force>/news/`): each story is an `h3 > a` with a
 * `Published: HH:MM DD/MM/YYYY` line near it (usually after, sometimes before the heading) and often a one-line
 * summary. Page header, navigation, cookie banner and footer are ignored. Parsed with htmlparser2 in streaming
 * mode: no DOM exists in a service worker.
 */
export function parseSohListing(html: string, context: ParseContext): FeedItem[] {
  const entries: ListingEntry[] = [];
  const stack: OpenElement[] = [];
  let inHeading = false;
  let headingHref: string | undefined;
  let headingText: string[] = [];
  let current: ListingEntry | undefined;
  let pendingBefore: string[] = [];

  const ignoring = (): boolean => stack.some((element) => element.noise || element.skipped);
  const inContent = (): boolean => stack.some((element) => CONTENT_ELEMENTS.has(element.name));
  const push = (target: string[], text: string): void => {
    if (target.length < MAX_FRAGMENTS) target.push(text);
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (VOID_ELEMENTS.has(name)) {
          if (!ignoring()) push(current?.after ?? pendingBefore, ' ');
          return;
        }
        const noise =
          ALWAYS_NOISE.has(name) ||
          (NOISE_UNLESS_IN_CONTENT.has(name) && !inContent()) ||
          /\bcookie/i.test(attribs.class ?? '') ||
          /\bcookie/i.test(attribs.id ?? '');
        stack.push({ name, noise, skipped: SKIPPED_ELEMENTS.has(name) });
        if (ignoring()) return;
        if (CARD_ELEMENTS.has(name) && current === undefined) pendingBefore = [];
        if (/^h[1-6]$/.test(name)) {
          // Any heading ends the previous story's text; only h3 starts a new one.
          current = undefined;
          if (name === 'h3') {
            inHeading = true;
            headingHref = undefined;
            headingText = [];
          }
        } else if (name === 'a' && inHeading && headingHref === undefined && attribs.href !== undefined) {
          headingHref = attribs.href;
        } else if (!inHeading) {
          push(current?.after ?? pendingBefore, ' ');
        }
      },
      onclosetag(name) {
        if (VOID_ELEMENTS.has(name)) return;
        const wasIgnoring = ignoring();
        const depth = stack.length - 1;
        // htmlparser2 reports implied closes too, so the stack stays balanced on sloppy markup.
        if (stack.at(-1)?.name === name) stack.pop();
        if (wasIgnoring) return;
        if (name === 'h3' && inHeading) {
          inHeading = false;
          if (headingHref !== undefined) {
            const cardDepth = findLastIndex(stack, (element) => CARD_ELEMENTS.has(element.name));
            current = { href: headingHref, title: headingText, before: pendingBefore, after: [], cardDepth };
            entries.push(current);
          }
          pendingBefore = [];
        } else if (CARD_ELEMENTS.has(name) && current !== undefined && current.cardDepth === depth) {
          current = undefined;
          pendingBefore = [];
        } else if (name === 'main') {
          current = undefined;
        } else if (!inHeading) {
          push(current?.after ?? pendingBefore, ' ');
        }
      },
      ontext(text) {
        if (ignoring()) return;
        if (inHeading) headingText.push(text);
        else push(current?.after ?? pendingBefore, text);
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
    const before = collapseWhitespace(entry.before.join(''));
    const published = PUBLISHED.exec(after) ?? PUBLISHED.exec(before);
    const summary = collapseWhitespace(after.replace(PUBLISHED, ' ')) || collapseWhitespace(before.replace(PUBLISHED, ' '));
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
    if (item !== null && isStoryLink(item.url, context.url)) items.push({ ...item, text: summary.slice(0, MAX_ITEM_TEXT_CHARS) });
  }
  return items;
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) {
    if (predicate(items[index] as T)) return index;
  }
  return -1;
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
