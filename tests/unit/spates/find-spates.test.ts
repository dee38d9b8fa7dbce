import { describe, expect, it } from 'vitest';
import { findSpates, type FindSpatesInput } from '../../../src/core/spates/find-spates.ts';
import { alertsFrom } from '../../../src/core/spates/escalation.ts';
import type { Spate } from '../../../src/core/spates/spate.ts';
import type { Analysis, Counts, Tactic } from '../../../src/core/detect/vocabulary.ts';
import type { FeedItem } from '../../../src/core/sources/source.ts';
import type { WatchedPerson } from '../../../src/core/geo/watched-person.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-20T12:00:00Z');

const mum: WatchedPerson = { id: 'mum', name: 'Mum', postcode: 'CO7 6AA', lat: 51.8566, lng: 0.9595, forceId: 'essex', radiusKm: 25 };

const gazetteer = new Map([
  ['colchester', { lat: 51.8892, lng: 0.9042 }],
  ['wivenhoe', { lat: 51.856, lng: 0.957 }],
  ['clacton-on-sea', { lat: 51.7898, lng: 1.1545 }],
  ['essex', { lat: 51.77, lng: 0.6 }],
  ['newcastle upon tyne', { lat: 54.9783, lng: -1.6178 }],
]);
const forceOf: Record<string, string> = { 'essex:news': 'essex', 'google-news:essex': 'essex', 'suffolk:news': 'suffolk' };

interface Story {
  sourceId: string;
  url: string;
  title: string;
  daysAgo: number;
  places?: string[];
  counts?: Counts;
  tactics?: Tactic[];
  relevant?: boolean;
}

/** Items carry their intended analysis in the text, so the test controls detection exactly. */
function item(story: Story): FeedItem {
  return {
    sourceId: story.sourceId,
    url: story.url,
    title: story.title,
    text: JSON.stringify(story),
    publishedAt: new Date(NOW - story.daysAgo * DAY).toISOString(),
  };
}

function analyze(text: string): Analysis {
  const story = JSON.parse(text) as Story;
  return {
    relevant: story.relevant ?? true,
    score: story.relevant === false ? 0.1 : 0.9,
    reasons: [],
    tactics: story.tactics ?? ['pin-request'],
    impersonated: ['police'],
    claimedAs: [],
    places: (story.places ?? []).map((name) => ({ name, ...(name === 'Essex' ? { kind: 'county' as const } : {}) })),
    counts: story.counts ?? {},
  };
}

function run(stories: Story[], previous: Spate[] = [], now = NOW, overrides: Partial<FindSpatesInput> = {}) {
  return findSpates({
    items: stories.map(item),
    people: [mum],
    previous,
    now,
    analyze,
    gazetteer: { lookup: (name) => gazetteer.get(name.toLowerCase()) },
    forceIdOfSource: (sourceId) => forceOf[sourceId],
    ...overrides,
  });
}

const forceStory: Story = {
  sourceId: 'essex:news',
  url: 'https://www.essex.police.uk/news/essex/news/news/2026/march/warning-after-courier-fraud-in-colchester/',
  title: 'Warning after courier fraud reports in Colchester',
  daysAgo: 3,
  places: ['Colchester'],
  counts: { reports: 6, lossGBP: 12000 },
  tactics: ['pin-request', 'courier-collection'],
};
const paperStory: Story = {
  sourceId: 'gazette:rss',
  url: 'https://www.gazette-news.co.uk/news/fake-police-wivenhoe/',
  title: 'Pensioners in Wivenhoe targeted by fake police officers',
  daysAgo: 2,
  places: ['Wivenhoe', 'Colchester'],
  counts: { reports: 4, victims: 2 },
  tactics: ['cash-withdrawal'],
};
const googleStory: Story = {
  sourceId: 'google-news:essex',
  url: 'https://news.google.com/rss/articles/abc',
  title: 'Colchester residents warned over courier fraud - BBC News',
  daysAgo: 1,
  places: ['Colchester'],
  counts: { reports: 6 },
};

