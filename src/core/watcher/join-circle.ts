import { parseInviteLink } from '../circle/invite-link.ts';
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
  let response: Response;
  try {
    response = await deps.fetch(`${invite.relayOrigin}/api/circles/${encodeURIComponent(invite.circleId)}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inviteToken: invite.inviteToken, deviceName: deps.deviceName }),
    });
  } catch {
    throw new JoinCircleError(`Kinwatch could not reach ${new URL(invite.relayOrigin).host}. Check your connection and try again.`);
  }
  if (!response.ok) {
    const detail = await response.json().then((body: { error?: { message?: string } }) => body.error?.message, () => undefined);
    throw new JoinCircleError(
      response.status === 404 || response.status === 410 || response.status === 403
        ? 'This invite link has been used or has expired. Ask for a new one in the carer app.'
        : `The circle could not be joined (HTTP ${response.status}${detail ? `: ${detail}` : ''}).`,
    );
  }
  const body = (await response.json()) as { deviceId?: unknown; deviceToken?: unknown };
  if (typeof body.deviceId !== 'string' || typeof body.deviceToken !== 'string') {
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
