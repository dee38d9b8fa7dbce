import { describe, expect, it } from 'vitest';
import { findCounts } from '../../../src/core/detect/counts.ts';

// Count phrasings seen on real reports, in short texts written for these tests.
describe('victims: how many people lost money in this spate', () => {
  it('one person losing money in the story is one victim', () => {
    expect(findCounts('A man from Rugby, in his eighties, lost £4,200 after a call from a fake detective.').victims).toBe(1);
    expect(findCounts('The pensioner ended up handing over £3,000 to a courier at her door.').victims).toBe(1);
    expect(findCounts('An elderly woman was the victim of a phone scam and lost a four-figure sum.').victims).toBe(1);
  });

  it('two single victims with their own losses are two victims, and the loss is their sum', () => {
    const counts = findCounts(
      'A 79-year-old woman was persuaded to buy a watch worth £9,000. Last month another woman was conned into buying a £6,500 ring in the same way.',
    );
    expect(counts).toMatchObject({ victims: 2, lossGBP: 15500 });
  });

  it('a couple who lost money are two victims', () => {
    expect(findCounts('A couple in their seventies handed £12,000 to a man at their door.').victims).toBe(2);
  });

  it('reads numbers of victims in other verbs: scammed, defrauded, fallen foul', () => {
    expect(findCounts('Four people have been scammed out of nearly £20,000.').victims).toBe(4);
    expect(findCounts('Around eight pensioners in the town have fallen foul of the con since May.').victims).toBe(8);
    expect(findCounts('Two elderly victims were defrauded of thousands of pounds.').victims).toBe(2);
  });

  it('is none when every call failed, and unknown when others lost out', () => {
    expect(findCounts('All three refused to give any bank details and put the phone down.').victims).toBe(0);
    expect(findCounts('The calls were ended before any information was passed to the callers.').victims).toBe(0);
    expect(findCounts('Several people lost large sums. One woman became suspicious and did not lose any money.').victims).toBeUndefined();
  });

  it('"two out of the three attempts were unsuccessful" is three targeted and one victim', () => {
    expect(findCounts('Two out of the three frauds were unsuccessful, thanks to the banks.')).toMatchObject({ targeted: 3, victims: 1 });
  });

  it('someone told to buy something has not yet lost anything', () => {
    expect(findCounts('She was told to buy £900 of gift cards and read out the codes.').victims).toBeUndefined();
  });
});

describe('targeted, reports and losses for this spate only', () => {
  it('counts people targeted across a long phrase, and an ordinal "fourth pensioner"', () => {
    expect(findCounts('Three older people living in the centre of the town were contacted by a caller.').targeted).toBe(3);
    expect(findCounts('Three people were called on Friday. A fourth pensioner was called on Monday.').targeted).toBe(4);
  });

  it('reads complaints and "five of the incidents" as reports', () => {
    expect(findCounts('Since October the force has received 44 complaints of such calls.').reports).toBe(44);
    expect(findCounts('In all five of the incidents reported, no money was handed over.')).toMatchObject({ reports: 5, victims: 0 });
  });

  it('leaves out losses from earlier, related cases and losses that were stopped', () => {
    expect(findCounts('Two women were scammed out of £9,000. It follows recent cases in a nearby town, where £30,000 was taken.').lossGBP).toBe(9000);
    expect(findCounts('A cashier stopped a customer from withdrawing £7,000 after spotting the signs.').lossGBP).toBeUndefined();
  });

  it('counts the loss told after "following" in a warning', () => {
    expect(findCounts('Residents are urged to stay alert following a report in which £25,000 of gold was handed over to a courier.').lossGBP).toBe(25000);
  });
});

describe('victims named one by one after their number', () => {
  it('"two of the victims, a woman from X and a man from Y, handed over ..." is two victims', () => {
    const text = 'Two of the victims, a woman in her eighties from Tankerton and a man in his nineties from Seasalter, handed their bank cards to a courier.';
    expect(findCounts(text).victims).toBe(2);
  });
});

describe('a list of calls, and a withdrawal stopped in the next sentence', () => {
  it('counts each line of a list of calls, with where and when, as a report when no number is given', () => {
    const text = [
      'Police have had reports of these calls from people claiming to be officers:',
      '- High Street, Holt, at 9.15am on Monday: a woman was asked for her PIN. She hung up.',
      '- Melton Constable, on Tuesday afternoon: a man was told to buy gold. He refused.',
      '- Briston, at 4pm on Thursday: a woman gave her card to a courier and lost £600.',
    ].join('\n');
    expect(findCounts(text).reports).toBe(3);
  });

  it('leaves out a sum the victim was told to withdraw when the next sentence says the bank stopped it', () => {
    const text = 'A man in Diss was told to withdraw £4,000 to help an inquiry. Staff at his bank stopped the withdrawal.\n\nA woman in Harleston lost £700 to a courier.';
    expect(findCounts(text).lossGBP).toBe(700);
  });
});
