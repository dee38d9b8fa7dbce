import { createSpateDetector } from '../../src/core/watcher/spate-detector.ts';
import type { SpateDetector } from '../../src/core/watcher/poll-cycle.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';
import { fixture, keywordAnalysis, MUM, rssRoute, startBackground, watchMumWith } from './watcher-harness.ts';

// 24 Nov 2026, 14:00 local: daytime, so quiet hours do not interfere.
const DAYTIME = new Date(2026, 10, 24, 14, 0).getTime();

describe('poll cycle: one alert per spate, across worker restarts', () => {
  let server: LocalServer;
  beforeEach(async () => {
    fakeBrowser.reset();
    server = await startLocalServer({ '/colchester.xml': rssRoute(() => fixture('phone-scam-feed.xml')) });
  });
  afterEach(() => server.close());

  it('notifies once for a new spate, with the headline, place, distance and reports', async () => {
    const { store, background, created } = await startBackground({ now: () => DAYTIME });
    await watchMumWith(store, [`${server.url}/colchester.xml`]);

    const result = await background.cycle.run();

    expect(result.alerts).toBe(1);
    expect(created).toHaveLength(1);
    expect(created[0]!.options.title).toBe('Warning after fake police officers phone Colchester residents');
    expect(created[0]!.options.message).toMatch(/^Near Colchester, (under 1|\d+) km from Mum · 1 report$/);
    expect(created[0]!.options.buttons?.map((button) => button.title)).toEqual(['Open details', 'Call plan']);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([created[0]!.id]);
    const spates = await store.getSpates();
    expect(spates.map((spate) => spate.headline)).toEqual(['Warning after fake police officers phone Colchester residents']);
  });

  it('does not notify again after the worker restarts, and the feed answers 304', async () => {
    const first = await startBackground({ now: () => DAYTIME });
    await watchMumWith(first.store, [`${server.url}/colchester.xml`]);
    await first.background.cycle.run();
    expect(first.created).toHaveLength(1);

    // A new worker over the same storage, fifteen minutes later.
    const restarted = await startBackground({ now: () => DAYTIME + 15 * 60_000 });
    const again = await restarted.background.cycle.run();

    expect(again.alerts).toBe(0);
    expect(restarted.created).toHaveLength(0);
    expect((await restarted.store.getNotifiedLog()).length).toBe(1);
    const conditional = server.requests.filter((request) => request.headers['if-none-match']);
    expect(conditional).toHaveLength(1);
    // The spate is still known (from stored items), not forgotten because nothing new arrived.
    expect((await restarted.store.getSpates()).length).toBe(1);
  });

  it('does not miss an alert when the worker stopped after storing items but before alerting', async () => {
    const first = await startBackground({ now: () => DAYTIME });
    await watchMumWith(first.store, [`${server.url}/colchester.xml`]);
    // The worker is stopped right after the fetched items are stored: no spate saved, nothing shown.
    const saveItems = first.store.saveItems;
    first.store.saveItems = async (items) => {
      await saveItems(items);
      throw new Error('worker stopped');
    };
    await expect(first.background.cycle.run()).rejects.toThrow('worker stopped');
    expect(first.created).toHaveLength(0);

    const restarted = await startBackground({ now: () => DAYTIME + 60_000 });
    const result = await restarted.background.cycle.run();

    // The feed has nothing new (304), yet the stored items still raise the alert, once.
    expect(server.requests.at(-1)?.headers['if-none-match']).toBeTruthy();
    expect(result.alerts).toBe(1);
    expect(restarted.created.map((entry) => entry.options.title)).toEqual(['Warning after fake police officers phone Colchester residents']);
  });

  it('does not detect again when nothing changed, but does when someone is added, analysing each item once', async () => {
    let analysed = 0;
    let detections = 0;
    const analyze: typeof keywordAnalysis = (text, options) => {
      analysed += 1;
      return keywordAnalysis(text, options);
    };
    const detector = createSpateDetector({ analyze });
    const detect: SpateDetector = (input) => {
      detections += 1;
      return detector(input);
    };
    const { store, background } = await startBackground({ now: () => DAYTIME, detect });
    await watchMumWith(store, [`${server.url}/colchester.xml`]);
    await background.cycle.run();
    expect([detections, analysed]).toEqual([1, 2]);

    await background.cycle.run();
    expect([detections, analysed]).toEqual([1, 2]);
    expect((await store.getSpates()).length).toBe(1);

    const people = await store.getPeople();
    await store.savePeople([...people, { person: { ...MUM, id: 'person-dad', name: 'Dad' }, sources: people[0]!.sources }]);
    const result = await background.cycle.run();
    // Detected again for Dad; the two items were already analysed.
    expect([detections, analysed]).toEqual([2, 2]);
    expect(result.alerts).toBe(1);
    expect((await store.getSpates()).map((spate) => spate.personId).sort()).toEqual(['person-dad', 'person-mum']);
  });
});
