/** The care circle: the family's devices sharing alerts and the call log, end-to-end encrypted. */
import { useEffect, useState } from 'react';
import { db, repository } from '../app-data.ts';
import { appCircleSync } from '../sync/circle-sync.ts';
import { MembersPanels } from './devices-panel.tsx';
import { NotificationsPanel } from './notifications-panel.tsx';
import { StartPanel } from './start-panel.tsx';
import { useMembership, useSyncStatus } from './use-membership.ts';
import { formatDateTime } from '../../ui/format-date-time.ts';

function SyncPanel() {
  const status = useSyncStatus();
  const [busy, setBusy] = useState(false);
  async function syncNow() {
    setBusy(true);
    await appCircleSync(db, repository).syncNow();
    setBusy(false);
  }
  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <p role="status">
        {busy
          ? 'Syncing…'
          : status?.lastSyncAt
            ? `Last synced ${formatDateTime(status.lastSyncAt)}.`
            : 'Not synced yet.'}
      </p>
      {status?.lastError ? <p className="field-error">Last attempt failed: {status.lastError}</p> : null}
      {status?.undecryptable ? <p className="field-error">{status.undecryptable} updates could not be decrypted with this circle’s key and were skipped.</p> : null}
      {status?.heldAhead?.length ? (
        <p className="field-error">
          {status.heldAhead.length === 1 ? '1 update is' : `${status.heldAhead.length} updates are`} waiting because the device that
          made {status.heldAhead.length === 1 ? 'it' : 'them'} has its clock set ahead; {status.heldAhead.length === 1 ? 'it' : 'they'} will
          be applied when this device’s time catches up. Check the date and time on the family’s devices.
        </p>
      ) : null}
      <button type="button" className="button" onClick={syncNow} disabled={busy}>
        Sync now
      </button>
    </section>
  );
}

export function CircleScreen() {
  const membership = useMembership();
  const [justJoined, setJustJoined] = useState(false);

  const [alreadyMember, setAlreadyMember] = useState(false);

  useEffect(() => {
    if (membership) void appCircleSync(db, repository).syncNow();
    // An invite link opened on a device already in a circle: never leave the key in the address bar.
    if (membership && location.pathname === '/join' && location.hash.length > 1) {
      history.replaceState(null, '', '/circle');
      setAlreadyMember(true);
    }
  }, [membership]);

  if (membership === undefined) return <p>Loading…</p>;
  if (membership === null) return <StartPanel onJoined={() => setJustJoined(true)} />;
  return (
    <>
      <h1>Care circle</h1>
      <p>
        This device is <strong>{membership.deviceName}</strong> in your family’s circle.
        {justJoined ? ' You have joined: turn on notifications below so urgent alerts reach you.' : ''}
      </p>
      {alreadyMember ? (
        <p role="alert">This device is already in a care circle, so the invite link was not used. Leave this circle first to join another.</p>
      ) : null}
      <NotificationsPanel membership={membership} />
      <SyncPanel />
      <MembersPanels membership={membership} />
    </>
  );
}
