/** Home: the people we look after at a glance, with the two things a carer does most. */
import { useLiveQuery } from 'dexie-react-hooks';
import { checklistState } from '../../core/rules/checklist.ts';
import { db, usePeople } from '../app-data.ts';
import { Link } from '../router.tsx';

export function HomeScreen() {
  const people = usePeople();
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
  return (
    <>
      <h1>Kinwatch</h1>
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
      {people.length === 0 ? (
        <p>No one yet. Add the person you look after to get started: their postcode lets Kinwatch match local warnings.</p>
      ) : (
        <ul className="cards-list">
          {people.map((person) => {
            const calls = summary?.calls.filter((call) => call.personId === person.id) ?? [];
            const openAlerts = summary?.alerts.filter((alert) => alert.personId === person.id && !summary.checkedAlertIds.has(alert.id)) ?? [];
            const checklist = checklistState(summary?.ticks ?? [], person.id, Date.now());
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
      )}
    </>
  );
}
