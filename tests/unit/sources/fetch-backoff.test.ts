import { describe, expect, it } from 'vitest';
import { backoffDelayMs, retryAfterMs } from '../../../src/core/sources/backoff.ts';
import { fetchSource } from '../../../src/core/sources/fetch-source.ts';
import { isSourceSuspicious } from '../../../src/core/sources/source-health.ts';
import type { Source, SourceHealth } from '../../../src/core/sources/source.ts';
import { startLocalServer } from '../../helpers/local-http-server.ts';
import { fetchDeps as deps, metNewsRss as rss, testSource, useLocalServers, fixedNow } from './fetch-test-setup.ts';

const emptyRss = '<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>';
const serve = useLocalServers();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const now = fixedNow;
const source = (url: string): Source => testSource(url);
const waitOf = (health: SourceHealth): number => Date.parse(health.nextAllowedAt ?? '') - now;

describe('Retry-After', () => {
  it('honours 429 with Retry-After in seconds', async () => {
    const server = await serve({ '/rss': { status: 429, headers: { 'retry-after': '120' } } });
    const result = await fetchSource(source(`${server.url}/rss`), undefined, deps());
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/HTTP 429/);
    expect(result.health.lastStatus).toBe(429);
    expect(result.health.nextAllowedAt).toBe(new Date(now + 120_000).toISOString());
    // The site asked for the wait: it is kept even when a person presses Check now.
    expect(result.health.nextAllowedBy).toBe('retry-after');
  });

  it('honours 503 with Retry-After as an HTTP date', async () => {
    const at = new Date(now + 3 * HOUR).toUTCString();
    const server = await serve({ '/rss': { status: 503, headers: { 'retry-after': at } } });
    const result = await fetchSource(source(`${server.url}/rss`), undefined, deps());
    expect(result.health.nextAllowedAt).toBe(new Date(now + 3 * HOUR).toISOString());
  });

  it('reads both forms and ignores nonsense', () => {
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs('  90 ', now)).toBe(90_000);
    expect(retryAfterMs('Tue, 24 Nov 2026 12:30:00 GMT', now)).toBe(30 * MINUTE);
    expect(retryAfterMs('Tue, 24 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
    // A server asking for a year is held to a week.
    expect(retryAfterMs(String(365 * 24 * 3600), now)).toBe(7 * 24 * HOUR);
  });
});

describe('backoff on failures', () => {
  it('grows exponentially from 1 minute, capped at 6 hours, with full jitter', async () => {
    const server = await serve({ '/rss': { status: 503 } });
    let health: SourceHealth | undefined;
    const ceilings: number[] = [];
    for (let failure = 1; failure <= 12; failure++) {
      const result = await fetchSource(source(`${server.url}/rss`), health, deps({ random: () => 0.999 }));
      health = result.health;
      expect(health.consecutiveFailures).toBe(failure);
      expect(health.lastError).toMatch(/HTTP 503/);
      ceilings.push(Math.min(6 * HOUR, MINUTE * 2 ** (failure - 1)));
      const wait = waitOf(health);
      expect(wait).toBeLessThanOrEqual(ceilings[failure - 1] ?? 0);
      expect(wait).toBeGreaterThanOrEqual(0.99 * (ceilings[failure - 1] ?? 0));
    }
    expect(ceilings.slice(0, 4)).toEqual([MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE]);
    expect(ceilings.at(-1)).toBe(6 * HOUR);
  });

  it('spreads retries uniformly below the ceiling (full jitter)', () => {
    const sequence = [0, 0.25, 0.5, 0.75];
    let index = 0;
    const random = () => sequence[index++ % sequence.length] ?? 0;
    expect([1, 2, 3, 4].map(() => backoffDelayMs(3, random))).toEqual([0, MINUTE, 2 * MINUTE, 3 * MINUTE]);
    for (let trial = 0; trial < 200; trial++) {
      const delay = backoffDelayMs(30, Math.random);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(6 * HOUR);
    }
  });

  it('backs off after a network error and recovers on the next success', async () => {
    const dead = await startLocalServer(() => undefined);
    const deadUrl = `${dead.url}/rss`;
    await dead.close();
    const failed = await fetchSource(source(deadUrl), undefined, deps());
    expect(failed.status).toBe('error');
    expect(failed.error).toMatch(/^network error fetching http:\/\/127\.0\.0\.1:\d+\/rss/);
    expect(failed.health.lastStatus).toBe(0);
    expect(waitOf(failed.health)).toBe(30_000);

    const server = await serve({ '/rss': { headers: { 'content-type': 'application/rss+xml' }, body: rss } });
    const recovered = await fetchSource(source(`${server.url}/rss`), failed.health, deps());
    expect(recovered.status).toBe('ok');
    expect(recovered.health.consecutiveFailures).toBe(0);
    expect(recovered.health.nextAllowedAt).toBeUndefined();
    expect(recovered.health.lastError).toBeUndefined();
  });
});

describe('source health', () => {
  it('records a parse failure against the source without losing what it knew', async () => {
    let broken = false;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: broken ? '"v2"' : '"v1"' });
      res.end(broken ? '<rss><channel><item></rss>' : rss);
    });
    const good = await fetchSource(source(`${server.url}/rss`), undefined, deps());
    broken = true;
    const bad = await fetchSource(source(`${server.url}/rss`), good.health, deps());
    expect(bad.status).toBe('error');
    expect(bad.error).toMatch(/^malformed XML/);
    expect(bad.health.lastStatus).toBe(200);
    expect(bad.health.lastOkAt).toBe(good.health.lastOkAt);
    expect(bad.health.maxItemCount).toBe(3);
    // The broken version's validator is not stored, so the next poll fetches in full rather than getting a 304.
    expect(bad.health.etag).toBe('"v1"');
  });

  it('flags a source that used to have items and now yields none', async () => {
    let empty = false;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(empty ? emptyRss : rss);
    });
    const first = await fetchSource(source(`${server.url}/rss`), undefined, deps());
    expect(isSourceSuspicious(first.health)).toBe(false);
    empty = true;
    const second = await fetchSource(source(`${server.url}/rss`), first.health, deps());
    expect(second.status).toBe('ok');
    expect(second.health).toMatchObject({ lastItemCount: 0, maxItemCount: 3 });
    expect(isSourceSuspicious(second.health)).toBe(true);
    expect(isSourceSuspicious({ sourceId: 'new', consecutiveFailures: 0, lastItemCount: 0, maxItemCount: 0 })).toBe(false);
    expect(isSourceSuspicious(undefined)).toBe(false);
  });

  it('counts other HTTP errors as failures with the status in the message', async () => {
    const server = await serve({ '/gone': { status: 404 } });
    const result = await fetchSource(source(`${server.url}/gone`), undefined, deps());
    expect(result.error).toBe(`HTTP 404 Not Found from ${server.url}/gone`);
    expect(result.health.lastStatus).toBe(404);
    expect(result.health.consecutiveFailures).toBe(1);
  });
});
