import { useCallback, useState, type FormEvent } from 'react';
import { systemClock } from '../../core/platform.ts';
import { joinCircle } from '../../core/watcher/join-circle.ts';
import { requestSiteAccess } from '../../core/watcher/permission-request.ts';
import { TextField } from '../field.tsx';
import type { PageDeps } from './page-deps.ts';
import { useStored } from './use-stored.ts';

/** Connects this browser to the family's care circle, so spates reach everyone's phones (end-to-end encrypted). */
export function CircleSection({ deps }: { deps: PageDeps }) {
  const load = useCallback(() => deps.store.getCircle(), [deps]);
  const { value: circle, reload } = useStored(load);
  const [link, setLink] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function connect(event: FormEvent) {
    event.preventDefault();
    setError('');
    let relayUrl: string;
    try {
      relayUrl = new URL(link.trim()).origin;
    } catch {
      setError('Paste the whole invite link; it starts with https://.');
      return;
    }
    const access = await requestSiteAccess(deps.permissions, [relayUrl]);
    if (!access.granted) {
      setError(access.message);
      return;
    }
    setBusy(true);
    try {
      await deps.store.saveCircle(await joinCircle(link, { fetch: deps.fetch, clock: systemClock, deviceName: 'Kinwatch watcher (browser)' }));
      setLink('');
      await reload();
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    } finally {
      setBusy(false);
    }
  }

  async function disconnect() {
    await deps.store.saveCircle(undefined);
    await reload();
  }

  return (
    <section aria-labelledby="circle-heading">
      <h2 id="circle-heading">Family care circle</h2>
      {circle ? (
        <div className="row">
          <p className="ok">Connected to the care circle at {new URL(circle.relayUrl).host}. Alerts go to the family, encrypted.</p>
          <button type="button" className="secondary" onClick={() => void disconnect()}>Leave the circle</button>
        </div>
      ) : (
        <form onSubmit={(event) => void connect(event)} noValidate>
          <p>Not connected: alerts stay in this browser. Nothing is sent anywhere.</p>
          <TextField label="Invite link from the carer app" type="url" value={link} onChange={setLink} error={error || undefined} />
          <div className="row">
            <button type="submit" disabled={busy}>{busy ? 'Connecting…' : 'Connect'}</button>
          </div>
        </form>
      )}
    </section>
  );
}
