import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/detect/analyze.ts';

// Short articles written for these tests, each a kind of wording that misled the engine.
describe('"its staff": the body a warning names is the one impersonated', () => {
  it('a building society warning of callers pretending to be its staff is bank impersonation', () => {
    const result = analyzeText(
      'Yorkshire Building Society is warning savers in Hull after a rise in calls from fraudsters pretending to be its staff. ' +
        'A 79-year-old man was told his card had been cloned, read out his PIN and handed the card to a courier who came to his door.',
    );
    expect(result).toMatchObject({ relevant: true, impersonated: ['bank'] });
  });

  it('reads "from its fraud team" and a force warning about its own officers the same way', () => {
    const bank = analyzeText(
      'Santander has warned customers in Derby about callers claiming to be from its fraud team. One woman moved £12,000 to a "safe account" they gave her.',
    );
    expect(bank).toMatchObject({ relevant: true, impersonated: ['bank'] });
    expect(bank.claimedAs).toContain('Santander');
    const force = analyzeText(
      'Cumbria Police is warning people in Kendal about men posing as its officers. A pensioner handed £4,000 in cash to one of them at her door.',
    );
    expect(force).toMatchObject({ relevant: true, impersonated: ['police'] });
  });

  it('leaves "its" alone when nothing official is named before it', () => {
    const result = analyzeText('A company selling loft insulation in Lincoln had callers claiming to be its engineers. A man paid £900 for work never done.');
    expect(result.relevant).toBe(false);
  });
});

describe('ranks and the Met written short count only in capitals', () => {
  it('"she met him on a dating site" and a man "claiming to be" someone is no police impersonation', () => {
    const result = analyzeText(
      'A widow in Perth lost £40,000 to a man she met on a dating site who claimed to be an engineer working abroad. She transferred the money from her bank account over six months.',
    );
    expect(result).toMatchObject({ relevant: false, impersonated: [] });
  });

  it('a caller claiming to be "DC Jones" of the Met is still police impersonation', () => {
    const result = analyzeText('A man claiming to be DC Jones from the Met told a Luton pensioner to withdraw £6,000, which a courier collected.');
    expect(result).toMatchObject({ relevant: true, impersonated: ['police'] });
  });
});

describe('the replacement-card ruse told over two sentences is bank impersonation', () => {
  it('a caller who says the card was compromised, then that a courier will collect it', () => {
    const result = analyzeText(
      'A woman in Brigg was phoned by a man who said her debit card had been compromised and had to be replaced. ' +
        'He asked her to key in her PIN, then said a courier would come to collect the old card. The courier took it and £900 was withdrawn.',
    );
    expect(result).toMatchObject({ relevant: true, impersonated: ['bank'] });
  });

  it('is still police when the caller said they were police', () => {
    const result = analyzeText(
      'The caller claims to be from Humberside Police and says her card has been cloned. He then sends someone to collect the card.',
    );
    expect(result.impersonated).toEqual(['police']);
  });
});
