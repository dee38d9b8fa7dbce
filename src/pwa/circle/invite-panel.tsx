/**
 * Invite a relative (owners only): a one-use link carrying the circle key in its fragment, as text, a copy button
 * and a QR code; and the links not used yet, each of which can be cancelled.
 */
import { useState } from 'react';
import { formatInviteLink } from '../../core/circle/invite-link.ts';
import { createRelayClient } from '../../core/circle/relay-client.ts';
import type { CircleMembership } from '../sync/circle-membership.ts';
import { QrCode } from './qr-code.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import type { CircleMembers } from './use-membership.ts';

export function InvitePanel({ membership, members }: { membership: CircleMembership; members: CircleMembers }) {
  const [invite, setInvite] = useState<{ id: string; link: string; expiresAt: string }>();
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState(false);
  const { isOwner, invites, devices } = members;
  const relay = createRelayClient(membership.relayOrigin);

  async function create() {
    setError(undefined);
    setCopied(false);
    try {
      const made = await relay.createInvite(membership.circleId, membership.deviceToken);
      const link = formatInviteLink({ relayOrigin: membership.relayOrigin, circleId: membership.circleId, inviteToken: made.inviteToken, circleKey: membership.circleKey });
      setInvite({ id: made.id, link, expiresAt: made.expiresAt });
      await members.reload();
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  async function cancel(id: string) {
    setError(undefined);
    try {
      await relay.cancelInvite(membership.circleId, id, membership.deviceToken);
      if (invite?.id === id) setInvite(undefined);
      await members.reload();
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  async function copy() {
    if (!invite) return;
    try {
      await navigator.clipboard.writeText(invite.link);
      setCopied(true);
    } catch {
      setError('Copying is not allowed here; select the link and copy it by hand.');
    }
  }

  if (!devices) return null;
  if (!isOwner) {
    return (
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite a family member</h2>
        <p>Only an owner of the circle can invite. Ask one of the owners listed below for an invite link.</p>
      </section>
    );
  }
  const makerName = (id: string) => devices.find((device) => device.id === id)?.name ?? 'a removed device';
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a family member</h2>
      <p>Each link lets one device join, once. Send it privately: whoever has it can read the circle.</p>
      <button type="button" className="button" onClick={create}>
        {invite ? 'Make another invite link' : 'Create an invite link'}
      </button>
      {invite ? (
        <div className="invite">
          <label htmlFor="invite-link">Invite link (valid until {formatDateTime(invite.expiresAt)})</label>
          <input id="invite-link" type="text" readOnly value={invite.link} onFocus={(event) => event.currentTarget.select()} />
          <button type="button" className="button" onClick={copy}>
            Copy link
          </button>
          <p aria-live="polite">{copied ? 'Link copied.' : ''}</p>
          <QrCode text={invite.link} label="QR code of the invite link shown above. Scan it with the other phone’s camera." />
        </div>
      ) : null}
      {invites && invites.length > 0 ? (
        <>
          <h3>Invite links not used yet</h3>
          <ul className="device-list">
            {invites.map((pending) => (
              <li key={pending.id}>
                Made by {makerName(pending.createdBy)} on {formatDateTime(pending.createdAt)}, valid until {formatDateTime(pending.expiresAt)}
                <button type="button" className="button secondary" onClick={() => cancel(pending.id)}
                  aria-label={`Cancel the invite link made on ${formatDateTime(pending.createdAt)}`}>
                  Cancel link
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ErrorAlert message={error} />
    </section>
  );
}
