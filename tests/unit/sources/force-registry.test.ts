import { describe, expect, it } from 'vitest';
import {
  CustomFeedUrlError,
  FORCES_CHECKED_ON,
  FORCES_SOURCES,
  customFeedSource,
  forceById,
  forceByPfa,
  listForces,
  neighboursOf,
  sourcesForForce,
} from '../../../src/core/sources/force-registry.ts';

const forces = listForces();

describe('force registry', () => {
  it('lists the 43 territorial forces of England and Wales, Police Scotland, PSNI and BTP, each once', () => {
    expect(forces).toHaveLength(46);
    expect(new Set(forces.map((force) => force.id)).size).toBe(46);
    for (const id of ['metropolitan', 'city-of-london', 'essex', 'kent', 'hertfordshire', 'norfolk', 'hampshire', 'avon-and-somerset', 'dyfed-powys', 'police-scotland', 'northern-ireland', 'btp']) {
      expect(forceById(id), id).toBeDefined();
    }
    const englandAndWales = forces.filter((force) => /^[EW]\d{8}$/.test(force.pfaCode ?? ''));
    expect(englandAndWales).toHaveLength(43);
  });

  it('says when and where its facts were checked', () => {
    expect(FORCES_CHECKED_ON).toBe('2026-11-30');
    expect(FORCES_SOURCES.some((url) => url.startsWith('https://data.police.uk/'))).toBe(true);
  });

  it('has symmetric neighbours that all exist and are never the force itself', () => {
    for (const force of forces) {
      for (const neighbour of force.neighbours) {
        expect(forceById(neighbour), `${force.id} → ${neighbour}`).toBeDefined();
        expect(neighbour).not.toBe(force.id);
        expect(neighboursOf(neighbour), `${neighbour} should list ${force.id}`).toContain(force.id);
      }
    }
    expect(neighboursOf('essex')).toEqual(expect.arrayContaining(['metropolitan', 'hertfordshire', 'suffolk', 'cambridgeshire']));
    expect(neighboursOf('cumbria')).toContain('police-scotland');
  });

  it('gives every force at least one source, every URL over https', () => {
    for (const force of forces) {
      const sources = sourcesForForce(force.id, { includeNeighbours: true, includeGoogleNews: true });
      expect(sources.length, force.id).toBeGreaterThan(0);
      expect(force.website).toMatch(/^https:\/\//);
      for (const source of sources) expect(new URL(source.url).protocol, source.url).toBe('https:');
      expect(new Set(sources.map((source) => source.id)).size).toBe(sources.length);
    }
  });

  it('uses the Met RSS feed and the Single Online Home feeds with their listings as fallback, and Google News', () => {
    expect(sourcesForForce('metropolitan', { includeGoogleNews: false })).toEqual([
      expect.objectContaining({ id: 'metropolitan:rss', kind: 'rss', url: expect.stringMatching(/^https:\/\/news\.met\.police\.uk\/rss\//) }),
    ]);
    expect(sourcesForForce('kent', { includeGoogleNews: false })[0]).toMatchObject({
      url: 'https://www.kent.police.uk/news/kent/latest/GetNewsRss/',
      fallbackUrl: 'https://www.kent.police.uk/news/kent/latest/',
    });
    expect(sourcesForForce('essex', { includeGoogleNews: false })[0]).toMatchObject({
      id: 'essex:news',
      kind: 'soh-listing',
      url: 'https://www.essex.police.uk/news/essex/news/GetNewsRss/',
      fallbackUrl: 'https://www.essex.police.uk/news/essex/news/',
      homeUrl: 'https://www.essex.police.uk/',
      forceId: 'essex',
    });
    const [google] = sourcesForForce('essex').filter((source) => source.kind === 'google-news');
    const url = new URL(google?.url ?? '');
    expect(url.origin + url.pathname).toBe('https://news.google.com/rss/search');
    expect(url.searchParams.get('hl')).toBe('en-GB');
    expect(url.searchParams.get('gl')).toBe('GB');
    expect(url.searchParams.get('ceid')).toBe('GB:en');
    expect(url.searchParams.get('q')).toContain('"courier fraud"');
    expect(url.searchParams.get('q')).toContain('Essex');
  });

  it('keeps evidence, a checked-on date and seen-or-inferred for every force news address', () => {
    for (const force of forces) {
      for (const news of force.newsSources) {
        expect(news.evidence.length, force.id).toBeGreaterThan(20);
        expect(news.checkedOn, force.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(['seen', 'inferred'], force.id).toContain(news.address);
        if (news.kind === 'soh') expect(['seen', 'inferred'], force.id).toContain(news.feed);
      }
    }
  });

  it('follows the re-checked evidence: West Midlands path, SOH for four more forces, own news pages for three', () => {
    const first = (id: string) => sourcesForForce(id, { includeGoogleNews: false })[0];
    expect(first('west-midlands')?.url).toBe('https://www.west-midlands.police.uk/news/west-midlands/news/GetNewsRss/');
    for (const id of ['humberside', 'north-wales', 'dorset', 'wiltshire']) {
      expect(first(id)?.url, id).toMatch(/\/news\/[a-z-]+\/news\/GetNewsRss\/$/);
      expect(forces.find((force) => force.id === id)?.newsSources[0]?.address, id).toBe('inferred');
    }
    expect(first('police-scotland')?.url).toBe('https://www.scotland.police.uk/what-s-happening/news/');
    expect(first('devon-and-cornwall')?.url).toBe('https://news.devon-cornwall.police.uk/');
    expect(first('avon-and-somerset')?.url).toBe('https://www.avonandsomerset.police.uk/news/');
    expect(forces.find((force) => force.id === 'gloucestershire')?.newsSources[0]).toMatchObject({ feed: 'seen' });
  });

  it('adds neighbours’ own news only when asked', () => {
    const own = sourcesForForce('essex');
    const wide = sourcesForForce('essex', { includeNeighbours: true });
    expect(own.every((source) => source.forceId === 'essex')).toBe(true);
    expect(wide.map((source) => source.forceId)).toEqual(expect.arrayContaining(['essex', 'hertfordshire', 'metropolitan']));
    expect(wide.filter((source) => source.kind === 'google-news')).toHaveLength(1);
  });

  it('throws a clear error for an unknown force id', () => {
    expect(() => sourcesForForce('atlantis')).toThrow(/Unknown police force id "atlantis"/);
  });

  it('maps a postcodes.io pfa name, code, county or district to the force', () => {
    expect(forceByPfa('Essex')?.id).toBe('essex');
    expect(forceByPfa('E23000028')?.id).toBe('essex');
    expect(forceByPfa('Metropolitan Police')?.id).toBe('metropolitan');
    expect(forceByPfa('London, City of')?.id).toBe('city-of-london');
    expect(forceByPfa('Devon & Cornwall')?.id).toBe('devon-and-cornwall');
    expect(forceByPfa('Dyfed-Powys')?.id).toBe('dyfed-powys');
    expect(forceByPfa('W15000004')?.id).toBe('dyfed-powys');
    expect(forceByPfa('Scotland')?.id).toBe('police-scotland');
    expect(forceByPfa('Northern Ireland')?.id).toBe('northern-ireland');
    expect(forceByPfa('Southend-on-Sea')?.id).toBe('essex');
    expect(forceByPfa('Greater London')?.id).toBe('metropolitan');
    expect(forceByPfa('Kingston upon Hull, City of')?.id).toBe('humberside');
    expect(forceByPfa('Ynys Môn')?.id).toBe('north-wales');
    expect(forceByPfa('Narnia')).toBeUndefined();
  });

  it('never maps one area name to two different forces', () => {
    const seen = new Map<string, string>();
    for (const force of forces) {
      for (const name of [force.pfaName, force.pfaCode, ...force.aliases]) {
        if (name === undefined) continue;
        const key = name.toLowerCase();
        expect(seen.get(key) ?? force.id, `${name} claimed by ${seen.get(key)} and ${force.id}`).toBe(force.id);
        seen.set(key, force.id);
        expect(forceByPfa(name)?.id, name).toBe(force.id);
      }
    }
  });
});

describe('custom feeds', () => {
  it('accepts an http(s) feed address with a stable id', () => {
    const source = customFeedSource(' https://alerts.example.org/rss?area=7&utm_source=x ');
    expect(source).toMatchObject({ kind: 'custom-feed', url: 'https://alerts.example.org/rss?area=7', label: 'alerts.example.org/rss' });
    expect(source.id).toMatch(/^custom:[0-9a-f]{8}$/);
    expect(customFeedSource('https://alerts.example.org/rss?area=7').id).toBe(source.id);
  });

  it('refuses other schemes and garbage with a clear error naming the field', () => {
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/xml,<rss/>', 'not a url', '']) {
      let caught: unknown;
      try {
        customFeedSource(bad);
      } catch (error) {
        caught = error;
      }
      expect(caught, bad).toBeInstanceOf(CustomFeedUrlError);
      expect((caught as CustomFeedUrlError).field).toBe('url');
      expect((caught as Error).message).toMatch(/https:\/\//);
    }
  });
});
