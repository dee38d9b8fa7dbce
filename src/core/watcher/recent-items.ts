import type { FeedItem } from '../sources/source.ts';

/** Spates are clustered over weeks of reports: keep a source's items this long after they were first seen. */
export const RECENT_ITEM_DAYS = 30;
/** Per source, so one busy feed cannot crowd out storage (chrome.storage.local holds 10 MB in all). */
export const MAX_RECENT_ITEMS_PER_SOURCE = 100;
/** Characters of an item's text kept: the opening paragraphs carry the tactics, places and counts. */
export const MAX_STORED_TEXT_CHARS = 4_000;

export interface MergeOutcome {
  items: FeedItem[];
  /** Items not held before: what is new this cycle. */
  added: number;
}

/**
 * Adds a fresh fetch to what a source gave before. A listing only shows its latest page, so items that scrolled off
 * are kept until they are older than the window; the same link is one item (its latest wording wins).
 */
export function mergeRecentItems(previous: readonly FeedItem[], fresh: readonly FeedItem[], nowMs: number): MergeOutcome {
  const byUrl = new Map<string, FeedItem>();
  for (const item of previous) byUrl.set(item.url, item);
  let added = 0;
  for (const item of fresh) {
    if (!byUrl.has(item.url)) added += 1;
    byUrl.set(item.url, item.text.length > MAX_STORED_TEXT_CHARS ? { ...item, text: item.text.slice(0, MAX_STORED_TEXT_CHARS) } : item);
  }
  const cutoff = nowMs - RECENT_ITEM_DAYS * 24 * 60 * 60 * 1000;
  const kept = [...byUrl.values()].filter((item) => item.publishedAt === null || Date.parse(item.publishedAt) >= cutoff);
  kept.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  return { items: kept.slice(0, MAX_RECENT_ITEMS_PER_SOURCE), added };
}
