/**
 * What goes on each advice card for one person: their name, local force, bank and family numbers, safe word.
 * Pure data, so a card's words are tested without a browser and rendered the same on screen and in print.
 */
import type { CaredPerson } from '../calls/person.ts';
import type { CardKindId } from './card-kinds.ts';

export interface CardLine {
  label: string;
  value: string;
}

export interface CardContent {
  heading: string;
  /** The NEVER lines, shortest form first. */
  never: string[];
  /** What to do, in order. */
  todo: string[];
  /** Numbers to call, personalised. */
  numbers: CardLine[];
  /** Only on the phone-side and wallet cards. */
  safeWord?: string;
  footer: string;
}

export interface CardContext {
  /** Display name of the person's local force, e.g. "Essex Police". */
  forceName?: string;
}

export function cardContent(kind: CardKindId, person: CaredPerson, context: CardContext = {}): CardContent {
  const police = context.forceName ?? 'the police';
  const numbers: CardLine[] = [
    { label: 'Emergency, courier on the way', value: '999' },
    { label: `Check an officer with ${police}`, value: '101' },
    { label: 'Your bank, safely', value: '159' },
    ...person.banks.filter((bank) => bank.phone.trim()).map((bank) => ({ label: bank.name || 'Bank', value: bank.phone })),
    ...person.familyNumbers.filter((entry) => entry.phone.trim()).map((entry) => ({ label: entry.name || 'Family', value: entry.phone })),
  ];
  const short = kind === 'wallet';
  const content: CardContent = {
    heading: short ? `${person.name}: police and banks will NEVER` : `${person.name}, stop: police and banks will NEVER`,
    never: short
      ? ['ask for your PIN', 'send a courier for cards or cash', 'ask you to move or withdraw money']
      : [
          'ask for your PIN or bank details on the phone',
          'send a courier or taxi to collect cards, cash or valuables',
          'ask you to withdraw cash, buy gold or move money to a "safe account"',
          'ask you to keep it secret',
        ],
    todo:
      kind === 'front-door'
        ? ['Keep the door shut. Ask for ID.', `Call 101 to check with ${police}.`, 'Never hand over cards, cash or jewellery.', 'If they will not leave, call 999.']
        : short
          ? ['Hang up. Use another phone.', 'Call the bank on 159.']
          : ['Hang up.', 'Use another phone, or wait five minutes for a dial tone.', 'Call the family, then the bank on 159.', 'A courier on the way? Call 999.'],
    numbers: short ? numbers.slice(0, 3).concat(numbers.slice(3, 4)) : numbers,
    footer: 'Report Fraud replaced Action Fraud in December 2025.',
  };
  // Only on the cards kept out of a visitor's sight: the front door and the fridge are seen by callers at the door.
  if (person.safeWord?.trim() && (kind === 'phone-side' || kind === 'wallet')) content.safeWord = person.safeWord.trim();
  return content;
}
