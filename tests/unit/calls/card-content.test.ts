import { describe, expect, it } from 'vitest';
import type { CaredPerson } from '../../../src/core/calls/person.ts';
import { cardBlocks, cardContent } from '../../../src/core/cards/card-content.ts';
import { CARD_KINDS, cardKind, fontSteps } from '../../../src/core/cards/card-kinds.ts';

const person: CaredPerson = {
  id: 'p1',
  hlc: '1764000000000-0000-node',
  name: 'Joan',
  postcode: 'CO1 1AA',
  postcodeChecked: true,
  forceId: 'essex',
  phones: ['01206 000000'],
  banks: [{ name: 'Barclays', phone: '0345 734 5345' }],
  familyNumbers: [{ name: 'Sarah (daughter)', phone: '07700 900123' }],
  safeWord: 'bluebell',
};

describe('advice card content', () => {
  it('puts the person, their force, bank and family numbers and safe word on the phone-side card', () => {
    const card = cardContent('phone-side', person, { forceName: 'Essex Police' });
    expect(card.heading).toContain('Joan');
    expect(card.numbers).toContainEqual({ label: 'Check an officer with Essex Police', value: '101' });
    expect(card.numbers).toContainEqual({ label: 'Barclays', value: '0345 734 5345' });
    expect(card.numbers).toContainEqual({ label: 'Sarah (daughter)', value: '07700 900123' });
    expect(card.safeWord).toBe('bluebell');
  });

  it('leaves out the safe word when there is none, and blank numbers', () => {
    const card = cardContent('fridge', { ...person, safeWord: ' ', banks: [{ name: 'Old bank', phone: '' }] });
    expect(card.safeWord).toBeUndefined();
    expect(card.numbers.map((line) => line.label)).not.toContain('Old bank');
    expect(card.numbers.find((line) => line.value === '101')!.label).toContain('the police');
  });

  it('prints the safe word only on the card kept private beside the phone, and says why for each card', () => {
    expect(cardContent('phone-side', person).safeWord).toBe('bluebell');
    expect(cardContent('wallet', person).safeWord).toBeUndefined();
    expect(cardContent('front-door', person).safeWord).toBeUndefined();
    expect(cardContent('fridge', person).safeWord).toBeUndefined();
    expect(cardKind('wallet')!.safeWordReason).toMatch(/bank card/);
    for (const kind of CARD_KINDS) expect(kind.safeWordReason).toMatch(kind.safeWord ? /printed on this card/ : /left off/);
  });

  it('keeps every bank number on every card, and the wallet card short', () => {
    const banks = [
      { name: 'A', phone: '0800 000 001' },
      { name: 'B', phone: '0800 000 002' },
      { name: 'C', phone: '0800 000 003' },
    ];
    for (const kind of CARD_KINDS) {
      const values = cardContent(kind.id, { ...person, banks }).numbers.map((line) => line.value);
      for (const bank of banks) expect(values, kind.id).toContain(bank.phone);
      expect(values, kind.id).toEqual(expect.arrayContaining(['999', '159']));
    }
    expect(cardContent('wallet', person).never.length).toBeLessThanOrEqual(3);
    expect(cardContent('front-door', person).todo[0]).toContain('door');
  });

  it('orders the advice as the call plan does: another phone, the bank, then the family; the footer says what to do', () => {
    for (const kind of ['phone-side', 'fridge', 'wallet'] as const) {
      const todo = cardContent(kind, person).todo.join(' ');
      expect(todo.indexOf('another phone'), kind).toBeGreaterThanOrEqual(0);
      expect(todo.indexOf('another phone'), kind).toBeLessThan(todo.indexOf('bank'));
      expect(todo.indexOf('bank'), kind).toBeLessThan(todo.indexOf('family'));
      expect(cardContent(kind, person).footer, kind).toMatch(/Report.*0300 123 2040/);
    }
  });

  it('lists blocks in reading order with titles kept with what follows', () => {
    const blocks = cardBlocks(cardContent('phone-side', person));
    expect(blocks[0]).toEqual({ section: 'heading', index: 0, keepWithNext: true });
    expect(blocks.filter((block) => block.section === 'numbers')).toHaveLength(cardContent('phone-side', person).numbers.length);
    expect(blocks.at(-1)!.section).toBe('footer');
    expect(blocks.find((block) => block.section === 'numbers-title')!.keepWithNext).toBe(true);
  });

  it('makes extra large print larger than any standard print of the same card', () => {
    for (const kind of CARD_KINDS) {
      expect(Math.min(...fontSteps(kind, 'large'))).toBeGreaterThan(Math.max(...fontSteps(kind, 'standard')));
      expect(fontSteps(kind, 'standard')[0]).toBe(kind.baseFontPt);
    }
  });

  it('defines the four paper sizes exactly', () => {
    expect(CARD_KINDS.map((kind) => [kind.id, kind.widthMm, kind.heightMm])).toEqual([
      ['phone-side', 105, 148],
      ['wallet', 85.6, 54],
      ['front-door', 148, 210],
      ['fridge', 210, 297],
    ]);
  });
});
