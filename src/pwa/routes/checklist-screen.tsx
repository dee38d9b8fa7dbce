/** Go through the NEVER rules and what-to-do advice with a person; tick each one talked through. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import { checklistState, REVIEW_AFTER_DAYS } from '../../core/rules/checklist.ts';
import { TextField } from '../../ui/field.tsx';
import { PersonPicker } from '../../ui/person-picker.tsx';
import { useToast } from '../../ui/toast.tsx';
import { db, repository, setSetting, SETTINGS, useCurrentPerson, usePeople, useSetting } from '../app-data.ts';
import { Link } from '../router.tsx';

const formatDay = (day: string) => new Date(`${day}T12:00:00`).toLocaleDateString('en-GB', { dateStyle: 'long' });

export function ChecklistScreen() {
  const people = usePeople();
  const person = useCurrentPerson(people);
  const carerName = useSetting<string>(SETTINGS.carerName, '');
  const ticks = useLiveQuery(() => (person ? db.checklist.where('personId').equals(person.id).toArray() : []), [person?.id]);
  const toast = useToast();
  // Rules with a save under way: a second tap waits for the first, so taps never pile up records.
  const busy = useRef(new Set<string>());

  if (!people || !ticks) return <p>Loading…</p>;
  if (!person) {
    return (
      <>
        <h1>Checklist</h1>
        <p>Add the person you look after first.</p>
        <Link className="button" to="/people/new">
          Add a person
        </Link>
      </>
    );
  }
  const state = checklistState(ticks, person.id, Date.now());
  const today = new Date().toLocaleDateString('en-CA');

  /** Ticks the rule for today, or, when it is already ticked today, takes today's tick back (the button is a toggle). */
  async function toggle(ruleId: string, wording: string) {
    if (!person || busy.current.has(ruleId)) return;
    busy.current.add(ruleId);
    try {
      const repo = await repository();
      const todays = (await db.checklist.where('personId').equals(person.id).toArray()).filter(
        (tick) => tick.ruleId === ruleId && tick.talkedOn === today && !tick.deleted,
      );
      if (todays.length > 0) {
        for (const tick of todays) await repo.deleteRecord('checklist', tick.id);
        toast(`Taken back: “${wording}” is no longer marked as talked through today.`, {
          undo: async () => {
            for (const tick of todays) await repo.restoreRecord('checklist', tick.id);
          },
        });
      } else {
        const id = crypto.randomUUID();
        await repo.saveRecord('checklist', { id, personId: person.id, ruleId, talkedOn: today, by: carerName.trim() || 'A carer' });
        toast(`Marked as talked through with ${person.name}.`, { undo: () => repo.deleteRecord('checklist', id) });
      }
    } finally {
      busy.current.delete(ruleId);
    }
  }

  const sections = [
    { kind: 'never' as const, title: 'Police and banks will NEVER…' },
    { kind: 'do' as const, title: 'What to do' },
  ];
  return (
    <>
      <h1>Checklist for {person.name}</h1>
      <PersonPicker people={people} value={person.id} onChange={(id) => void setSetting(SETTINGS.currentPersonId, id)} label="Whose checklist" />
      <TextField label="Your name" hint="Saved with each tick, so the family knows who talked it through." value={carerName} onChange={(name) => void setSetting(SETTINGS.carerName, name)} />
      <div className="progress-summary">
        <label htmlFor="checklist-progress">
          {state.done} of {state.total} talked through
        </label>
        <progress id="checklist-progress" max={state.total} value={state.done} />
        {state.dueForReview > 0 ? (
          <p className="reminder" role="status">
            {state.dueForReview} rule{state.dueForReview === 1 ? ' was' : 's were'} talked through more than {REVIEW_AFTER_DAYS / 7} weeks ago. Warnings fade: go over {state.dueForReview === 1 ? 'it' : 'them'} again.
          </p>
        ) : state.nextReviewOn ? (
          <p>Go over them again by {formatDay(state.nextReviewOn)}.</p>
        ) : null}
      </div>
      {sections.map((section) => (
        <section key={section.kind} aria-labelledby={`rules-${section.kind}`}>
          <h2 id={`rules-${section.kind}`}>{section.title}</h2>
          <ul className="rules">
            {state.rules
              .filter((status) => status.rule.kind === section.kind)
              .map(({ rule, lastTick, reviewDue }) => (
                <li key={rule.id} className="panel rule">
                  <h3>{rule.wording}</h3>
                  <p>{rule.detail}</p>
                  <p className="source">
                    Source:{' '}
                    <a href={rule.source.url} rel="noreferrer noopener" target="_blank">
                      {rule.source.publisher}
                    </a>{' '}
                    (checked {formatDay(rule.source.checkedOn)})
                  </p>
                  <p className={reviewDue ? 'reminder' : 'status'}>
                    {lastTick
                      ? `Talked through on ${formatDay(lastTick.talkedOn)} by ${lastTick.by}${reviewDue ? ': due to go over again.' : '.'}`
                      : 'Not talked through yet.'}
                  </p>
                  <button
                    type="button"
                    className={lastTick?.talkedOn === today ? 'toggle pressed' : 'toggle'}
                    aria-pressed={lastTick?.talkedOn === today}
                    onClick={() => void toggle(rule.id, rule.wording)}
                    aria-label={`Talked through with ${person.name} today: ${rule.wording}`}
                  >
                    {lastTick?.talkedOn === today ? <span aria-hidden="true">✓ </span> : null}
                    Talked through with {person.name} today
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
