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
});
