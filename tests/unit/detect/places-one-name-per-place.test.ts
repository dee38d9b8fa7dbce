import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/detect/analyze.ts';
import { findPlaces } from '../../../src/core/detect/places.ts';
import { gbGazetteer } from '../../../src/core/geo/gazetteer-gb.ts';
import type { WatchedPerson } from '../../../src/core/geo/watched-person.ts';
import { findSpates } from '../../../src/core/spates/find-spates.ts';

const gazetteer = gbGazetteer();
const placesIn = (text: string) => findPlaces(text, { gazetteer }).map((place) => place.name);

describe('a place written under its short and its official name is listed once', () => {
  it('a tie goes to the official name, wherever the short form comes first', () => {
    expect(placesIn('A woman in Clacton lost £3,000. Police in Clacton-on-Sea said a courier took the cash.')).toEqual(['Clacton-on-Sea']);
    expect(placesIn('A man in Southend-on-Sea was called by a fake detective. Two more in Southend had calls.')).toEqual(['Southend-on-Sea']);
    expect(placesIn('Pensioners in Frinton and Colchester were called; one in Frinton-on-Sea lost £800.')).toEqual(['Frinton-on-Sea', 'Colchester']);
    expect(placesIn('A man in Kingston upon Thames handed over his cards. A woman in Kingston was also called.')).toEqual(['Kingston upon Thames']);
  });

  it('otherwise the name the article writes most often, listed where the place is first named', () => {
    expect(placesIn('Calls in Colchester and Clacton-on-Sea. A widow in Clacton lost £2,000 and a man in Clacton lost £500.')).toEqual(['Colchester', 'Clacton']);
    expect(placesIn('A man in Dereham lost £1,000. A woman in Dereham was called, as was one in East Dereham.')).toEqual(['Dereham']);
  });

  it('different places with shared words stay apart, as do a region and its country', () => {
    expect(placesIn('A man in Little Clacton and a woman in Clacton were called.')).toEqual(['Little Clacton', 'Clacton']);
    expect(placesIn('Pensioners in west Wales were targeted. A woman in Wales lost £900.')).toEqual(['west Wales', 'Wales']);
  });

  it('the spate a family sees names the town once', () => {
    const mum: WatchedPerson = { id: 'mum', name: 'Mum', postcode: 'CO7 6AA', lat: 51.8566, lng: 0.9595, forceId: 'essex', radiusKm: 25 };
    const now = Date.parse('2026-11-30T12:00:00Z');
    const text =
      'A woman in Clacton lost £4,000 after a man posing as a police officer told her to withdraw cash for a courier. ' +
      'A second woman in Clacton-on-Sea had a similar call.';
    expect(analyzeText(text, { gazetteer }).places.map((place) => place.name)).toEqual(['Clacton-on-Sea']);
    const { spates } = findSpates({
      items: [{ sourceId: 'essex:news', url: 'https://example.test/clacton', title: 'Courier fraud warning', text, publishedAt: new Date(now - 3_600_000).toISOString() }],
      people: [mum],
      previous: [],
      now,
      analyze: (body, options) => analyzeText(body, { ...options, gazetteer }),
      gazetteer: { lookup: (name) => gazetteer.lookup(name) },
      forceIdOfSource: () => 'essex',
    });
    expect(spates).toHaveLength(1);
    expect(spates[0]!.places).toEqual(['Clacton-on-Sea']);
  });
});
