import type { Clock } from '../platform.ts';

/**
 * Hybrid logical clock (Kulkarni et al., 2014). Timestamps are strings that sort lexicographically in causal
 * order: "<wall ms, 13 digits>-<counter, 4 hex>-<node id>". Last-writer-wins merge compares them as strings,
 * so two carers editing offline converge, and a device with a slow clock still orders after what it has seen.
 */
export interface HybridLogicalClock {
  /** A timestamp for a local change, greater than every timestamp this clock has issued or received. */
  tick(): string;
  /** Fold in a timestamp seen from another device. */
  receive(remote: string): void;
}

const MAX_COUNTER = 0xffff;

export interface HlcParts {
  wallMs: number;
  counter: number;
  nodeId: string;
}

export function formatHlc({ wallMs, counter, nodeId }: HlcParts): string {
  return `${String(wallMs).padStart(13, '0')}-${counter.toString(16).padStart(4, '0')}-${nodeId}`;
}

export function parseHlc(value: string): HlcParts {
  const match = /^(\d{13})-([0-9a-f]{4})-([A-Za-z0-9_-]{1,64})$/.exec(value);
  if (!match) throw new Error(`hlc: not a hybrid logical clock timestamp: ${JSON.stringify(value).slice(0, 80)}`);
  return { wallMs: Number(match[1]), counter: parseInt(match[2]!, 16), nodeId: match[3]! };
}

export function isHlc(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    parseHlc(value);
    return true;
  } catch {
    return false;
  }
}

export function createHlc(nodeId: string, clock: Clock, initial?: string): HybridLogicalClock {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(nodeId)) throw new Error('hlc: node id must be 1-64 characters of [A-Za-z0-9_-]');
  let last = initial ? parseHlc(initial) : { wallMs: 0, counter: 0, nodeId };

  function advance(remote?: HlcParts): void {
    const physical = clock.now();
    const wallMs = Math.max(physical, last.wallMs, remote?.wallMs ?? 0);
    let counter: number;
    if (wallMs === last.wallMs && wallMs === remote?.wallMs) counter = Math.max(last.counter, remote.counter) + 1;
    else if (wallMs === last.wallMs) counter = last.counter + 1;
    else if (wallMs === remote?.wallMs) counter = remote.counter + 1;
    else counter = 0;
    if (counter > MAX_COUNTER) throw new Error('hlc: counter overflow (clock far ahead of physical time)');
    last = { wallMs, counter, nodeId };
  }

  return {
    tick() {
      advance();
      return formatHlc(last);
    },
    receive(remote) {
      advance(parseHlc(remote));
    },
  };
}
