import type { FeedItem } from './source.ts';

/**
 * Dates what a source gives by when it was first seen, so an old article never alerts as new:
 * - every item keeps the time it was first seen (`firstSeenAt`, carried over from `previous` by link);
 * - an item whose own date could not be read (`publishedAt` null) is dated by that first sighting (`publishedAt` set
 *   to it, `undated` true), so it ages out of the spate window like any other;
 * - on a source's first successful read (`firstRead`), its undated items are its backlog (`backlog` true, date left
 *   null): they were there before Kinwatch looked, their age is unknown, and they never alert. They are remembered,
 *   so the next read does not take them for new.
 * `nowMs` is the time of this read, ms since the epoch. Returns new item objects; inputs are not changed.
 */
export function stampFirstSeen(previous: readonly FeedItem[], fresh: readonly FeedItem[], nowMs: number, firstRead: boolean): FeedItem[] {
  const earlierByUrl = new Map(previous.map((item) => [item.url, item]));
  const now = new Date(nowMs).toISOString();
  return fresh.map((item) => {
    const earlier = earlierByUrl.get(item.url);
    const firstSeenAt = earlier?.firstSeenAt ?? now;
    const backlog = earlier !== undefined ? earlier.backlog === true : firstRead && item.publishedAt === null;
    if (backlog) return { ...item, publishedAt: null, firstSeenAt, backlog: true };
    if (item.publishedAt === null || item.undated === true) return { ...item, publishedAt: firstSeenAt, firstSeenAt, undated: true };
    return { ...item, firstSeenAt };
  });
}

/** The items detection may alert on: everything but the undated backlog of a source's first read. */
export function alertableItems(items: readonly FeedItem[]): FeedItem[] {
  return items.filter((item) => item.backlog !== true);
}
