import { describe, expect, it } from 'vitest';
import { findPlaces } from '../../../src/core/detect/places.ts';
import { createGazetteer, placeKey } from '../../../src/core/geo/gazetteer.ts';
import { gbGazetteer } from '../../../src/core/geo/gazetteer-gb.ts';
import gbPlaces from '../../../src/core/geo/data/gb-places.json' with { type: 'json' };
import gbSupplement from '../../../src/core/geo/data/gb-supplement.json' with { type: 'json' };

const gazetteer = gbGazetteer();
const placesIn = (text: string) => findPlaces(text, { gazetteer }).map((place) => place.name);

describe('gazetteer', () => {
  it('looks names up regardless of case, punctuation, "Saint" and hyphens', () => {
    expect(gazetteer.lookup('ST. ALBANS')?.name).toBe('St Albans');
    expect(gazetteer.lookup('Saint Albans')?.name).toBe('St Albans');
    expect(gazetteer.lookup('stoke on trent')?.name).toBe('Stoke-on-Trent');
    expect(placeKey("King's Lynn")).toBe(placeKey('Kings Lynn'));
  });

  it('knows districts, London boroughs, counties and common short names', () => {
    expect(gazetteer.lookup('Three Rivers')).toMatchObject({ kind: 'district', county: 'Hertfordshire' });
    expect(gazetteer.lookup('Tower Hamlets')).toMatchObject({ kind: 'borough', county: 'Greater London' });
    expect(gazetteer.lookup('Essex')).toMatchObject({ kind: 'county' });
    expect(gazetteer.lookup('Dereham')?.name).toBe('East Dereham');
    expect(gazetteer.lookup('Oxhey')?.name).toBe('South Oxhey');
    expect(gazetteer.lookup('Atlantis')).toBeUndefined();
  });

  it('picks the same-named place in the county the text is about', () => {
    expect(gazetteer.lookup('Royston', { county: 'Hertfordshire' })?.county).toBe('Hertfordshire');
    expect(gazetteer.lookup('Royston', { county: 'Barnsley' })?.county).toBe('Barnsley');
  });

  it('keeps the GeoNames attribution and licence with the data', () => {
    expect(gbPlaces.license).toBe('CC-BY-4.0');
    expect(gbPlaces.attribution).toMatch(/GeoNames/);
    expect(Object.values(gbPlaces.placesByCounty).flat().length).toBeGreaterThan(4000);
    expect(gbSupplement.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('builds from any data in the same shape', () => {
    const small = createGazetteer({ placesByCounty: { Norfolk: [['Little Snoring', 52.86, 0.9]] } }, { places: [], aliases: { Snoring: 'Little Snoring' } });
    expect(small.lookup('little-snoring')).toMatchObject({ lat: 52.86, kind: 'town', county: 'Norfolk' });
    expect(small.lookup('Snoring')?.name).toBe('Little Snoring');
  });

  it('orders same-named places by name, then south first, whatever order their counties come in', () => {
    const data = {
      placesByCounty: {
        Barnsley: [['Royston', 53.6, -1.45], ['St. Helens', 53.4, -2.74]],
        Hertfordshire: [['Royston', 52.05, -0.02]],
        Merseyside: [['St Helens', 53.45, -2.73]],
      },
    } as const;
    const small = createGazetteer(data);
    expect(small.lookup('Royston')?.county).toBe('Hertfordshire');
    expect(small.lookupAll('Royston').map((place) => place.county)).toEqual(['Hertfordshire', 'Barnsley']);
    expect(small.lookup('Royston', { county: 'Barnsley' })?.county).toBe('Barnsley');
    // Same key, different spelling: the name decides before the latitude does.
    expect(small.lookupAll('St Helens').map((place) => place.name)).toEqual(['St Helens', 'St. Helens']);
    // A hand-made entry still comes before every GeoNames place of its name.
    const withSupplement = createGazetteer(data, { places: [['Royston', 52.0, 0.0, 'district', 'North Hertfordshire']] });
    expect(withSupplement.lookupAll('Royston').map((place) => place.county)).toEqual(['North Hertfordshire', 'Hertfordshire', 'Barnsley']);
  });
});

describe('places named in the text', () => {
  it('finds towns, districts and counties with their coordinates', () => {
    const places = findPlaces('Calls were reported in Watford, Three Rivers and across Essex.', { gazetteer });
    expect(places.map((place) => place.name)).toEqual(['Watford', 'Three Rivers', 'Essex']);
    expect(places[0]).toMatchObject({ kind: 'town' });
    expect(places[0]!.lat).toBeCloseTo(51.655, 2);
  });

  it('leaves out force names used as organisations but keeps the county used as a place', () => {
    expect(placesIn('Essex Police said fraudsters had targeted homes across Essex.')).toEqual(['Essex']);
    expect(placesIn('Hampshire police say the calls continue.')).toEqual([]);
  });

  it('leaves out streets, people and the Met\'s own London', () => {
    expect(placesIn('Det Sgt Paul Watford said a caller claimed to be from the Metropolitan Police in London.')).toEqual([]);
    expect(placesIn('She lives on Norwich Road.')).toEqual([]);
  });

  it('takes villages from the "Street, Village, at time" listing the gazetteer lacks', () => {
    expect(placesIn('• Mill Street, Little Snoring, at around 10.15am')).toEqual(['Little Snoring']);
  });

  it('takes names after place cues and in lists', () => {
    expect(placesIn('Victims were from Kirkby Overblow and Pannal.').sort()).toEqual(['Kirkby Overblow', 'Pannal']);
    expect(placesIn('Residents in the Brundall area were called.')).toEqual(['Brundall']);
  });

  it('keeps a county named as where it happened, beside the towns in it', () => {
    expect(placesIn('Hertfordshire residents in Hitchin and Royston were called.')).toEqual(['Hertfordshire', 'Hitchin', 'Royston']);
    expect(placesIn('Calls have spread across Hampshire after starting in Winchester.')).toEqual(['Hampshire', 'Winchester']);
    expect(placesIn('Residents in Hertfordshire have been warned.')).toEqual(['Hertfordshire']);
  });

  it('does not split a longer name into the places it contains', () => {
    expect(placesIn('The man lives in Stoke Newington.')).toEqual(['Stoke Newington']);
    expect(placesIn('He was sent to a dealer in Hatton Garden.')).toEqual([]);
  });

  it('does not take months or everyday words for places', () => {
    expect(placesIn('The calls started in March and there was little hope of stopping them.')).toEqual([]);
  });
});
