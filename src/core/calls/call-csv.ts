/**
 * The call log as CSV (RFC 4180: CRLF rows, fields quoted when they hold a comma, quote or line break, quotes
 * doubled). Cells starting with = + - @ (or tab/CR) are prefixed with ' so a spreadsheet never runs them as formulas.
 */
import { CALLER_KIND_LABELS, OUTCOME_LABELS, TACTIC_LABELS, type CallRecord } from './call.ts';

export const CALL_CSV_HEADER = [
  'When',
  'Person',
  'Number',
  'Said they were',
  'Caller said',
  'Officer name or rank',
  'What they asked for',
  'What happened',
  '101 reference',
  'Report Fraud reference',
  'Bank told',
  'Notes',
  'Logged by',
];

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function callsToCsv(calls: readonly CallRecord[], personName: (personId: string) => string): string {
  const rows = calls.map((call) => [
    call.at,
    personName(call.personId),
    call.numberWithheld ? 'Withheld' : (call.number ?? ''),
    CALLER_KIND_LABELS[call.callerKind],
    call.callerSaid ?? '',
    call.officerName ?? '',
    call.tactics.map((tactic) => TACTIC_LABELS[tactic]).join('; '),
    call.outcomes.map((outcome) => OUTCOME_LABELS[outcome]).join('; '),
    call.ref101 ?? '',
    call.reportFraudRef ?? '',
    call.bankTold ? 'Yes' : 'No',
    call.notes ?? '',
    call.loggedBy ?? '',
  ]);
  return [CALL_CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
