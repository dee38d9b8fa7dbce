/** The circle's devices, with the ability to remove one (a lost phone) or leave the circle. */
import { useCallback, useEffect, useState } from 'react';
import { db } from '../app-data.ts';
import { forgetMembership, type CircleMembership } from '../sync/circle-membership.ts';
import { createRelayClient, type DeviceInfo } from '../../core/circle/relay-client.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';


export function DevicesPanel({ membership }: { membership: CircleMembership }) {
  const [devices, setDevices] = useState<DeviceInfo[]>();
  const [error, setError] = useState<string>();
  const relay = createRelayClient(membership.relayOrigin);

  const load = useCallback(async () => {
    try {
      setDevices(await createRelayClient(membership.relayOrigin).listDevices(membership.circleId, membership.deviceToken));
      setError(undefined);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [membership]);

  useEffect(() => {
    void load();
  }, [load]);

  async function remove(device: DeviceInfo) {
    if (!confirm(`Remove “${device.name}” from the circle? It will stop receiving alerts and updates.`)) return;
    try {
      await relay.revokeDevice(membership.circleId, device.id, membership.deviceToken);
      await load();
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  async function leave() {
    if (!confirm('Leave the care circle? This device keeps what it has but stops sharing and receiving.')) return;
    try {
      await relay.leave(membership.circleId, membership.deviceToken);
    } catch (caught) {
      // Already removed by someone else is fine; anything else keeps the membership so nothing is lost.
      if ((caught as { status?: number }).status !== 401) return setError((caught as Error).message);
    }
    await forgetMembership(db);
  }

  return (
    <section aria-labelledby="devices-heading">
      <h2 id="devices-heading">Devices in the circle</h2>
      {devices ? (
        <ul className="device-list">
          {devices.map((device) => (
            <li key={device.id}>
              <strong>{device.name}</strong>
              {device.self ? ' (this device)' : ''}
              <br />
              <span className="hint">Joined {formatDateTime(device.createdAt)} · last seen {formatDateTime(device.lastSeenAt)}</span>
              {device.self ? null : (
                <button type="button" className="button" onClick={() => remove(device)} aria-label={`Remove ${device.name}`}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>Loading devices…</p>
      )}
      <button type="button" className="button danger" onClick={leave}>
        Leave this circle
      </button>
      <ErrorAlert message={error} />
    </section>
  );
}
