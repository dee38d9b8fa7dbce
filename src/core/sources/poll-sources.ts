import type { FeedItem, Source, SourceHealth } from './source.ts';
import { fetchSource, type FetchResult, type FetchSourceDeps } from './fetch-source.ts';
import { createHostPoliteness, type HostPoliteness } from './host-politeness.ts';

/** What the progress line says about a source: waiting its turn, being fetched, or how it ended. */
export type PollStage = 'skipped' | 'queued' | 'fetching' | 'ok' | 'not-modified' | 'error';

export interface PollSourcesDeps extends FetchSourceDeps {
  /** Gap between requests to the same host when no `politeness` is given. Default 2 s. */
  hostGapMs?: number;
  /** Requests in flight at once across all hosts. Default 6, like a browser's connections per profile. */
  maxConcurrent?: number;
  onProgress?: (sourceId: string, stage: PollStage, result?: FetchResult) => void;
  /**
   * A person asked for this check ("Check now"): sources our own backoff holds after failures are tried again at once;
   * a wait the site asked for (Retry-After) is still kept. Default false (the scheduled poll).
   */
  personAsked?: boolean;
}

export interface PolledSource {
  source: Source;
  /** Absent when the source was skipped (backing off or honouring Retry-After). */
  result?: FetchResult;
  /** The health to store: updated after a fetch, unchanged when skipped. */
  health: SourceHealth;
}

export interface PollReport {
  sources: PolledSource[];
  /** Health of every source, keyed by source id, ready to store. */
  healthById: Record<string, SourceHealth>;
  /** Items from every source fetched in full this time (304 sources contribute none: nothing changed). */
  items: FeedItem[];
}

/**
 * Polls every due source: in parallel across hosts, one at a time per host with a polite gap, skipping sources
 * whose nextAllowedAt is still in the future. One failing source never stops the others.
 */
export async function pollSources(
  sources: readonly Source[],
  healthById: Readonly<Record<string, SourceHealth>> | ReadonlyMap<string, SourceHealth>,
  deps: PollSourcesDeps,
): Promise<PollReport> {
  const lookup = (id: string): SourceHealth | undefined =>
    healthById instanceof Map ? healthById.get(id) : (healthById as Readonly<Record<string, SourceHealth>>)[id];
  const politeness = deps.politeness ?? createHostPoliteness({ clock: deps.clock, sleep: deps.sleep, gapMs: deps.hostGapMs });
  const limit = createLimiter(deps.maxConcurrent ?? DEFAULT_MAX_CONCURRENT);
  const report = (sourceId: string, stage: PollStage, result?: FetchResult): void => {
    try {
      deps.onProgress?.(sourceId, stage, result);
    } catch {
      // A broken progress display must not stop the poll.
    }
  };

  const polled = await Promise.all(
    uniqueById(sources).map(async (source): Promise<PolledSource> => {
      const previous = lookup(source.id);
      if (!isDue(previous, deps.clock.now(), deps.personAsked)) {
        report(source.id, 'skipped');
        return { source, health: previous ?? { sourceId: source.id, consecutiveFailures: 0 } };
      }
      report(source.id, 'queued');
      const announcing: HostPoliteness = {
        run: (url, task) =>
          // The host's turn comes first, then a free slot: waiting for a host never holds a slot.
          politeness.run(url, () =>
            limit(() => {
              report(source.id, 'fetching');
              return task();
            }),
          ),
      };
      const result = await fetchSource(source, previous, { ...deps, politeness: announcing });
      report(source.id, result.status, result);
      return { source, result, health: result.health };
    }),
  );

  const healthOut: Record<string, SourceHealth> = {};
  const items: FeedItem[] = [];
  for (const entry of polled) {
    healthOut[entry.source.id] = entry.health;
    if (entry.result?.items) items.push(...entry.result.items);
  }
  return { sources: polled, healthById: healthOut, items };
}

export const DEFAULT_MAX_CONCURRENT = 6;

/** Runs at most `max` tasks at once, the rest in arrival order. */
function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= Math.max(1, max)) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

/**
 * Due unless a backoff or Retry-After time lies in the future. When a person asked (`personAsked`), only a site's own
 * Retry-After holds a source back: a recovered site is read at once, not hours later when our backoff ends.
 */
export function isDue(health: SourceHealth | undefined, nowMs: number, personAsked = false): boolean {
  if (health?.nextAllowedAt === undefined) return true;
  if (personAsked && health.nextAllowedBy !== 'retry-after') return true;
  const at = Date.parse(health.nextAllowedAt);
  return Number.isNaN(at) || at <= nowMs;
}

function uniqueById(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((source) => (seen.has(source.id) ? false : (seen.add(source.id), true)));
}
