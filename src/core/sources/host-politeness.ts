import type { Clock, Sleep } from '../platform.ts';

export const DEFAULT_HOST_GAP_MS = 2_000;

/**
 * One request at a time per host, with a gap between the end of one and the start of the next. Shared by all
 * sources in a poll, so two sources on the same force site are fetched one after the other, politely.
 */
export interface HostPoliteness {
  /** Runs `task` when the host is free and its gap has passed. */
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
}

export function createHostPoliteness(deps: { clock: Clock; sleep: Sleep; gapMs?: number }): HostPoliteness {
  const gapMs = deps.gapMs ?? DEFAULT_HOST_GAP_MS;
  const tails = new Map<string, Promise<void>>();
  const lastFinishedAt = new Map<string, number>();

  return {
    run<T>(url: string, task: () => Promise<T>): Promise<T> {
      const host = hostOf(url);
      const previous = tails.get(host) ?? Promise.resolve();
      const result = previous.then(async () => {
        const finished = lastFinishedAt.get(host);
        if (finished !== undefined) {
          const wait = finished + gapMs - deps.clock.now();
          if (wait > 0) await deps.sleep(wait);
        }
        try {
          return await task();
        } finally {
          lastFinishedAt.set(host, deps.clock.now());
        }
      });
      // The chain continues whether the task succeeded or failed: one failing source never blocks its host.
      tails.set(
        host,
        result.then(
          () => undefined,
          () => undefined,
        ),
      );
      return result;
    },
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
