import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../src/core/sources/source.ts';
import { MAX_RECENT_ITEMS_PER_SOURCE, MAX_STORED_TEXT_CHARS, mergeRecentItems, RECENT_ITEM_DAYS } from '../../src/core/watcher/recent-items.ts';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const item = (n: number, daysAgo: number, text = 'text'): FeedItem => ({
  sourceId: 's',
  url: `https://example.org/${n}`,
  title: `Item ${n}`,
  text,
  publishedAt: new Date(NOW - daysAgo * 86_400_000).toISOString(),
});

describe('recent items kept between polls', () => {
  it('keeps items that scrolled off a listing, counts only the new ones, and forgets those past the window', () => {
    const before = [item(1, 2), item(2, RECENT_ITEM_DAYS + 1)];
    const { items, added } = mergeRecentItems(before, [item(3, 0), item(1, 2)], NOW);
    expect(added).toBe(1);
    expect(items.map((entry) => entry.url)).toEqual(['https://example.org/3', 'https://example.org/1']);
  });

  it('bounds what one source can store: item count and text length', () => {
    const fresh = Array.from({ length: MAX_RECENT_ITEMS_PER_SOURCE + 20 }, (_, n) => item(n, n / 100, 'x'.repeat(MAX_STORED_TEXT_CHARS + 500)));
    const { items } = mergeRecentItems([], fresh, NOW);
    expect(items).toHaveLength(MAX_RECENT_ITEMS_PER_SOURCE);
    expect(items.every((entry) => entry.text.length === MAX_STORED_TEXT_CHARS)).toBe(true);
    // The newest are the ones kept.
    expect(items[0]?.url).toBe('https://example.org/0');
  });
});
