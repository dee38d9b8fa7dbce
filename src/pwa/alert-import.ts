/**
 * Alerts from a JSON file (until the care circle delivers them): one spate, a list of spates, or {"spates": [...]}.
 * Every spate is checked first; a bad file imports nothing and says which spate and field is wrong.
 */
import { spateAlertId, type AlertRecord } from '../core/alerts/alert.ts';
import type { CaredPerson } from '../core/calls/person.ts';
import type { Spate } from '../core/spates/spate.ts';
import { checkSpate, RecordError } from '../db/validate-records.ts';

export function parseAlertFile(text: string, people: readonly CaredPerson[], fallbackPersonId: string, receivedAt: string): Omit<AlertRecord, 'hlc'>[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new RecordError('alerts file: not a JSON file');
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { spates?: unknown }).spates) ? (data as { spates: unknown[] }).spates : [data];
  if (list.length === 0) throw new RecordError('alerts file: no spates in it');
  if (!people.some((person) => person.id === fallbackPersonId)) throw new RecordError('person: choose who these alerts are for');
  return list.map((entry, index) => {
    checkSpate(entry, `spates[${index}]`);
    const spate = entry as Spate;
    // The watcher names people by its own ids; a spate for someone this app does not know goes to the chosen person.
    const personId = people.some((person) => person.id === spate.personId) ? spate.personId : fallbackPersonId;
    return { id: spateAlertId(personId, spate.id), personId, spate: { ...spate, personId }, receivedAt };
  });
}
