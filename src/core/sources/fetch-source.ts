import type { Clock, HttpFetch, Random, Sleep } from '../platform.ts';
import type { FeedItem, Source, SourceHealth } from './source.ts';
import { backoffDelayMs, retryAfterMs } from './backoff.ts';
import type { HostPoliteness } from './host-politeness.ts';
import { decodeBody } from './decode-body.ts';
import { parseFeed } from './parse-feed.ts';
import { readBodyCapped, ResponseTooLargeError } from './read-body-capped.ts';
import { fetchFollowingRedirects, FetchRefusedError, refuseUnlessHttp } from './follow-redirects.ts';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

export interface FetchSourceDeps {
  fetch: HttpFetch;
  clock: Clock;
  sleep: Sleep;
  random: Random;
  /** Shared across a poll so sources on one host are fetched one at a time, with a gap. */
  politeness?: HostPoliteness;
  /** Whole attempt, redirects and body included. Default 20 s. */
  timeoutMs?: number;
  /** Largest body read; the stream is cancelled once over. Default 2 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Backoff after failures: base (default 1 min) doubling per failure up to cap (default 6 h), full jitter. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
}

export type FetchStatus = 'ok' | 'not-modified' | 'error';

export interface FetchResult {
  status: FetchStatus;
  /** Present when status is "ok" (possibly empty). */
  items?: FeedItem[];
  /** The source's health after this attempt: store it and pass it back next time. */
  health: SourceHealth;
  /** Body bytes actually read (0 on 304): at most maxBytes plus one network chunk. */
  bytesRead: number;
  /** Where the body came from after redirects. */
  finalUrl?: string;
  /** Same as health.lastError when status is "error". */
  error?: string;
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

type Outcome =
  | { kind: 'ok'; status: number; items: FeedItem[]; etag?: string; lastModified?: string; bytesRead: number; finalUrl: string }
  | { kind: 'not-modified'; etag?: string; lastModified?: string; finalUrl: string }
  | { kind: 'error'; status: number; message: string; retryAfterMs?: number; bytesRead: number; finalUrl?: string };

/**
 * One polite, bounded attempt at a source: conditional GET from the stored validators, timeout, size cap,
 * manual redirects, then parsing. Never throws; every failure comes back as status "error" with a clear message
 * and a health record that says when to try again (Retry-After, or exponential backoff with full jitter).
 */
export async function fetchSource(
  source: Source,
  previous: SourceHealth | undefined,
  deps: FetchSourceDeps,
): Promise<FetchResult> {
  const base: SourceHealth = previous ?? { sourceId: source.id, consecutiveFailures: 0 };
  const attempt = () => attemptFetch(source, base, deps);
  let outcome: Outcome;
  try {
    outcome = deps.politeness === undefined ? await attempt() : await deps.politeness.run(source.url, attempt);
  } catch (error) {
    outcome = { kind: 'error', status: 0, message: messageOf(error), bytesRead: 0 };
  }
  return applyOutcome(source, base, outcome, deps);
}

async function attemptFetch(source: Source, previous: SourceHealth, deps: FetchSourceDeps): Promise<Outcome> {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  // A real timer, not the injected Sleep: tests fake Sleep to observe politeness and must not trip timeouts.
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const counter = { bytes: 0 };
  let finalUrl: string | undefined;
  let httpStatus = 0;
  try {
    refuseUnlessHttp(source.url, 'source URL');
    const headers: Record<string, string> = { Accept: ACCEPT };
    if (previous.etag !== undefined) headers['If-None-Match'] = previous.etag;
    if (previous.lastModified !== undefined) headers['If-Modified-Since'] = previous.lastModified;
    const { response, url } = await fetchFollowingRedirects(source.url, {
      fetch: deps.fetch,
      init: { method: 'GET', headers, signal: controller.signal, credentials: 'omit', cache: 'no-store' },
      maxRedirects: deps.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    });
    finalUrl = url;
    httpStatus = response.status;
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;

    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'not-modified', etag, lastModified, finalUrl: url };
    }
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel().catch(() => undefined);
      const retryAfter = retryAfterMs(response.headers.get('retry-after'), deps.clock.now());
      return {
        kind: 'error',
        status: response.status,
        message: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} from ${url}`,
        retryAfterMs: retryAfter,
        bytesRead: 0,
        finalUrl: url,
      };
    }
    const maxBytes = deps.maxBytes ?? DEFAULT_MAX_BYTES;
    const bytes = await readBodyCapped(response, maxBytes, counter);
    const contentType = response.headers.get('content-type') ?? undefined;
    const text = decodeBody(bytes, contentType);
    const items = parseFeed(text, { sourceId: source.id, url, contentType });
    return { kind: 'ok', status: response.status, items, etag, lastModified, bytesRead: counter.bytes, finalUrl: url };
  } catch (error) {
    const message = timedOut
      ? `timed out after ${formatSeconds(timeoutMs)} fetching ${finalUrl ?? source.url}`
      : error instanceof ResponseTooLargeError || error instanceof FetchRefusedError
        ? error.message
        : isNetworkError(error)
          ? `network error fetching ${finalUrl ?? source.url}: ${messageOf(error)}`
          : messageOf(error);
    return { kind: 'error', status: timedOut ? 0 : httpStatus, message, bytesRead: counter.bytes, finalUrl };
  } finally {
    clearTimeout(timer);
  }
}

function applyOutcome(source: Source, previous: SourceHealth, outcome: Outcome, deps: FetchSourceDeps): FetchResult {
  const nowMs = deps.clock.now();
  const now = new Date(nowMs).toISOString();
  const { nextAllowedAt: _wait, lastError: _error, ...kept } = previous;
  switch (outcome.kind) {
    case 'ok': {
      const { etag: _etag, lastModified: _lastModified, ...rest } = kept;
      const health: SourceHealth = {
        ...rest,
        sourceId: source.id,
        lastAttemptAt: now,
        lastOkAt: now,
        lastStatus: outcome.status,
        lastItemCount: outcome.items.length,
        maxItemCount: Math.max(previous.maxItemCount ?? 0, outcome.items.length),
        consecutiveFailures: 0,
        ...(outcome.etag !== undefined ? { etag: outcome.etag } : {}),
        ...(outcome.lastModified !== undefined ? { lastModified: outcome.lastModified } : {}),
      };
      return { status: 'ok', items: outcome.items, health, bytesRead: outcome.bytesRead, finalUrl: outcome.finalUrl };
    }
    case 'not-modified': {
      const health: SourceHealth = {
        ...kept,
        sourceId: source.id,
        lastAttemptAt: now,
        lastOkAt: now,
        lastStatus: 304,
        consecutiveFailures: 0,
        ...(outcome.etag !== undefined ? { etag: outcome.etag } : {}),
        ...(outcome.lastModified !== undefined ? { lastModified: outcome.lastModified } : {}),
      };
      return { status: 'not-modified', health, bytesRead: 0, finalUrl: outcome.finalUrl };
    }
    case 'error': {
      const failures = previous.consecutiveFailures + 1;
      const waitMs =
        outcome.retryAfterMs ??
        backoffDelayMs(failures, deps.random, deps.backoffBaseMs, deps.backoffCapMs);
      const health: SourceHealth = {
        ...kept,
        sourceId: source.id,
        lastAttemptAt: now,
        lastStatus: outcome.status,
        lastError: outcome.message,
        consecutiveFailures: failures,
        nextAllowedAt: new Date(nowMs + waitMs).toISOString(),
      };
      return {
        status: 'error',
        health,
        bytesRead: outcome.bytesRead,
        error: outcome.message,
        ...(outcome.finalUrl !== undefined ? { finalUrl: outcome.finalUrl } : {}),
      };
    }
  }
}

function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && error.name === 'AbortError');
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  return cause instanceof Error && cause.message !== error.message ? `${error.message} (${cause.message})` : error.message;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
