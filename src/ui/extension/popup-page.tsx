import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Spate } from '../../core/spates/spate.ts';
import { checkCoverage, describeCoverage, describePersonCoverage } from '../../core/sources/check-coverage.ts';
import { sourcesForKnownForce } from '../../core/sources/force-registry.ts';
import { sourcesToPoll } from '../../core/watcher/source-plan.ts';
import { carerAppBase } from '../../core/watcher/carer-app-links.ts';
import type { SourceProgress } from '../../core/watcher/poll-cycle.ts';
import { formatKm, harmParts, reportCount } from '../../core/spates/wording.ts';
import { checkOutcomeLine, staleWarningsLine } from './popup-wording.ts';
import type { CheckNowReply } from '../../core/watcher/watcher-protocol.ts';
import { notWatchedYetMessage } from '../../core/watcher/watcher-state.ts';
import { AlertReach } from './alert-reach.tsx';
import { SpateSources } from '../spate-sources.tsx';
import type { PageDeps } from './page-deps.ts';
import { useStored } from './use-stored.ts';
import { countOf } from '../../core/plural.ts';

const STAGE_WORDS: Record<SourceProgress['stage'], string> = {
  // On Check now only a site's own Retry-After holds a source back (see isDue).
  skipped: 'waiting: the site asked to be checked later',
  queued: 'waiting its turn',
  fetching: 'reading…',
  ok: 'read',
  'not-modified': 'nothing new',
  error: 'could not read',
};

