import type { Clock } from '../platform.ts';

/**
 * Hybrid logical clock (Kulkarni et al., 2014). Timestamps are strings that sort lexicographically in causal
 * order: "<wall ms, 13 digits>-<counter, 4 hex>-<node id>". Last-writer-wins merge compares them as strings,
 * so two carers editing offline converge, and a device with a slow clock still orders after what it has seen.
 *
 * A clock from another device that is further ahead of this device's time than `MAX_DRIFT_MS` is refused
 * (`ClockDriftError`), as Actual Budget's loot-core `crdt/timestamp.ts` does: folding it in would stamp every later
 * local change with that far-future time (and, at the format's last millisecond, leave no timestamp to issue).
 * The counter never overflows: past 0xffff the clock borrows the next millisecond, so `tick()` never throws.
 */
export interface HybridLogicalClock {
  /** A timestamp for a local change, greater than every timestamp this clock has issued or received. Never throws. */
  tick(): string;
  /**
   * Fold in a timestamp seen from another device.
   * @throws ClockDriftError when `remote` is more than the maximum drift ahead of this device's time (the clock is
   *   left unchanged); Error when `remote` is not a timestamp.
   */
  receive(remote: string): void;
  /** The last timestamp issued or received (what to persist), without issuing a new one. */
  current(): string;
}

/** Largest amount (ms) a received clock may be ahead of this device's time: 5 minutes, Actual Budget's bound. */
export const MAX_DRIFT_MS = 5 * 60_000;

const MAX_COUNTER = 0xffff;
/** The largest wall time the 13-digit format holds (year 2286). */
const MAX_WALL_MS = 9_999_999_999_999;

export interface HlcParts {
  wallMs: number;
  counter: number;
  nodeId: string;
}

/** A received timestamp too far ahead of this device's time; `driftMs` is by how much (ms). */
export class ClockDriftError extends Error {
  constructor(
    readonly remote: string,
    readonly driftMs: number,
  ) {
    super(`hlc: a clock ${Math.round(driftMs / 1000)} s ahead of this device's time was refused (more than ${MAX_DRIFT_MS / 60_000} minutes)`);
    this.name = 'ClockDriftError';
  }
}

/** "<wallMs, 13 digits>-<counter, 4 hex>-<nodeId>"; wallMs is ms since the epoch (at most 9999999999999). */
export function formatHlc({ wallMs, counter, nodeId }: HlcParts): string {
  return `${String(wallMs).padStart(13, '0')}-${counter.toString(16).padStart(4, '0')}-${nodeId}`;
}

/** @throws Error naming the value when it is not "<13 digits>-<4 hex>-<node id>". */
export function parseHlc(value: string): HlcParts {
  const match = /^(\d{13})-([0-9a-f]{4})-([A-Za-z0-9_-]{1,64})$/.exec(value);
  if (!match) throw new Error(`hlc: not a hybrid logical clock timestamp: ${JSON.stringify(value).slice(0, 80)}`);
  return { wallMs: Number(match[1]), counter: parseInt(match[2]!, 16), nodeId: match[3]! };
}

/** True for a string in the timestamp format (see parseHlc); never throws. */
export function isHlc(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    parseHlc(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * A clock for `nodeId` reading `clock.now()` (ms since the epoch), resuming after `initial` (a timestamp it issued
 * or received before a restart). `maxDriftMs` is for tests.
 * @throws Error when `nodeId` is not 1-64 characters of [A-Za-z0-9_-] or `initial` is not a timestamp.
 */
export function createHlc(nodeId: string, clock: Clock, initial?: string, options: { maxDriftMs?: number } = {}): HybridLogicalClock {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(nodeId)) throw new Error('hlc: node id must be 1-64 characters of [A-Za-z0-9_-]');
  const maxDriftMs = options.maxDriftMs ?? MAX_DRIFT_MS;
  let last = initial ? parseHlc(initial) : { wallMs: 0, counter: 0, nodeId };

  function advance(physical: number, remote?: HlcParts): void {
    let wallMs = Math.min(Math.max(physical, last.wallMs, remote?.wallMs ?? 0), MAX_WALL_MS);
    let counter: number;
    if (wallMs === last.wallMs && wallMs === remote?.wallMs) counter = Math.max(last.counter, remote.counter) + 1;
    else if (wallMs === last.wallMs) counter = last.counter + 1;
    else if (wallMs === remote?.wallMs) counter = remote.counter + 1;
    else counter = 0;
    // Borrow the next millisecond rather than overflow: order is kept, and the clock can always tick. Only a
    // clock stored at the format's very last millisecond (written before drift was bounded) stays there.
    if (counter > MAX_COUNTER && wallMs < MAX_WALL_MS) {
      wallMs += 1;
      counter = 0;
    }
    last = { wallMs, counter: Math.min(counter, MAX_COUNTER), nodeId };
  }

  return {
    tick() {
      advance(clock.now());
      return formatHlc(last);
    },
    receive(remote) {
      const parts = parseHlc(remote);
      const physical = clock.now();
      if (parts.wallMs - physical > maxDriftMs) throw new ClockDriftError(remote, parts.wallMs - physical);
      advance(physical, parts);
    },
    current: () => formatHlc(last),
  };
}
