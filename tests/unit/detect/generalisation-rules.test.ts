import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/detect/analyze.ts';
import { findCounts } from '../../../src/core/detect/counts.ts';
import { findImpersonated } from '../../../src/core/detect/impersonated.ts';
import { findPlaces } from '../../../src/core/detect/places.ts';
import { classifySentence, narrativeTail } from '../../../src/core/detect/sentence-kind.ts';
import { findTactics } from '../../../src/core/detect/tactics.ts';
import { gbGazetteer } from '../../../src/core/geo/gazetteer-gb.ts';

const gazetteer = gbGazetteer();
const tacticsOf = (text: string) => findTactics(text).tactics;
const placesIn = (text: string) => findPlaces(text, { gazetteer }).map((place) => place.name);
const segment = (text: string) => ({ text, paragraph: 0, bullet: false });

describe('advice sentences that also tell of an incident', () => {
  it('keeps what follows "after" as narrative', () => {
    const sentence = segment('Pensioners in Ashford are urged to stay alert after a spate of calls from fraudsters posing as bank staff.');
    expect(classifySentence(sentence)).toBe('advice');
    expect(narrativeTail(sentence)?.text).toMatch(/^a spate of calls from fraudsters posing as bank staff/);
  });

  it('judges such an article relevant and names the bank', () => {
    const result = analyzeText(
      'Older people in Ashford are being urged to be careful after a rise in calls from fraudsters pretending to be bank staff.\n\n' +
        'One man was talked into moving £9,000 into a so-called safe account.',
    );
    expect(result.relevant).toBe(true);
    expect(result.impersonated).toEqual(['bank']);
  });

  it('has no narrative tail when "after" leads to more advice', () => {
    expect(narrativeTail(segment('Never hand over cash after a call from someone you do not know.'))).toBeUndefined();
  });
});

describe('a victim who tried to ring 999 is not advice', () => {
  it('finds the line held open', () => {
    expect(tacticsOf('The caller kept the line open when the victim tried to ring 999.')).toContain('line-held-open');
    expect(tacticsOf('He tried to call 999, but the line had been held open and the fraudster answered.')).toContain('line-held-open');
  });

  it('still treats "call 999" on its own as advice', () => {
    expect(classifySentence(segment('Call 999 if a courier is on the way.'))).toBe('advice');
  });
});

describe('impersonation phrasings and organisations', () => {
  it.each([
    ['A caller claiming to work for HSBC rang her twice.', 'bank', 'HSBC'],
    ['A man who said he worked for TSB asked for her card.', 'bank', 'TSB'],
    ['A man calling himself Detective Constable Price phoned the pensioner.', 'police', 'Detective Constable Price'],
    ['Callers claiming to be from Ofcom said her line would be cut off.', 'other-official', 'Ofcom'],
    ['Fraudsters impersonating officers from Police Scotland said her savings were at risk.', 'police', 'Police Scotland'],
  ])('%s → %s, %s', (sentence, category, name) => {
    expect(findImpersonated(sentence).impersonated).toContain(category);
    expect(findImpersonated(sentence).claimedAs).toContain(name);
  });

  it('still leaves out the force that reports the scam', () => {
    expect(findImpersonated('A woman was called by a man posing as a detective, Police Scotland said.')).toEqual({ impersonated: ['police'], claimedAs: [] });
  });

  it('a named bank counts as an official for relevance', () => {
    const result = analyzeText('Officers have had reports of calls from someone pretending to be from Santander. A courier then collects the card.');
    expect(result.relevant).toBe(true);
  });
});

describe('handovers and collections', () => {
  it('theft by burglars is not a handover', () => {
    expect(tacticsOf('Burglars forced a back door and took rings, a necklace and cash from the bedroom.')).toEqual([]);
  });

  it.each([
    'A man later arrived at her door and took the cash away in a carrier bag.',
    'She handed £3,000 to a "detective" who came to her flat.',
    'The money was collected from his home the next morning.',
    'She was told to leave the envelope on her doorstep.',
    'He was asked to put the cards in a bag to be picked up.',
  ])('courier collection: %s', (sentence) => {
    expect(tacticsOf(sentence)).toContain('courier-collection');
  });

  it('"courier fraud" as the scam\'s name is not a courier sent', () => {
    expect(tacticsOf('The force held a meeting about courier fraud in the village hall.')).not.toContain('courier-collection');
  });

  it('a valuable named in one sentence and handed over as "it" in the next', () => {
    expect(tacticsOf('She was told to buy a gold necklace. She then handed it to a driver.')).toContain('valuables-handover');
    expect(tacticsOf('She was told to withdraw £500. She then handed it to a driver.')).not.toContain('valuables-handover');
  });
});

