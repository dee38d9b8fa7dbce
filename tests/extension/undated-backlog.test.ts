import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { customFeedSource } from '../../src/core/sources/force-registry.ts';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';
import { fixture, rssRoute, startBackground, watchMumWith } from './watcher-harness.ts';

const DAYTIME = new Date(2026, 10, 24, 11, 0).getTime();
const undated = (xml: string): string => xml.replace(/<pubDate>[^<]*<\/pubDate>/g, '');
const laterItem = `<item><title>Fake police officers call Witham pensioners</title><link>https://alerts.example.org/colchester/witham-calls</link><description>Residents in Witham had calls from men claiming to be police officers asking for their PIN.</description></item>`;

describe('an undated backlog never alerts; undated news seen later does', () => {
  let server: LocalServer;
  let withLaterItem = false;
  beforeEach(async () => {
    fakeBrowser.reset();
    withLaterItem = false;
    server = await startLocalServer({
      '/alerts.xml': rssRoute(() => {
        const feed = undated(fixture('phone-scam-feed.xml'));
        return withLaterItem ? feed.replace('<item>', `${laterItem}<item>`) : feed;
      }),
    });
  });
  afterEach(() => server.close());

  it('takes the first read as a baseline, then alerts on an undated item that appears after it, dated when first seen', async () => {
    let now = DAYTIME;
    const { store, background, created } = await startBackground({ now: () => now });
    const feed = `${server.url}/alerts.xml`;
    await watchMumWith(store, [feed]);

    const first = await background.cycle.run();
    expect(first).toMatchObject({ sourcesChecked: 1, sourcesFailed: 0, alerts: 0 });
    expect(created).toHaveLength(0);
    const stored = (await store.getItems())[customFeedSource(feed).id] ?? [];
    expect(stored.find((item) => item.title.startsWith('Warning after fake police'))).toMatchObject({ backlog: true, publishedAt: null });

    // The same undated backlog again, hours later: still no alert.
    now += 3 * 3_600_000;
    expect((await background.cycle.run()).alerts).toBe(0);

    // A new undated report appears: it is news, dated by when it was first seen.
    withLaterItem = true;
    now += 3 * 3_600_000;
    const third = await background.cycle.run();
    expect(third.alerts).toBe(1);
    expect(created).toHaveLength(1);
    const later = ((await store.getItems())[customFeedSource(feed).id] ?? []).find((item) => item.url.endsWith('/witham-calls'));
    expect(later).toMatchObject({ undated: true, publishedAt: new Date(now).toISOString(), firstSeenAt: new Date(now).toISOString() });
  });
});
