/**
 * What goes on each advice card for one person: their name, local force, bank and family numbers, safe word.
 * Pure data, so a card's words are tested without a browser and rendered the same on screen and in print.
 * The order of "Do this" follows the call plan (src/core/calls/next-steps.ts): hang up, then from another phone the
 * bank, then the family; 999 when a courier is coming.
 */
import { HELP_LINES } from '../calls/help-lines.ts';
import type { CaredPerson } from '../calls/person.ts';
import { cardKind, type CardKindId } from './card-kinds.ts';

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
  /** Numbers to call, personalised. Never dropped: a card that is too full goes on to another page. */
  numbers: CardLine[];
  /** Only on the cards whose kind allows it (see CardKind.safeWord). */
  safeWord?: string;
  /** Something to do after the call. */
  footer: string;
}

export interface CardContext {
  /** Display name of the person's local force, e.g. "Essex Police". */
  forceName?: string;
}

export function cardContent(kind: CardKindId, person: CaredPerson, context: CardContext = {}): CardContent {
  const police = context.forceName ?? 'the police';
  const banks = person.banks.filter((bank) => bank.phone.trim()).map((bank) => ({ label: bank.name.trim() || 'Bank', value: bank.phone.trim() }));
  const family = person.familyNumbers
    .filter((entry) => entry.phone.trim())
    .map((entry) => ({ label: entry.name.trim() || 'Family', value: entry.phone.trim() }));
  const emergency = { label: 'Emergency, a courier is coming', value: HELP_LINES.emergency.number };
  const check = { label: `Check an officer with ${police}`, value: HELP_LINES.police.number };
  const bankLine = { label: 'Your bank, safely (Stop Scams UK)', value: HELP_LINES.bank.number };
  const reportFraud = `Had a call like this? Tell the family, then report it to Report Fraud: ${HELP_LINES.reportFraud.number} or ${HELP_LINES.reportFraud.site}.`;
  const content: CardContent =
    kind === 'wallet'
      ? {
          heading: `${person.name}: police and banks will NEVER`,
          never: ['ask for your PIN', 'send a courier for cards or cash', 'ask you to move or withdraw money'],
          todo: ['Hang up. Use another phone.', 'Call your bank on 159, then the family.'],
          numbers: [bankLine, ...banks, ...family.slice(0, 1), emergency],
          footer: `Report a call: ${HELP_LINES.reportFraud.number}, ${HELP_LINES.reportFraud.site}`,
        }
      : kind === 'phone-side'
        ? {
            // A6 is small: the same advice in the fewest words, so the numbers and safe word keep a readable size.
            heading: `${person.name}, stop: police and banks will NEVER`,
            never: ['ask for your PIN or bank details', 'send a courier for cards or cash', 'ask you to move or withdraw money', 'ask you to keep it secret'],
            todo: ['Hang up. Use another phone.', 'Gave details? Call your bank first.', 'Then call the family.', 'Courier coming? Call 999.'],
            numbers: [bankLine, ...banks, ...family, emergency, check],
            footer: `Had a call like this? Report it: Report Fraud ${HELP_LINES.reportFraud.number}.`,
          }
        : {
            heading: `${person.name}, stop: police and banks will NEVER`,
            never: [
              'ask for your PIN or bank details on the phone',
              'send a courier or taxi to collect cards, cash or valuables',
              'ask you to withdraw cash, buy gold or move money to a "safe account"',
              'ask you to keep it secret',
            ],
            todo:
              kind === 'front-door'
                ? ['Keep the door shut. Ask for ID.', `Call 101 to check with ${police}.`, 'Never hand over cards, cash or jewellery.', 'If they will not leave, call 999.']
                : [
                    'Hang up.',
                    'Use another phone, or wait five minutes for a dial tone.',
                    'Gave any details? Call your bank first, on 159 or a number below.',
                    'Then call the family.',
                    'A courier on the way? Call 999.',
                  ],
            numbers: kind === 'front-door' ? [emergency, check, ...family, bankLine, ...banks] : [bankLine, ...banks, ...family, emergency, check],
            footer: reportFraud,
          };
  const safeWord = person.safeWord?.trim();
  if (safeWord && cardKind(kind)?.safeWord) content.safeWord = safeWord;
  return content;
}

/** One piece of a card that may not be split across pages: the heading, a section title, one line of a list. */
export interface CardBlock {
  section: 'heading' | 'never' | 'todo-title' | 'todo' | 'numbers-title' | 'numbers' | 'safe-word' | 'footer';
  /** Index of the line within its list (0 for single blocks). */
  index: number;
  /** Stays on the same page as the block after it: a title, and a list's first line (no list starts with a lone line). */
  keepWithNext: boolean;
}

/** The card's blocks in reading order; pagination works on these. */
export function cardBlocks(content: CardContent): CardBlock[] {
  const blocks: CardBlock[] = [{ section: 'heading', index: 0, keepWithNext: true }];
  content.never.forEach((_, index) => blocks.push({ section: 'never', index, keepWithNext: index === 0 && content.never.length > 1 }));
  blocks.push({ section: 'todo-title', index: 0, keepWithNext: true });
  content.todo.forEach((_, index) => blocks.push({ section: 'todo', index, keepWithNext: index === 0 && content.todo.length > 1 }));
  blocks.push({ section: 'numbers-title', index: 0, keepWithNext: true });
  content.numbers.forEach((_, index) => blocks.push({ section: 'numbers', index, keepWithNext: index === 0 && content.numbers.length > 1 }));
  if (content.safeWord) blocks.push({ section: 'safe-word', index: 0, keepWithNext: false });
  blocks.push({ section: 'footer', index: 0, keepWithNext: false });
  return blocks;
}