/** At a glance: each person quiet or not, "Check now" with progress, and the way to the carer app. */
export function PopupPage({ deps }: { deps: PageDeps }) {
  const load = useCallback(async () => {
    const [people, spates, circle, settings, customFeeds, health, notified] = await Promise.all([
      deps.store.getPeople(),
      deps.store.getSpates(),
      deps.store.getCircle(),
      deps.store.getSettings(),
      deps.store.getCustomFeeds(),
      deps.store.getHealth(),
      deps.store.getNotifiedLog(),
    ]);
    const located = people.filter((entry) => !entry.unlocated);
    // What each person's "nothing found" rests on: never "All quiet" when no source for their area could be read (a
    // feed the user added for somewhere else says nothing about them). Shown beside their warnings too.
    // And when the person's sources were last tried: a card, quiet or not, says how fresh it is.
    const shared = sourcesToPoll([], customFeeds, sourcesForKnownForce);
    const coverage = new Map<string, Coverage>();
    const lastChecked = new Map<string, string | undefined>();
    for (const entry of located) {
      const own = sourcesToPoll([entry], [], sourcesForKnownForce);
      coverage.set(entry.person.id, describePersonCoverage(own, shared, health));
      lastChecked.set(entry.person.id, [...own, ...shared].map((source) => health[source.id]?.lastAttemptAt).filter((at) => at !== undefined).sort().at(-1));
    }
    // When no source could be read at the last check, the warnings shown are older than they look: say so, and when.
    const planned = sourcesToPoll(located, customFeeds, sourcesForKnownForce);
    const overall = checkCoverage(planned, health);
    const lastReadAt = planned.map((source) => health[source.id]?.lastOkAt).filter((at) => at !== undefined).sort().at(-1);
    const shownSpates = spates.filter((spate) => located.some((entry) => entry.person.id === spate.personId));
    const stale = overall.read === 0 && overall.failed > 0 && shownSpates.length > 0 ? staleWarningsLine(overall.failed, lastReadAt, Date.now()) : '';
    // What grew, as the escalation's notification said it: the newest log entry of each escalated spate.
    const growth = new Map<string, string>();
    for (const entry of notified) {
      if (entry.growth) growth.set(entry.spateId, entry.growth);
      else growth.delete(entry.spateId);
    }
    return { people, spates, coverage, lastChecked, stale, growth, carerApp: carerAppBase(circle, settings, deps.defaultCarerAppUrl) };
  }, [deps]);
  const { value, reload } = useStored(load, { deps, keys: ['people', 'spates', 'circle', 'settings', 'customFeeds', 'health'] });
  const [progress, setProgress] = useState<Record<string, SourceProgress>>({});
  const [checking, setChecking] = useState(false);
  const [outcome, setOutcome] = useState('');
  // A notification click opens popup.html?spate=<id>: that spate is brought into view and focused, once.
  const [fromNotification] = useState(() => new URLSearchParams(window.location.search).get('spate') ?? undefined);
  const notifiedHeading = useRef<HTMLHeadingElement>(null);
  const focusedNotified = useRef(false);
  useEffect(() => {
    const heading = notifiedHeading.current;
    if (!value || !heading || focusedNotified.current) return;
    focusedNotified.current = true;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, [value]);

  useEffect(() => deps.onProgress((update) => setProgress((all) => ({ ...all, [update.sourceId]: update }))), [deps]);

  async function checkNow() {
    setChecking(true);
    setProgress({});
    setOutcome('');
    try {
      // The background's own error, or the browser's when it could not be reached, is shown as the check's outcome.
      const reply = await deps.sendMessage('check-now').catch((error: unknown): CheckNowReply => ({ ok: false, error: error instanceof Error ? error.message : String(error) }));
      // The spates as this check left them: an alerted spate's state says whether it is new or got worse.
      setOutcome(checkOutcomeLine(reply, reply.ok ? await deps.store.getSpates() : []));
      await reload();
    } finally {
      setChecking(false);
    }
  }

  if (!value) return null;
  const healthUrl = deps.extensionUrl('/health.html');
  return (
    <main className="popup">
      <h1>Kinwatch</h1>
      {value.stale !== '' && <p className="flag">{value.stale}</p>}
      {fromNotification !== undefined && !value.spates.some((spate) => spate.id === fromNotification) && (
        <p className="hint">The warning from your notification is no longer active. Current warnings are below.</p>
      )}
      {value.people.length === 0 && (
        <p>
          No one to watch yet. <a href={deps.extensionUrl('/options.html')} target="_blank" rel="noreferrer">Add a person</a>.
        </p>
      )}
      {value.people.map((entry) => {
        const { person } = entry;
        const spates = value.spates.filter((spate) => spate.personId === person.id);
        return (
          <section key={person.id} aria-label={person.name} className="card">
            <h2>{person.name} — {person.placeName ?? person.postcode}</h2>
            {entry.unlocated ? (
              <p className="flag">{notWatchedYetMessage(entry)}</p>
            ) : spates.length === 0 ? (
              <QuietLine coverage={value.coverage.get(person.id)} healthUrl={healthUrl} />
            ) : (
              <>
                <SpateList spates={spates} growth={value.growth} personName={person.name} notifiedId={fromNotification} notifiedHeading={notifiedHeading} />
                {/* Warnings shown do not mean every source is working: what could not be read is said here too. */}
                <CoverageBesideWarnings coverage={value.coverage.get(person.id)} healthUrl={healthUrl} />
              </>
            )}
            {!entry.unlocated && <LastChecked at={value.lastChecked.get(person.id)} />}
          </section>
        );
      })}
      <div className="row">
        {/* aria-disabled while checking, not disabled: a disabled button drops the keyboard focus to the page. */}
        <button type="button" onClick={() => void (checking ? undefined : checkNow())} disabled={value.people.length === 0}
          aria-disabled={checking || undefined} aria-describedby={value.people.length === 0 ? 'check-now-why' : undefined}>
          {checking ? 'Checking…' : 'Check now'}
        </button>
        {value.people.length === 0 && (
          <span id="check-now-why" className="hint">Nothing to check until you add a person in Settings.</span>
        )}
        {value.carerApp && (
          <a className="button secondary" href={value.carerApp} target="_blank" rel="noreferrer">Open the carer app</a>
        )}
      </div>
      {Object.keys(progress).length > 0 && (
        <ul aria-label="Progress per source">
          {Object.values(progress).map((entry) => (
            <li key={entry.sourceId}>
              {entry.label}: {entry.stage === 'skipped' && entry.error ? `not allowed yet. ${entry.error}` : STAGE_WORDS[entry.stage]}
              {entry.items !== undefined ? ` (${countOf(entry.items, 'item')})` : ''}
            </li>
          ))}
        </ul>
      )}
      <p role="status">{outcome}</p>
      <AlertReach deps={deps} />
      <p>
        <a href={deps.extensionUrl('/health.html')} target="_blank" rel="noreferrer">Source health</a> ·{' '}
        <a href={deps.extensionUrl('/options.html')} target="_blank" rel="noreferrer">Settings</a>
      </p>
    </main>
  );
}

type Coverage = ReturnType<typeof describeCoverage>;

/** "All quiet" only when some source for the person's area was read; otherwise says plainly that Kinwatch could not look. */
function QuietLine({ coverage, healthUrl }: { coverage: Coverage | undefined; healthUrl: string }) {
  if (coverage === undefined) return null;
  return (
    <>
      <p className={coverage.quiet ? 'ok' : 'flag'}>{coverage.headline}</p>
      <CoverageDetail text={coverage.detail} healthUrl={healthUrl} />
    </>
  );
}

/** Beside a person's warnings: what could not be read, or that nothing for their area could be. */
function CoverageBesideWarnings({ coverage, healthUrl }: { coverage: Coverage | undefined; healthUrl: string }) {
  if (coverage === undefined) return null;
  return <CoverageDetail text={coverage.quiet ? coverage.detail : coverage.headline} healthUrl={healthUrl} />;
}

/** Which sources could not be read ("1 of 3 sources could not be reached"), with the way to see why; nothing when all could. */
function CoverageDetail({ text, healthUrl }: { text: string; healthUrl: string }) {
  if (text === '') return null;
  return (
    <p className="flag">
      {text}{' '}
      <a href={healthUrl} target="_blank" rel="noreferrer">
        See source health
      </a>
      .
    </p>
  );
}

/** "Last checked 14:35" (today) or "Last checked 28 Nov, 14:35": how fresh what the card says is. Nothing before a first check. */
function LastChecked({ at }: { at: string | undefined }) {
  if (at === undefined) return null;
  const when = new Date(at);
  const today = new Date().toDateString() === when.toDateString();
  const time = when.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return <p className="hint">Last checked {today ? time : `${when.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })}, ${time}`}.</p>;
}

function SpateList(props: {
  spates: Spate[];
  /** Spate id → what grew at its newest alert (NotifiedEntry.growth). */
  growth: ReadonlyMap<string, string>;
  personName: string;
  notifiedId: string | undefined;
  notifiedHeading: RefObject<HTMLHeadingElement | null>;
}) {
  const { spates, growth, personName, notifiedId, notifiedHeading } = props;
  return (
    <ul className="plain">
      {spates.map((spate) => {
        const notified = spate.id === notifiedId;
        const grew = spate.state === 'escalated' ? growth.get(spate.id) : undefined;
        return (
          <li key={spate.id} className={notified ? 'spate from-notification' : 'spate'}>
            {/* The mark is part of the heading, so a screen reader landing on it hears why. */}
            <h3 className={spate.severity === 'high' ? 'flag' : undefined} {...(notified ? { ref: notifiedHeading, tabIndex: -1 } : {})}>
              {notified && <span className="badge">From your notification</span>}
              {notified && ' '}
              {spate.headline}
            </h3>
            {grew !== undefined && <p className="flag">Worse now: {grew}</p>}
            <p>
              {[
                spate.places.length > 0 ? spate.places.join(', ') : 'Place not named',
                ...(spate.distanceKm !== undefined ? [`${formatKm(spate.distanceKm)} from ${personName}`] : []),
                reportCount(spate),
                ...harmParts(spate),
              ].join(' · ')}
            </p>
            <SpateSources sources={spate.sources} label={`Sources of ${spate.headline}`} />
          </li>
        );
      })}
    </ul>
  );
}
