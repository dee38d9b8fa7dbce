import { describe, expect, it } from 'vitest';
import { isLive, nextSteps, planForCall } from '../../../src/core/calls/next-steps.ts';

const ids = (steps: { id: string }[]): string[] => steps.map((step) => step.id);

describe('next steps for a logged call', () => {
  it('hung up with nothing given: report on 101 and tell the family, nothing urgent', () => {
    const steps = nextSteps({ outcomes: ['hung-up'], tactics: ['pin-request'] });
    expect(ids(steps)).toEqual(['call-101', 'tell-family']);
    expect(steps.every((step) => !step.urgent)).toBe(true);
    expect(isLive({ outcomes: ['hung-up'], tactics: ['pin-request'] })).toBe(false);
  });

  it('details given: call the bank on 159 or its own number first, cancel cards, then 101 and Report Fraud', () => {
    const steps = nextSteps({ outcomes: ['gave-details'], tactics: ['pin-request'] }, { banks: [{ name: 'Barclays', phone: '0345 734 5345' }] });
    expect(ids(steps)).toEqual(['call-bank', 'cancel-cards', 'call-101', 'report-fraud', 'tell-family']);
    expect(steps[0]!.text).toContain('from another phone');
    expect(steps[0]!.calls).toEqual([
      { label: '159', number: '159' },
      { label: 'Barclays', number: '0345 734 5345' },
    ]);
    expect(steps[0]!.urgent).toBe(true);
  });

  it('courier coming: 999 comes first and the call is live', () => {
    const call = { outcomes: ['courier-coming' as const], tactics: ['courier-collection' as const] };
    expect(ids(nextSteps(call))[0]).toBe('call-999');
    expect(isLive(call)).toBe(true);
  });

  it('details given and a courier promised is live even before the courier is seen', () => {
    const call = { outcomes: ['gave-details' as const], tactics: ['pin-request' as const, 'courier-collection' as const] };
    expect(isLive(call)).toBe(true);
    expect(ids(nextSteps(call)).slice(0, 3)).toEqual(['call-999', 'call-bank', 'cancel-cards']);
  });

  it('money moved: bank now, then Report Fraud before 101', () => {
    const steps = ids(nextSteps({ outcomes: ['money-moved'], tactics: ['bank-transfer'] }));
    expect(steps).toEqual(['call-bank', 'report-fraud', 'call-101', 'tell-family']);
    expect(isLive({ outcomes: ['money-moved'], tactics: ['bank-transfer'] })).toBe(false);
  });

  it('still on the line: hang up and use another phone before anything else, 999 if a courier is coming', () => {
    const call = { outcomes: ['still-on-line' as const], tactics: ['line-held-open' as const, 'courier-collection' as const] };
    const steps = ids(nextSteps(call));
    expect(steps.slice(0, 3)).toEqual(['hang-up', 'other-phone', 'call-999']);
    expect(isLive(call)).toBe(true);
  });

  it('handed over cards: bank, cancel cards, 101, Report Fraud', () => {
    expect(ids(nextSteps({ outcomes: ['handed-over'], tactics: ['card-handover'] }))).toEqual([
      'call-bank',
      'cancel-cards',
      'call-101',
      'report-fraud',
      'tell-family',
    ]);
  });

  it('names the NEVER rules the call broke', () => {
    const plan = planForCall({ outcomes: ['hung-up'], tactics: ['pin-request', 'secrecy', 'line-held-open'] });
    expect(plan.brokenRules.map((rule) => rule.id)).toEqual(['never-pin', 'never-secret', 'never-call-back-same-line']);
    expect(planForCall({ outcomes: ['hung-up'], tactics: [] }).brokenRules).toEqual([]);
  });

  it('gives every number to ring: 999 from another phone, Report Fraud with its number and site, the family', () => {
    const steps = nextSteps(
      { outcomes: ['courier-coming', 'gave-details'], tactics: ['courier-collection'] },
      { family: [{ name: 'Sarah (daughter)', phone: '07700 900123' }] },
    );
    const byId = new Map(steps.map((step) => [step.id, step]));
    expect(byId.get('call-999')!.text).toContain('from another phone');
    expect(byId.get('call-999')!.calls).toEqual([{ label: '999', number: '999' }]);
    expect(byId.get('report-fraud')!.calls).toEqual([{ label: 'Report Fraud', number: '0300 123 2040' }]);
    expect(byId.get('report-fraud')!.site!.url).toBe('https://www.reportfraud.police.uk/');
    expect(byId.get('tell-family')!.calls).toEqual([{ label: 'Sarah (daughter)', number: '07700 900123' }]);
  });

  it('marks steps done from what was logged: bank told, 101 and Report Fraud references', () => {
    const steps = nextSteps({ outcomes: ['gave-details'], tactics: ['pin-request'], bankTold: true, ref101: 'CAD 1', reportFraudRef: 'NFRC 2' });
    expect(steps.filter((step) => step.done).map((step) => step.id)).toEqual(['call-bank', 'cancel-cards', 'call-101', 'report-fraud']);
    expect(steps.some((step) => step.urgent)).toBe(false);
    expect(steps.find((step) => !step.done)!.id).toBe('tell-family');
  });

  it('a call from two weeks ago is no longer live and no longer says "call 999 now"', () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    const old = { outcomes: ['courier-coming' as const, 'still-on-line' as const], tactics: ['courier-collection' as const], at: '2026-11-16T12:00:00Z' };
    expect(isLive(old, now)).toBe(false);
    expect(ids(nextSteps(old, { now }))).not.toContain('call-999');
    expect(ids(nextSteps(old, { now }))).not.toContain('hang-up');
    const recent = { ...old, at: '2026-11-30T11:30:00Z' };
    expect(isLive(recent, now)).toBe(true);
    expect(ids(nextSteps(recent, { now }))).toContain('call-999');
  });
});
