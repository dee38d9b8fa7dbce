import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../src/core/calls/call.ts';
import { callsToCsv, csvCell } from '../../../src/core/calls/call-csv.ts';

const call: CallRecord = {
  id: 'c1',
  hlc: '1764000000000-0000-node',
  personId: 'p1',
  at: '2026-11-20T10:15:00.000Z',
  numberWithheld: false,
  number: '+44 20 7946 0000',
  callerKind: 'police',
  callerSaid: 'DC "Smith", Hammersmith',
  officerName: '=HYPERLINK("http://evil.example")',
  tactics: ['pin-request', 'courier-collection'],
  outcomes: ['hung-up'],
  bankTold: true,
  notes: 'Said line one\nline two',
  loggedBy: '@carer',
};

describe('call log CSV', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvCell('=A1,B1')).toBe(`"'=A1,B1"`);
  });

  it('writes a header and one CRLF row per call with plain-language values', () => {
    const csv = callsToCsv([call], () => 'Mum, Colchester');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'When,Person,Number,Said they were,Caller said,Officer name or rank,What they asked for,What happened,101 reference,Report Fraud reference,Bank told,Notes,Logged by',
    );
    expect(csv).toContain('"Mum, Colchester"');
    expect(csv).toContain('"DC ""Smith"", Hammersmith"');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).toContain("'@carer");
    expect(csv).toContain('Asked for the PIN, card or bank details; Said a courier or taxi would collect');
    expect(csv).toContain('"Said line one\nline two"');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('shows a withheld number as Withheld', () => {
    const csv = callsToCsv([{ ...call, numberWithheld: true }], () => 'Mum');
    expect(csv).toContain(',Withheld,');
    expect(csv).not.toContain('7946');
  });
});
