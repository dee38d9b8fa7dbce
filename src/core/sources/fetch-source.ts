import type { Clock, HttpFetch, Random, Sleep } from '../platform.ts';
import type { FeedItem, Source, SourceHealth } from './source.ts';
import { backoffDelayMs, retryAfterMs } from './backoff.ts';
import type { HostPoliteness } from './host-politeness.ts';
import { decodeBody } from './decode-body.ts';
import { findFeedLinks } from './feed-links.ts';
import { withSohFeed } from './force-registry.ts';
import { ParseError, parseFeedDocument } from './parse-feed.ts';
import type { SourceErrorCode } from './source-error-code.ts';
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
  /** Shared across a poll so requests to one host (every address a source tries, for every source) go one at a time, with a gap. */
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
  /** Body bytes actually read (0 on 304): at most maxBytes plus one network chunk per request. */
  bytesRead: number;
  /** Where the body came from after redirects (the listing when a feed fell back, a discovered feed). */
  finalUrl?: string;
  /** Same as health.lastError when status is "error". */
  error?: string;
  /** Same as health.lastErrorCode when status is "error". */
  errorCode?: SourceErrorCode;
  /** The feed's own name, when status is "ok" and the feed gives one (e.g. "Wivenhoe Weekly"). */
  feedTitle?: string;
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';
/** Feeds a moved page names that are tried, at most: a page listing twenty feeds is not twenty requests. */
const MAX_DISCOVERED_TRIES = 3;

interface Validators {
  etag?: string;
  lastModified?: string;
}

type Outcome =
  | {
      kind: 'ok';
      status: number;
      items: FeedItem[];
      warnings: string[];
      feedTitle?: string;
      etag?: string;
      lastModified?: string;
      bytesRead: number;
      finalUrl: string;
      movedPermanently: boolean;
    }
  | { kind: 'not-modified'; etag?: string; lastModified?: string; finalUrl: string }
  | {
      kind: 'error';
      status: number;
      code: SourceErrorCode;
      message: string;
      retryAfterMs?: number;
      bytesRead: number;
      finalUrl?: string;
      /** Feeds named by the page that answered (`<link rel="alternate">`), for autodiscovery. */
      feedLinks?: readonly string[];
      /** Where a permanent (301/308) redirect led, when the page there was not a feed or was gone. */
      movedPermanentlyTo?: string;
    };

interface Answer {
  outcome: Outcome;
  answeredBy: NonNullable<SourceHealth['answeredBy']>;
  movedTo?: string;
  warning?: string;
  bytesRead: number;
}

/**
 * One polite, bounded attempt at a source: conditional GET from the stored validators, timeout, size cap, manual
 * redirects, then parsing. Then, as a good feed reader does:
 * - a Single Online Home source whose `GetNewsRss/` feed fails or is empty reads its HTML listing (`fallbackUrl`),
 *   and the health says which answered (`answeredBy`) and why (`warning`); a listing address a user added is read
 *   the same way (see withSohFeed);
 * - a source whose address has gone (404/410), or gives a web page rather than a feed, is looked for again by
 *   autodiscovery: the feeds named in that page's `<link rel="alternate">`, else in the site's home page; one that
 *   works is kept (`movedTo`), as is the target of a permanent (301/308) redirect.
 * Never throws; every failure comes back as status "error" with a clear message, a stable code (`http_403`,
 * `timeout`, `not_a_feed`…) and a health record that says when to try again (Retry-After, or exponential backoff
 * with full jitter).
 */
export async function fetchSource(
  given: Source,
  previous: SourceHealth | undefined,
  deps: FetchSourceDeps,
): Promise<FetchResult> {
  const source = withSohFeed(given);
  const base: SourceHealth = previous ?? { sourceId: source.id, consecutiveFailures: 0 };
  let answer: Answer;
  try {
    answer = await answerFor(source, base, deps);
  } catch (error) {
    answer = { outcome: { kind: 'error', status: 0, code: 'network', message: messageOf(error), bytesRead: 0 }, answeredBy: 'feed', bytesRead: 0 };
  }
  return applyOutcome(source, base, answer, deps);
}

