import { describe, expect, it } from 'vitest';
import { createHlc, formatHlc, isHlc, parseHlc } from '../../../src/core/circle/hlc.ts';

describe('hybrid logical clock', () => {
  it('orders timestamps from one device even when its wall clock stands still or goes back', () => {
    let now = 1_700_000_000_000;
    const hlc = createHlc('dev1', { now: () => now });
    const a = hlc.tick();
    const b = hlc.tick();
    now -= 5_000;
    const c = hlc.tick();
    expect(a < b && b < c).toBe(true);
  });

  it('round-trips its string form and rejects anything else', () => {
    const parts = { wallMs: 1_700_000_000_123, counter: 10, nodeId: 'dev_1' };
    expect(parseHlc(formatHlc(parts))).toEqual(parts);
    expect(isHlc('1700000000123-000a-dev_1')).toBe(true);
    expect(isHlc('yesterday')).toBe(false);
    expect(() => createHlc('bad id!', { now: () => 0 })).toThrow(/node id/);
  });

  it('refuses to run away when a remote clock is impossibly far ahead at the same millisecond', () => {
    const hlc = createHlc('dev1', { now: () => 0 });
    expect(() => hlc.receive('0000000000000-ffff-dev2')).toThrow(/overflow/);
  });
});
