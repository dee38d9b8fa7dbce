import { describe, expect, it } from 'vitest';
import { findTactics } from '../../../src/core/detect/tactics.ts';

const tacticsOf = (text: string) => findTactics(text).tactics;

// Tactic phrasings seen on real reports, in short texts written for these tests.
describe('what fraudsters typically do counts; advice, negation and the courier password do not', () => {
  it('takes a description of how the callers work, even in general words', () => {
    expect(tacticsOf('The caller will usually ask for the card number and PIN.')).toContain('pin-request');
    expect(tacticsOf('Fraudsters may even ask people to leave their bank card under the doormat.')).toContain('card-handover');
    expect(tacticsOf('Victims are then told to hand over money to a courier, who will typically come to their home.')).toContain('courier-collection');
  });

  it('takes the reason an advice sentence gives about the fraudsters', () => {
    expect(tacticsOf('Wait five minutes before calling the bank, as fraudsters can stay on the line after you hang up.')).toEqual(['line-held-open']);
    expect(tacticsOf('Make sure you can hear a dial tone, as there have been cases of fraudsters keeping the line open.')).toEqual(['line-held-open']);
  });

  it('leaves out advice and what the public is warned not to do', () => {
    expect(tacticsOf('Police and banks would never ask for your PIN or send a courier to collect your card.')).toEqual([]);
    expect(tacticsOf('Residents are being warned not to give out their PIN or hand bank cards to a taxi driver.')).toEqual([]);
  });

  it('a password agreed for the courier, or a PIN said to be compromised, is no PIN request', () => {
    expect(tacticsOf('She was given a password to say to the courier when he arrived.')).not.toContain('pin-request');
    expect(tacticsOf('He said her PIN had been compromised and told her to choose a new password.')).not.toContain('pin-request');
    expect(tacticsOf('The caller asked for her PIN and her online banking password.')).toContain('pin-request');
  });
});

describe('line-held-open: the victim is sent to 999, 101, 161 or the bank on a line the fraudsters hold', () => {
  it('being told to ring 999, 101 or 161 to check is the line held open', () => {
    expect(tacticsOf('She was then told to call 999 and spoke to a fake detective.')).toContain('line-held-open');
    expect(tacticsOf('Some were invited to ring 101 to confirm the officer was genuine.')).toContain('line-held-open');
    expect(tacticsOf('He asked her to dial 161, where a woman confirmed his identity.')).toContain('line-held-open');
  });

  it('a line never cleared, a caller who stayed on, or a call put back through to them', () => {
    expect(tacticsOf("The victim calls the police but doesn't realise the caller hasn't hung up.")).toContain('line-held-open');
    expect(tacticsOf('It is thought he stayed on the phone line while she redialled.')).toContain('line-held-open');
    expect(tacticsOf('He dialled 999 but was connected back to the fraudulent caller.')).toContain('line-held-open');
    expect(tacticsOf('The line is kept open and the victim ends up talking to another fraudster.')).toContain('line-held-open');
  });
});

describe('secrecy includes cover stories and silence towards family and bank', () => {
  it('a cover story for the bank', () => {
    expect(tacticsOf('She was told what to say if the cashier asked, for example that it was for a new kitchen.')).toContain('secrecy');
    expect(tacticsOf('He told her to make up a story about why she needed the cash.')).toContain('secrecy');
  });

  it('not to let family know, not to tell anyone, not to trust bank staff', () => {
    expect(tacticsOf('Victims were told not to let their family members know about the calls.')).toContain('secrecy');
    expect(tacticsOf('Victims are often told to not tell their friends that they are helping police.')).toContain('secrecy');
    expect(tacticsOf('She was told not to trust any bank staff as they were under investigation.')).toContain('secrecy');
  });
});

describe('handovers, withdrawals and collections in other words', () => {
  it('drawing the money out again, emptying the account', () => {
    expect(tacticsOf('He asked her to draw it out again so it could be checked.')).toContain('cash-withdrawal');
    expect(tacticsOf('She was persuaded to empty her bank account.')).toContain('cash-withdrawal');
  });

  it('a watch "which was later collected by" a man is a collection', () => {
    expect(tacticsOf('She bought a Rolex, which was later collected by a man claiming to be an officer.')).toContain('courier-collection');
  });

  it('cards left in a post box, cash sent via post, high-value items to a courier', () => {
    expect(tacticsOf('They asked her to leave her bank card in the post box outside.')).toContain('card-handover');
    expect(tacticsOf('The victim was asked to send the cash to an address via post.')).toContain('post');
    expect(tacticsOf('Callers convinced them to hand over cash or any other high-value items to a courier.')).toContain('valuables-handover');
  });

  it('a fraudster using the card to buy a laptop is not a purchase by the victim', () => {
    expect(tacticsOf('Victims are told someone tried to use their card to purchase a laptop.')).not.toContain('high-value-purchase');
  });
});

describe('secrecy kept from the bank, and only a parcel that is sent counts as post', () => {
  it('takes keeping the reason from bank staff as secrecy', () => {
    expect(tacticsOf('He was told to withdraw £5,000 and keep the reason secret from the cashier.')).toContain('secrecy');
    expect(tacticsOf('She was told not to tell the bank staff why she wanted the cash.')).toContain('secrecy');
  });

  it('a parcel the victim expected is not sending cash or cards by post; a parcel she posted is', () => {
    expect(tacticsOf('She had been expecting a parcel that day, so she opened the door to the man.')).not.toContain('post');
    expect(tacticsOf('She was told to send the cash in a parcel to an address in London.')).toContain('post');
  });
});