describe('secrecy phrasings', () => {
  it.each([
    'He was told to keep the matter confidential.',
    'She was told that a cashier at her local branch was under investigation.',
  ])('%s', (sentence) => {
    expect(tacticsOf(sentence)).toContain('secrecy');
  });
});

describe('talks about how the scam works', () => {
  it('are not an incident', () => {
    const result = analyzeText('Volunteers visited a lunch club in Bicester. Members heard how fraudsters pose as police officers to get cash.');
    expect(result.relevant).toBe(false);
  });
});

describe('places', () => {
  it('a name after "An" at the start of a sentence', () => {
    expect(placesIn('An Inverness pensioner lost £8,000 to the fraud.')).toContain('Inverness');
  });

  it('a place before a weekday is not joined to it', () => {
    expect(placesIn('A woman in Gorebridge on Friday morning was called.')).toContain('Gorebridge');
  });

  it('a place after "in" followed by "said" is kept', () => {
    expect(placesIn('Officers in Dundee said the calls came in the evening.')).toContain('Dundee');
  });

  it('who the fraudster claimed to be, or where he claimed to be based, is not a place', () => {
    expect(placesIn('A woman in Wrexham was called by men claiming to be from Ofcom.')).toEqual(['Wrexham']);
    expect(placesIn('A man in Rhyl was called by a detective from Manchester.')).toEqual(['Rhyl']);
    expect(placesIn('Scammers pretending to be from HM Revenue and Customs rang a man in Perth.')).toEqual(['Perth']);
  });
});

describe('counts', () => {
  it('"people got calls" counts those targeted', () => {
    expect(findCounts('Eleven people in Keswick got calls from the fake detective.').targeted).toBe(11);
  });
});

describe('more phrasings', () => {
  it('"must not discuss it" is secrecy', () => {
    expect(tacticsOf('He was told he must not discuss the investigation with his daughter.')).toContain('secrecy');
  });

  it('reading out any kind of code is a PIN request', () => {
    expect(tacticsOf('She read the gift card codes to the caller.')).toContain('pin-request');
  });

  it('posting her cards is sending by post', () => {
    expect(tacticsOf('He told her to post her bank cards to a London address.')).toContain('post');
  });

  it('handing something to a man at the door is a collection', () => {
    expect(tacticsOf('She gave her rings to a man at her door.')).toContain('courier-collection');
  });

  it('the present-tense "the caller says they are a police officer" is impersonation', () => {
    expect(findImpersonated('In each case the caller says they are a police officer and asks for cash.').impersonated).toEqual(['police']);
  });

  it('"officers from the National Crime Agency" are that agency, not police', () => {
    expect(findImpersonated('Men posing as officers from the National Crime Agency called him.')).toEqual({ impersonated: ['police'], claimedAs: ['National Crime Agency'] });
    expect(findImpersonated('Men posing as police and the National Crime Agency called him.')).toEqual({ impersonated: ['police'], claimedAs: ['National Crime Agency'] });
  });

  it('a town or borough\'s own police speak for where it happened; a county\'s do not', () => {
    expect(placesIn('A woman lost £5,000. Lambeth police said the courier was in his twenties.')).toContain('Lambeth');
    expect(placesIn('A woman in Andover lost £5,000, Hampshire police said.')).toEqual(['Andover']);
  });

  it('"half a dozen residents targeted" counts those targeted; "two residents called police" does not', () => {
    expect(findCounts('Half a dozen residents targeted since Friday.').targeted).toBe(6);
    expect(findCounts('Two residents hung up and called police.').targeted).toBeUndefined();
  });
});