async function answerFor(source: Source, previous: SourceHealth, deps: FetchSourceDeps): Promise<Answer> {
  const validatorsFor = (url: string): Validators =>
    (previous.answeredUrl ?? previous.movedTo ?? source.url) === url ? { etag: previous.etag, lastModified: previous.lastModified } : {};
  const primaryUrl = previous.movedTo ?? source.url;
  const listingOnly = source.kind === 'soh-listing' && source.fallbackUrl === undefined;
  let bytesRead = 0;
  const one = async (url: string, expect: 'feed' | 'any'): Promise<Outcome> => {
    const outcome = await fetchOne(source.id, url, expect, validatorsFor(url), deps);
    bytesRead += outcome.kind === 'not-modified' ? 0 : outcome.bytesRead;
    return outcome;
  };

  let outcome = await one(primaryUrl, listingOnly ? 'any' : 'feed');
  let answeredBy: Answer['answeredBy'] = previous.movedTo !== undefined ? 'discovered' : listingOnly ? 'listing' : 'feed';
  let movedTo = previous.movedTo;
  let warning: string | undefined;

  const failedOrEmpty = outcome.kind === 'error' || (outcome.kind === 'ok' && outcome.items.length === 0);
  if (source.fallbackUrl !== undefined && failedOrEmpty) {
    const why = outcome.kind === 'error' ? `failed (${outcome.message.replace(` from ${primaryUrl}`, '')})` : 'listed no items';
    const fallback = await one(source.fallbackUrl, 'any');
    if (fallback.kind !== 'error') {
      warning = `The feed ${primaryUrl} ${why}; the news listing was read instead.`;
      outcome = fallback;
      answeredBy = 'listing';
    } else if (outcome.kind === 'error') {
      outcome = { ...outcome, message: `${outcome.message}; the news listing failed too: ${fallback.message}` };
    }
  }

  if (outcome.kind === 'error' && isDiscoverable(outcome.code)) {
    const tried = new Set([primaryUrl, source.url, ...(source.fallbackUrl !== undefined ? [source.fallbackUrl] : [])]);
    const found = await discoverFeed(source, outcome, tried, one, deps);
    if (found !== undefined) {
      outcome = found.outcome;
      movedTo = found.url;
      answeredBy = 'discovered';
      warning = `${primaryUrl} no longer gives a feed; moved to ${found.url}.`;
    } else if (outcome.kind === 'error' && outcome.movedPermanentlyTo !== undefined) {
      outcome = {
        ...outcome,
        code: 'moved',
        message: `${primaryUrl} has moved to ${outcome.movedPermanentlyTo}, which is not a feed and names none`,
      };
    }
  } else if (outcome.kind === 'ok' && outcome.movedPermanently && answeredBy !== 'listing') {
    movedTo = outcome.finalUrl;
    answeredBy = 'discovered';
    warning = `${primaryUrl} has moved permanently to ${outcome.finalUrl}.`;
  }
  if (outcome.kind === 'ok' && outcome.warnings.length > 0) {
    warning = [warning, ...outcome.warnings.map((text) => `${text[0]!.toUpperCase()}${text.slice(1)}.`)].filter(Boolean).join(' ');
  }
  return { outcome, answeredBy, bytesRead, ...(movedTo !== undefined ? { movedTo } : {}), ...(warning !== undefined ? { warning } : {}) };
}

/** Gone, or a page rather than a feed: worth looking for where the feed went. */
function isDiscoverable(code: SourceErrorCode): boolean {
  return code === 'http_404' || code === 'http_410' || code === 'not_a_feed';
}

/**
 * Autodiscovery: the feeds the failed page names, else those the site's home page names, tried in order (at most
 * MAX_DISCOVERED_TRIES, never an address already tried) until one reads as a feed.
 */
