import { useCallback } from 'react';
import { forceById, sourcesForForce } from '../../core/sources/force-registry.ts';
import { isSourceSuspicious } from '../../core/sources/source-health.ts';
import type { Source, SourceHealth } from '../../core/sources/source.ts';
import { sourcesToPoll } from '../../core/watcher/source-plan.ts';
import type { PageDeps } from './page-deps.ts';
import { useStored } from './use-stored.ts';

const registrySources = (forceId: string, options: { includeNeighbours: boolean; includeGoogleNews: boolean }): Source[] =>
  forceById(forceId) ? sourcesForForce(forceId, options) : [];

/** A broken force page must be seen, not silent: every source's last success, status, items and error. */
export function HealthPage({ deps }: { deps: PageDeps }) {
  const load = useCallback(async () => {
    const [people, feeds, health] = await Promise.all([deps.store.getPeople(), deps.store.getCustomFeeds(), deps.store.getHealth()]);
    return { sources: sourcesToPoll(people, feeds, registrySources), health };
  }, [deps]);
  const { value, reload } = useStored(load);
  if (!value) return null;
  return (
    <main>
      <h1>Source health</h1>
      <p>Each source Kinwatch reads, and how the last check went.</p>
      <button type="button" className="secondary" onClick={() => void reload()}>Refresh</button>
      {value.sources.length === 0 ? (
        <p>No sources yet: add a person or a feed in the settings.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">State</th>
              <th scope="col">Last success</th>
              <th scope="col">Status</th>
              <th scope="col">Items seen</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {value.sources.map((source) => (
              <HealthRow key={source.id} source={source} health={value.health[source.id]} />
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function HealthRow({ source, health }: { source: Source; health: SourceHealth | undefined }) {
  const suspicious = isSourceSuspicious(health);
  const state = !health?.lastAttemptAt ? 'Not checked yet' : health.consecutiveFailures > 0 ? 'Failing' : suspicious ? 'Suspicious' : 'Working';
  return (
    <tr data-source-id={source.id}>
      <th scope="row">
        {source.label}
        <br />
        <span className="hint">{source.url}</span>
      </th>
      <td className={state === 'Working' ? 'ok' : state === 'Not checked yet' ? undefined : 'flag'}>
        {state}
        {suspicious && <p className="flag">This page used to list items and now lists none.</p>}
      </td>
      <td>{health?.lastOkAt ? new Date(health.lastOkAt).toLocaleString('en-GB') : 'never'}</td>
      <td>{health?.lastStatus === undefined ? '—' : health.lastStatus === 0 ? 'no answer' : `HTTP ${health.lastStatus}`}</td>
      <td>{health?.lastItemCount ?? '—'}</td>
      <td>{health?.lastError ?? ''}</td>
    </tr>
  );
}
