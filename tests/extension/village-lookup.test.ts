import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeText } from '../../src/core/detect/analyze.ts';
import { gbGazetteer } from '../../src/core/geo/gazetteer-gb.ts';
import { startLocalServer, type LocalServer } from '../helpers/local-http-server.ts';
import { startPostcodesStub, type PostcodesStub } from '../helpers/postcodes-stub.ts';
import { rssRoute, startBackground, watchMumWith } from './watcher-harness.ts';

const DAYTIME = new Date(2026, 10, 24, 15, 0).getTime();

/** A report naming only a village the gazetteer lacks (Fingringhoe, 4 km south-east of Colchester), on a feed of no force. */
const FEED = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Parish news</title><link>https://parish.example.org/</link><description>News</description>
<item><title>Fake police officers phone Fingringhoe pensioners</title><link>https://parish.example.org/fake-officers</link><pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate>
<description>Residents in Fingringhoe have received calls from men claiming to be police officers who asked for their bank card PIN.</description></item></channel></rss>`;

const realAnalysis = (text: string, options: { title: string }) => analyzeText(text, { ...options, gazetteer: gbGazetteer() });

describe('villages the gazetteer lacks, in the extension', () => {
  let feeds: LocalServer;
  let postcodes: PostcodesStub;
  beforeEach(async () => {
    fakeBrowser.reset();
    feeds = await startLocalServer({ '/parish.xml': rssRoute(() => FEED) });
    postcodes = await startPostcodesStub({
      places: [{ name_1: 'Fingringhoe', local_type: 'Village', county_unitary: 'Essex', district_borough: 'Colchester', latitude: 51.8527, longitude: 0.9558 }],
    });
  });
  afterEach(async () => {
    await feeds.close();
    await postcodes.close();
  });

  it('are looked up on the postcode service (OS Open Names), once, so a report near Mum is found', async () => {
    const { store, background, created } = await startBackground({ now: () => DAYTIME, analyze: realAnalysis, postcodesBaseUrl: postcodes.url });
    await watchMumWith(store, [`${feeds.url}/parish.xml`]);
    await background.cycle.run();
    expect(created.map((entry) => entry.options.title)).toEqual(['Fake police officers phone Fingringhoe pensioners']);
    const [spate] = await store.getSpates();
    expect(spate?.distanceKm).toBeGreaterThan(2);
    expect(spate?.distanceKm).toBeLessThan(8);
    expect(postcodes.requests.filter((request) => request.path.startsWith('/places')).map((request) => request.path)).toEqual([expect.stringContaining('q=Fingringhoe')]);
  });

  it('without the look-up, the same report names no place that can be measured and is not taken for Mum\'s', async () => {
    postcodes.failPath('/places', 503);
    const { store, background, created } = await startBackground({ now: () => DAYTIME, analyze: realAnalysis, postcodesBaseUrl: postcodes.url });
    await watchMumWith(store, [`${feeds.url}/parish.xml`]);
    await background.cycle.run();
    expect(created).toEqual([]);
    expect(await store.getSpates()).toEqual([]);
  });
});