describe('spates', () => {
  it('makes one spate of the same incident reported by the force, a local paper and Google News', () => {
    const { spates, alerts } = run([googleStory, paperStory, forceStory]);
    expect(spates).toHaveLength(1);
    const [spate] = spates;
    expect(spate).toMatchObject({
      personId: 'mum',
      headline: 'Warning after courier fraud reports in Colchester',
      places: ['Colchester', 'Wivenhoe'],
      counts: { reports: 6, lossGBP: 12000, victims: 2 },
      tactics: ['pin-request', 'cash-withdrawal', 'courier-collection'],
      impersonated: ['police'],
      firstSeen: new Date(NOW - 3 * DAY).toISOString(),
      lastSeen: new Date(NOW - 1 * DAY).toISOString(),
      severity: 'high',
      state: 'new',
      basis: 'distance',
    });
    expect(spate?.distanceKm).toBeLessThan(1);
    expect(spate?.sources.map((source) => source.sourceId).sort()).toEqual(['essex:news', 'gazette:rss', 'google-news:essex']);
    expect(alerts).toEqual(spates);
  });

  it('keeps two incidents 20 km apart as two spates', () => {
    const clacton: Story = { ...paperStory, url: 'https://example.test/clacton', title: 'Fake police call in Clacton', places: ['Clacton-on-Sea'] };
    const { spates } = run([forceStory, clacton]);
    expect(spates).toHaveLength(2);
    expect(spates.map((spate) => spate.places).sort()).toEqual([['Clacton-on-Sea'], ['Colchester']]);
  });

  it('keeps the same place 30 days apart as two spates', () => {
    const older: Story = { ...forceStory, url: 'https://example.test/colchester-february', daysAgo: 33 };
    const { spates } = run([forceStory, older], [], NOW, { retainDays: 60 });
    expect(spates).toHaveLength(2);
    expect(new Set(spates.map((spate) => spate.id)).size).toBe(2);
  });

  it('joins a headline-only report from the own force to the incident it repeats', () => {
    const placeless: Story = { ...forceStory, url: 'https://example.test/update', title: 'Update: courier fraud reports in Colchester', places: [] };
    const { spates } = run([forceStory, placeless]);
    expect(spates).toHaveLength(1);
    expect(spates[0]?.sources).toHaveLength(2);
  });

  it('joins a report naming only a village to the incident in the town 5 km away', () => {
    const village: Story = { ...paperStory, url: 'https://example.test/village', title: 'Elderly couple in Wivenhoe lose savings', places: ['Wivenhoe'] };
    const { spates } = run([forceStory, village]);
    expect(spates).toHaveLength(1);
    expect(spates[0]?.places).toEqual(['Colchester', 'Wivenhoe']);
  });

  it('ignores irrelevant items and far-away places', () => {
    const burglary: Story = { ...forceStory, url: 'https://example.test/burglary', title: 'Jewellery stolen in Colchester burglary', relevant: false };
    const far: Story = { ...forceStory, sourceId: 'suffolk:news', url: 'https://example.test/newcastle', places: ['Newcastle upon Tyne'] };
    expect(run([burglary, far]).spates).toEqual([]);
  });

  it('gives a spate the same id across polls and turns quiet when nothing is new', () => {
    const first = run([forceStory, paperStory]);
    const rerunWithoutHistory = run([forceStory, paperStory]);
    const second = run([forceStory, paperStory], first.spates, NOW + DAY);
    expect(rerunWithoutHistory.spates[0]?.id).toBe(first.spates[0]?.id);
    expect(second.spates).toHaveLength(1);
    expect(second.spates[0]).toMatchObject({ id: first.spates[0]?.id, state: 'quiet' });
    expect(second.alerts).toEqual([]);
  });

  it('keeps a spate (quiet) after its items scroll off the feed, until it is old', () => {
    const first = run([forceStory]);
    expect(run([], first.spates, NOW + DAY).spates).toMatchObject([{ id: first.spates[0]?.id, state: 'quiet' }]);
    expect(run([], first.spates, NOW + 40 * DAY).spates).toEqual([]);
  });

  it('stays quiet when another outlet only repeats the story', () => {
    const first = run([forceStory]);
    const repeat: Story = { ...googleStory, counts: { reports: 6 }, places: ['Colchester'] };
    const second = run([forceStory, repeat], first.spates, NOW);
    expect(second.spates).toHaveLength(1);
    expect(second.spates[0]?.sources).toHaveLength(2);
    expect(second.spates[0]?.state).toBe('quiet');
  });

  it('escalates when reports grow', () => {
    const first = run([forceStory]);
    const more: Story = { ...forceStory, url: 'https://example.test/more', daysAgo: 0, counts: { reports: 11 } };
    const second = run([forceStory, more], first.spates);
    expect(second.spates[0]).toMatchObject({ id: first.spates[0]?.id, state: 'escalated', counts: { reports: 11, lossGBP: 12000 } });
    expect(second.alerts.map((spate) => spate.id)).toEqual([first.spates[0]?.id]);
  });

  it('escalates when losses grow', () => {
    const first = run([forceStory]);
    const bigger: Story = { ...googleStory, counts: { lossGBP: 30000 } };
    expect(run([forceStory, bigger], first.spates).spates[0]).toMatchObject({ state: 'escalated', counts: { lossGBP: 30000 } });
  });

  it('escalates when a new place is named', () => {
    const first = run([forceStory]);
    const second = run([forceStory, paperStory], first.spates);
    expect(second.spates[0]).toMatchObject({ state: 'escalated', places: ['Colchester', 'Wivenhoe'] });
  });

  it('falls back to the own force for a report that names no place, with no distance', () => {
    const vague: Story = { ...forceStory, url: 'https://example.test/vague', title: 'Officers warn of phone scam', places: ['Essex'], counts: {}, tactics: ['pin-request'] };
    const { spates } = run([vague]);
    expect(spates).toHaveLength(1);
    expect(spates[0]).toMatchObject({ basis: 'own-force', places: ['Essex'], severity: 'medium' });
    expect(spates[0]?.distanceKm).toBeUndefined();
  });

  it('rates a warning with no numbers and no risky tactic low', () => {
    const mild: Story = { ...forceStory, url: 'https://example.test/mild', counts: {}, tactics: ['secrecy'] };
    expect(run([mild]).spates[0]?.severity).toBe('low');
  });

  it('is deterministic: the same input gives the same output', () => {
    const stories = [googleStory, paperStory, forceStory, { ...paperStory, url: 'https://example.test/clacton', places: ['Clacton-on-Sea'] }];
    expect(run(stories)).toEqual(run([...stories].reverse()));
  });

  it('alerts only on new and escalated spates', () => {
    const base = run([forceStory]).spates[0] as Spate;
    const spates: Spate[] = [
      { ...base, id: 'a', state: 'new' },
      { ...base, id: 'b', state: 'quiet' },
      { ...base, id: 'c', state: 'escalated' },
    ];
    expect(alertsFrom(spates).map((spate) => spate.id)).toEqual(['a', 'c']);
  });
});
