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
const CARD_CLASS = /(?:^|[\s_-])(card|teaser|story|item|result|listing)(?:$|[\s_-])/i;
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'select', 'button']);
const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
]);
const PUBLISHED = /Published:?\s*(\d{1,2}:\d{2}\s+\d{1,2}\/\d{1,2}\/\d{4})/i;
/** A date written out in a card ("24 November 2026", "24th Nov 2026 10:05", "November 24, 2026"), when no Published line. */
const WRITTEN_DATE =
  /\b(\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]m)?)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4})\b/i;
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
  /** A `<time datetime>` in the card, before or after the heading. */
  datetime?: string;
}

interface OpenElement {
  name: string;
  /** An element holding one story: `li`, `article`, or a `div` whose class says card, teaser, story or item. */
  card: boolean;
  noise: boolean;
  skipped: boolean;
  /** For an `a`: its href, so a heading inside a link (`a > h3`, a whole-card link) takes the link's address. */
  href?: string;
}

/** Headings that title a story card; h1 (the page's own title), h5 and h6 only end the story before them. */
const STORY_HEADINGS = new Set(['h2', 'h3', 'h4']);
/** Words of page furniture that some CMSs put in a linked heading: never a story. */
const FURNITURE = /^(news|latest( news)?|more news|all news|news and appeals|share( this)?|read more|more|related( news| stories)?|follow us|top stories|back|next|previous|home)$/i;

/**
 * A force's HTML news listing (Single Online Home `/news/<force>/news/`, and the card shapes other CMSs use): each
 * story is a linked heading, `h3 > a` on Single Online Home, also `h2`/`h4` and a heading inside the link
 * (`a > h3`, a whole-card link), with a `Published: HH:MM DD/MM/YYYY` line or another readable date near it (before
 * or after the heading) and often, not always, a one-line summary. Page furniture is never an item: navigation,
 * headings such as "News" or "Share", links off the site or above the listing. Page header, navigation, cookie banner and footer are ignored. Parsed with htmlparser2 in streaming
 * mode: no DOM exists in a service worker.
 */
export function parseSohListing(html: string, context: ParseContext): FeedItem[] {
  const entries: ListingEntry[] = [];
  const stack: OpenElement[] = [];
  let inHeading = false;
  let headingHref: string | undefined;
  let headingName = '';
  let headingText: string[] = [];
  let current: ListingEntry | undefined;
  let pendingBefore: string[] = [];
  let pendingDatetime: string | undefined;

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
        const card = CARD_ELEMENTS.has(name) || (name === 'div' && CARD_CLASS.test(attribs.class ?? ''));
        stack.push({ name, card, noise, skipped: SKIPPED_ELEMENTS.has(name), ...(name === 'a' && attribs.href !== undefined ? { href: attribs.href } : {}) });
        if (ignoring()) return;
        // A new card ends the story before it, unless it sits inside that story's own card (a list of tags).
        if (card && (current === undefined || current.cardDepth < 0)) {
          current = undefined;
          pendingBefore = [];
          pendingDatetime = undefined;
        }
        if (name === 'time' && attribs.datetime !== undefined) {
          if (current !== undefined) current.datetime ??= attribs.datetime;
          else pendingDatetime = attribs.datetime;
        }
        if (/^h[1-6]$/.test(name)) {
          // Any heading ends the previous story's text; h2–h4 start a new one.
          current = undefined;
          if (STORY_HEADINGS.has(name) && !inHeading) {
            inHeading = true;
            headingName = name;
            headingHref = findLast(stack, (element) => element.name === 'a' && element.href !== undefined)?.href;
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
        const closing = stack.at(-1)?.name === name ? stack.pop() : undefined;
        if (wasIgnoring) return;
        if (name === headingName && inHeading) {
          inHeading = false;
          if (headingHref !== undefined) {
            const cardDepth = findLastIndex(stack, (element) => element.card);
            current = { href: headingHref, title: headingText, before: pendingBefore, after: [], cardDepth, ...(pendingDatetime !== undefined ? { datetime: pendingDatetime } : {}) };
            entries.push(current);
          }
          pendingBefore = [];
          pendingDatetime = undefined;
        } else if (closing?.card === true && current !== undefined && current.cardDepth === depth) {
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
    const written = published === null && entry.datetime === undefined ? (WRITTEN_DATE.exec(after) ?? WRITTEN_DATE.exec(before)) : null;
    const summary = collapseWhitespace(after.replace(PUBLISHED, ' ')) || collapseWhitespace(before.replace(PUBLISHED, ' '));
    // Text is already decoded by htmlparser2: pass it as plain text so a literal "<" in a headline survives.
    const item = buildItem(
      {
        links: [entry.href],
        titleHtml: collapseWhitespace(entry.title.join('')),
        titleIsPlainText: true,
        bodyHtml: '',
        date: published?.[1] ?? entry.datetime ?? written?.[1],
      },
      context,
    );
    if (item !== null && !FURNITURE.test(item.title) && isStoryLink(item.url, context.url)) items.push({ ...item, text: summary.slice(0, MAX_ITEM_TEXT_CHARS) });
  }
  return items;
}

function findLast<T>(items: readonly T[], predicate: (item: T) => boolean): T | undefined {
  const index = findLastIndex(items, predicate);
  return index < 0 ? undefined : items[index];
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
  // An address above the listing ("/news/", "/news/essex/") is navigation, not a story.
  const ancestor = page.pathname.startsWith(item.pathname.endsWith('/') ? item.pathname : `${item.pathname}/`);
  // Single Online Home stories live under /news/; a news site of its own (news.<force>.police.uk) may not use it.
  const underNews = !page.pathname.includes('/news/') || item.pathname.includes('/news/');
  return item.host === page.host && underNews && item.pathname !== page.pathname && !ancestor;
}
