import { parseInviteLink, type InviteLink } from '../circle/invite-link.ts';
import { createRelayClient, RelayError } from '../circle/relay-client.ts';
import type { Clock, HttpFetch } from '../platform.ts';
import type { CircleConnection } from './watcher-state.ts';

/** Why joining failed, in plain words, naming the form field to show it beside; `detail` is the technical part. */
export class JoinCircleError extends Error {
  override readonly name = 'JoinCircleError';
  constructor(
    message: string,
    readonly field: 'inviteLink' | 'deviceName' = 'inviteLink',
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** The longest device name the relay keeps, characters. */
export const MAX_DEVICE_NAME = 80;

/**
 * The pasted invite link read locally (no request), so its relay's site can be asked for before joining. Any origin
 * the carer app serves from is valid, http:// for a relay on the family's own network included.
 * Throws JoinCircleError (field 'inviteLink') in plain words; the parser's reason goes in `detail`.
 */
export function readInviteLink(link: string): InviteLink {
  const text = link.trim();
  if (!text) throw new JoinCircleError('Paste the invite link from the carer app first.');
  try {
    return parseInviteLink(text);
  } catch (error) {
    throw new JoinCircleError(
      'This link is not complete: copy the whole link from the carer app, or ask for a new one.',
      'inviteLink',
      error instanceof Error ? error.message : String(error),
    );
  }
}

/**
 * Joins the family's circle with a pasted invite link under `deviceName` (how this computer is listed in the circle:
 * 1..80 characters, unique in the circle). The key stays here; the relay only hands out a device token.
 * Throws JoinCircleError: field 'inviteLink' for a bad, used or unreachable link, 'deviceName' for an empty, too long
 * or taken name (relay 409 device_name_taken).
 */
export async function joinCircle(link: string, deps: { fetch: HttpFetch; clock: Clock; deviceName: string }): Promise<CircleConnection> {
  const invite = readInviteLink(link);
  const deviceName = deps.deviceName.trim();
  if (!deviceName) throw new JoinCircleError('Give this computer a name, so the family can tell it apart.', 'deviceName');
  if (deviceName.length > MAX_DEVICE_NAME) throw new JoinCircleError(`Use at most ${MAX_DEVICE_NAME} characters for this computer's name.`, 'deviceName');
  let body: { deviceId?: unknown; deviceToken?: unknown } | undefined;
  try {
    body = await createRelayClient(invite.relayOrigin, deps.fetch).join(encodeURIComponent(invite.circleId), invite.inviteToken, deviceName);
  } catch (error) {
    if (!(error instanceof RelayError)) throw error;
    if (error.code === 'device_name_taken') {
      throw new JoinCircleError(
        `Another device in your care circle is already called "${deviceName}". Choose a different name for this computer, e.g. with your name in it.`,
        'deviceName',
      );
    }
    if (error.status === 0) throw new JoinCircleError(`Kinwatch could not reach ${new URL(invite.relayOrigin).host}. Check your connection and try again.`);
    const detail = error.relayMessage;
    throw new JoinCircleError(
      error.status === 404 || error.status === 410 || error.status === 403
        ? 'This invite link has been used or has expired. Ask for a new one in the carer app.'
        : `The circle could not be joined (HTTP ${error.status}${detail ? `: ${detail}` : ''}).`,
    );
  }
  if (typeof body?.deviceId !== 'string' || typeof body.deviceToken !== 'string') {
    throw new JoinCircleError('The circle answered in a way Kinwatch does not understand. Try again later.');
  }
  return {
    relayUrl: invite.relayOrigin,
    circleId: invite.circleId,
    deviceId: body.deviceId,
    deviceToken: body.deviceToken,
    circleKey: invite.circleKey,
    connectedAt: new Date(deps.clock.now()).toISOString(),
  };
}
