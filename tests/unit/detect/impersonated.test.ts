import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/detect/analyze.ts';
import { findImpersonated, impliedImpersonation, readParagraph } from '../../../src/core/detect/impersonated.ts';

const categories = (text: string) => findImpersonated(text).impersonated;
const names = (text: string) => findImpersonated(text).claimedAs;

describe('who the callers pretended to be: categories', () => {
  it('a named force, the Met and plain officers are all "police"; the names are kept apart', () => {
    expect(findImpersonated('The con artists claim to be from Essex Police or the Met.')).toEqual({
      impersonated: ['police'],
      claimedAs: ['Essex Police', 'Metropolitan Police'],
    });
    expect(categories('A man posing as a detective rang her twice.')).toEqual(['police']);
    expect(names('He claimed he was from Scotland Yard and gave his name as DC Ferris.')).toEqual(['Metropolitan Police', 'DC Ferris']);
  });

  it('does not take the reporting force for the one impersonated', () => {
    expect(findImpersonated('Fraudsters posing as police officers, Hertfordshire Constabulary has warned.')).toEqual({ impersonated: ['police'], claimedAs: [] });
    expect(names('Fraudsters claiming to be from Kent Police have conned a man.')).toEqual(['Kent Police']);
    expect(names('Pensioner tricked by men pretending to be cops - Avon Police issue appeal')).toEqual([]);
  });

  it('banks, named or not, are "bank"', () => {
    expect(categories('A caller posing as bank staff said her account was at risk.')).toEqual(['bank']);
    expect(findImpersonated('A man pretending to be from Barclays called.')).toEqual({ impersonated: ['bank'], claimedAs: ['Barclays'] });
  });

  it('HMRC, named or as the tax-arrest call, is "hmrc"', () => {
    expect(findImpersonated('Callers pretending to be from HMRC demanded payment.')).toEqual({ impersonated: ['hmrc'], claimedAs: ['HMRC'] });
    expect(categories('A woman in Louth was rung and told she had unpaid tax. She was told officers would arrest her unless she paid at once.')).toEqual(['hmrc']);
    expect(categories('The recorded voice said he owed back taxes and that a warrant was out for him.')).toEqual(['hmrc']);
  });

  it('other public bodies are "other-official"; companies have no category but keep their name', () => {
    expect(categories('Callers pretending to be from the Department for Work and Pensions asked for cash.')).toEqual(['other-official']);
    expect(categories('Two men claiming to be court bailiffs took her bank card at the door.')).toEqual(['other-official']);
    expect(categories('A man posing as a council officer asked to see her savings.')).toEqual(['other-official']);
    expect(findImpersonated('A caller claiming to be from BT said the router was hacked.')).toEqual({ impersonated: [], claimedAs: ['BT'] });
  });

  it('an implied bank counts: put through to "her bank", a caller from "his branch", the replacement-card ruse', () => {
    expect(categories('A man said he was a detective. She was then put through to someone who worked for her bank.')).toEqual(['police', 'bank']);
    expect(categories('He got a call from a man saying he was ringing from his branch about a payment.')).toContain('bank');
    expect(categories('A man rang to say her card had been compromised and that a courier would collect the old one.')).toEqual(['bank']);
  });

  it('a bank as the object of the story is not impersonated', () => {
    expect(categories('A caller said he was a police officer investigating their bank.')).toEqual(['police']);
    expect(categories('Fraudsters posing as officers looking into frauds at banks near their homes rang them.')).toEqual(['police']);
    expect(categories("Fraudsters posing as his bank's fraud department called him.")).toEqual(['bank']);
    expect(categories('The courier used a password and said they were going to a bank in Leeds.')).toEqual([]);
  });

  it('a list of roles in a definition names each: police, bank and not the broadband company', () => {
    expect(categories('The caller purports to be a police officer, a member of staff from their bank, or someone from their phone company.')).toEqual(['police', 'bank']);
  });

  it('ignores advice about who might call', () => {
    expect(findImpersonated('Be wary of anyone claiming to be a police officer or bank official.')).toEqual({ impersonated: [], claimedAs: [] });
  });

  it('the analysis carries both fields', () => {
    const analysis = analyzeText('A woman in Ely was rung by a man claiming to be DS Lane from the Met. She handed her card to a courier.');
    expect(analysis.impersonated).toEqual(['police']);
    expect(analysis.claimedAs).toEqual(['Metropolitan Police', 'DS Lane']);
  });
});

describe('the tax-arrest call told over a paragraph, read one sentence at a time', () => {
  // Each threat, cut at every space into two told sentences: reading the paragraph sentence by sentence must give what
  // testing the whole paragraph at once gives, including phrases split across the join ("... unpaid tax" + "bill ...").
  const threats = [
    'She was told she had unpaid income tax and would be arrested.',
    'The caller said there was a tax bill outstanding and she must pay at once.',
    'He owed back taxes, they said, and must pay straight away.',
    'A tax refund was due but he had to pay it now to avoid prosecution.',
    'They said she owes tax and must pay immediately.',
    'The tax arrears would mean a prosecution unless he would pay now.',
    'She had a tax debt and was told to pay what she could.',
  ];
  const wordsOf = (text: string) => text.split(' ');
  it('finds hmrc exactly when the whole paragraph shows both the tax and the threat, wherever the sentences break', () => {
    let hmrcCount = 0;
    for (const threat of threats) {
      const whole = impliedImpersonation(threat).includes('hmrc');
      if (whole) hmrcCount += 1;
      const words = wordsOf(threat);
      for (let cut = 1; cut < words.length; cut += 1) {
        const first = words.slice(0, cut).join(' ');
        const second = words.slice(cut).join(' ');
        const paragraph = readParagraph(readParagraph(undefined, first), second);
        expect(paragraph.text).toBe(` ${threat}`);
        expect(impliedImpersonation(second, paragraph).includes('hmrc'), `${first} | ${second}`).toBe(whole);
      }
    }
    // The threats are written to be found: a reading that never finds hmrc would pass the comparison above.
    expect(hmrcCount).toBe(threats.length - 1);
  });

  it('keeps a finding from an earlier sentence and adds one from a later sentence', () => {
    const first = readParagraph(undefined, 'A man rang to say she owed unpaid tax.');
    expect(impliedImpersonation('A man rang to say she owed unpaid tax.', first)).toEqual([]);
    const second = readParagraph(first, 'Officers would arrest her that afternoon.');
    expect(impliedImpersonation('Officers would arrest her that afternoon.', second)).toEqual(['hmrc']);
    const third = readParagraph(second, 'She said no.');
    expect(impliedImpersonation('She said no.', third)).toEqual(['hmrc']);
  });
});
