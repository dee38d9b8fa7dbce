/** A printable summary of one person's calls, for the bank or the police. */
import { useLiveQuery } from 'dexie-react-hooks';
import { CALLER_KIND_LABELS, OUTCOME_LABELS, TACTIC_LABELS } from '../../core/calls/call.ts';
import { db } from '../app-data.ts';
import { forceName } from '../forces.ts';

export function IncidentSummaryScreen({ personId }: { personId: string }) {
  const data = useLiveQuery(async () => {
    const person = await db.people.get(personId);
    const calls = (await db.calls.where('personId').equals(personId).toArray()).filter((call) => !call.deleted).sort((a, b) => a.at.localeCompare(b.at));
    return { person, calls };
  }, [personId]);
  if (!data) return <p>Loading…</p>;
  if (!data.person) return <h1>Incident summary: person not found</h1>;
  const { person, calls } = data;
  return (
    <article className="summary">
      <h1>Incident summary: {person.name}</h1>
      <p>
        {person.name}, {person.postcode}. {calls.length} suspicious call{calls.length === 1 ? '' : 's'} logged. Prepared {new Date().toLocaleDateString('en-GB', { dateStyle: 'long' })}.
      </p>
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          Print summary
        </button>
      </div>
      {calls.map((call, index) => (
        <section key={call.id} className="summary-call">
          <h2>
            Call {index + 1}: {new Date(call.at).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })}
          </h2>
          <ul>
            <li>Number: {call.numberWithheld ? 'withheld' : (call.number ?? 'not noted')}</li>
            <li>
              Claimed to be: {[CALLER_KIND_LABELS[call.callerKind], forceName(call.callerForceId), call.callerSaid, call.officerName].filter(Boolean).join(', ')}
            </li>
            {call.tactics.length ? <li>Asked for: {call.tactics.map((tactic) => TACTIC_LABELS[tactic]).join('; ')}</li> : null}
            {call.outcomes.length ? <li>What happened: {call.outcomes.map((outcome) => OUTCOME_LABELS[outcome]).join('; ')}</li> : null}
            {call.ref101 ? <li>101 reference: {call.ref101}</li> : null}
            {call.reportFraudRef ? <li>Report Fraud reference: {call.reportFraudRef}</li> : null}
            <li>Bank told: {call.bankTold ? 'yes' : 'no'}</li>
            {call.notes ? <li>Notes: {call.notes}</li> : null}
          </ul>
        </section>
      ))}
    </article>
  );
}
