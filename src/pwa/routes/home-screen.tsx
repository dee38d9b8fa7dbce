/**
 * Home: what needs doing first. Urgent calls come first, each with whether the family was alerted; a first visit
 * says what to do in order (add the person, then how warnings arrive); then the people at a glance.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { OUTCOME_LABELS, type CallRecord } from '../../core/calls/call.ts';
import { isLive } from '../../core/calls/next-steps.ts';
import { countOf } from '../../core/plural.ts';
import { checklistState } from '../../core/rules/checklist.ts';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { db, usePeople } from '../app-data.ts';
import { useMembership, useSyncStatus } from '../circle/use-membership.ts';
import { Link } from '../router.tsx';

/**
 * Where an urgent call's alert to the family stands, in words. `woke` is how many devices the relay queued a push for
 * (undefined for a call announced before that was recorded): the alert itself is saved for the circle either way.
 */
function familyAlertState(
  callId: string,
  inCircle: boolean,
  announced: readonly string[],
  woke: Readonly<Record<string, number>>,
): { text: string; tone: 'sent' | 'waiting' | 'none' } {
  if (!inCircle) return { text: 'The family has not been alerted: this device is not in a family circle.', tone: 'none' };
  if (announced.includes(callId)) {
    const saved = 'The urgent alert is saved for the family circle: every device shows it when Kinwatch is next opened on it.';
    const count = woke[callId];
    if (count === undefined) return { text: saved, tone: 'sent' };
    if (count === 0) {
      return { text: `${saved} No device is set up to be woken, so the family will see it when they next open Kinwatch. Ring them too.`, tone: 'waiting' };
    }
    // What the carer is checking comes first: how many of the family's other devices were told now.
    return {
      text: `Notification sent now to ${countOf(count, 'other device')} in the family circle. Every device also shows the alert the next time Kinwatch is opened on it.`,
      tone: 'sent',
    };
  }
  return { text: 'Waiting to send the urgent alert to the family: it goes as soon as this device is online.', tone: 'waiting' };
}

function HowWarningsArrive() {
  return (
    <section className="panel" aria-labelledby="how-warnings-heading">
      <h2 id="how-warnings-heading">How warnings reach you</h2>
      <p>
        Police warnings about courier fraud near the person you look after are found by the <strong>Kinwatch watcher</strong>, a browser extension
        that runs on a relative’s computer (Chrome or Firefox). It reads the local police news and sends each warning to your family circle, so
        every phone in the circle gets it.
      </p>
      <ol>
        <li>Start a family circle on this device, then create an invite link.</li>
        <li>Install the watcher on the relative’s computer (ask whoever set up Kinwatch for your family for it) and paste the invite link into its settings.</li>
      </ol>
      <Link className="button secondary" to="/circle">
        Set up the family circle
      </Link>
    </section>
  );
}

export function HomeScreen() {
  const people = usePeople();
  const membership = useMembership();
  const syncStatus = useSyncStatus();
  const summary = useLiveQuery(async () => {
    const [calls, alerts, checkIns, ticks] = await Promise.all([
      db.calls.filter((call) => !call.deleted).toArray(),
      db.alerts.filter((alert) => !alert.deleted).toArray(),
      db.checkIns.filter((checkIn) => !checkIn.deleted).toArray(),
      db.checklist.toArray(),
    ]);
    return { calls, alerts, checkedAlertIds: new Set(checkIns.map((checkIn) => checkIn.alertId)), ticks };
  });

  if (!people) return <p>Loading…</p>;
  const now = Date.now();
  const names = new Map(people.map((person) => [person.id, person.name]));
  const urgent: CallRecord[] = (summary?.calls ?? []).filter((call) => isLive(call, now)).sort((a, b) => b.at.localeCompare(a.at));
  const announced = syncStatus?.announcedCalls ?? [];
  const woke = syncStatus?.announcedWoke ?? {};

  if (people.length === 0) {
    return (
      <>
        <h1>Kinwatch</h1>
        <p className="lead">Courier fraud warnings, a call log and advice for the people you look after.</p>
        <section className="panel" aria-labelledby="start-heading">
          <h2 id="start-heading">Start here</h2>
          <ol className="start-steps">
            <li>
              <strong>Add the person you look after</strong>: their name, postcode (for local warnings and their police force), bank and family
              numbers.
              <div className="actions">
                <Link className="button" to="/people/new">
                  Add a person
                </Link>
              </div>
            </li>
            <li>Then set up how warnings reach you (below), print advice cards, and go through the checklist with them.</li>
          </ol>
          <p>
            Already use Kinwatch on another device? <Link to="/circle">Join your family circle</Link> with its invite link, or{' '}
            <Link to="/settings">restore a backup</Link>.
          </p>
        </section>
        <HowWarningsArrive />
      </>
    );
  }

  return (
    <>
      <h1>Kinwatch</h1>
      {urgent.length > 0 ? (
        <section className="urgent" aria-labelledby="urgent-heading">
          <h2 id="urgent-heading">Urgent: act now</h2>
          <ul className="urgent-calls">
            {urgent.map((call) => {
              const state = familyAlertState(call.id, Boolean(membership), announced, woke);
              return (
                <li key={call.id}>
                  <Link to={`/calls/${call.id}`}>
                    Call to {names.get(call.personId) ?? 'someone'}, {formatDateTime(call.at)}: {call.outcomes.map((outcome) => OUTCOME_LABELS[outcome]).join('; ')}
                  </Link>
                  <p className={`family-alert family-alert-${state.tone}`}>{state.text}</p>
                  {state.tone === 'none' ? <Link to="/circle">Set up a family circle</Link> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <p className="lead">Courier fraud warnings, a call log and advice for the people you look after.</p>
      <div className="actions">
        <Link className="button" to="/calls/new">
          Log a call
        </Link>
        <Link className="button secondary" to="/people/new">
          Add a person
        </Link>
      </div>
      <h2>People we look after</h2>
      <ul className="cards-list">
        {people.map((person) => {
          const calls = summary?.calls.filter((call) => call.personId === person.id) ?? [];
          const openAlerts = summary?.alerts.filter((alert) => alert.personId === person.id && !summary.checkedAlertIds.has(alert.id)) ?? [];
          const checklist = checklistState(summary?.ticks ?? [], person.id, now);
          return (
            <li key={person.id} className="panel">
              <h3>{person.name}</h3>
              <p>
                {person.postcode}
                {person.placeName ? `, ${person.placeName}` : ''}
                {person.postcodeChecked ? '' : ' (postcode not checked yet)'}
              </p>
              <ul className="facts">
                <li>{openAlerts.length === 0 ? 'No alerts waiting' : `${openAlerts.length} alert${openAlerts.length === 1 ? '' : 's'} to act on`}</li>
                <li>
                  {calls.length} call{calls.length === 1 ? '' : 's'} logged
                </li>
                <li>
                  Checklist: {checklist.done} of {checklist.total} talked through
                  {checklist.dueForReview > 0 ? `, ${checklist.dueForReview} due to go over again` : ''}
                </li>
              </ul>
              <Link to={`/people/${person.id}`}>Edit {person.name}’s details</Link>
            </li>
          );
        })}
      </ul>
      {membership === null ? <HowWarningsArrive /> : null}
    </>
  );
}
