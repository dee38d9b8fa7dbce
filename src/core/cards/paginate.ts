/**
 * Splits a card's blocks into pages from their measured positions. Pure, so the rule is tested without a browser;
 * the carer app measures the rendered card and passes the numbers in.
 */

export interface MeasuredBlock {
  /** Top and bottom edges (px) in one continuous column, margins between blocks included in the gaps. */
  top: number;
  bottom: number;
  /** A title stays on the same page as the block after it. */
  keepWithNext: boolean;
}

/**
 * Pages as arrays of block indices, in order; every block appears exactly once. `capacity` is a page's usable height
 * (px); pages after the first also hold a "continued" line of `continuedHeight` px. Returns undefined when one block
 * is taller than a page, or (with `keepTogether`) a block that must stay with the next cannot (the caller tries a
 * smaller type size, or again without keeping blocks together).
 */
export function paginate(blocks: readonly MeasuredBlock[], capacity: number, continuedHeight = 0, keepTogether = true): number[][] | undefined {
  const pages: number[][] = [];
  let start = 0;
  while (start < blocks.length) {
    const room = capacity - (pages.length > 0 ? continuedHeight : 0);
    let end = start;
    while (end < blocks.length && blocks[end]!.bottom - blocks[start]!.top <= room) end++;
    if (end === start) return undefined;
    // A title never ends a page: it moves on with what it introduces, unless it is all the page holds.
    if (keepTogether) {
      while (end < blocks.length && end - 1 > start && blocks[end - 1]!.keepWithNext) end--;
      // Only the title fits: the page cannot hold it with what follows.
      if (end < blocks.length && blocks[end - 1]!.keepWithNext) return undefined;
    }
    pages.push(Array.from({ length: end - start }, (_, offset) => start + offset));
    start = end;
  }
  return pages;
}
