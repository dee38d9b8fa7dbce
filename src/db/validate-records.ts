/**
 * Checks rows from outside (a backup file, an import) field by field. Errors name the record and field, e.g.
 * `calls[3].at: expected an ISO date and time`, so a carer (or whoever helps them) can see what is wrong.
 */
import { OUTCOMES, CALLER_KINDS } from '../core/calls/call.ts';
import { TACTICS } from '../core/detect/vocabulary.ts';
import { isHlc } from '../core/circle/hlc.ts';
import type { SyncTable } from './schema.ts';

type Obj = Record<string, unknown>;
type Check = (value: unknown, path: string) => void;

export class RecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordError';
  }
}

const fail = (path: string, what: string): never => {
  throw new RecordError(`${path}: ${what}`);
};

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const text: Check = (v, p) => void (typeof v === 'string' || fail(p, 'expected text'));
const nonEmpty: Check = (v, p) => void ((typeof v === 'string' && v.trim() !== '') || fail(p, 'expected non-empty text'));
const bool: Check = (v, p) => void (typeof v === 'boolean' || fail(p, 'expected true or false'));
const num: Check = (v, p) => void ((typeof v === 'number' && Number.isFinite(v)) || fail(p, 'expected a number'));
const isoTime: Check = (v, p) => void ((typeof v === 'string' && ISO_TIME.test(v) && !Number.isNaN(Date.parse(v))) || fail(p, 'expected an ISO date and time'));
const isoDate: Check = (v, p) => void ((typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v))) || fail(p, 'expected a date (YYYY-MM-DD)'));
const hlc: Check = (v, p) => void (isHlc(v) || fail(p, 'expected a clock timestamp'));
const tomb: Check = (v, p) => void (v === true || fail(p, 'expected true when present'));
const oneOf = (values: readonly string[]): Check => (v, p) => void ((typeof v === 'string' && values.includes(v)) || fail(p, `expected one of ${values.join(', ')}`));
const list = (item: Check): Check => (v, p) => {
  if (!Array.isArray(v)) fail(p, 'expected a list');
  (v as unknown[]).forEach((entry, index) => item(entry, `${p}[${index}]`));
};
const shape = (required: Record<string, Check>, optional: Record<string, Check> = {}): Check => (v, p) => {
  if (!isObj(v)) fail(p, 'expected an object');
  const row = v as Obj;
  for (const [key, check] of Object.entries(required)) {
    if (!(key in row)) fail(`${p}.${key}`, 'missing');
    check(row[key], `${p}.${key}`);
  }
  for (const [key, check] of Object.entries(optional)) if (row[key] !== undefined) check(row[key], `${p}.${key}`);
  for (const key of Object.keys(row)) if (!(key in required) && !(key in optional)) fail(`${p}.${key}`, 'unknown field');
};

/** A spate as the core shapes it (src/core/detect/spate.ts). */
export const checkSpate: Check = shape(
        {
          id: nonEmpty,
          personId: nonEmpty,
          headline: nonEmpty,
          places: list(text),
          counts: (v, p) => void (isObj(v) || fail(p, 'expected an object')),
          tactics: list(oneOf(TACTICS)),
          impersonated: list(text),
          sources: list(
            shape({ sourceId: text, url: (v, p) => void ((typeof v === 'string' && /^https?:\/\//.test(v)) || fail(p, 'expected an http(s) link')), title: text, publishedAt: (v, p) => void (v === null || isoTime(v, p)) }),
          ),
          firstSeen: isoTime,
          lastSeen: isoTime,
          severity: oneOf(['low', 'medium', 'high']),
          state: oneOf(['new', 'escalated', 'quiet']),
        },
        { distanceKm: num, claimedAs: list(text) },
      );

const contact = shape({ name: text, phone: text });
const synced = { id: nonEmpty, hlc };

export const RECORD_CHECKS: Record<SyncTable, Check> = {
  people: shape(
    { ...synced, name: nonEmpty, postcode: text, postcodeChecked: bool, phones: list(text), banks: list(contact), familyNumbers: list(contact) },
    { deleted: tomb, lat: num, lng: num, forceId: text, placeName: text, safeWord: text, callName: text },
  ),
  calls: shape(
    { ...synced, personId: nonEmpty, at: isoTime, numberWithheld: bool, callerKind: oneOf(CALLER_KINDS), tactics: list(oneOf(TACTICS)), outcomes: list(oneOf(OUTCOMES)), bankTold: bool },
    { deleted: tomb, number: text, callerForceId: text, callerSaid: text, officerName: text, ref101: text, reportFraudRef: text, notes: text, loggedBy: text },
  ),
  checklist: shape({ ...synced, personId: nonEmpty, ruleId: nonEmpty, talkedOn: isoDate, by: text }, { deleted: tomb }),
  alerts: shape(
    {
      ...synced,
      personId: nonEmpty,
      receivedAt: isoTime,
      spate: checkSpate,
    },
    { deleted: tomb },
  ),
  checkIns: shape({ ...synced, alertId: nonEmpty, personId: nonEmpty, at: isoTime, by: text }, { deleted: tomb, note: text }),
};

export function validateRecord(table: SyncTable, row: unknown, path: string): void {
  RECORD_CHECKS[table](row, path);
}

