import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src/core/circle/hlc.ts';
import { wins, type Stamped } from '../../../src/core/circle/merge.ts';

/** Folds versions of one record in the given order, as a replica receiving them would. */
function fold<T extends Stamped>(versions: T[]): T | undefined {
  let current: T | undefined;
  for (const version of versions) if (wins(version, current)) current = version;
  return current;
}

// Few distinct clocks, so equal clocks (the tie-break) come up often.
const version = fc.record({
  hlc: fc.record({ wallMs: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_003 }), counter: fc.integer({ min: 0, max: 2 }), nodeId: fc.constantFrom('a', 'b') }).map(formatHlc),
  deleted: fc.option(fc.constant(true as const), { nil: undefined }),
  notes: fc.constantFrom('x', 'y'),
});

describe('the circle merge (last writer wins by clock)', () => {
  it('picks the same version whatever order the versions arrive in, duplicates included', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 8 }), fc.context(), (versions, ctx) => {
        const reference = fold(versions);
        const reordered = [...versions].reverse().concat(versions.slice(0, 2));
        ctx.log(JSON.stringify(reordered));
        expect(fold(reordered)).toEqual(reference);
        // The winner carries the highest clock of all.
        expect(versions.every((each) => each.hlc <= reference!.hlc)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a delete made after an edit wins over it, and an edit made after a delete brings the record back', () => {
    const edit = { hlc: '1700000000001-0000-a', notes: 'old' };
    const tombstone = { hlc: '1700000000002-0000-b', deleted: true as const };
    expect(fold([tombstone, edit])).toBe(tombstone);
    const again = { hlc: '1700000000003-0000-a', notes: 'again' };
    expect(fold([tombstone, edit, again])).toBe(again);
  });

  it('breaks a tie between two contents under one clock the same way on every device, whatever the key order', () => {
    const one = { hlc: '1700000000001-0000-a', notes: 'x', at: '1' };
    const two = { at: '1', notes: 'y', hlc: '1700000000001-0000-a' };
    expect(wins(one, two)).not.toBe(wins(two, one));
    const sameAsOne = { at: '1', hlc: one.hlc, notes: 'x' };
    expect(wins(one, sameAsOne)).toBe(false);
  });
});
