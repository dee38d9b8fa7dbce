import { parseInviteLink } from '../circle/invite-link.ts';
import { createRelayClient, RelayError } from '../circle/relay-client.ts';
import type { Clock, HttpFetch } from '../platform.ts';
import type { CircleConnection } from './watcher-state.ts';

export class JoinCircleError extends Error {
  override readonly name = 'JoinCircleError';
  readonly field = 'inviteLink';
}

/** Joins the family's circle with a pasted invite link: the key stays here; the relay only hands out a device token. */
export async function joinCircle(link: string, deps: { fetch: HttpFetch; clock: Clock; deviceName: string }): Promise<CircleConnection> {
  let invite;
  try {
    invite = parseInviteLink(link.trim());
  } catch (error) {
    throw new JoinCircleError(
      `That is not a complete invite link (${error instanceof Error ? error.message : String(error)}). Copy the whole link from the carer app and paste it again.`,
    );
  }
  let body: { deviceId?: unknown; deviceToken?: unknown } | undefined;
  try {
    const relay = createRelayClient(invite.relayOrigin, deps.fetch);
    // Names are unique in a circle: a family's second watcher becomes "… 2" rather than failing to join.
    for (let n = 1; body === undefined; n++) {
      try {
        body = await relay.join(encodeURIComponent(invite.circleId), invite.inviteToken, n === 1 ? deps.deviceName : `${deps.deviceName} ${n}`);
      } catch (error) {
        if (!(error instanceof RelayError && error.code === 'device_name_taken' && n < 9)) throw error;
      }
    }
  } catch (error) {
    if (!(error instanceof RelayError)) throw error;
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
