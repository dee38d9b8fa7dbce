import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/detect/analyze.ts';

const judged = (text: string) => analyzeText(text);

// Relevance faults seen on real reports, in short articles written for these tests.
describe('relevant: impersonation of police, banks or officials to get money, cards or PINs', () => {
  it('bank impersonation that is only implied', () => {
    const swap = judged(
      'A woman in Alnwick was rung by a man who said her new card had been compromised and that a courier would collect the old one. A man came to her door and took her card. £2,000 was later taken from her account.',
    );
    expect(swap).toMatchObject({ relevant: true, impersonated: ['bank'] });
    const branch = judged('A caller saying he was ringing from her branch told a Bude pensioner to move £8,000 to a safe account, which she did.');
    expect(branch).toMatchObject({ relevant: true, impersonated: ['bank'] });
  });

  it('the tax-arrest call and court or council "officers" at the door', () => {
    const tax = judged(
      'Residents of Crewe have had automated calls saying they owe unpaid tax and that officers will arrest them unless they pay at once. One man transferred £1,500 to the callers.',
    );
    expect(tax).toMatchObject({ relevant: true, impersonated: ['hmrc'] });
    const bailiffs = judged('Two men posing as court bailiffs called at a house in Ripon and took an 80-year-old woman\'s bank cards and £300 in cash.');
    expect(bailiffs).toMatchObject({ relevant: true, impersonated: ['other-official'] });
  });

  it('a court report of courier fraudsters, and an attempt that was stopped', () => {
    expect(judged('Three men who posed as detectives to con pensioners in Bolton out of £90,000 have been jailed. Couriers collected cash from the victims\' homes.').relevant).toBe(true);
    expect(
      judged('A man claiming to be a police officer asked a woman in Frome for her PIN and said a courier would collect her card. She became suspicious and hung up.').relevant,
    ).toBe(true);
  });

  it('a definition of courier fraud alongside a local attempt still tells what happened', () => {
    const article = analyzeText(
      'Police in Bicester have received reports of calls from fake officers.\n\nWhat is courier fraud?\n\nThe fraudster may ask for your PIN, then send a courier to collect your card.',
    );
    expect(article.relevant).toBe(true);
    expect(article.tactics).toEqual(['pin-request', 'card-handover', 'courier-collection']);
  });
});

describe('not relevant, even when bank details or couriers are mentioned', () => {
  it('broadband and computer-support calls', () => {
    expect(
      judged('A man in Alcester got a call from someone claiming to be from his broadband provider, who said his computer had a virus, got him to download software and asked for his bank details.').relevant,
    ).toBe(false);
    expect(judged('Callers claiming to be from BT said a woman was owed a refund, accessed her laptop and asked her to transfer £500.').relevant).toBe(false);
  });

  it('a bogus water-board worker stealing from the house', () => {
    expect(
      judged('A bogus caller posing as a water board official gained access to the home of a 90-year-old in Consett and stole £400 while she was distracted.').relevant,
    ).toBe(false);
  });

  it('delivery-fee texts and "Hi Mum" messages', () => {
    expect(judged('Fake texts claiming to be from a parcel firm ask people to pay a small shipping fee and enter their bank card details.').relevant).toBe(false);
    expect(judged('Parents are receiving "Hi Mum" messages asking them to send money to a new bank account.').relevant).toBe(false);
  });

  it('delivery drivers whose courier vans are stolen', () => {
    expect(judged('Officers are urging couriers to be careful after two delivery vans were stolen in Cannock.').relevant).toBe(false);
  });
});
