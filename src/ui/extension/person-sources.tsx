import { useEffect, useState } from 'react';
import { forceById, sourcesForForce } from '../../core/sources/force-registry.ts';
import type { Source } from '../../core/sources/source.ts';
import { originPatternOf, pressToRetry, requestSiteAccess } from '../../core/watcher/permission-request.ts';
import { suggestedSources } from '../../core/watcher/source-plan.ts';
import type { PersonSourceChoices, WatchedPersonEntry } from '../../core/watcher/watcher-state.ts';
import type { PageDeps } from './page-deps.ts';

const registrySources = (forceId: string, options: { includeNeighbours: boolean; includeGoogleNews: boolean }): Source[] =>
  forceById(forceId) ? sourcesForForce(forceId, options) : [];

/** A person's sources (own force, neighbours, Google News) with on/off switches and the "Allow" for their sites. */
export function PersonSources({ deps, entry, onChanged }: { deps: PageDeps; entry: WatchedPersonEntry; onChanged: () => Promise<void> }) {
  // Shown at once on a click; storage catches up behind.
  const [choices, setChoices] = useState(entry.sources);
  const sources = suggestedSources(entry.person, choices, registrySources);
  const enabled = sources.filter((source) => !choices.disabledSourceIds.includes(source.id));
  const [missing, setMissing] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const force = forceById(entry.person.forceId);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const lacking: string[] = [];
      for (const source of enabled) {
        const has = await deps.permissions.contains({ origins: [originPatternOf(source.url)] }).catch(() => false);
        if (!has) lacking.push(source.id);
      }
      if (!cancelled) setMissing(lacking);
    })();
    return () => {
      cancelled = true;
    };
    // Recheck whenever the list of enabled sources changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deps, enabled.map((source) => source.id).join(',')]);

  async function save(next: PersonSourceChoices) {
    setChoices(next);
    const people = await deps.store.getPeople();
    await deps.store.savePeople(people.map((other) => (other.person.id === entry.person.id ? { ...other, sources: next } : other)));
    await onChanged();
  }

  async function allow() {
    const outcome = await requestSiteAccess(deps.permissions, enabled.map((source) => source.url), pressToRetry('Allow'));
    if (outcome.granted) {
      setMissing([]);
      setMessage('Thank you: Kinwatch can now read these sources.');
    } else {
      setMessage(outcome.message);
    }
  }

  function toggleSource(source: Source, on: boolean) {
    const disabled = new Set(choices.disabledSourceIds);
    if (on) disabled.delete(source.id);
    else disabled.add(source.id);
    void save({ ...choices, disabledSourceIds: [...disabled] });
  }

  const prefix = `sources-${entry.person.id}`;
  return (
    <div>
      <p className="hint">Police force: {force?.name ?? entry.person.forceId}</p>
      <label className="check">
        <input type="checkbox" checked={choices.includeNeighbours}
          onChange={(e) => void save({ ...choices, includeNeighbours: e.target.checked })} />
        Also read neighbouring forces' news
      </label>
      <label className="check">
        <input type="checkbox" checked={choices.includeGoogleNews}
          onChange={(e) => void save({ ...choices, includeGoogleNews: e.target.checked })} />
        Also search Google News for local papers
      </label>
      <fieldset>
        <legend>Sources for {entry.person.name}</legend>
        <ul className="plain">
          {sources.map((source) => (
            <li key={source.id}>
              <label className="check" htmlFor={`${prefix}-${source.id}`}>
                <input id={`${prefix}-${source.id}`} type="checkbox" checked={!choices.disabledSourceIds.includes(source.id)}
                  onChange={(e) => toggleSource(source, e.target.checked)} />
                {source.label} ({new URL(source.url).hostname})
                {missing.includes(source.id) && <span className="error">&nbsp;— not allowed yet</span>}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {missing.length > 0 && (
        <div className="row">
          <button type="button" onClick={() => void allow()}>Allow</button>
          <span className="hint">Lets Kinwatch read just these sites, nothing else.</span>
        </div>
      )}
      <p role="status" className={message.startsWith('Thank') ? 'ok' : 'error'}>{message}</p>
    </div>
  );
}
