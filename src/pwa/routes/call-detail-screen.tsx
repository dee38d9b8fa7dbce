/** One call: what to do now (urgent steps first), the NEVER rules it broke, and what was logged. */
import { useLiveQuery } from 'dexie-react-hooks';
import { CALLER_KIND_LABELS, OUTCOME_LABELS, TACTIC_LABELS } from '../../core/calls/call.ts';
import { planForCall } from '../../core/calls/next-steps.ts';
import { useToast } from '../../ui/toast.tsx';
import { db, repository } from '../app-data.ts';
import { forceName } from '../forces.ts';
import { Link, navigate } from '../router.tsx';
import { PlanSteps } from '../calls/plan-steps.tsx';

export function CallDetailScreen({ callId }: { callId: string }) {
  const data = useLiveQuery(async () => {
    const call = await db.calls.get(callId);
    const person = call ? await db.people.get(call.personId) : undefined;
    return { call, person };
  }, [callId]);
  const toast = useToast();
  if (!data) return <p>Loading…</p>;
  const { call, person } = data;
  if (!call || call.deleted) {
    return (
      <>
        <h1>Call not found</h1>
        <p>
          It may have been deleted. <Link to="/calls">Back to Calls</Link>
        </p>
      </>
    );
  }
  const plan = planForCall(call, { banks: person?.banks ?? [], family: person?.familyNumbers ?? [] });
  const when = new Date(call.at).toLocaleString('en-GB', { dateStyle: 'full', timeStyle: 'short' });

  async function remove() {
    const repo = await repository();
    await repo.deleteRecord('calls', callId);
    toast('Call deleted.', { undo: () => repo.restoreRecord('calls', callId) });
    navigate('/calls');
  }

  const facts: [string, string][] = [
    ['When', when],
    ['Number', call.numberWithheld ? 'Withheld' : (call.number ?? 'Not noted')],
    ['Said they were', [CALLER_KIND_LABELS[call.callerKind], forceName(call.callerForceId)].filter(Boolean).join(', ')],
    ['In their words', call.callerSaid ?? ''],
    ['Officer name or rank', call.officerName ?? ''],
    ['Asked for', call.tactics.map((tactic) => TACTIC_LABELS[tactic]).join('; ')],
    ['What happened', call.outcomes.map((outcome) => OUTCOME_LABELS[outcome]).join('; ')],
    ['101 reference', call.ref101 ?? ''],
    ['Report Fraud reference', call.reportFraudRef ?? ''],
    ['Bank told', call.bankTold ? 'Yes' : 'No'],
    ['Notes', call.notes ?? ''],
    ['Logged by', call.loggedBy ?? ''],
  ];

  return (
    <>
      <h1>Call to {person?.name ?? 'someone'}</h1>
      <p>{when}</p>
      {plan.live ? (
        <div className="urgent" role="alert">
          <h2>This looks live: act now</h2>
          <p>The fraud may still be under way. Do the first steps below straight away.</p>
        </div>
      ) : null}
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">What to do next</h2>
        <PlanSteps steps={plan.steps} />
      </section>
      {plan.brokenRules.length > 0 ? (
        <section aria-labelledby="broken-heading">
          <h2 id="broken-heading">Rules this call broke</h2>
          <ul>
            {plan.brokenRules.map((rule) => (
              <li key={rule.id}>{rule.wording}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">What was logged</h2>
        <dl className="facts-list">
          {facts
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      </section>
      <div className="actions">
        <Link className="button" to={`/calls/${call.id}/edit`}>
          Edit this call
        </Link>
        <Link className="button secondary" to={`/calls/summary?person=${call.personId}`}>
          Incident summary
        </Link>
        <button type="button" className="danger" onClick={() => void remove()}>
          Delete this call
        </button>
      </div>
    </>
  );
}
