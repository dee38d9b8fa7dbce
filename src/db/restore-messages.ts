/**
 * What went wrong with a backup or alerts file, in a sentence for people, with the exact record and field kept as a
 * detail for whoever helps them ("calls[3].at: expected an ISO date and time").
 */
import { RecordError } from './validate-records.ts';

export interface FileProblem {
  /** For the carer: what happened and that nothing changed. */
  sentence: string;
  /** For whoever helps: the record, field and what was expected. */
  detail: string;
}

/** `kind` names the file in the sentence: "backup" or "alerts file". */
export function describeFileProblem(error: unknown, kind: 'backup' | 'alerts file'): FileProblem {
  const detail = error instanceof Error ? error.message : String(error);
  const nothing = kind === 'backup' ? 'Nothing on this device was changed.' : 'Nothing was imported.';
  if (!(error instanceof RecordError)) return { sentence: `The ${kind} could not be read. ${nothing}`, detail };
  if (/^(backup|alerts file): not a JSON file/.test(detail) || /^format:/.test(detail) || /^backup: expected/.test(detail)) {
    return { sentence: `This is not a Kinwatch ${kind}: choose the file Kinwatch saved. ${nothing}`, detail };
  }
  if (/^version:/.test(detail)) return { sentence: `This ${kind} was made by another version of Kinwatch that this one cannot read. ${nothing}`, detail };
  if (/^alerts file: no spates/.test(detail)) return { sentence: `This alerts file has no alerts in it. ${nothing}`, detail };
  if (/^person:/.test(detail)) return { sentence: 'Choose who these alerts are for first. Nothing was imported.', detail };
  return { sentence: `This ${kind} is damaged or was changed by hand, so it cannot be used. ${nothing}`, detail };
}
