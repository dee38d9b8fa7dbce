import { describe, expect, it } from 'vitest';
import { ClockDriftError, createHlc, formatHlc, isHlc, MAX_DRIFT_MS, parseHlc } from '../../../src/core/circle/hlc.ts';

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

  it('keeps ticking past a full counter by borrowing the next millisecond, still in order', () => {
    const hlc = createHlc('dev1', { now: () => 0 });
    hlc.receive('0000000000000-ffff-dev2');
    const next = hlc.tick();
    expect(next > '0000000000000-ffff-dev2').toBe(true);
    expect(parseHlc(next)).toEqual({ wallMs: 1, counter: 1, nodeId: 'dev1' });
  });

  it('refuses a remote clock further ahead than the maximum drift, and is left unchanged by it', () => {
    const now = 1_764_000_000_000;
    const hlc = createHlc('dev1', { now: () => now });
    const before = hlc.tick();
    const far = formatHlc({ wallMs: now + MAX_DRIFT_MS + 1, counter: 0, nodeId: 'dev2' });
    expect(() => hlc.receive(far)).toThrow(ClockDriftError);
    expect(() => hlc.receive(far)).toThrow(/ahead of this device's time was refused/);
    expect(hlc.current()).toBe(before);
    // Within the drift it is folded in, and the next local timestamp orders after it.
    const near = formatHlc({ wallMs: now + MAX_DRIFT_MS, counter: 3, nodeId: 'dev2' });
    hlc.receive(near);
    expect(hlc.tick() > near).toBe(true);
  });
});
