import { useCallback, useState, type FormEvent } from 'react';
import { systemClock } from '../../core/platform.ts';
import { createCircleLink } from '../../core/watcher/circle-people.ts';
import { JoinCircleError, joinCircle, MAX_DEVICE_NAME, readInviteLink } from '../../core/watcher/join-circle.ts';
import { pressToRetry, requestSiteAccess } from '../../core/watcher/permission-request.ts';
import { TextField } from '../field.tsx';
import type { PageDeps } from './page-deps.ts';
import { useStored } from './use-stored.ts';

/** Connects this browser to the family's care circle, so spates reach everyone's phones (end-to-end encrypted). */
export function CircleSection({ deps }: { deps: PageDeps }) {
  const load = useCallback(() => deps.store.getCircle(), [deps]);
  const { value: circle, reload } = useStored(load, { deps, keys: ['circle'] });
  const [link, setLink] = useState('');
  const [deviceName, setDeviceName] = useState(() => `Watcher on ${browserName(navigator.userAgent)}`);
  const [error, setError] = useState('');
  const [nameError, setNameError] = useState('');
  const [detail, setDetail] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  async function connect(event: FormEvent) {
    event.preventDefault();
    setError('');
    setNameError('');
    setDetail('');
    let relayUrl: string;
    try {
      // Read here, before the permission prompt, so a damaged link is explained without asking for any site.
      relayUrl = readInviteLink(link).relayOrigin;
    } catch (problem) {
      showError(problem);
      return;
    }
    if (!deviceName.trim()) {
      setNameError('Give this computer a name, so the family can tell it apart.');
      return;
    }
    const access = await requestSiteAccess(deps.permissions, [relayUrl], pressToRetry('Connect'));
    if (!access.granted) {
      setError(access.message);
      return;
    }
    setBusy(true);
    try {
      const joined = await joinCircle(link, { fetch: deps.fetch, clock: systemClock, deviceName });
      await deps.store.saveCircle(joined);
      setLink('');
      await reload();
      // One person, entered once: the people watched here become the circle's, and the circle's are watched here.
      const circlePeople = createCircleLink({ fetch: deps.fetch, clock: systemClock, store: deps.store, postcodesBaseUrl: deps.postcodesBaseUrl }).people;
      try {
        const written = await circlePeople.shareLocal(joined);
        const { people } = await circlePeople.refresh(joined);
        setStatus(
          `Watching the circle's ${people === 1 ? 'person' : `${people} people`}` +
            (written > 0 ? `; ${written === 1 ? 'the person' : `${written} people`} you watched here now shared with the family.` : '.'),
        );
      } catch (problem) {
        setStatus(`Connected, but the circle's people could not be read yet (${problem instanceof Error ? problem.message : String(problem)}). They are read again at every check.`);
      }
    } catch (problem) {
      showError(problem);
    } finally {
      setBusy(false);
    }
  }

  function showError(problem: unknown) {
    if (problem instanceof JoinCircleError) {
      (problem.field === 'deviceName' ? setNameError : setError)(problem.message);
      setDetail(problem.detail ?? '');
    } else setError(problem instanceof Error ? problem.message : String(problem));
  }

  async function disconnect() {
    await deps.store.saveCircle(undefined);
    // The circle's people stay watched here, as this browser's own.
    const people = await deps.store.getPeople();
    await deps.store.savePeople(people.map(({ shared: _shared, ...entry }) => entry));
    setStatus('');
    await reload();
  }

  return (
    <section aria-labelledby="circle-heading">
      <h2 id="circle-heading">Family care circle</h2>
      {circle ? (
        <div className="row">
          <p className="ok">Connected to the care circle at {new URL(circle.relayUrl).host}. Alerts go to the family, encrypted.</p>
          <p role="status">{status}</p>
          <button type="button" className="secondary" onClick={() => void disconnect()}>Leave the circle</button>
        </div>
      ) : (
        <form onSubmit={(event) => void connect(event)} noValidate>
          <p>Not connected: alerts stay in this browser. Nothing is sent anywhere.</p>
          <TextField label="Invite link from the carer app" type="url" value={link} onChange={setLink} error={error || undefined} />
          {detail && (
            <details>
              <summary>Technical details</summary>
              <p>{detail}</p>
            </details>
          )}
          <TextField label="Name for this computer in the circle" value={deviceName} onChange={setDeviceName} error={nameError || undefined}
            autoComplete="off" hint={`How the family sees this computer in the carer app (at most ${MAX_DEVICE_NAME} characters).`} />
          <div className="row">
            <button type="submit" disabled={busy}>{busy ? 'Connecting…' : 'Connect'}</button>
          </div>
        </form>
      )}
    </section>
  );
}

/** "Firefox", "Edge", "Chrome" or "this browser", from the user agent: the default name for this computer. */
function browserName(userAgent: string): string {
  if (/Firefox\//.test(userAgent)) return 'Firefox';
  if (/Edg\//.test(userAgent)) return 'Edge';
  if (/Chrome\//.test(userAgent)) return 'Chrome';
  return 'this browser';
}
