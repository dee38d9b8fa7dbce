/**
 * The circle's devices and who owns it. Owners may make another device an owner and remove devices (a lost phone);
 * any device may leave. The relay enforces the same rules; the buttons only offer what will work.
 */
import { db } from '../app-data.ts';
import { forgetMembership, type CircleMembership } from '../sync/circle-membership.ts';
import type { DeviceInfo } from '../../core/circle/relay-client.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { InvitePanel } from './invite-panel.tsx';
import { useCircleMembers, type CircleMembers } from './use-membership.ts';

/** Invites and devices together: both depend on whether this device is an owner. */
export function MembersPanels({ membership }: { membership: CircleMembership }) {
  const members = useCircleMembers(membership);
  return (
    <>
      <InvitePanel membership={membership} members={members} />
      <DevicesPanel membership={membership} members={members} />
    </>
  );
}

export function DevicesPanel({ membership, members }: { membership: CircleMembership; members: CircleMembers }) {
  const { devices, isOwner, error, act } = members;
  const owners = devices?.filter((device) => device.role === 'owner').length ?? 0;
  const self = devices?.find((device) => device.self);

  async function remove(device: DeviceInfo) {
    if (!confirm(`Remove “${device.name}” from the circle? It will stop receiving alerts and updates, and its unused invite links stop working.`)) return;
    await act((relay) => relay.revokeDevice(membership.circleId, device.id, membership.deviceToken));
  }

  async function makeOwner(device: DeviceInfo) {
    await act((relay) => relay.setRole(membership.circleId, device.id, 'owner', membership.deviceToken));
  }

  async function leave() {
    const handOver = self?.role === 'owner' && owners === 1 && (devices?.length ?? 0) > 1;
    const question = handOver
      ? 'Leave the care circle? You are its only owner: the device that joined longest ago becomes owner. This device keeps what it has but stops sharing and receiving.'
      : 'Leave the care circle? This device keeps what it has but stops sharing and receiving.';
    if (!confirm(question)) return;
    const left = await act(async (relay) => {
      try {
        await relay.leave(membership.circleId, membership.deviceToken);
      } catch (caught) {
        // Already removed by someone else is fine; anything else keeps the membership so nothing is lost.
        if ((caught as { status?: number }).status !== 401) throw caught;
      }
    });
    if (left) await forgetMembership(db);
  }

  return (
    <section aria-labelledby="devices-heading">
      <h2 id="devices-heading">Devices in the circle</h2>
      <p className="hint">
        {isOwner
          ? 'You are an owner: you can invite, make another device an owner, and remove devices.'
          : 'Owners invite and remove devices. Ask an owner if a phone is lost.'}
      </p>
      {devices ? (
        <ul className="device-list">
          {devices.map((device) => (
            <li key={device.id}>
              <strong>{device.name}</strong>
              {device.self ? ' (this device)' : ''}
              {device.role === 'owner' ? <span className="role"> · Owner</span> : null}
              <br />
              <span className="hint">Joined {formatDateTime(device.createdAt)} · last seen {formatDateTime(device.lastSeenAt)}</span>
              {isOwner && !device.self ? (
                <span className="device-actions">
                  {device.role === 'member' ? (
                    <button type="button" className="button secondary" onClick={() => makeOwner(device)} aria-label={`Make ${device.name} an owner`}>
                      Make owner
                    </button>
                  ) : null}
                  <button type="button" className="button" onClick={() => remove(device)} aria-label={`Remove ${device.name}`}>
                    Remove
                  </button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : error ? null : (
        <p>Loading devices…</p>
      )}
      <button type="button" className="button danger" onClick={leave}>
        Leave this circle
      </button>
      <ErrorAlert message={error} />
    </section>
  );
}
