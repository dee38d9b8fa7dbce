/**
 * The printable advice cards: exact paper sizes (the carer app's styles.css has a named @page of the same size for each),
 * type sizes, safe word.
 */
export type CardKindId = 'phone-side' | 'wallet' | 'front-door' | 'fridge';

export interface CardKind {
  id: CardKindId;
  title: string;
  /** Where it goes, for the carer choosing one. */
  purpose: string;
  widthMm: number;
  heightMm: number;
  /** Type size in points for standard print before any fitting. */
  baseFontPt: number;
  /** Whether the family safe word is printed on it: only on a card the parent keeps private. */
  safeWord: boolean;
  /** Why it is or is not, in words the carer reads beside the choice. */
  safeWordReason: string;
}

export const CARD_KINDS: readonly CardKind[] = [
  {
    id: 'phone-side',
    title: 'Phone-side card (A6)',
    purpose: 'Stands beside the home phone.',
    widthMm: 105,
    heightMm: 148,
    baseFontPt: 12,
    safeWord: true,
    safeWordReason: 'The safe word is printed on this card: it stays at home beside the phone, where a caller who says they are family can be asked for it.',
  },
  {
    id: 'wallet',
    title: 'Wallet card (bank card size)',
    purpose: 'Goes in the purse or wallet, next to the bank card.',
    widthMm: 85.6,
    heightMm: 54,
    baseFontPt: 7.5,
    safeWord: false,
    safeWordReason: 'The safe word is left off: this card travels with the bank card, and the bank card is what a fraudster asks to be handed over.',
  },
  {
    id: 'front-door',
    title: 'Front-door card (A5)',
    purpose: 'Inside the front door, at eye level.',
    widthMm: 148,
    heightMm: 210,
    baseFontPt: 17,
    safeWord: false,
    safeWordReason: 'The safe word is left off: anyone at the door can read this card.',
  },
  {
    id: 'fridge',
    title: 'Fridge poster (A4)',
    purpose: 'On the fridge or a notice board.',
    widthMm: 210,
    heightMm: 297,
    baseFontPt: 22,
    safeWord: false,
    safeWordReason: 'The safe word is left off: visitors to the kitchen can read the poster.',
  },
];

export function cardKind(id: string): CardKind | undefined {
  return CARD_KINDS.find((kind) => kind.id === id);
}

export type PrintSize = 'standard' | 'large';

export const PRINT_SIZE_LABELS: Record<PrintSize, string> = { standard: 'Standard print', large: 'Extra large print' };

/**
 * The type sizes (pt, largest first) a card may be printed at for one print size. Standard print steps down from the
 * card's base to 80 % of it; extra large print steps from 130 % down to 110 %, so it is always larger than any
 * standard print of the same card. Content that does not fit at the smallest step goes on to another page.
 */
export function fontSteps(kind: CardKind, size: PrintSize): number[] {
  const [from, to] = size === 'large' ? [1.3, 1.1] : [1, 0.8];
  const steps: number[] = [];
  for (let factor = from; factor >= to - 1e-9; factor -= 0.05) steps.push(Math.round(kind.baseFontPt * factor * 10) / 10);
  return steps;
}
