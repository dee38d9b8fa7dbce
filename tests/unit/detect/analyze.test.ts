import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/detect/analyze.ts';
import { gbGazetteer } from '../../../src/core/geo/gazetteer-gb.ts';

describe('analyzeText', () => {
  it('combines relevance, tactics, impersonated, located places and counts', () => {
    const analysis = analyzeText(
      'At least 21 people were targeted in 24 hours across Essex, with one man from Dedham, who fell for the scam, losing £2,500. The callers claimed to be from the Metropolitan Police and asked for his PIN.',
      { gazetteer: gbGazetteer() },
    );
    expect(analysis.relevant).toBe(true);
    expect(analysis.tactics).toEqual(['pin-request']);
    expect(analysis.impersonated).toEqual(['police']);
    expect(analysis.claimedAs).toEqual(['Metropolitan Police']);
    expect(analysis.places.map((place) => place.name)).toEqual(['Essex', 'Dedham']);
    expect(analysis.places[1]!.lat).toBeCloseTo(51.959, 2);
    expect(analysis.counts).toEqual({ targeted: 21, windowDays: 1, victims: 1, lossGBP: 2500 });
  });

  it('names places without coordinates when no gazetteer is given, and copes with empty text', () => {
    expect(analyzeText('• Mill Street, Elsing, at around 10.15am').places).toEqual([{ name: 'Elsing', kind: 'village' }]);
    const empty = analyzeText('');
    expect(empty).toMatchObject({ relevant: false, score: 0, tactics: [], impersonated: [], claimedAs: [], places: [], counts: {} });
  });
});
