import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { PostcodeLookupError } from '../../core/geo/postcode-lookup-error.ts';
import { createPostcodeClient } from '../../core/geo/postcodes.ts';
import { checkWatchedPersonInput, createWatchedPerson, WatchAreaInputError } from '../../core/geo/watch-area.ts';
import type { WatchedPerson } from '../../core/geo/watched-person.ts';
import { DEFAULT_RADIUS_KM } from '../../core/geo/watched-person.ts';
import { forceByPfa, neighboursOf } from '../../core/sources/force-registry.ts';
import { systemClock } from '../../core/platform.ts';
import { alreadyWatched, createCircleLink } from '../../core/watcher/circle-people.ts';
import { originPatternOf, postcodeServiceNotAllowedReason, pressToRetry, requestSiteAccess } from '../../core/watcher/permission-request.ts';
import { DEFAULT_SOURCE_CHOICES, notWatchedYetMessage, unlocatedPerson, type WatchedPersonEntry } from '../../core/watcher/watcher-state.ts';
import { TextField } from '../field.tsx';
import type { PageDeps } from './page-deps.ts';
import { PersonSources } from './person-sources.tsx';
import { useStored } from './use-stored.ts';

type FieldErrors = Partial<Record<'name' | 'postcode' | 'radiusKm' | 'form', string>>;
type CheckedPerson = ReturnType<typeof checkWatchedPersonInput>;

/** The button on a person's card that asks for the postcode service's site permission. */
const ALLOW_POSTCODES = 'Allow the postcode service';

