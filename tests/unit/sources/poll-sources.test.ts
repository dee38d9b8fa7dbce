import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock, Sleep } from '../../../src/core/platform.ts';
import { pollSources, type PollStage } from '../../../src/core/sources/poll-sources.ts';
import type { Source } from '../../../src/core/sources/source.ts';
import { startLocalServer, type LocalServer } from '../../helpers/local-http-server.ts';

const rss = readFileSync(new URL('../../fixtures/feeds/met-news.rss.xml', import.meta.url), 'utf8');
const atom = readFileSync(new URL('../../fixtures/feeds/local-paper.atom.xml', import.meta.url), 'utf8');
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const now = Date.UTC(2026, 10, 24, 12, 0, 0);
const clock: Clock = { now: () => now };
const noSleep: Sleep = async () => undefined;

describe('polling many sources', () => {
  it('keeps going when one source fails, and reports progress for each', async () => {
    const good = await startLocalServer({
      '/rss': { headers: { 'content-type': 'application/rss+xml' }, body: rss },
      '/atom': { headers: { 'content-type': 'application/atom+xml' }, body: atom },
    });
    const broken = await startLocalServer({ '/rss': { status: 500, body: 'oops' } });
    servers.push(good, broken);
    const sources: Source[] = [
      { id: 'a', kind: 'rss', url: `${good.url}/rss`, label: 'A' },
      { id: 'b', kind: 'rss', url: `${broken.url}/rss`, label: 'B' },
      { id: 'c', kind: 'custom-feed', url: `${good.url}/atom`, label: 'C' },
    ];
    const stages: Array<[string, PollStage]> = [];
    const report = await pollSources(sources, {}, {
      fetch: (url, init) => fetch(url, init),
      clock,
      sleep: noSleep,
      random: () => 0.5,
      onProgress: (id, stage) => stages.push([id, stage]),
    });
    expect(report.sources.map((entry) => entry.result?.status)).toEqual(['ok', 'error', 'ok']);
    expect(report.healthById.b?.lastError).toMatch(/HTTP 500/);
    expect(report.items.filter((item) => item.sourceId === 'a')).toHaveLength(3);
    expect(report.items.filter((item) => item.sourceId === 'c')).toHaveLength(2);
    for (const id of ['a', 'b', 'c']) {
      expect(stages.filter(([sid]) => sid === id).map(([, stage]) => stage).slice(0, 2)).toEqual(['queued', 'fetching']);
    }
  });

  it('skips a source whose next allowed time is still in the future', async () => {
    const server = await startLocalServer({ '/rss': { headers: { 'content-type': 'application/rss+xml' }, body: rss } });
    servers.push(server);
    const waiting = { sourceId: 'a', consecutiveFailures: 2, nextAllowedAt: new Date(now + 60_000).toISOString() };
    const report = await pollSources(
      [{ id: 'a', kind: 'rss', url: `${server.url}/rss`, label: 'A' }],
      new Map([['a', waiting]]),
      { fetch: (url, init) => fetch(url, init), clock, sleep: noSleep, random: () => 0.5 },
    );
    expect(server.requests).toHaveLength(0);
    expect(report.sources[0]?.result).toBeUndefined();
    expect(report.healthById.a).toEqual(waiting);
  });

  it('when a person asks (Check now), tries a source our backoff holds again, but keeps a wait the site asked for', async () => {
    const server = await startLocalServer({ '/rss': { headers: { 'content-type': 'application/rss+xml' }, body: rss } });
    servers.push(server);
    const later = new Date(now + 3_600_000).toISOString();
    const backingOff = { sourceId: 'a', consecutiveFailures: 3, nextAllowedAt: later, nextAllowedBy: 'backoff' as const };
    const askedToWait = { sourceId: 'b', consecutiveFailures: 1, nextAllowedAt: later, nextAllowedBy: 'retry-after' as const };
    // Stored before the field existed: our own backoff.
    const olderRecord = { sourceId: 'c', consecutiveFailures: 2, nextAllowedAt: later };
    const sources: Source[] = ['a', 'b', 'c'].map((id) => ({ id, kind: 'rss', url: `${server.url}/rss?${id}`, label: id.toUpperCase() }));
    const health = { a: backingOff, b: askedToWait, c: olderRecord };
    const deps = { fetch: (url: string, init?: RequestInit) => fetch(url, init), clock, sleep: noSleep, random: () => 0.5 };

    const scheduled = await pollSources(sources, health, deps);
    expect(scheduled.sources.map((entry) => entry.result?.status)).toEqual([undefined, undefined, undefined]);

    const asked = await pollSources(sources, health, { ...deps, personAsked: true });
    expect(asked.sources.map((entry) => entry.result?.status)).toEqual(['ok', undefined, 'ok']);
    expect(asked.healthById.a).toMatchObject({ consecutiveFailures: 0 });
    expect(asked.healthById.a?.nextAllowedAt).toBeUndefined();
    expect(asked.healthById.b).toEqual(askedToWait);
  });

  it('fetches sources on one host one at a time with a polite gap, and different hosts in parallel', async () => {
    const inFlightByHost = new Map<string, number>();
    const maxInFlightByHost = new Map<string, number>();
    let inFlight = 0;
    let maxInFlight = 0;
    const server = await startLocalServer(async (req, res) => {
      const host = (req.headers.host ?? '').split(':')[0] ?? '';
      inFlightByHost.set(host, (inFlightByHost.get(host) ?? 0) + 1);
      maxInFlightByHost.set(host, Math.max(maxInFlightByHost.get(host) ?? 0, inFlightByHost.get(host) ?? 0));
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 150));
      inFlight -= 1;
      inFlightByHost.set(host, (inFlightByHost.get(host) ?? 1) - 1);
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss);
    });
    servers.push(server);
    const port = new URL(server.url).port;
    // A virtual clock: time passes only when the poller sleeps, so the gap is observed without waiting for it.
    let virtualNow = now;
    const sleeps: number[] = [];
    const virtualClock: Clock = { now: () => virtualNow };
    const virtualSleep: Sleep = async (ms) => {
      sleeps.push(ms);
      virtualNow += ms;
    };
    const sources: Source[] = [
      { id: 'ip-1', kind: 'rss', url: `http://127.0.0.1:${port}/one`, label: '1' },
      { id: 'ip-2', kind: 'rss', url: `http://127.0.0.1:${port}/two`, label: '2' },
      { id: 'name-1', kind: 'rss', url: `http://localhost:${port}/three`, label: '3' },
    ];
    const report = await pollSources(sources, {}, {
      fetch: (url, init) => fetch(url, init),
      clock: virtualClock,
      sleep: virtualSleep,
      random: () => 0.5,
    });
    expect(report.sources.map((entry) => entry.result?.status)).toEqual(['ok', 'ok', 'ok']);
    expect(maxInFlightByHost.get('127.0.0.1')).toBe(1);
    expect(maxInFlight).toBe(2);
    // The second request to 127.0.0.1 waited the default 2 s gap; localhost, a different host, did not wait.
    expect(sleeps).toEqual([2000]);
    const paths = server.requests.filter((request) => request.headers.host?.startsWith('127.0.0.1')).map((request) => request.path);
    expect(paths).toEqual(['/one', '/two']);
  });

  it('keeps the gap between every address a source tries on one host: the moved feed, the home page, the new feed', async () => {
    const server = await startLocalServer({
      '/old.rss': { status: 404, body: 'gone' },
      '/': { headers: { 'content-type': 'text/html' }, body: '<html><head><link rel="alternate" type="application/rss+xml" href="/new.rss"></head><body>Home</body></html>' },
      '/new.rss': { headers: { 'content-type': 'application/rss+xml' }, body: rss },
    });
    servers.push(server);
    let virtualNow = now;
    const sleeps: number[] = [];
    const report = await pollSources([{ id: 'moved', kind: 'custom-feed', url: `${server.url}/old.rss`, label: 'Moved' }], {}, {
      fetch: (url, init) => fetch(url, init),
      clock: { now: () => virtualNow },
      sleep: async (ms) => {
        sleeps.push(ms);
        virtualNow += ms;
      },
      random: () => 0.5,
    });
    expect(report.sources[0]?.result?.health.movedTo).toBe(`${server.url}/new.rss`);
    expect(server.requests.map((request) => request.path)).toEqual(['/old.rss', '/', '/new.rss']);
    // Three requests to one host: each after the first waited the 2 s gap.
    expect(sleeps).toEqual([2000, 2000]);
  });

  it('uses a configured gap', async () => {
    const server = await startLocalServer({ '/a': { headers: { 'content-type': 'application/rss+xml' }, body: rss }, '/b': { headers: { 'content-type': 'application/rss+xml' }, body: rss } });
    servers.push(server);
    const sleeps: number[] = [];
    await pollSources(
      [
        { id: 'a', kind: 'rss', url: `${server.url}/a`, label: 'A' },
        { id: 'b', kind: 'rss', url: `${server.url}/b`, label: 'B' },
      ],
      {},
      { fetch: (url, init) => fetch(url, init), clock, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, hostGapMs: 5000 },
    );
    expect(sleeps).toEqual([5000]);
  });

  it('sends validators from stored health and reports an unchanged source as not modified', async () => {
    const server = await startLocalServer((req, res) => {
      if (req.headers['if-none-match'] === '"same"') {
        res.writeHead(304);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"same"' });
      res.end(rss);
    });
    servers.push(server);
    const sources: Source[] = [{ id: 'a', kind: 'rss', url: `${server.url}/rss`, label: 'A' }];
    const pollDeps = { fetch: (url: string, init?: RequestInit) => fetch(url, init), clock, sleep: noSleep, random: () => 0.5 };
    const first = await pollSources(sources, {}, pollDeps);
    const second = await pollSources(sources, first.healthById, pollDeps);
    expect(second.sources[0]?.result?.status).toBe('not-modified');
    expect(second.items).toEqual([]);
    expect(second.healthById.a).toMatchObject({ lastStatus: 304, lastItemCount: 3, etag: '"same"' });
  });

  it('survives a progress callback that throws and a source that cannot be reached', async () => {
    const dead = await startLocalServer(() => undefined);
    const deadUrl = `${dead.url}/rss`;
    await dead.close();
    const server = await startLocalServer({ '/rss': { headers: { 'content-type': 'application/rss+xml' }, body: rss } });
    servers.push(server);
    const report = await pollSources(
      [
        { id: 'dead', kind: 'rss', url: deadUrl, label: 'Dead' },
        { id: 'bad-scheme', kind: 'custom-feed', url: 'javascript:alert(1)', label: 'Bad' },
        { id: 'alive', kind: 'rss', url: `${server.url}/rss`, label: 'Alive' },
      ],
      {},
      {
        fetch: (url, init) => fetch(url, init),
        clock,
        sleep: noSleep,
        random: () => 0.5,
        onProgress: () => {
          throw new Error('display broke');
        },
      },
    );
    expect(report.healthById.dead?.lastError).toMatch(/network error/);
    expect(report.healthById['bad-scheme']?.lastError).toMatch(/refused/);
    expect(report.sources.find((entry) => entry.source.id === 'alive')?.result?.items).toHaveLength(3);
  });

  it('keeps the number of requests in flight across hosts within the configured limit', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const server = await startLocalServer(async (_req, res) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 100));
      inFlight -= 1;
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss);
    });
    servers.push(server);
    const port = new URL(server.url).port;
    const report = await pollSources(
      [
        { id: 'ip', kind: 'rss', url: `http://127.0.0.1:${port}/a`, label: 'A' },
        { id: 'name', kind: 'rss', url: `http://localhost:${port}/b`, label: 'B' },
      ],
      {},
      { fetch: (url, init) => fetch(url, init), clock, sleep: noSleep, random: () => 0.5, maxConcurrent: 1 },
    );
    expect(report.sources.map((entry) => entry.result?.status)).toEqual(['ok', 'ok']);
    expect(maxInFlight).toBe(1);
  });
});
