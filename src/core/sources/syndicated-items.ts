import type { FeedItem } from './source.ts';

/**
 * Aggregator items (Google News: titles end with " - <outlet>", `<source url>` names the outlet; docs/design.md,
 * "Facts the product relies on", checked on 2026-11-24): the outlet's suffix is removed from the title, so detection and clustering see the
 * headline itself, and one story carried by several papers becomes one item whose `outlet` lists them all
 * ("Essex Echo, Colchester Gazette"), the first-listed item's link kept. Items without an outlet pass unchanged.
 */
export function mergeSyndicated(items: FeedItem[]): FeedItem[] {
  if (!items.some((item) => item.outlet !== undefined)) return items;
  const byHeadline = new Map<string, FeedItem>();
  const merged: FeedItem[] = [];
  for (const item of items) {
    if (item.outlet === undefined) {
      merged.push(item);
      continue;
    }
    const title = withoutOutletSuffix(item.title, item.outlet);
    const key = headlineKey(title);
    const earlier = byHeadline.get(key);
    if (earlier !== undefined) {
      const outlets = earlier.outlet?.split(', ') ?? [];
      if (!outlets.includes(item.outlet)) earlier.outlet = [...outlets, item.outlet].join(', ');
      if (item.text.length > earlier.text.length && headlineKey(item.text) !== key) earlier.text = item.text;
      continue;
    }
    const kept: FeedItem = { ...item, title };
    byHeadline.set(key, kept);
    merged.push(kept);
  }
  return merged;
}

/** "Fake police target Colchester pensioners - Essex Echo" → "Fake police target Colchester pensioners". */
export function withoutOutletSuffix(title: string, outlet: string): string {
  for (const separator of [' - ', ' – ', ' — ', ' | ']) {
    const suffix = `${separator}${outlet}`;
    if (title.length > suffix.length && title.toLowerCase().endsWith(suffix.toLowerCase())) return title.slice(0, -suffix.length).trim();
  }
  return title;
}

function headlineKey(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
