import { describe, expect, it } from 'vitest';
import type { CaredPerson } from '../../../src/core/calls/person.ts';
import { cardContent } from '../../../src/core/cards/card-content.ts';
import { CARD_KINDS } from '../../../src/core/cards/card-kinds.ts';

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

  it('keeps the safe word off the cards a visitor can see', () => {
    expect(cardContent('wallet', person).safeWord).toBe('bluebell');
    expect(cardContent('front-door', person).safeWord).toBeUndefined();
    expect(cardContent('fridge', person).safeWord).toBeUndefined();
  });

  it('keeps the wallet card short and the front door card about the door', () => {
    expect(cardContent('wallet', person).never.length).toBeLessThanOrEqual(3);
    expect(cardContent('wallet', person).numbers.length).toBeLessThanOrEqual(4);
    expect(cardContent('front-door', person).todo[0]).toContain('door');
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