describe('round of phrasings from press-release quotes and other officials', () => {
  it('a colleague who would come to the house, and money collected later, are collections', () => {
    expect(tacticsOf('She was told to hand the cash to a colleague who would come to her house.')).toContain('courier-collection');
    expect(tacticsOf('The cards were later collected.')).toContain('courier-collection');
  });

  it('"the fraudsters stayed on the line" is the line held open', () => {
    expect(tacticsOf('When she hung up to ring her bank, the fraudsters stayed on the line.')).toContain('line-held-open');
  });

  it('the Department for Work and Pensions counts as an official for relevance', () => {
    const result = analyzeText('Callers pretending to be from the Department for Work and Pensions told a man in Louth to pay £600 in cash. A courier collected it.');
    expect(result.relevant).toBe(true);
    expect(result.impersonated).toEqual(['other-official']);
    expect(result.claimedAs).toEqual(['DWP']);
  });

  it('"customers say they are worried" is not someone claiming to be someone', () => {
    const result = analyzeText('Customers in Tenby say they are worried about getting cash after the bank branch closes.');
    expect(result.relevant).toBe(false);
  });

  it('"Bank of Scotland" names a bank, not a place', () => {
    expect(placesIn('A woman in Inverurie was called by someone claiming to be from Bank of Scotland.')).toEqual(['Inverurie']);
  });

  it('everyday short forms of official names are found', () => {
    expect(placesIn('A man from Southend lost £2,000.')).toEqual(['Southend']);
    expect(gazetteer.lookup('Clacton')?.name).toBe('Clacton-on-Sea');
  });
});

describe('phrasings from longer local reports and alerts', () => {
  it('"draw out" and "take the cash out" are withdrawals', () => {
    expect(tacticsOf('She was persuaded to draw out £6,000 from her account.')).toContain('cash-withdrawal');
    expect(tacticsOf('He told her to take the cash out and wait at home.')).toContain('cash-withdrawal');
  });

  it('"send someone to collect the card" is a collection', () => {
    expect(tacticsOf('They then send someone to collect the card.')).toContain('courier-collection');
  });

  it('"by bank transfer" is a transfer', () => {
    expect(tacticsOf('He asked her to pay a £300 fee by bank transfer.')).toContain('bank-transfer');
  });

  it('Action Fraud and other listed officials count for relevance', () => {
    const result = analyzeText('A man in Ross-on-Wye was called by someone claiming to be from Action Fraud. He paid £250 by bank transfer.');
    expect(result.relevant).toBe(true);
    expect(result.impersonated).toEqual(['other-official']);
    expect(result.claimedAs).toEqual(['Action Fraud']);
  });

  it('a police officer "investigating their bank" impersonated police only', () => {
    expect(findImpersonated('A caller said he was a police officer investigating their bank.').impersonated).toEqual(['police']);
    expect(findImpersonated("Fraudsters posing as his bank's fraud department called him.").impersonated).toEqual(['bank']);
  });

  it('"stole £400,000 from 61 victims" counts the victims', () => {
    expect(findCounts('They stole more than £400,000 from 61 victims.').victims).toBe(61);
  });
});

describe('purchases beyond gold, codes given, cover stories, doorstep takings', () => {
  it.each(['She was told to buy three iPhones.', 'He was asked to buy £200 of Google Play cards.', 'She bought two laptops for the "investigation".'])(
    'a high-value purchase: %s',
    (sentence) => {
      expect(tacticsOf(sentence)).toContain('high-value-purchase');
    },
  );

  it('phones handed to a courier are valuables handed over', () => {
    expect(tacticsOf('She bought two iPhones and handed them to a courier.')).toEqual(expect.arrayContaining(['valuables-handover', 'courier-collection']));
  });

  it('"give the caller the codes" is a PIN or code request', () => {
    expect(tacticsOf('He was asked to give the caller the voucher codes.')).toContain('pin-request');
  });

  it('a cover story for the bank is secrecy', () => {
    expect(tacticsOf('She was told to say the money was for a new kitchen.')).toContain('secrecy');
    expect(tacticsOf('He was told to tell staff it was for building work.')).toContain('secrecy');
  });

  it('bogus officers who "left with" the cash collected it', () => {
    expect(tacticsOf('The two men left with £900 in cash.')).toContain('courier-collection');
  });
});

describe('scare quotes, transfers of sums, posting "it", officers of other services', () => {
  it('a rank or office in scare quotes is someone pretending', () => {
    expect(findImpersonated('Three calls today from "DS Patel" asking people to withdraw cash.')).toEqual({ impersonated: ['police'], claimedAs: ['DS Patel'] });
    expect(findImpersonated('She gave £800 to a "bank manager" at the door.').impersonated).toEqual(['bank']);
    // Only a quote right after "from", "by", "to", "a" or "an" is scare quotes; a name quoted after other words is not.
    expect(findImpersonated('Detectives named "DS Patel" as the officer in charge.')).toEqual({ impersonated: [], claimedAs: [] });
    expect(findImpersonated('A man said "DS Patel" had asked for cash.')).toEqual({ impersonated: [], claimedAs: [] });
  });

  it('"transferred £27,000" is a transfer', () => {
    expect(tacticsOf('He transferred £27,000 in three payments.')).toContain('bank-transfer');
  });

  it('"post it to an address" is sending by post', () => {
    expect(tacticsOf('She was told to put her card in an envelope and post it to an address in Leeds.')).toContain('post');
  });

  it('a romance fraudster who posed as an army officer is not courier fraud', () => {
    const result = analyzeText('A man who posed as an army officer to con women he met online out of £90,000 has been jailed.');
    expect(result.relevant).toBe(false);
  });
});

