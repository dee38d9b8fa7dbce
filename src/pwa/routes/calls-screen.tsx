/** The call log: filter by person, dates, outcome and words; a page at a time; export as CSV. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { callsToCsv } from '../../core/calls/call-csv.ts';
import { CALLER_KIND_LABELS, OUTCOME_LABELS, OUTCOMES, type Outcome } from '../../core/calls/call.ts';
import { isLive } from '../../core/calls/next-steps.ts';
import { downloadText } from '../../ui/download.ts';
import { SelectField, TextField } from '../../ui/field.tsx';
import { PersonPicker } from '../../ui/person-picker.tsx';
import { db, usePeople } from '../app-data.ts';
import { queryCalls, type CallFilter } from '../call-query.ts';
import { Link } from '../router.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';

const PAGE = 50;

export function CallsScreen() {
  const people = usePeople();
  const [filter, setFilter] = useState<CallFilter>({ personId: '', from: '', to: '', outcome: '', text: '' });
  const [limit, setLimit] = useState(PAGE);
  const page = useLiveQuery(() => queryCalls(db, filter, limit), [filter, limit]);
  const names = new Map(people?.map((person) => [person.id, person.name]) ?? []);
  const update = (change: Partial<CallFilter>) => {
    setFilter({ ...filter, ...change });
    setLimit(PAGE);
  };

  async function exportCsv() {
    const all = await queryCalls(db, filter, Number.MAX_SAFE_INTEGER);
    downloadText(`kinwatch-calls-${new Date().toISOString().slice(0, 10)}.csv`, callsToCsv(all.calls, (id) => names.get(id) ?? ''), 'text/csv;charset=utf-8');
  }

  return (
    <>
      <h1>Calls</h1>
      <div className="actions">
        <Link className="button" to={filter.personId ? `/calls/new?person=${filter.personId}` : '/calls/new'}>
          Log a call
        </Link>
        <button type="button" className="secondary" onClick={() => void exportCsv()}>
          Export calls as CSV
        </button>
        {filter.personId ? (
          <Link className="button secondary" to={`/calls/summary?person=${filter.personId}`}>
            Incident summary
          </Link>
        ) : null}
      </div>
      <form className="filters" role="search" aria-label="Filter calls" onSubmit={(event) => event.preventDefault()}>
        <PersonPicker people={people ?? []} value={filter.personId ?? ''} onChange={(personId) => update({ personId })} allowAll label="Show calls to" />
        <TextField label="From date" type="date" value={filter.from ?? ''} onChange={(from) => update({ from })} />
        <TextField label="To date" type="date" value={filter.to ?? ''} onChange={(to) => update({ to })} />
        <SelectField
          label="What happened"
          value={filter.outcome ?? ''}
          onChange={(outcome) => update({ outcome: outcome as Outcome | '' })}
          options={[{ value: '', label: 'Any outcome' }, ...OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }))]}
        />
        <TextField label="Search words" type="search" hint="Number, names, references or notes." value={filter.text ?? ''} onChange={(text) => update({ text })} />
      </form>
      {!page ? (
        <p>Loading…</p>
      ) : (
        <>
          <p role="status" className="count">
            {page.total === 0 ? 'No calls match.' : `Showing ${page.calls.length} of ${page.total} call${page.total === 1 ? '' : 's'}.`}
          </p>
          <ul className="call-list">
            {page.calls.map((call) => (
              <li key={call.id} className={isLive(call) ? 'call live' : 'call'}>
                <Link to={`/calls/${call.id}`}>
                  {formatDateTime(call.at)}: {names.get(call.personId) ?? 'Unknown person'},{' '}
                  {CALLER_KIND_LABELS[call.callerKind]}
                </Link>
                <span className="call-outcome">
                  {isLive(call) ? <strong className="badge">Urgent </strong> : null}
                  {call.outcomes.length ? call.outcomes.map((outcome) => OUTCOME_LABELS[outcome]).join('; ') : 'Outcome not noted'}
                </span>
              </li>
            ))}
          </ul>
          {page.calls.length < page.total ? (
            <button type="button" className="secondary" onClick={() => setLimit(limit + PAGE)}>
              Show {Math.min(PAGE, page.total - page.calls.length)} more calls
            </button>
          ) : null}
        </>
      )}
    </>
  );
}
