import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { phoneScript } from '../../../src/core/calls/phone-script.ts';

const backup = JSON.parse(readFileSync(new URL('../../fixtures/pwa/backup-small.json', import.meta.url), 'utf8'));
const spate = backup.tables.alerts[0].spate;
const person = backup.tables.people[0];

describe('phone script for a spate', () => {
  it('greets the person, names the places and what the fraudsters do, and ends with what to do at the door', () => {
    const lines = phoneScript(spate, person, 'Sarah');
    const text = lines.map((line) => line.text).join('\n');
    expect(lines[0]!.text).toContain("Hello Joan Smith, it's Sarah");
    expect(text).toContain('around Colchester, Wivenhoe');
    expect(text).toContain('send a courier or a taxi to collect things');
    expect(text).toContain('keep the line open');
    expect(lines.at(-1)!.text).toContain('ring 999');
  });

  it('reminds about the safe word only when the family has one', () => {
    expect(phoneScript(spate, person, 'Sarah').some((line) => line.cue === 'Remind')).toBe(true);
    expect(phoneScript(spate, { ...person, safeWord: undefined }, 'Sarah').some((line) => line.cue === 'Remind')).toBe(false);
  });

  it('says who the callers pretend to be in plain words, and the names they have been using', () => {
    const text = phoneScript({ ...spate, impersonated: ['police', 'bank'], claimedAs: ['DC Adams', 'Metropolitan Police'] }, person, 'Sarah')
      .map((line) => line.text)
      .join('\n');
    expect(text).toContain('People pretending to be police officers or bank staff');
    expect(text).toContain('They may say they are DC Adams or Metropolitan Police.');
    const noNames = phoneScript({ ...spate, impersonated: ['hmrc'], claimedAs: [] }, person, 'Sarah').map((line) => line.text).join('\n');
    expect(noNames).toContain('pretending to be the tax office (HMRC)');
    expect(noNames).not.toContain('They may say they are');
  });

  it('greets them by the name to say, not the label the family uses', () => {
    const lines = phoneScript(spate, { ...person, name: 'Mum', callName: 'Margaret' }, 'Sarah');
    expect(lines[0]!.text).toContain("Hello Margaret, it's Sarah");
    expect(phoneScript(spate, { ...person, name: 'Mum', callName: ' ' }, 'Sarah')[0]!.text).toContain('Hello Mum,');
  });
});
