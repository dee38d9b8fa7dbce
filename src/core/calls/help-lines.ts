/**
 * The numbers a family rings when a courier-fraud call happens, each with who answers and, where there is one, the
 * site. One home for them: the call plan, the advice cards and the phone script all read these.
 * Sources (checked 2026-11-30): 159 — Stop Scams UK (https://stopscamsuk.org.uk/159); Report Fraud replaced Action
 * Fraud on 4 December 2025 and kept its number — City of London Police, "Report Fraud service goes live"
 * (reportfraud.police.uk, 0300 123 2040, Monday to Friday 8am–8pm).
 */
export interface HelpLine {
  /** Digits and spaces as written on a card: "0300 123 2040". */
  number: string;
  /** Who answers: "Report Fraud". */
  name: string;
  /** Web address without the scheme, when there is one: "reportfraud.police.uk". */
  site?: string;
}

export const HELP_LINES = {
  emergency: { number: '999', name: 'Police emergency' },
  police: { number: '101', name: 'Police non-emergency' },
  bank: { number: '159', name: 'Stop Scams UK: connects you to your bank' },
  reportFraud: { number: '0300 123 2040', name: 'Report Fraud', site: 'reportfraud.police.uk' },
} as const satisfies Record<string, HelpLine>;

/**
 * A `tel:` address for a number as people write it ("0345 734 5345", "+44 (0)20 7946 0000"); undefined when the
 * text holds no diallable number. Keeps a leading "+" and the digits, drops "(0)" after a country code.
 */
export function telHref(number: string): string | undefined {
  const trimmed = number.trim().replace(/^(\+\d{1,3})\s*\(0\)/, '$1');
  const digits = trimmed.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  if (digits.replace('+', '').length < 3) return undefined;
  return `tel:${digits}`;
}
