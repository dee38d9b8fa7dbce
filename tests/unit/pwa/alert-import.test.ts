import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaredPerson } from '../../../src/core/calls/person.ts';
import { parseAlertFile } from '../../../src/pwa/alert-import.ts';

const backup = JSON.parse(readFileSync(new URL('../../fixtures/pwa/backup-small.json', import.meta.url), 'utf8'));
const spate = backup.tables.alerts[0].spate;
const people = backup.tables.people as CaredPerson[];
const at = '2026-11-24T12:00:00.000Z';

describe('importing alerts from a file', () => {
  it('takes one spate, a list, or {"spates": [...]}', () => {
    expect(parseAlertFile(JSON.stringify(spate), people, 'p1', at)).toHaveLength(1);
    expect(parseAlertFile(JSON.stringify([spate, { ...spate, id: 's2' }]), people, 'p1', at)).toHaveLength(2);
    expect(parseAlertFile(JSON.stringify({ spates: [spate] }), people, 'p1', at)[0]!.spate.headline).toBe(spate.headline);
  });

  it('gives a spate for an unknown person to the chosen one', () => {
    const [row] = parseAlertFile(JSON.stringify({ ...spate, personId: 'watcher-joan-co7' }), people, 'p1', at);
    expect(row!.personId).toBe('p1');
    expect(row!.spate.personId).toBe('p1');
    expect(row!.receivedAt).toBe(at);
  });

  it('refuses a bad spate naming it and the field, importing none', () => {
    const bad = [spate, { ...spate, id: 's2', severity: 'apocalyptic' }];
    expect(() => parseAlertFile(JSON.stringify(bad), people, 'p1', at)).toThrow('spates[1].severity: expected one of low, medium, high');
    expect(() => parseAlertFile('{', people, 'p1', at)).toThrow('alerts file: not a JSON file');
    expect(() => parseAlertFile('[]', people, 'p1', at)).toThrow('alerts file: no spates in it');
  });

  it('refuses source links that are not web links (no javascript: in the inbox)', () => {
    const bad = { ...spate, sources: [{ ...spate.sources[0], url: 'javascript:alert(1)' }] };
    expect(() => parseAlertFile(JSON.stringify(bad), people, 'p1', at)).toThrow('spates[0].sources[0].url: expected an http(s) link');
  });
});
