import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/detect/analyze.ts';
import { findImpersonated } from '../../../src/core/detect/impersonated.ts';
import { analyzeForSpates } from '../../../src/core/detect/screen-article.ts';
import { classifySentence } from '../../../src/core/detect/sentence-kind.ts';
import { gbGazetteer } from '../../../src/core/geo/gazetteer-gb.ts';

const segment = (text: string) => ({ text, paragraph: 0, bullet: false });

/** The same sentence with the claimed identity in each kind of quotation mark, and without. */
const QUOTE_MARKS: [string, string][] = [
  ['"', '"'],
  ['“', '”'],
  ["'", "'"],
  ['‘', '’'],
];
const quotedForms = (before: string, claim: string, after: string) =>
  QUOTE_MARKS.map(([open, close]) => `${before}${open}${claim}${close}${after}`);

describe('a claimed identity in quotation marks is the same impersonation as without', () => {
  const cases: { before: string; claim: string; after: string; impersonated: string[]; claimedAs: string[] }[] = [
    { before: 'A pensioner in Witham lost £6,000 after a caller who said he was ', claim: 'DC Smith from the Met', after: ' told her to withdraw cash for a courier.', impersonated: ['police'], claimedAs: ['Metropolitan Police', 'DC Smith'] },
    { before: 'A man in Leeds lost £3,000 after a caller who gave his name as ', claim: 'Detective Inspector Brown', after: ' told him to draw out cash for a courier.', impersonated: ['police'], claimedAs: ['Detective Inspector Brown'] },
    { before: 'A woman in Hull was rung by a man who said she was ', claim: 'DS Jones', after: ' and she handed £2,000 to a courier.', impersonated: ['police'], claimedAs: ['DS Jones'] },
    { before: 'An 81-year-old in Ealing was phoned by a man calling himself ', claim: 'PC Wilson from Hammersmith', after: ' and gave £5,000 in cash to a courier.', impersonated: ['police'], claimedAs: ['PC Wilson'] },
    { before: 'A widow in Ipswich was conned out of £9,000 by a man claiming to be ', claim: 'a detective from the Met', after: ' who sent a courier for the cash.', impersonated: ['police'], claimedAs: ['Metropolitan Police'] },
    { before: 'A retired teacher in Derby handed £4,500 to a courier after a caller posing as ', claim: 'Sergeant Lee of Derbyshire Police', after: ' rang her.', impersonated: ['police'], claimedAs: ['Derbyshire Police', 'Sergeant Lee'] },
    { before: 'A man in Bath was rung by someone who introduced himself as ', claim: 'Inspector Hart', after: ' and he withdrew £7,000 for a courier.', impersonated: ['police'], claimedAs: ['Inspector Hart'] },
    { before: 'A woman in Crewe lost £2,500 to a caller pretending to be ', claim: 'DC Ward', after: ' who sent a courier to her home.', impersonated: ['police'], claimedAs: ['DC Ward'] },
    { before: 'A courier collected £900 from a woman in Hull after a caller who claimed he was ', claim: 'a police officer', after: ' rang her.', impersonated: ['police'], claimedAs: [] },
    { before: 'A man in Hull handed his cards to a courier after a caller identified himself as ', claim: 'an investigator from HSBC', after: ' on the phone.', impersonated: ['bank'], claimedAs: ['HSBC'] },
    { before: 'A man in Luton was rung by a caller claiming to be ', claim: 'from Barclays fraud team', after: ' and moved £8,000 into a safe account.', impersonated: ['bank'], claimedAs: ['Barclays'] },
    { before: 'A man in Hull was rung by a woman who said she was ', claim: 'from HMRC', after: ' and told to withdraw £2,000 for a courier.', impersonated: ['hmrc'], claimedAs: ['HMRC'] },
  ];

  for (const { before, claim, after, impersonated, claimedAs } of cases) {
    it(`${before.trim().split(' ').slice(-3).join(' ')} "${claim}": relevant, ${impersonated.join(', ')}, named ${claimedAs.join(', ')}`, () => {
      const plain = analyzeText(`${before}${claim}${after}`);
      expect(plain.relevant).toBe(true);
      for (const text of quotedForms(before, claim, after)) {
        const quoted = analyzeText(text);
        expect(quoted.relevant, text).toBe(true);
        expect(quoted.impersonated, text).toEqual(impersonated);
        expect(quoted.claimedAs, text).toEqual(claimedAs);
        expect(quoted.score, text).toBe(plain.score);
        expect(quoted.tactics, text).toEqual(plain.tactics);
      }
    });
  }

  it('an officer "of" a named force keeps the force and the officer apart, quoted or not', () => {
    for (const text of ['A caller said he was PC Wilson of the City of London Police and a courier took £900.', ...quotedForms('A caller said he was ', 'PC Wilson of the City of London Police', ' and a courier took £900.')]) {
      expect(findImpersonated(text), text).toEqual({ impersonated: ['police'], claimedAs: ['City of London Police', 'PC Wilson'] });
    }
  });

  it('the base a named officer claimed is no place of the incident, quoted or not', () => {
    const gazetteer = gbGazetteer();
    const texts = [
      'A woman in Hull was rung by a man calling himself PC Wilson from Hammersmith and handed £2,000 to a courier.',
      ...quotedForms('A woman in Hull was rung by a man calling himself ', 'PC Wilson from Hammersmith', ' and handed £2,000 to a courier.'),
      ...quotedForms('A caller said he was ', 'DS Jones of Brixton', ' and a woman in Leeds lost £900 to a courier.'),
    ];
    for (const text of texts) {
      const places = analyzeText(text, { gazetteer }).places.map((place) => place.name);
      expect(places, text).toHaveLength(1);
      expect(places[0], text).toMatch(/^(?:Hull|Leeds)$/);
    }
  });

  it('a comma inside the quotes does not cut the claim short', () => {
    for (const text of quotedForms('A caller who said he was ', 'DC Smith, from the Met', ' told her to withdraw £3,000 for a courier.')) {
      expect(findImpersonated(text), text).toEqual({ impersonated: ['police'], claimedAs: ['Metropolitan Police', 'DC Smith'] });
    }
  });

  it('"your bank" in the caller\'s quoted words tells an incident, not advice to the reader', () => {
    for (const text of quotedForms('A woman in Hull was rung by a man claiming to be ', 'from the fraud team at your bank', ' and handed £2,000 to a courier.')) {
      expect(classifySentence(segment(text)), text).toBe('narrative');
      const result = analyzeText(text);
      expect(result.relevant, text).toBe(true);
      expect(result.impersonated, text).toEqual(['bank']);
    }
    expect(findImpersonated("She was rung by a man claiming to be 'from the fraud team at your bank'.").impersonated).toEqual(['bank']);
  });

  it('a bank team named in scare quotes after "from" is that bank impersonated', () => {
    for (const text of quotedForms('A woman in Hull had a call from ', 'Barclays fraud team', ' and gave her card to a courier.')) {
      expect(findImpersonated(text), text).toEqual({ impersonated: ['bank'], claimedAs: ['Barclays'] });
      expect(analyzeText(text).relevant, text).toBe(true);
    }
    for (const text of quotedForms('A man in Hull handed £900 to a courier after a call from ', "the bank's fraud department", '.')) {
      expect(findImpersonated(text), text).toEqual({ impersonated: ['bank'], claimedAs: [] });
      expect(analyzeText(text).relevant, text).toBe(true);
    }
  });

  it('the reported article passes the watcher\'s pre-check and reaches spates as relevant', () => {
    const text =
      'Witham widow loses £4,000. A woman in Witham lost £4,000 after a caller who said he was "DC Smith from the Met" told her to withdraw cash, which a courier collected.';
    const result = analyzeForSpates(text);
    expect(result.relevant).toBe(true);
    expect(result.impersonated).toEqual(['police']);
    expect(result.claimedAs).toEqual(['Metropolitan Police', 'DC Smith']);
  });
});