/** The people to watch: name and postcode in, force area and place out; each with their sources below. */
export function PeopleSection({ deps }: { deps: PageDeps }) {
  const load = useCallback(async () => ({ entries: await deps.store.getPeople(), circle: await deps.store.getCircle() }), [deps]);
  // Watched: the circle's people appear as soon as Connect (or the background's poll) reads them, without a reload.
  const { value: loaded, reload } = useStored(load, { deps, keys: ['people', 'circle'] });
  const circle = loaded?.circle;
  const people = loaded ? (circle ? loaded.entries.filter((entry) => entry.shared) : loaded.entries) : undefined;
  const [name, setName] = useState('');
  const [postcode, setPostcode] = useState('');
  const [radius, setRadius] = useState(String(DEFAULT_RADIUS_KM));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [statusIsWarning, setStatusIsWarning] = useState(false);
  /** The person just removed, until the next change: one press brings them back, sources and all. */
  const [removed, setRemoved] = useState<WatchedPersonEntry | undefined>(undefined);
  const postcodeHost = new URL(deps.postcodesBaseUrl).hostname;
  const postcodesAllowed = usePostcodesAllowed(deps, loaded);

  function circleLink() {
    return createCircleLink({ fetch: deps.fetch, clock: systemClock, store: deps.store, postcodesBaseUrl: deps.postcodesBaseUrl });
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setStatus('');
    setStatusIsWarning(false);
    setRemoved(undefined);
    const radiusKm = Number(radius);
    let checked: CheckedPerson;
    try {
      // The shape is checked here, before any request: a typo is answered at once, even offline.
      checked = checkWatchedPersonInput({ name, postcode, radiusKm: Number.isFinite(radiusKm) ? radiusKm : Number.NaN });
    } catch (error) {
      if (error instanceof WatchAreaInputError) setErrors({ [error.field]: error.message });
      else setErrors({ postcode: error instanceof Error ? error.message : String(error) });
      return;
    }
    // Read fresh, not from what the page shows: the background or Connect may have just added them. Connected, the
    // circle is read first (best effort: offline, what this browser holds is checked), so a person the carer app
    // already has is not written to the circle a second time.
    const connected = await deps.store.getCircle();
    if (connected) await circleLink().people.refresh(connected).catch(() => undefined);
    const duplicate = alreadyWatched(await deps.store.getPeople(), checked);
    if (duplicate) {
      setErrors({ name: duplicate.message });
      return;
    }
    // Asked first, while the click still counts as the user's action. Refused, the person is still saved (not watched).
    const access = await requestSiteAccess(deps.permissions, [deps.postcodesBaseUrl], pressToRetry('Add person'));
    setBusy(true);
    try {
      await locateAndSave(checked, access.granted);
      setName('');
      setPostcode('');
    } catch (error) {
      if (error instanceof WatchAreaInputError) setErrors({ [error.field]: error.message });
      else if (error instanceof PostcodeLookupError) setErrors({ postcode: error.message });
      else setErrors({ form: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  /**
   * Looks the person's postcode up and saves them; saved as typed and plainly not watched when the postcode service
   * may not be used (`permitted` false) or cannot be reached. Says which in the status line. Throws
   * PostcodeLookupError for a postcode the service does not know, or RelayError when the circle cannot be written.
   */
  async function locateAndSave(checked: CheckedPerson, permitted: boolean): Promise<void> {
    let person: WatchedPerson;
    let unlocated: { reason: string } | undefined;
    if (!permitted) {
      person = unlocatedPerson(checked);
      unlocated = { reason: postcodeServiceNotAllowedReason(deps.postcodesBaseUrl) };
    } else {
      try {
        person = await createWatchedPerson(checked, {
          postcodes: createPostcodeClient({ fetch: deps.fetch, baseUrl: deps.postcodesBaseUrl }),
          forceByPfa,
          neighboursOf,
        });
      } catch (error) {
        if (!(error instanceof PostcodeLookupError) || !error.retryable) throw error;
        // The service is down, not the postcode wrong: saved as typed, looked up again at each check (as in the carer app).
        person = unlocatedPerson(checked);
        unlocated = { reason: error.message };
      }
    }
    const current = await deps.store.getPeople();
    const others = current.filter((entry) => entry.person.id !== person.id);
    const kept = current.find((entry) => entry.person.id === person.id)?.sources ?? DEFAULT_SOURCE_CHOICES;
    const connected = await deps.store.getCircle();
    if (connected) {
      // Entered once for the family: the carer app shows this person too.
      await circleLink().people.add(connected, {
        person,
        sources: kept,
        ...(unlocated ? { unlocated } : {}),
      });
    } else {
      await deps.store.savePeople([...others, { person, sources: kept, ...(unlocated ? { unlocated } : {}) }]);
    }
    await reload();
    const saved = `${person.name} saved with postcode ${person.postcode}${connected ? ' and shared with your care circle' : ''}, but NOT being watched yet`;
    if (!permitted) {
      setStatusIsWarning(true);
      setStatus(
        `${saved}: Kinwatch needs your permission to use the postcode service (${postcodeHost}) to find their area. To give it, press "${ALLOW_POSTCODES}" under ${person.name}'s name above and choose "Allow".`,
      );
    } else if (unlocated) {
      setStatusIsWarning(true);
      setStatus(`${saved}: the postcode service could not be reached, so their area is not known. Kinwatch looks it up again at each check.`);
    } else {
      setStatusIsWarning(false);
      setStatus(
        `${person.name} added: ${person.placeName ?? person.postcode}${connected ? ', and shared with your care circle' : ''}. Press "Allow" beside their sources so Kinwatch can read them.`,
      );
    }
  }

  /** The postcode service allowed from a person's card: asked first (a user action), then the person looked up. */
  async function allowPostcodes(entry: WatchedPersonEntry) {
    setErrors({});
    const access = await requestSiteAccess(deps.permissions, [deps.postcodesBaseUrl], pressToRetry(ALLOW_POSTCODES));
    if (!access.granted) {
      setStatusIsWarning(true);
      setStatus(access.message);
      return;
    }
    setBusy(true);
    const { id, name: personName, postcode: personPostcode, radiusKm } = entry.person;
    try {
      await locateAndSave({ id, name: personName, postcode: personPostcode, radiusKm }, true);
    } catch (error) {
      setStatusIsWarning(true);
      setStatus(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  async function remove(entry: WatchedPersonEntry) {
    const current = await deps.store.getPeople();
    await deps.store.savePeople(current.filter((other) => other.person.id !== entry.person.id));
    await reload();
    setRemoved(entry);
    setStatusIsWarning(true);
    setStatus(`${entry.person.name} is no longer watched: no warnings will come for them.`);
  }

  /** Undoes the last "Stop watching": one press, no retyping (a mis-click must not end the warnings for good). */
  async function undoRemove() {
    if (!removed) return;
    const current = await deps.store.getPeople();
    if (!current.some((other) => other.person.id === removed.person.id)) await deps.store.savePeople([...current, removed]);
    await reload();
    setRemoved(undefined);
    setStatusIsWarning(false);
    setStatus(`${removed.person.name} is watched again.`);
  }

  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">People you watch over</h2>
      {people?.length === 0 && (
        <p>{circle ? 'Your care circle has no one yet. Add the person you look after below, or in the carer app.' : 'No one yet. Add the person you look after below.'}</p>
      )}
      <ul className="plain">
        {people?.map((entry) => (
          <li key={entry.person.id} className="card">
            <h3>
              {entry.unlocated
                ? `${entry.person.name} — ${entry.person.postcode} (not located yet), within ${entry.person.radiusKm} km`
                : `${entry.person.name} — ${entry.person.placeName ?? entry.person.postcode} (${entry.person.postcode}), within ${entry.person.radiusKm} km`}
            </h3>
            {entry.unlocated ? <p className="flag">{notWatchedYetMessage(entry)}</p> : null}
            {entry.unlocated && postcodesAllowed === false ? (
              <>
                <p className="hint">
                  To find {entry.person.name}'s area, Kinwatch needs your permission to use the postcode service, {postcodeHost}: press the
                  button and choose "Allow". Only postcodes and place names are sent there.
                </p>
                <div className="row">
                  <button type="button" disabled={busy} onClick={() => void allowPostcodes(entry)}>
                    {ALLOW_POSTCODES}
                  </button>
                </div>
              </>
            ) : null}
            {entry.shared ? <p className="hint">From your family's care circle: change or remove them in the carer app.</p> : null}
            {entry.unlocated ? null : <PersonSources deps={deps} entry={entry} onChanged={reload} />}
            {entry.shared ? null : (
              <button type="button" className="secondary" onClick={() => void remove(entry)}>
                Stop watching {entry.person.name}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => void add(event)} noValidate aria-describedby="people-status">
        <h3>Add a person</h3>
        <TextField label="Name" value={name} onChange={setName} autoComplete="off" error={errors.name} />
        <TextField label="Their postcode" value={postcode} onChange={setPostcode} autoComplete="off" error={errors.postcode}
          hint="Looked up on postcodes.io to find their police force and town." />
        <TextField label="Warn me about places within (km)" type="number" min={1} max={100} value={radius} onChange={setRadius}
          error={errors.radiusKm} />
        <div className="row">
          <button type="submit" disabled={busy}>{busy ? 'Looking up…' : 'Add person'}</button>
        </div>
        {errors.form && <p className="error">{errors.form}</p>}
        <p id="people-status" role="status" className={statusIsWarning ? 'flag' : 'ok'}>{status}</p>
        {removed && (
          <div className="row">
            <button type="button" className="secondary" onClick={() => void undoRemove()}>
              Undo: watch {removed.person.name} again
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

/** Whether the postcode service's site is allowed (undefined while asking); asked again whenever the people change. */
function usePostcodesAllowed(deps: PageDeps, people: unknown): boolean | undefined {
  const [allowed, setAllowed] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    void deps.permissions
      .contains({ origins: [originPatternOf(deps.postcodesBaseUrl)] })
      .catch(() => false)
      .then((has) => {
        if (!cancelled) setAllowed(has);
      });
    return () => {
      cancelled = true;
    };
  }, [deps, people]);
  return allowed;
}
