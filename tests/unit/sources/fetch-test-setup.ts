import { readFileSync } from 'node:fs';
import { afterEach } from 'vitest';
import type { Clock, Sleep } from '../../../src/core/platform.ts';
import type { FetchSourceDeps } from '../../../src/core/sources/fetch-source.ts';
import type { Source } from '../../../src/core/sources/source.ts';
import { startLocalServer, type LocalServer } from '../../helpers/local-http-server.ts';

/** A real police RSS feed, captured as a fixture. */
export const metNewsRss = readFileSync(new URL('../../fixtures/feeds/met-news.rss.xml', import.meta.url), 'utf8');

/** The fixed moment every fetch test runs at, so health timestamps are exact. */
export const fixedNow = Date.UTC(2026, 10, 24, 12, 0, 0);

export function testSource(url: string, id = 'test:feed'): Source {
  return { id, kind: 'rss', url, label: 'Test feed' };
}

/** Real fetch, a frozen clock, no waiting and mid-range jitter; a test overrides only what it is about. */
export function fetchDeps(overrides: Partial<FetchSourceDeps> = {}): FetchSourceDeps {
  const clock: Clock = { now: () => fixedNow };
  const noSleep: Sleep = async () => undefined;
  return { fetch: (url, init) => fetch(url, init), clock, sleep: noSleep, random: () => 0.5, ...overrides };
}

/** Returns a `serve` that starts a local server and closes it after each test of the calling file. */
export function useLocalServers(): (...args: Parameters<typeof startLocalServer>) => Promise<LocalServer> {
  const servers: LocalServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (...args) => {
    const server = await startLocalServer(...args);
    servers.push(server);
    return server;
  };
}