describe('what quotation marks still do not mean', () => {
  it('a quoted feeling or remark after "said she was" is no claimed identity', () => {
    for (const text of quotedForms('A woman in Hull said she was ', 'terrified', ' when a courier came for £2,000 of her savings.')) {
      expect(findImpersonated(text), text).toEqual({ impersonated: [], claimedAs: [] });
    }
    expect(findImpersonated('Detective Sergeant Lee said she was \'appalled\' by the fraud.')).toEqual({ impersonated: [], claimedAs: [] });
  });

  it('a real name given on arrest is nobody impersonated', () => {
    expect(findImpersonated('The defendant gave his name as "John Smith" when arrested.')).toEqual({ impersonated: [], claimedAs: [] });
  });

  it('scare quotes keep their meaning: a "police officer" is a fake one, a quoted "safe account" is no official', () => {
    expect(findImpersonated('She gave £800 to a "police officer" at the door.').impersonated).toEqual(['police']);
    expect(findImpersonated('She was told to put the cash in a "safe account" at her bank.').impersonated).toEqual([]);
    expect(findImpersonated("He was told to 'Keep it secret' by the caller.").impersonated).toEqual([]);
  });

  it('advice that quotes the claim stays advice', () => {
    expect(classifySentence(segment("Anyone claiming to be 'from your bank' is a fraudster."))).toBe('advice');
    expect(classifySentence(segment('Calls from "your bank" asking for PINs should be reported.'))).toBe('advice');
    expect(analyzeText("Anyone claiming to be 'from your bank' and asking for cash is a fraudster. Hang up and call 159.").relevant).toBe(false);
  });
});
