import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isSourceSuspicious } from '../../src/core/sources/source-health.ts';
import { customFeedSource } from '../../src/core/sources/force-registry.ts';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';
import { fixture, rssRoute, startBackground, watchMumWith } from './watcher-harness.ts';

const DAYTIME = new Date(2026, 10, 24, 11, 0).getTime();

describe('one source failing', () => {
  let server: LocalServer;
  let emptyListing = false;
  beforeEach(async () => {
    fakeBrowser.reset();
    emptyListing = false;
    server = await startLocalServer({
      '/colchester.xml': rssRoute(() => fixture('phone-scam-feed.xml')),
      '/broken.xml': rssRoute(() => fixture('malformed-feed.xml')),
      '/down.xml': { status: 503, body: 'Service Unavailable' },
      '/listing.xml': rssRoute(() =>
        emptyListing ? fixture('phone-scam-feed.xml').replace(/<item>[\s\S]*<\/item>/, '') : fixture('phone-scam-feed.xml'),
      ),
    });
  });
  afterEach(() => server.close());

  it('does not stop the others: the good feed still alerts, the bad ones are marked unhealthy with their error', async () => {
    const { store, background, created, progress } = await startBackground({ now: () => DAYTIME });
    const [good, broken, down] = ['/colchester.xml', '/broken.xml', '/down.xml'].map((path) => `${server.url}${path}`) as [string, string, string];
    await watchMumWith(store, [broken, down, good]);

    const result = await background.checkNow();

    expect(result).toMatchObject({ ok: true, result: { sourcesChecked: 3, sourcesFailed: 2, alerts: 1 } });
    expect(created).toHaveLength(1);
    const health = await store.getHealth();
    const byUrl = (url: string) => health[customFeedSource(url).id]!;
    expect(byUrl(good)).toMatchObject({ lastStatus: 200, consecutiveFailures: 0, lastItemCount: 2 });
    expect(byUrl(broken).consecutiveFailures).toBe(1);
    expect(byUrl(broken).lastError).toBeTruthy();
    expect(byUrl(down)).toMatchObject({ lastStatus: 503, consecutiveFailures: 1 });
    // The popup's progress lines name each source's outcome.
    const finalStages = Object.fromEntries(progress.map((update) => [update.sourceId, update.stage]));
    expect(finalStages).toEqual({
      [customFeedSource(good).id]: 'ok',
      [customFeedSource(broken).id]: 'error',
      [customFeedSource(down).id]: 'error',
    });
  });

  it('Check now reads a source again at once after it failed; the scheduled poll waits out its backoff', async () => {
    let up = false;
    const flaky = await startLocalServer({ '/feed.xml': (request, response) => {
      if (!up) {
        response.writeHead(500).end('down');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fixture('phone-scam-feed.xml'));
    } });
    try {
      const { store, background } = await startBackground({ now: () => DAYTIME });
      const feed = `${flaky.url}/feed.xml`;
      await watchMumWith(store, [feed]);
      await background.checkNow();
      const id = customFeedSource(feed).id;
      expect((await store.getHealth())[id]).toMatchObject({ consecutiveFailures: 1, nextAllowedBy: 'backoff' });

      up = true;
      await background.cycle.run();
      expect((await store.getHealth())[id]?.consecutiveFailures).toBe(1);
      expect(flaky.requests).toHaveLength(1);

      const result = await background.checkNow();
      expect(result).toMatchObject({ ok: true, result: { sourcesChecked: 1, sourcesFailed: 0, alerts: 1 } });
      expect((await store.getHealth())[id]).toMatchObject({ consecutiveFailures: 0, lastStatus: 200 });
    } finally {
      await flaky.close();
    }
  });

  it('flags a page that used to list items and now lists none', async () => {
    const { store, background } = await startBackground({ now: () => DAYTIME });
    const listing = `${server.url}/listing.xml`;
    await watchMumWith(store, [listing]);
    await background.cycle.run();
    expect(isSourceSuspicious((await store.getHealth())[customFeedSource(listing).id])).toBe(false);

    emptyListing = true;
    await background.cycle.run();
    expect(isSourceSuspicious((await store.getHealth())[customFeedSource(listing).id])).toBe(true);
  });

  it('does not fetch a source whose site was not allowed, and says why on its health', async () => {
    const allowed = `${server.url}/colchester.xml`;
    const notAllowed = 'https://www.essex.police.uk/news/essex/news/';
    const { store, background } = await startBackground({ now: () => DAYTIME, hasSiteAccess: async (url) => url.startsWith(server.url) });
    await watchMumWith(store, [allowed, notAllowed]);

    const result = await background.cycle.run();

    expect(result.sourcesChecked).toBe(1);
    expect(server.requests.map((request) => request.path)).toEqual(['/colchester.xml']);
    expect((await store.getHealth())[customFeedSource(notAllowed).id]?.lastError).toBe(
      // One's own feed: there is no "Allow" for it, so the message names the button that does ask again.
      'Kinwatch can\'t read www.essex.police.uk without your permission. In Settings, remove this feed and press "Add feed" with its address again.',
    );
  });
});