describe('collections told from the collector\'s side, and callers from a department', () => {
  it('a man who collected cash from a woman is a collection', () => {
    expect(tacticsOf('Police want to trace a man who collected £4,000 in cash from a pensioner.')).toContain('courier-collection');
  });

  it('gold "collected by a man in a silver car" is a collection', () => {
    expect(tacticsOf('She bought gold, which was collected by a man in a silver car.')).toContain('courier-collection');
  });

  it('"said he worked in the bank\'s fraud department" names the bank', () => {
    const result = analyzeText("A man in Colchester had a call from someone who said he worked in the bank's fraud department. He shared a one-time passcode.");
    expect(result.impersonated).toEqual(['bank']);
    expect(result.relevant).toBe(true);
  });
});

describe('"officers from the force"', () => {
  it('names the force the sentence reports from', () => {
    expect(findImpersonated('Cumbria Police said two men were called by people pretending to be officers from the force.')).toEqual({ impersonated: ['police'], claimedAs: ['Cumbria Police'] });
  });

  it('stays plain police when no force is named', () => {
    expect(findImpersonated('Two men were called by people pretending to be officers from the force.')).toEqual({ impersonated: ['police'], claimedAs: [] });
  });
});

describe('tenth round: quoted bank names, negated line clearing, posted sums, handing to a man', () => {
  it('a bank name in scare quotes is someone pretending to be that bank', () => {
    expect(findImpersonated('She had a suspicious call from "Barclays" on Monday.')).toEqual({ impersonated: ['bank'], claimedAs: ['Barclays'] });
  });

  it('"the line had not been cleared" is the line held open, though it is a negation', () => {
    expect(tacticsOf('She rang her bank, but the line had not been cleared.')).toContain('line-held-open');
    expect(tacticsOf('The fraudsters did not hang up, so she was still on the line to them.')).toContain('line-held-open');
  });

  it('posting a sum of cash is sending by post', () => {
    expect(tacticsOf('He posted £2,500 in cash to a London address.')).toContain('post');
  });

  it('"keep the matter to herself" is secrecy', () => {
    expect(tacticsOf('She was told to keep the matter to herself.')).toContain('secrecy');
  });

  it('handing jewellery to a man is a collection', () => {
    expect(tacticsOf('She handed her rings to a man for safekeeping.')).toContain('courier-collection');
  });

  it('"police have said" after the clause is not who was impersonated', () => {
    const result = analyzeText('A man posing as a charity collector took cash from residents in Exeter, police have said.');
    expect(result.relevant).toBe(false);
  });
});

describe('eleventh round: top secret operations, photos of gift cards, TV Licensing, residents contacted', () => {
  it('"the operation was top secret" is secrecy', () => {
    expect(tacticsOf('Each time she was told the operation was top secret.')).toContain('secrecy');
  });

  it('sending photos of gift cards gives away their codes', () => {
    expect(tacticsOf('She bought £500 of vouchers and sent photos of them to the caller.')).toContain('pin-request');
  });

  it('TV Licensing is an official fraudsters pretend to be', () => {
    expect(findImpersonated('A man who said he was from TV Licensing called her.')).toEqual({ impersonated: ['other-official'], claimedAs: ['TV Licensing'] });
  });

  it('"17 residents contacted" counts those targeted, "two residents contacted police" does not', () => {
    expect(findCounts('There were calls with 17 residents contacted in Bow.').targeted).toBe(17);
    expect(findCounts('Two residents contacted police at once.').targeted).toBeUndefined();
  });
});

describe('twelfth round: valuables left outside to be taken', () => {
  it('watches left in a bag by the garden gate were handed over and collected', () => {
    expect(tacticsOf('She bought two watches on the instructions of the caller, and left them in a bag by her garden gate.')).toEqual(
      expect.arrayContaining(['high-value-purchase', 'valuables-handover', 'courier-collection']),
    );
  });
});
