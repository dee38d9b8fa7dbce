/**
 * The API's request shapes as JSON Schema (TypeBox), checked by fastify before a handler runs. A failure becomes a
 * 400 `invalid_input` naming the field (see error-envelope.ts); each `description` is the message a client sees.
 */
import { Type } from 'typebox';

export const MAX_RECORDS_PER_REQUEST = 500;
export const MAX_CIPHERTEXT_CHARS = 64 * 1024;

const Id = (what: string) => Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$', description: `must be ${what} of 16-64 characters [A-Za-z0-9_-]` });
const Token = Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', description: 'must be a 43-character base64url token' });
const Ciphertext = Type.String({ minLength: 1, maxLength: MAX_CIPHERTEXT_CHARS, pattern: '^[A-Za-z0-9_-]+$', description: `must be non-empty base64url of at most ${MAX_CIPHERTEXT_CHARS} characters` });

/**
 * A device's name as people see it in the device list: no control, zero-width or direction-changing characters
 * (they let a name pose as another, e.g. "Mum\u202Eenohp"), trimmed and unique in its circle (checked on join).
 */
export const DeviceName = Type.String({
  minLength: 1,
  maxLength: 120,
  pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\ufeff]*$',
  description: 'must be 1-60 characters without control, invisible or direction-changing characters',
});

/** Trims and collapses spaces; undefined when nothing is left or it is longer than 60 characters. */
export function cleanDeviceName(value: string): string | undefined {
  const name = value.trim().replace(/\s+/g, ' ');
  const length = [...name].length;
  return length >= 1 && length <= 60 ? name : undefined;
}

export const CircleParams = Type.Object({ circleId: Id('a circle id') });
export const DeviceParams = Type.Object({ circleId: Id('a circle id'), deviceId: Id('a device id') });
export const InviteParams = Type.Object({ circleId: Id('a circle id'), inviteId: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$', description: 'must be an invite id' }) });
export const OwnDeviceParams = Type.Object({ deviceId: Id('a device id') });

export const CreateCircleBody = Type.Union([Type.Object({ deviceName: Type.Optional(DeviceName) }), Type.Null()]);
export const EmptyBody = Type.Union([Type.Object({}), Type.Null()]);
export const JoinBody = Type.Object({ inviteToken: Token, deviceName: DeviceName });
export const RoleBody = Type.Object({ role: Type.Union([Type.Literal('owner'), Type.Literal('member')], { description: 'must be "owner" or "member"' }) });

export const RecordsBody = Type.Object({
  records: Type.Array(
    Type.Object({
      id: Type.String({ pattern: '^[\\x21-\\x7e]{1,200}$', description: 'must be 1-200 printable characters without spaces' }),
      // The wire form of a hybrid logical clock (src/core/circle/hlc.ts): 13-digit ms, 4 hex counter, node id.
      hlc: Type.String({ pattern: '^\\d{13}-[0-9a-f]{4}-[A-Za-z0-9_-]{1,64}$', description: 'must be a hybrid logical clock timestamp' }),
      ciphertext: Ciphertext,
    }),
    { maxItems: MAX_RECORDS_PER_REQUEST, description: `must be an array of at most ${MAX_RECORDS_PER_REQUEST} records` },
  ),
});
export const RecordsQuery = Type.Object({
  after: Type.Optional(Type.String({ pattern: '^\\d{0,15}$', description: 'must be a non-negative integer' })),
});

export const AlertBody = Type.Object({
  ciphertext: Ciphertext,
  urgency: Type.Optional(Type.Union([Type.Literal('high'), Type.Literal('normal')], { description: 'must be "high" or "normal"' })),
  // RFC 8030 §5.4: a topic is at most 32 characters of the base64url alphabet.
  topic: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }), Type.Null()], { description: 'must be 1-32 characters [A-Za-z0-9_-]' })),
  // The alert's record id: lets the relay push the id alone when the whole alert is too large (src/core/alerts).
  alertId: Type.Optional(Type.String({ pattern: '^[\\x21-\\x7e]{1,200}$', description: 'must be 1-200 printable characters without spaces' })),
});

export const PushSubscriptionBody = Type.Object({
  endpoint: Type.String({ minLength: 1, maxLength: 2048, description: 'must be a URL of at most 2048 characters' }),
  keys: Type.Object({
    // p256dh is an uncompressed P-256 point (65 bytes → 87 characters); auth is 16 bytes (22 characters).
    p256dh: Type.String({ pattern: '^[A-Za-z0-9_-]{86,88}={0,1}$', description: 'must be a base64url P-256 public key' }),
    auth: Type.String({ pattern: '^[A-Za-z0-9_-]{22,24}={0,2}$', description: 'must be a base64url 16-byte secret' }),
  }, { description: 'must be an object with p256dh and auth' }),
});
