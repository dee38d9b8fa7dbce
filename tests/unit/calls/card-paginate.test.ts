import { describe, expect, it } from 'vitest';
import { paginate, type MeasuredBlock } from '../../../src/core/cards/paginate.ts';

/** Blocks of the given heights laid end to end. */
function column(heights: number[], keep: number[] = []): MeasuredBlock[] {
  let top = 0;
  return heights.map((height, index) => {
    const block = { top, bottom: top + height, keepWithNext: keep.includes(index) };
    top += height;
    return block;
  });
}

describe('card pagination', () => {
  it('keeps everything on one page when it fits', () => {
    expect(paginate(column([10, 10, 10]), 30)).toEqual([[0, 1, 2]]);
  });

  it('moves what does not fit to the next page, every block exactly once', () => {
    const pages = paginate(column([10, 10, 10, 10, 10]), 25)!;
    expect(pages).toEqual([[0, 1], [2, 3], [4]]);
    expect(pages.flat()).toEqual([0, 1, 2, 3, 4]);
  });

  it('leaves room for the "continued" line on later pages', () => {
    expect(paginate(column([10, 10, 10, 10]), 20, 5)).toEqual([[0, 1], [2], [3]]);
  });

  it('never ends a page with a title: it moves on with the line it introduces', () => {
    // 0 text, 1 title, 2 line: without the rule the title would end page one.
    expect(paginate(column([10, 10, 10]), 20)).toEqual([[0, 1], [2]]);
    expect(paginate(column([10, 10, 10], [1]), 20)).toEqual([[0], [1, 2]]);
  });

  it('gives up (so a smaller type size is tried) when one block is taller than a page', () => {
    expect(paginate(column([10, 40]), 30)).toBeUndefined();
    expect(paginate(column([10, 10], [0]), 15)).toBeUndefined();
    expect(paginate(column([10, 10], [0]), 15, 0, false)).toEqual([[0], [1]]);
  });
});
