import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/detect/analyze.ts';
import { gbGazetteer } from '../../../src/core/geo/gazetteer-gb.ts';

const gazetteer = gbGazetteer();
const analyse = (text: string) => {
  const analysis = analyzeText(text, { gazetteer });
  return { ...analysis, places: analysis.places.map((place) => place.name) };
};

// Whole short articles written for this test in the manner of local reports, none built from a real one: the rules
// for each fault kind must hold together on text they were not tuned on.
describe('short articles in the manner of real local reports', () => {
  it('a cover story "if anyone asked" and silence towards family', () => {
    const result = analyse(
      'A Kettering man in his eighties has lost £18,000 after a call from someone claiming to be a detective from the Met.\n\n' +
        'The caller told him staff at his bank in Northampton were stealing from customers. He was told to withdraw cash and say it was for a new car if anyone asked.\n\n' +
        'A courier arrived at his home later that day to collect the money. He was told not to tell his daughter.',
    );
    expect(result).toMatchObject({ relevant: true, impersonated: ['police'], claimedAs: ['Metropolitan Police'], places: ['Kettering'] });
    expect(result.tactics).toEqual(['cash-withdrawal', 'courier-collection', 'secrecy']);
    expect(result.counts).toMatchObject({ victims: 1, lossGBP: 18000 });
  });

  it('a spate across villages, cards cloned "in" a city of the story, and what fraudsters often do', () => {
    const result = analyse(
      'North Wales Police has received 14 reports of calls to elderly residents in Pwllheli, Criccieth and Porthmadog.\n\n' +
        "In each case the caller claimed to be from the force's fraud team and said the victim's card had been cloned in Liverpool. Two people handed their bank cards to a taxi driver after giving their PINs.\n\n" +
        'Officers say fraudsters often ask victims to ring 101 to check, but keep the line open.',
    );
    expect(result.places).toEqual(['Pwllheli', 'Criccieth', 'Porthmadog']);
    expect(result.tactics).toEqual(['pin-request', 'card-handover', 'courier-collection', 'line-held-open']);
    expect(result.counts).toMatchObject({ reports: 14, victims: 2 });
  });

  it('the tax-arrest call, with the numbers the calls came from left out', () => {
    const result = analyse(
      'Residents in Barnsley are being warned about automated calls telling them they owe tax and will be arrested unless they pay immediately. ' +
        'One woman, in her sixties, paid £2,400 in gift cards. Police said the calls came from numbers in Manchester.',
    );
    expect(result).toMatchObject({ relevant: true, impersonated: ['hmrc'], places: ['Barnsley'] });
    expect(result.counts).toMatchObject({ victims: 1, lossGBP: 2400 });
  });

  it('a sentencing report: victims\' towns kept, the defendant\'s home and the court left out', () => {
    const result = analyse(
      'A man from Croydon has been jailed for collecting cash from elderly victims in Epsom, Reigate and Woking.\n\n' +
        'Guildford Crown Court heard that victims were rung by men posing as police officers. They were persuaded to withdraw thousands of pounds, which the defendant collected from their homes.\n\n' +
        'Seven victims lost a total of £86,000.',
    );
    expect(result).toMatchObject({ relevant: true, places: ['Epsom', 'Reigate', 'Woking'] });
    expect(result.tactics).toEqual(['cash-withdrawal', 'courier-collection']);
    expect(result.counts).toMatchObject({ victims: 7, lossGBP: 86000 });
  });

  it('bogus officers taking jewellery "for safekeeping" because of burglars is courier fraud, not a burglary', () => {
    const result = analyse(
      'A couple in their nineties from Deal were visited by two men claiming to be police officers, who said they needed to take the jewellery for safekeeping as burglars were about. ' +
        'The men left with rings and a watch worth £6,000.',
    );
    expect(result.relevant).toBe(true);
    expect(result.tactics).toContain('valuables-handover');
  });

  it('a package to be taken "to London" by taxi names only the victim\'s town; "bank notes" are no bank', () => {
    const result = analyse(
      "A taxi driver in Truro was asked to collect a package from an elderly woman's home and take it to London. " +
        'She had been told by a man pretending to be a police officer that her bank notes were fake.',
    );
    expect(result).toMatchObject({ impersonated: ['police'], places: ['Truro'] });
  });

  it('a broadband-provider remote-access call is not relevant', () => {
    const result = analyse(
      'People in Shrewsbury are being warned after callers claiming to be from their internet provider said their router had been hacked. ' +
        'Victims were asked to download software which let the caller into their computer and online banking. One man lost £1,800.',
    );
    expect(result.relevant).toBe(false);
  });

  it('a bank-fraud-team caller whose "colleague would call round" for the card', () => {
    const result = analyse(
      "A woman in Omagh was called by a man who said he was from her bank's fraud department. He said her card had been used in London and that a colleague would call round for it. " +
        'A man arrived an hour later and she gave him her card and PIN.',
    );
    expect(result).toMatchObject({ relevant: true, impersonated: ['bank'], places: ['Omagh'] });
    expect(result.tactics).toEqual(['pin-request', 'card-handover', 'courier-collection']);
    expect(result.counts.victims).toBe(1);
  });

  it('a scams talk, a tax-refund email and an investment loss are not courier fraud', () => {
    expect(analyse('Officers visited a community centre in Ludlow to explain how courier fraudsters may pretend to be police and ask for bank cards.').relevant).toBe(false);
    expect(analyse('Emails that claim to come from HMRC offer a tax refund and ask for bank card details.').relevant).toBe(false);
    expect(analyse('A Kendal man lost £60,000 after a man he met online persuaded him to invest in cryptocurrency.').relevant).toBe(false);
  });
});
