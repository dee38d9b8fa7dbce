/** Not in a circle yet: start one, or join one from an invite link (opened, or pasted). */
import { useEffect, useState, type FormEvent } from 'react';
import { exportCircleKey, generateCircleKey, importCircleKey } from '../../core/circle/circle-crypto.ts';
import { parseInviteLink } from '../../core/circle/invite-link.ts';
import { TextField } from '../../ui/field.tsx';
import { db } from '../app-data.ts';
import { saveMembership } from '../sync/circle-membership.ts';
import { createRelayClient, RelayError } from '../../core/circle/relay-client.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';

function message(error: unknown): string {
  if (error instanceof RelayError && error.code === 'invite_used') return 'This invite link was already used. Ask for a new one.';
  if (error instanceof RelayError && error.code === 'invite_expired') return 'This invite link has expired. Ask for a new one.';
  if (error instanceof RelayError && error.code === 'invite_unknown') return 'This invite link is not known to the relay. Ask for a new one.';
  if (error instanceof RelayError && error.code === 'invite_cancelled') return 'This invite link was cancelled by an owner of the circle. Ask an owner for a new one.';
  if (error instanceof RelayError && error.code === 'device_name_taken') return 'Another device in this circle already has that name. Choose another name for this device.';
  return (error as Error).message;
}

/** What is wrong with an invite link, in plain words, with the parser's technical detail kept apart. */
interface LinkProblem {
  message: string;
  detail?: string;
}

/** Checks an invite link's shape without the network: undefined when it can be used to join. */
function inviteLinkProblem(link: string): LinkProblem | undefined {
  if (!link.trim()) return { message: 'Paste the invite link a family member sent you.' };
  try {
    parseInviteLink(link.trim());
    return undefined;
  } catch (caught) {
    return {
      message: 'This invite link is incomplete or damaged: part of it is missing. Copy the whole link (it is long) and paste it again, or ask the family member who sent it for a new one.',
      detail: (caught as Error).message,
    };
  }
}

export function StartPanel({ onJoined }: { onJoined: () => void }) {
  const [deviceName, setDeviceName] = useState('');
  const [link, setLink] = useState('');
  // An opened invite link that cannot work, found as the page opens (before anyone names the device).
  const [openedProblem, setOpenedProblem] = useState<LinkProblem>();
  // A working invite link was opened: the page offers to join with it (typing in the paste field never does).
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<string>();
  // A field error goes in the summary at the top, linked to the field; others (the relay's) show at the top too.
  const [nameProblem, setNameProblem] = useState<string>();
  const [linkProblem, setLinkProblem] = useState<LinkProblem>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  // Opened from an invite link: take the fragment into the form, then remove it from the address bar and history.
  useEffect(() => {
    if (location.pathname === '/join' && location.hash.length > 1) {
      const problem = inviteLinkProblem(location.href);
      if (problem) setOpenedProblem(problem);
      else {
        setLink(location.href);
        setOpened(true);
      }
      history.replaceState(null, '', '/join');
    }
  }, []);

  const nameError = deviceName.trim() ? undefined : 'Give this device a name, for example "Anna’s phone".';

  const checkName = (): boolean => {
    setAttempt((count) => count + 1);
    setNameProblem(nameError);
    return !nameError;
  };

  async function create(event: FormEvent) {
    event.preventDefault();
    setLinkProblem(undefined);
    if (!checkName()) return;
    setBusy(true);
    setError(undefined);
    try {
      const relayOrigin = location.origin;
      const created = await createRelayClient(relayOrigin).createCircle(deviceName.trim());
      const circleKey = await exportCircleKey(await generateCircleKey());
      await saveMembership(db, { relayOrigin, ...created, circleKey, deviceName: deviceName.trim(), joinedAt: new Date().toISOString() });
    } catch (caught) {
      setError(message(caught));
    } finally {
      setBusy(false);
    }
  }

  /** `pasted`: the link came from the paste field, so its problems are reported against that field. */
  async function join(event: FormEvent, pasted: boolean) {
    event.preventDefault();
    const problem = pasted ? inviteLinkProblem(link) : undefined;
    setLinkProblem(problem);
    const nameOk = checkName();
    if (!nameOk || problem) return;
    setBusy(true);
    setError(undefined);
    try {
      const invite = parseInviteLink(link.trim());
      await importCircleKey(invite.circleKey);
      if (invite.relayOrigin !== location.origin) throw new Error(`This link is for another relay (${invite.relayOrigin}). Open it there.`);
      const joined = await createRelayClient(invite.relayOrigin).join(invite.circleId, invite.inviteToken, deviceName.trim());
      await saveMembership(db, {
        relayOrigin: invite.relayOrigin,
        circleId: invite.circleId,
        ...joined,
        circleKey: invite.circleKey,
        deviceName: deviceName.trim(),
        joinedAt: new Date().toISOString(),
      });
      setLink('');
      setOpened(false);
      if (location.pathname === '/join') history.replaceState(null, '', '/circle');
      onJoined();
    } catch (caught) {
      setError(message(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Care circle</h1>
      <ErrorSummary
        errors={[
          ...(nameProblem ? [{ fieldId: 'circle-device-name', message: nameProblem }] : []),
          ...(linkProblem ? [{ fieldId: 'circle-invite-link', message: linkProblem.message }] : []),
        ]}
        attempt={attempt}
      />
      <ErrorAlert message={error} />
      {openedProblem ? (
        <section className="warning" role="alert" aria-labelledby="opened-link-heading">
          <h2 id="opened-link-heading">This invite link is incomplete</h2>
          <p>
            The link you opened is missing part of what it needs, often because it was cut short when it was copied or sent. Copy the whole
            link (it is long) and paste it under “Join with an invite link” below, or ask the family member who sent it for a new one.
          </p>
          {openedProblem.detail ? (
            <details>
              <summary>Technical detail</summary>
              <p>{openedProblem.detail}</p>
            </details>
          ) : null}
        </section>
      ) : null}
      <p>
        A care circle shares alerts, the call log and the checklist between the family’s devices. Everything is
        encrypted on this device; the relay only passes on what it cannot read.
      </p>
      <TextField
        id="circle-device-name"
        label="Name for this device"
        hint="Shown to the rest of the family, for example “Anna’s phone”."
        value={deviceName}
        onChange={setDeviceName}
        error={nameProblem}
        required
      />
      {opened ? (
        <form onSubmit={(event) => void join(event, false)} aria-labelledby="join-heading">
          <h2 id="join-heading">Join the family’s circle</h2>
          <p>You opened an invite link. Join to receive alerts and share the call log.</p>
          <button type="submit" className="button primary" disabled={busy}>
            Join the circle
          </button>
        </form>
      ) : (
        <>
          <form onSubmit={create} aria-labelledby="create-heading">
            <h2 id="create-heading">Start a new circle</h2>
            <button type="submit" className="button primary" disabled={busy}>
              Create a care circle
            </button>
          </form>
          <form onSubmit={(event) => void join(event, true)} aria-labelledby="paste-heading" noValidate>
            <h2 id="paste-heading">Join with an invite link</h2>
            <TextField
              id="circle-invite-link"
              label="Invite link"
              hint="Paste the link a family member sent you."
              type="url"
              value={link}
              onChange={setLink}
              error={linkProblem?.message}
            />
            {linkProblem?.detail ? (
              <details>
                <summary>Technical detail</summary>
                <p>{linkProblem.detail}</p>
              </details>
            ) : null}
            <button type="submit" className="button" disabled={busy}>
              Join with this link
            </button>
          </form>
        </>
      )}
    </>
  );
}