async function discoverFeed(
  source: Source,
  failed: Extract<Outcome, { kind: 'error' }>,
  tried: Set<string>,
  one: (url: string, expect: 'feed' | 'any') => Promise<Outcome>,
  deps: FetchSourceDeps,
): Promise<{ url: string; outcome: Outcome } | undefined> {
  let candidates = [...(failed.feedLinks ?? [])];
  if (candidates.length === 0) {
    const home = source.homeUrl ?? originOf(source.url);
    if (home !== undefined && !tried.has(home)) {
      tried.add(home);
      candidates = await feedLinksOfPage(source.id, home, deps);
    }
  }
  let tries = 0;
  for (const candidate of candidates) {
    if (tried.has(candidate) || tries >= MAX_DISCOVERED_TRIES) continue;
    tried.add(candidate);
    tries += 1;
    const outcome = await one(candidate, 'feed');
    if (outcome.kind !== 'error') return { url: candidate, outcome };
  }
  return undefined;
}

async function feedLinksOfPage(sourceId: string, url: string, deps: FetchSourceDeps): Promise<string[]> {
  const page = await download(url, {}, deps);
  if (page.kind !== 'body') return [];
  return findFeedLinks(page.text, page.finalUrl);
}

function originOf(url: string): string | undefined {
  try {
    return `${new URL(url).origin}/`;
  } catch {
    return undefined;
  }
}

type Download =
  | { kind: 'body'; status: number; text: string; contentType?: string; etag?: string; lastModified?: string; bytesRead: number; finalUrl: string; movedPermanently: boolean }
  | Extract<Outcome, { kind: 'not-modified' }>
  | Extract<Outcome, { kind: 'error' }>;

/**
 * One GET of one address, redirects followed by hand, body capped and decoded. Each address waits its host's turn
 * (deps.politeness): a listing fallback, a home page and a discovered feed on one site are as spaced out as sources are.
 */
function download(url: string, validators: Validators, deps: FetchSourceDeps): Promise<Download> {
  return deps.politeness === undefined ? downloadNow(url, validators, deps) : deps.politeness.run(url, () => downloadNow(url, validators, deps));
}

