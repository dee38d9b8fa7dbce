/** Invite a relative: a one-use link carrying the circle key in its fragment, as text, a copy button and a QR code. */
import { useState } from 'react';
import { formatInviteLink } from '../../core/circle/invite-link.ts';
import type { CircleMembership } from '../sync/circle-membership.ts';
import { createRelayClient } from '../../core/circle/relay-client.ts';
import { QrCode } from './qr-code.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';

export function InvitePanel({ membership }: { membership: CircleMembership }) {
  const [invite, setInvite] = useState<{ link: string; expiresAt: string }>();
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState(false);

  async function create() {
    setError(undefined);
    setCopied(false);
    try {
      const made = await createRelayClient(membership.relayOrigin).createInvite(membership.circleId, membership.deviceToken);
      const link = formatInviteLink({ relayOrigin: membership.relayOrigin, circleId: membership.circleId, inviteToken: made.inviteToken, circleKey: membership.circleKey });
      setInvite({ link, expiresAt: made.expiresAt });
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
      <ErrorAlert message={error} />
    </section>
  );
}
