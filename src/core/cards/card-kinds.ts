/** The printable advice cards and their exact paper sizes (CSS `@page size` gives the same in print and PDF). */
export type CardKindId = 'phone-side' | 'wallet' | 'front-door' | 'fridge';

export interface CardKind {
  id: CardKindId;
  title: string;
  /** Where it goes, for the carer choosing one. */
  purpose: string;
  widthMm: number;
  heightMm: number;
  /** Value for CSS `@page { size: … }` (A6 in millimetres: Chromium does not know the A6 keyword). */
  cssPageSize: string;
}

export const CARD_KINDS: readonly CardKind[] = [
  { id: 'phone-side', title: 'Phone-side card (A6)', purpose: 'Stands beside the home phone.', widthMm: 105, heightMm: 148, cssPageSize: '105mm 148mm' },
  { id: 'wallet', title: 'Wallet card (bank card size)', purpose: 'Goes in the purse or wallet, next to the bank card.', widthMm: 85.6, heightMm: 54, cssPageSize: '85.6mm 54mm' },
  { id: 'front-door', title: 'Front-door card (A5)', purpose: 'Inside the front door, at eye level.', widthMm: 148, heightMm: 210, cssPageSize: 'A5 portrait' },
  { id: 'fridge', title: 'Fridge poster (A4)', purpose: 'On the fridge or a notice board.', widthMm: 210, heightMm: 297, cssPageSize: 'A4 portrait' },
];

export function cardKind(id: string): CardKind | undefined {
  return CARD_KINDS.find((kind) => kind.id === id);
}
