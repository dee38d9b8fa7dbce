import { describe, expect, it } from 'vitest';
import { segmentText } from '../../../src/core/detect/segment.ts';
import { classifySentence } from '../../../src/core/detect/sentence-kind.ts';
import { findTactics } from '../../../src/core/detect/tactics.ts';

const tacticsOf = (text: string) => findTactics(text).tactics;

describe('tactics: what the fraudsters did', () => {
  it.each([
    ['pin-request', 'The caller asked the victim for her PIN.'],
    ['card-handover', 'He handed over his bank cards at the door.'],
    ['cash-withdrawal', 'She was persuaded to withdraw £5,000 from her account.'],
    ['courier-collection', 'A taxi was sent to her home to collect the envelope.'],
    ['bank-transfer', 'He transferred £20,000 into a safe account.'],
    ['high-value-purchase', 'The victim was told to buy gold bars from a dealer.'],
    ['valuables-handover', 'She gave her jewellery to a man who came to the house.'],
    ['line-held-open', 'When he rang the bank back the fraudsters kept the line open.'],
    ['secrecy', 'She was told not to tell her family about the investigation.'],
    ['post', 'He was told to send the cash by post to an address in Kent.'],
  ] as const)('finds %s in a narrative sentence', (tactic, sentence) => {
    expect(tacticsOf(sentence)).toContain(tactic);
  });

  it('finds every tactic whose wording starts at the same word as another tactic\'s', () => {
    // "collected" starts both the card and the jewellery handover: both are found, not only the first listed.
    expect(tacticsOf('A man collected her bank card and her jewellery from the house.')).toEqual(['card-handover', 'courier-collection', 'valuables-handover']);
    expect(tacticsOf('He told her to buy gold bars and keep it secret, then collected the gold from her home.')).toEqual([
      'high-value-purchase',
      'valuables-handover',
      'secrecy',
    ]);
  });

  it('finds nothing in advice, however the advice is phrased', () => {
    const advice = [
      'Police will NEVER ask for your PIN or bank details over the phone.',
      'Never hand over cash or cards to a courier.',
      'If you are asked to withdraw money or buy gold, it is a scam.',
      '"Banks would never ask you to move money to a safe account," said Det Insp Jo Hale.',
      'Do not send cash by post and do not keep a call secret from your family.',
    ].join('\n\n');
    expect(tacticsOf(advice)).toEqual([]);
  });

  it('takes what the advice says fraudsters do as the reason for it (docs/design.md: typical tactics count)', () => {
    expect(tacticsOf('Remember to wait for a dial tone, as fraudsters can keep the line open.')).toEqual(['line-held-open']);
  });

  it('treats every bullet under an advice heading as advice', () => {
    const text = [
      'A man in Thetford was asked to withdraw cash.',
      '',
      'The following advice has been issued:',
      '• Fraudsters will keep the line open and play a dial tone.',
      '• A courier will never be sent to collect your card.',
    ].join('\n');
    expect(tacticsOf(text)).toEqual(['cash-withdrawal']);
  });

  it('does not count what did not happen', () => {
    expect(tacticsOf('The woman did not hand over her bank card or PIN.')).toEqual([]);
  });

  it('counts the fraudsters keeping the line open even when phrased with "do not"', () => {
    expect(tacticsOf('They suggest the victim hangs up and rings the police. But they do not disconnect the call from their end.')).toContain(
      'line-held-open',
    );
  });

  it('classifies narrative, advice and generic sentences', () => {
    const [narrative, advice, generic] = segmentText(
      'Three people in Ely were called by a fake detective on Monday. Always call back on another phone. Fraudsters may pose as bank staff.',
    );
    expect(classifySentence(narrative!)).toBe('narrative');
    expect(classifySentence(advice!)).toBe('advice');
    expect(classifySentence(generic!)).toBe('generic');
  });

  it('does not split sentences at titles or times', () => {
    const segments = segmentText('Det. Insp. Ann Lee said calls came at 10.30am. Mr. Bell agreed.');
    expect(segments.map((segment) => segment.text)).toEqual(['Det. Insp. Ann Lee said calls came at 10.30am.', 'Mr. Bell agreed.']);
  });
});
