import { describe, expect, it } from 'vitest';
import type { CaredPerson } from '../../../src/core/calls/person.ts';
import { phoneScript } from '../../../src/core/calls/phone-script.ts';
import { analyzeText } from '../../../src/core/detect/analyze.ts';
import { findSpates } from '../../../src/core/spates/find-spates.ts';
import { gbGazetteer } from '../../../src/core/geo/gazetteer-gb.ts';
import type { WatchedPerson } from '../../../src/core/geo/watched-person.ts';

const gazetteer = gbGazetteer();
const mum: WatchedPerson = { id: 'mum', name: 'Mum', postcode: 'CO7 6AA', lat: 51.8566, lng: 0.9595, forceId: 'essex', radiusKm: 25 };
const NOW = Date.parse('2026-11-30T12:00:00Z');
const caredFor: CaredPerson = { id: 'mum', hlc: '', name: 'Mum', postcode: 'CO7 6AA', postcodeChecked: true, phones: [], banks: [], familyNumbers: [] };

describe('the names callers used travel from the article to the phone script', () => {
  it('an article about a fake "DC Ward from the Met" becomes a spate whose script says so, and who they pretend to be', () => {
    const text =
      'A woman in Colchester was rung by a man calling himself DC Ward from the Met, who said her bank card had been cloned. ' +
      'She was then put through to someone who said he worked for her bank. A courier collected her card that afternoon.';
    const { spates } = findSpates({
      items: [{ sourceId: 'essex:news', url: 'https://example.test/colchester', title: 'Courier fraud warning', text, publishedAt: new Date(NOW - 3_600_000).toISOString() }],
      people: [mum],
      previous: [],
      now: NOW,
      analyze: (body, options) => analyzeText(body, { ...options, gazetteer }),
      gazetteer: { lookup: (name) => gazetteer.lookup(name) },
      forceIdOfSource: () => 'essex',
    });
    expect(spates).toHaveLength(1);
    const spate = spates[0]!;
    expect(spate.impersonated).toEqual(['police', 'bank']);
    expect(spate.claimedAs).toEqual(['Metropolitan Police', 'DC Ward']);
    const script = phoneScript(spate, caredFor, 'Sam')
      .map((line) => line.text)
      .join('\n');
    expect(script).toContain('People pretending to be police officers or bank staff are phoning older people around Colchester');
    expect(script).toContain('They may say they are Metropolitan Police or DC Ward.');
  });
});