async function downloadNow(url: string, validators: Validators, deps: FetchSourceDeps): Promise<Download> {
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
    refuseUnlessHttp(url, 'source URL');
    const headers: Record<string, string> = { Accept: ACCEPT };
    if (validators.etag !== undefined) headers['If-None-Match'] = validators.etag;
    if (validators.lastModified !== undefined) headers['If-Modified-Since'] = validators.lastModified;
    const { response, url: landed, permanent } = await fetchFollowingRedirects(url, {
      fetch: deps.fetch,
      init: { method: 'GET', headers, signal: controller.signal, credentials: 'omit', cache: 'no-store' },
      maxRedirects: deps.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    });
    finalUrl = landed;
    httpStatus = response.status;
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;

    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'not-modified', etag, lastModified, finalUrl: landed };
    }
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel().catch(() => undefined);
      const retryAfter = retryAfterMs(response.headers.get('retry-after'), deps.clock.now());
      return {
        kind: 'error',
        status: response.status,
        code: `http_${response.status}`,
        message: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} from ${landed}`,
        ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
        bytesRead: 0,
        finalUrl: landed,
      };
    }
    const bytes = await readBodyCapped(response, deps.maxBytes ?? DEFAULT_MAX_BYTES, counter);
    const contentType = response.headers.get('content-type') ?? undefined;
    return {
      kind: 'body',
      status: response.status,
      text: decodeBody(bytes, contentType),
      ...(contentType !== undefined ? { contentType } : {}),
      ...(etag !== undefined ? { etag } : {}),
      ...(lastModified !== undefined ? { lastModified } : {}),
      bytesRead: counter.bytes,
      finalUrl: landed,
      movedPermanently: permanent,
    };
  } catch (error) {
    const where = finalUrl ?? url;
    const [code, message]: [SourceErrorCode, string] = timedOut
      ? ['timeout', `timed out after ${formatSeconds(timeoutMs)} fetching ${where}`]
      : error instanceof ResponseTooLargeError
        ? ['too_large', error.message]
        : error instanceof FetchRefusedError
          ? [error.code, error.message]
          : ['network', `network error fetching ${where}: ${messageOf(error)}`];
    return { kind: 'error', status: timedOut ? 0 : httpStatus, code, message, bytesRead: counter.bytes, ...(finalUrl !== undefined ? { finalUrl } : {}) };
  } finally {
    clearTimeout(timer);
  }
}

/** One address read as items: download, then parse (a ParseError becomes an error outcome with its code). */
async function fetchOne(sourceId: string, url: string, expect: 'feed' | 'any', validators: Validators, deps: FetchSourceDeps): Promise<Outcome> {
  const page = await download(url, validators, deps);
  if (page.kind !== 'body') return page;
  try {
    const parsed = parseFeedDocument(page.text, { sourceId, url: page.finalUrl, expect, ...(page.contentType !== undefined ? { contentType: page.contentType } : {}) });
    return {
      kind: 'ok',
      status: page.status,
      items: parsed.items,
      warnings: parsed.warnings,
      ...(parsed.title !== undefined ? { feedTitle: parsed.title } : {}),
      ...(page.etag !== undefined ? { etag: page.etag } : {}),
      ...(page.lastModified !== undefined ? { lastModified: page.lastModified } : {}),
      bytesRead: page.bytesRead,
      finalUrl: page.finalUrl,
      movedPermanently: page.movedPermanently,
    };
  } catch (error) {
    const parseError = error instanceof ParseError ? error : undefined;
    return {
      kind: 'error',
      status: page.status,
      code: parseError?.code ?? 'malformed',
      message: messageOf(error),
      bytesRead: page.bytesRead,
      finalUrl: page.finalUrl,
      ...(page.movedPermanently ? { movedPermanentlyTo: page.finalUrl } : {}),
      ...(parseError !== undefined && parseError.feedLinks.length > 0 ? { feedLinks: parseError.feedLinks } : {}),
    };
  }
}

function applyOutcome(source: Source, previous: SourceHealth, answer: Answer, deps: FetchSourceDeps): FetchResult {
  const { outcome } = answer;
  const nowMs = deps.clock.now();
  const now = new Date(nowMs).toISOString();
  const { nextAllowedAt: _wait, nextAllowedBy: _waitBy, lastError: _error, lastErrorCode: _code, warning: _warning, ...kept } = previous;
  const answered = {
    answeredBy: answer.answeredBy,
    ...(answer.movedTo !== undefined ? { movedTo: answer.movedTo } : {}),
    ...(answer.warning !== undefined ? { warning: answer.warning } : {}),
  };
  switch (outcome.kind) {
    case 'ok': {
      const { etag: _etag, lastModified: _lastModified, movedTo: _moved, ...rest } = kept;
      const health: SourceHealth = {
        ...rest,
        sourceId: source.id,
        lastAttemptAt: now,
        lastOkAt: now,
        lastStatus: outcome.status,
        lastItemCount: outcome.items.length,
        maxItemCount: Math.max(previous.maxItemCount ?? 0, outcome.items.length),
        consecutiveFailures: 0,
        ...answered,
        answeredUrl: outcome.finalUrl,
        ...(outcome.etag !== undefined ? { etag: outcome.etag } : {}),
        ...(outcome.lastModified !== undefined ? { lastModified: outcome.lastModified } : {}),
      };
      // A feed the user added names who publishes it (a Neighbourhood Alert area, a local paper): its items say so,
      // unless an item names its own outlet.
      const { feedTitle } = outcome;
      const items = source.kind === 'custom-feed' && feedTitle !== undefined ? outcome.items.map((item) => (item.outlet ? item : { ...item, outlet: feedTitle })) : outcome.items;
      return { status: 'ok', items, health, bytesRead: answer.bytesRead, finalUrl: outcome.finalUrl, ...(feedTitle !== undefined ? { feedTitle } : {}) };
    }
    case 'not-modified': {
      const health: SourceHealth = {
        ...kept,
        sourceId: source.id,
        lastAttemptAt: now,
        lastOkAt: now,
        lastStatus: 304,
        consecutiveFailures: 0,
        ...answered,
        answeredUrl: outcome.finalUrl,
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
        lastErrorCode: outcome.code,
        consecutiveFailures: failures,
        nextAllowedAt: new Date(nowMs + waitMs).toISOString(),
        nextAllowedBy: outcome.retryAfterMs !== undefined ? 'retry-after' : 'backoff',
      };
      return {
        status: 'error',
        health,
        bytesRead: answer.bytesRead,
        error: outcome.message,
        errorCode: outcome.code,
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
