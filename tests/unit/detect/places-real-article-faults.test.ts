import { describe, expect, it } from 'vitest';
import { findPlaces } from '../../../src/core/detect/places.ts';
import { gbGazetteer } from '../../../src/core/geo/gazetteer-gb.ts';

const gazetteer = gbGazetteer();
const placesIn = (text: string) => findPlaces(text, { gazetteer }).map((place) => place.name);

// Each fault kind seen on real police and local-news reports, in short sentences written for these tests.
describe('places: counties and areas used as adjectives, in lists, and with compass words', () => {
  it('takes a county or area used as an adjective for the victims', () => {
    expect(placesIn('Two Kent pensioners lost £9,000 to a fake detective.')).toEqual(['Kent']);
    expect(placesIn('Gwent residents have been rung by men posing as officers.')).toEqual(['Gwent']);
    expect(placesIn('A Wirral couple handed cash to a courier.')).toEqual(['Wirral']);
  });

  it('takes every county in a list, short forms and multi-word areas included', () => {
    expect(placesIn('Victims lived in Luton and Dunstable in Beds, Slough and Berkshire.')).toEqual(['Luton', 'Dunstable', 'Beds', 'Slough', 'Berkshire']);
    expect(placesIn('Calls were reported in the Vale of Glamorgan and County Durham.')).toEqual(['Vale of Glamorgan', 'County Durham']);
    expect(placesIn('Officers had reports from West Lothian and across the Thames Valley.')).toEqual(['West Lothian', 'Thames Valley']);
  });

  it('keeps a compass word with a county or country, and drops it from a town', () => {
    expect(placesIn('A woman in north Wales was called twice.')).toEqual(['north Wales']);
    expect(placesIn('Pensioners in east Devon have lost thousands.')).toEqual(['east Devon']);
    expect(placesIn('A man living in South Ipswich was conned.')).toEqual(['Ipswich']);
  });

  it('does not take places that are part of a force name', () => {
    expect(placesIn('Avon and Somerset Constabulary said a man in Yeovil was targeted.')).toEqual(['Yeovil']);
    expect(placesIn("A detective from Dyfed-Powys Police's fraud team spoke to a woman in Tenby.")).toEqual(['Tenby']);
  });
});

describe('places that are not where the calls or victims were', () => {
  it('leaves out the base the caller claimed', () => {
    expect(placesIn('A woman in Crawley was rung by a man pretending to be a police officer in Holborn.')).toEqual(['Crawley']);
    expect(placesIn('He said he was a detective from Hammersmith police station.')).toEqual([]);
    expect(placesIn('A man in Luton got a call from someone claiming to be based out of a police station in London.')).toEqual(['Luton']);
    expect(placesIn('A widow in Hexham was cold-called by an officer from the Leeds area.')).toEqual(['Hexham']);
  });

  it('keeps "police in X" when the police there are the ones warning', () => {
    expect(placesIn('Police in Forth Valley are warning people after a woman lost her savings.')).toEqual(['Forth Valley']);
    expect(placesIn('Fraudsters claiming to be from the bank tricked a Whitby man, police in Scarborough said.')).toEqual(['Whitby', 'Scarborough']);
  });

  it("leaves out places in the fraudster's story", () => {
    expect(placesIn('A man in Ely was called. He said his card had been used in Manchester.')).toEqual(['Ely']);
    expect(placesIn('The victim in Bury was told that two men had been arrested in London.')).toEqual(['Bury']);
    expect(placesIn('A courier took the bag and said it was going to an office in Cardiff.')).toEqual([]);
  });

  it('keeps places where the victim was told to go', () => {
    expect(placesIn('She was told to go to a jeweller in Chester and buy a watch.')).toEqual(['Chester']);
    expect(placesIn('The caller told her he was checking bank notes and asked that she visit banks in Bath to withdraw cash.')).toEqual(['Bath']);
  });

  it("leaves out defendants' homes and the court in a court report", () => {
    expect(placesIn('A woman from Croydon has been charged after calls to pensioners in Margate.')).toEqual(['Margate']);
    expect(placesIn('Jo Bloggs, 31, of Mill Lane, Luton, denies fraud.')).toEqual([]);
    expect(placesIn('Two men, both from Ealing, were jailed at Reading crown court.')).toEqual([]);
  });

  it('leaves out the audience of advice, but not a place the advice goes on to tell of', () => {
    expect(placesIn('I would urge people living across Leicester, Leicestershire and Rutland to stay alert.')).toEqual([]);
    expect(placesIn('Police are urging residents in Kent and Medway to stay alert following 12 reports in Gillingham.')).toEqual(['Kent', 'Medway', 'Gillingham']);
  });

  it('leaves out a defendant address of several parts', () => {
    expect(placesIn('Ann Lee, 30, of Flat 2, Mill Court, Leeds, and Tom Day, 28, of Derby, deny fraud.')).toEqual([]);
  });

  it('leaves out where calls were traced, callers named like places, currencies and company names', () => {
    expect(placesIn('The calls came from London numbers, a victim in Leek said.')).toEqual(['Leek']);
    expect(placesIn('A woman in Frome received a call from Stanley Hussain.')).toEqual(['Frome']);
    expect(placesIn('He bought £2,000 in Euros and handed them over in Stroud.')).toEqual(['Stroud']);
    expect(placesIn('She called from the Met and was told to go to Argos in Epsom.')).toEqual(['Epsom']);
  });
});

describe('villages the gazetteer lacks, found from the text', () => {
  it('takes a capitalised name after "from" or "in", whatever verb follows', () => {
    expect(placesIn('An 80-year-old woman from Little Snoring received a call on Monday.')).toEqual(['Little Snoring']);
    expect(placesIn('The man, who lives in Nether Wallop in Hampshire, lost £3,000.')).toEqual(['Hampshire', 'Nether Wallop']);
  });

  it('takes a village used as an adjective for the victim', () => {
    expect(placesIn('A Great Snoring pensioner lost her savings.')).toEqual(['Great Snoring']);
  });

  it('leaves such names unlocated, for the postcodes.io look-up', () => {
    const [village] = findPlaces('A woman from Little Snoring was called.', { gazetteer });
    expect(village).toMatchObject({ name: 'Little Snoring' });
    expect(village!.lat).toBeUndefined();
  });
});

describe('places in contact details and where the money went are not where anyone was', () => {
  it('leaves out the town of a phone number or dialling code, but keeps a dialling code area people live in', () => {
    expect(placesIn('A woman in Filey was given a call-back number with a London 020 code.')).toEqual(['Filey']);
    expect(placesIn('A man in Skegness was called from a Leeds number.')).toEqual(['Skegness']);
    expect(placesIn('Four people living within the Stroud dialling code area were targeted.')).toEqual(['Stroud']);
  });

  it('leaves out the country or town of the accounts the money was moved to', () => {
    expect(placesIn('A pensioner from Ely moved £9,000 to an account in Lithuania.')).toEqual(['Ely']);
    expect(placesIn('A Thetford man sent £20,000 to accounts in Latvia and Estonia.')).toEqual(['Thetford']);
  });
});
