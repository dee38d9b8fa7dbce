/**
 * The shapes of every record the product writes (people, calls, checklist ticks, alerts with their spates, check-ins),
 * as Valibot schemas tied to the record types, so a backup, an import or a synced row is checked against exactly what
 * the app, the watcher and `scan` produce. Errors name the record and field for whoever helps the carer, e.g.
 * `calls[3].at: expected an ISO date and time`; screens show a sentence for people first (see restore-messages.ts).
 */
import * as v from 'valibot';
import type { AlertRecord, CheckIn } from '../core/calls/alert.ts';
import { CALLER_KINDS, OUTCOMES, type CallRecord } from '../core/calls/call.ts';
import type { CaredPerson } from '../core/calls/person.ts';
import type { Spate } from '../core/spates/spate.ts';
import { TACTICS } from '../core/detect/vocabulary.ts';
import { isHlc } from '../core/circle/hlc.ts';
import type { ChecklistTick } from '../core/rules/checklist.ts';
import type { SyncTable } from './schema.ts';

export class RecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordError';
  }
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const text = v.string('expected text');
const nonEmpty = v.pipe(v.string('expected non-empty text'), v.check((value) => value.trim() !== '', 'expected non-empty text'));
const bool = v.boolean('expected true or false');
const num = v.pipe(v.number('expected a number'), v.finite('expected a number'));
const isoTime = v.pipe(
  v.string('expected an ISO date and time'),
  v.check((value) => ISO_TIME.test(value) && !Number.isNaN(Date.parse(value)), 'expected an ISO date and time'),
);
const isoDate = v.pipe(
  v.string('expected a date (YYYY-MM-DD)'),
  v.check((value) => ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)), 'expected a date (YYYY-MM-DD)'),
);
const hlc = v.custom<string>(isHlc, 'expected a clock timestamp');
const tomb = v.optional(v.literal(true, 'expected true when present'));
const oneOf = <const T extends readonly string[]>(values: T) => v.picklist(values, `expected one of ${values.join(', ')}`);
const list = <T extends v.GenericSchema>(item: T) => v.array(item, 'expected a list');
const count = v.optional(num);
const strict = <T extends v.ObjectEntries>(entries: T) => v.strictObject(entries, 'expected an object');
const httpLink = v.pipe(v.string('expected an http(s) link'), v.regex(/^https?:\/\//, 'expected an http(s) link'));

/** A spate as the watcher and `scan` shape it (src/core/spates/spate.ts). */
export const spateSchema = strict({
  id: nonEmpty,
  personId: nonEmpty,
  headline: nonEmpty,
  places: list(text),
  distanceKm: v.optional(num),
  counts: strict({ reports: count, targeted: count, victims: count, lossGBP: count, windowDays: count }),
  tactics: list(oneOf(TACTICS)),
  impersonated: list(text),
  claimedAs: v.optional(list(text)),
  // `outlet` came later: records written before it have none, and still read.
  sources: list(strict({ sourceId: text, url: httpLink, title: text, publishedAt: v.nullable(isoTime), outlet: v.optional(nonEmpty) })),
  firstSeen: isoTime,
  lastSeen: isoTime,
  severity: oneOf(['low', 'medium', 'high'] as const),
  state: oneOf(['new', 'escalated', 'quiet'] as const),
  basis: v.optional(oneOf(['distance', 'own-force'] as const)),
});

const contact = strict({ name: text, phone: text });
const synced = { id: nonEmpty, hlc, deleted: tomb };
const optionalText = v.optional(text);

export const RECORD_SCHEMAS = {
  people: strict({
    ...synced,
    name: nonEmpty,
    callName: optionalText,
    postcode: text,
    postcodeChecked: bool,
    lat: v.optional(num),
    lng: v.optional(num),
    forceId: optionalText,
    placeName: optionalText,
    radiusKm: v.optional(num),
    phones: list(text),
    banks: list(contact),
    familyNumbers: list(contact),
    safeWord: optionalText,
  }),
  calls: strict({
    ...synced,
    personId: nonEmpty,
    at: isoTime,
    numberWithheld: bool,
    number: optionalText,
    callerKind: oneOf(CALLER_KINDS),
    callerForceId: optionalText,
    callerSaid: optionalText,
    officerName: optionalText,
    tactics: list(oneOf(TACTICS)),
    outcomes: list(oneOf(OUTCOMES)),
    ref101: optionalText,
    reportFraudRef: optionalText,
    bankTold: bool,
    notes: optionalText,
    loggedBy: optionalText,
  }),
  checklist: strict({ ...synced, personId: nonEmpty, ruleId: nonEmpty, talkedOn: isoDate, by: text }),
  alerts: strict({ ...synced, personId: nonEmpty, receivedAt: isoTime, spate: spateSchema }),
  checkIns: strict({ ...synced, alertId: nonEmpty, personId: nonEmpty, at: isoTime, by: text, note: optionalText }),
} satisfies Record<SyncTable, v.GenericSchema>;

// The schemas and the record types are one definition: each schema's output must be its record type, and back.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
export type SchemaMatchesTypes = [
  Expect<Same<v.InferOutput<typeof spateSchema>, Spate>>,
  Expect<Same<v.InferOutput<typeof RECORD_SCHEMAS.people>, CaredPerson>>,
  Expect<Same<v.InferOutput<typeof RECORD_SCHEMAS.calls>, CallRecord>>,
  Expect<Same<v.InferOutput<typeof RECORD_SCHEMAS.checklist>, ChecklistTick>>,
  Expect<Same<v.InferOutput<typeof RECORD_SCHEMAS.alerts>, AlertRecord>>,
  Expect<Same<v.InferOutput<typeof RECORD_SCHEMAS.checkIns>, CheckIn>>,
];

/** Throws RecordError "<path>.<field>: <what was expected>" for the first problem, or returns the value typed. */
function parse<T extends v.GenericSchema>(schema: T, value: unknown, path: string): v.InferOutput<T> {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  let where = path;
  for (const step of issue.path ?? []) where += typeof step.key === 'number' ? `[${step.key}]` : `.${String(step.key)}`;
  // A key the schema does not know is reported on the key itself.
  if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never') return fail(where, 'unknown field');
  if (issue.type === 'object' || issue.type === 'strict_object') {
    if (issue.received === 'undefined' && issue.path && issue.path.length > 0) return fail(where, 'missing');
  }
  return fail(where, issue.message);
}

const fail = (path: string, what: string): never => {
  throw new RecordError(`${path}: ${what}`);
};

export function checkSpate(value: unknown, path: string): asserts value is Spate {
  parse(spateSchema, value, path);
}

export function validateRecord(table: SyncTable, row: unknown, path: string): void {
  parse(RECORD_SCHEMAS[table], row, path);
}
