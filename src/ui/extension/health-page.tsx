import { useCallback, type ReactNode } from 'react';
import { checkCoverage, describeCoverage } from '../../core/sources/check-coverage.ts';
import { sourcesForKnownForce } from '../../core/sources/force-registry.ts';
import { adviceFor } from '../../core/sources/source-error-code.ts';
import { isSourceSuspicious } from '../../core/sources/source-health.ts';
import type { Source, SourceHealth } from '../../core/sources/source.ts';
import { sourcesToPoll } from '../../core/watcher/source-plan.ts';
import type { PageDeps } from './page-deps.ts';
import { useStored } from './use-stored.ts';

const ANSWERED_BY: Record<NonNullable<SourceHealth['answeredBy']>, string> = {
  feed: 'its feed',
  listing: 'its news page (the feed did not answer)',
  discovered: 'a feed found at a new address',
};

/** A broken force page must be seen, not silent: every source's last success, status, items, error and what to do. */
export function HealthPage({ deps }: { deps: PageDeps }) {
  const load = useCallback(async () => {
    const [people, feeds, health] = await Promise.all([deps.store.getPeople(), deps.store.getCustomFeeds(), deps.store.getHealth()]);
    const sources = sourcesToPoll(people.filter((entry) => !entry.unlocated), feeds, sourcesForKnownForce);
    return { sources, health, coverage: describeCoverage(checkCoverage(sources, health)) };
  }, [deps]);
  // Followed live: a check running in the background shows here as each source is read.
  const { value, reload } = useStored(load, { deps, keys: ['people', 'customFeeds', 'health'] });
  if (!value) return null;
  return (
    <main className="wide">
      <h1>Source health</h1>
      <p>Each source Kinwatch reads, and how the last check went.</p>
      {value.sources.length > 0 && (
        <p role="status" className={value.coverage.quiet && value.coverage.detail === '' ? 'ok' : 'flag'}>
          {summaryLine(value.coverage)}
        </p>
      )}
      <button type="button" className="secondary" onClick={() => void reload()}>Refresh</button>
      {value.sources.length === 0 ? (
        <p>No sources yet: add a person or a feed in the settings.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Sources and how each last check went" tabIndex={0}>
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
        </div>
      )}
    </main>
  );
}

/** "4 of 7 sources read; 3 of 7 sources could not be reached." — never a reassurance the data cannot carry. */
function summaryLine(coverage: ReturnType<typeof describeCoverage>): string {
  if (!coverage.quiet) return [coverage.headline, coverage.detail].filter(Boolean).join(' ');
  return coverage.detail === '' ? 'Every source answered at its last check.' : `Some sources are not being read: ${coverage.detail}`;
}

function HealthRow({ source, health }: { source: Source; health: SourceHealth | undefined }) {
  const suspicious = isSourceSuspicious(health);
  const notAllowed = health?.lastErrorCode === 'not_allowed';
  const state = notAllowed
    ? 'Not allowed yet'
    : !health?.lastAttemptAt
      ? 'Not checked yet'
      : health.consecutiveFailures > 0
        ? 'Failing'
        : suspicious
          ? 'Suspicious'
          : 'Working';
  const failing = state === 'Failing' || notAllowed;
  return (
    <tr data-source-id={source.id}>
      <th scope="row">
        {source.label}
        <br />
        <span className="hint source-url">{source.url}</span>
      </th>
      <td className={state === 'Working' ? 'ok' : state === 'Not checked yet' ? undefined : 'flag'}>
        {state}
        {suspicious && <p className="flag">This page used to list items and now lists none.</p>}
        {!failing && health?.answeredBy !== undefined && health.lastOkAt !== undefined && (
          <p data-answered-by={health.answeredBy}>Read from {ANSWERED_BY[health.answeredBy]}.</p>
        )}
        {!failing && health?.movedTo !== undefined && <p>Moved to {withBreakableAddresses(health.movedTo)}</p>}
        {!failing && health?.warning !== undefined && <p className="hint">{withBreakableAddresses(health.warning)}</p>}
      </td>
      <td>{health?.lastOkAt ? new Date(health.lastOkAt).toLocaleString('en-GB') : 'never'}</td>
      <td>{health?.lastStatus === undefined ? '—' : health.lastStatus === 0 ? 'no answer' : `HTTP ${health.lastStatus}`}</td>
      <td>{health?.lastItemCount ?? '—'}</td>
      <td>
        {failing && health?.lastError !== undefined && withBreakableAddresses(health.lastError)}
        {failing && health?.lastErrorCode !== undefined && (
          <p>
            <span className="hint" data-error-code={health.lastErrorCode}>({health.lastErrorCode})</span> {adviceFor(health.lastErrorCode)}
          </p>
        )}
      </td>
    </tr>
  );
}

/** Text with each web address in it allowed to wrap anywhere (a long feed address), the words around it kept whole. */
function withBreakableAddresses(text: string): ReactNode[] {
  return text.split(/(https?:\/\/\S+)/).map((part, index) => (index % 2 === 1 ? <span key={index} className="source-url">{part}</span> : part));
}
