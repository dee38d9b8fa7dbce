import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/detect/analyze.ts';

const relevant = (text: string) => analyzeText(text);

describe('relevance: impersonation of police, banks or officials for money, cards, PINs or valuables', () => {
  it('a courier fraud story is relevant, with a high score and plain-word reasons', () => {
    const result = relevant(
      'A woman from Harlow was called by a man claiming to be a detective. He asked for her PIN and a courier later collected her bank card.',
    );
    expect(result.relevant).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(0.7);
    expect(result.reasons).toContain('someone pretended to be police, bank staff or an official');
  });

  it('a bank "safe account" story is relevant', () => {
    const result = relevant(
      'A pensioner in Luton moved £18,000 into a safe account after a caller posing as bank staff said her account had been hacked.',
    );
    expect(result.relevant).toBe(true);
    expect(result.tactics).toContain('bank-transfer');
  });

  it('HMRC impersonation demanding gift cards is relevant', () => {
    const result = relevant('Callers pretending to be from HMRC told a Derby man he owed tax and made him buy £900 of gift cards.');
    expect(result.relevant).toBe(true);
    expect(result.impersonated).toEqual(['hmrc']);
    expect(result.claimedAs).toEqual(['HMRC']);
  });

  it.each([
    ['burglary of jewellery from an elderly woman', 'Jewellery was stolen in a burglary at the home of a woman in her 90s in Luton. Entry was forced through a back door.'],
    ['romance fraud', 'A widow from Bath lost £30,000 to a romance scam after meeting a man on a dating site who asked for money for flights.'],
    ['crypto investment fraud', 'A man lost his savings in a cryptocurrency investment scam promising high returns through a trading platform.'],
    ['a road collision', 'Two people were taken to hospital after a collision between a car and a van in Wigan on Sunday.'],
    ['rogue roofers', 'Rogue traders charged an elderly man £8,000 for roof repairs. The roofers demanded cash before leaving.'],
    ['a missing person appeal', 'Police are concerned for the welfare of a missing man, 81, from Hull who was last seen on Friday.'],
    [
      'advice that only mentions what police never ask',
      'Police will never ask for your PIN or bank details. Never hand your card to a courier. If you are asked to withdraw cash, hang up.',
    ],
  ])('%s is not relevant, and the reasons say why', (_kind, text) => {
    const result = relevant(text);
    expect(result.relevant).toBe(false);
    expect(result.score).toBeLessThan(0.5);
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it('names the other topic in its reasons', () => {
    const result = relevant('A burglar broke into a house in Stoke and took jewellery and cash from an elderly couple.');
    expect(result.reasons).toContain('about a burglary');
  });

  it('uses the title as part of the text', () => {
    const withTitle = analyzeText('She handed her cards to a courier later that day.', {
      title: 'Fake police officers trick Wrexham woman out of her bank cards',
    });
    expect(withTitle.relevant).toBe(true);
  });
});
