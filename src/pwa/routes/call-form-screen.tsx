/** Log or edit a call. Everything but the person and the time is optional: a carer logs what they know, fast. */
import { useEffect, useRef, useState } from 'react';
import { CALLER_KIND_LABELS, CALLER_KINDS, OUTCOME_LABELS, OUTCOMES, TACTIC_LABELS, type CallRecord, type CallerKind } from '../../core/calls/call.ts';
import { planForCall } from '../../core/calls/next-steps.ts';
import { TACTICS } from '../../core/detect/vocabulary.ts';
import { ErrorSummary, type FormError } from '../../ui/error-summary.tsx';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../../ui/field.tsx';
import { PersonPicker } from '../../ui/person-picker.tsx';
import { useToast } from '../../ui/toast.tsx';
import { askForPersistentStorage, db, repository, SETTINGS, useCurrentPerson, usePeople, useSetting } from '../app-data.ts';
import { FORCES } from '../forces.ts';
import { Link, navigate } from '../router.tsx';
import { PlanSteps } from '../calls/plan-steps.tsx';

type Draft = Omit<CallRecord, 'id' | 'hlc' | 'at' | 'deleted'> & { at: string };

/** "2026-11-24T17:05" in local time, what a datetime-local input shows. */
function localInputValue(date: Date): string {
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}

function blankDraft(personId: string, loggedBy: string): Draft {
  return { personId, at: localInputValue(new Date()), numberWithheld: false, callerKind: 'police', tactics: [], outcomes: [], bankTold: false, loggedBy };
}

export function CallFormScreen({ personId, callId }: { personId?: string | undefined; callId?: string | undefined }) {
  const people = usePeople();
  const current = useCurrentPerson(people);
  const carerName = useSetting<string>(SETTINGS.carerName, '');
  const [draft, setDraft] = useState<Draft | undefined>();
  const [existing, setExisting] = useState<CallRecord | undefined>();
  const [errors, setErrors] = useState<{ at?: string; personId?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const liveBox = useRef<HTMLElement>(null);
  const urgentShown = useRef<string[]>([]);
  const toast = useToast();
  const person = people?.find((entry) => entry.id === draft?.personId);
  const draftAt = draft ? new Date(draft.at) : undefined;
  const plan = draft
    ? planForCall(
        { ...draft, at: draftAt && !Number.isNaN(draftAt.getTime()) ? draftAt.toISOString() : undefined },
        { banks: person?.banks ?? [], family: person?.familyNumbers ?? [] },
      )
    : undefined;
  const urgent = plan?.steps.filter((step) => step.urgent) ?? [];

  // The moment a tick adds an urgent step, bring the steps into view at the top: they matter more than the form.
  const urgentIds = urgent.map((step) => step.id).join(' ');
  useEffect(() => {
    const ids = urgentIds ? urgentIds.split(' ') : [];
    if (ids.some((id) => !urgentShown.current.includes(id))) liveBox.current?.scrollIntoView({ block: 'start' });
    urgentShown.current = ids;
  }, [urgentIds]);

  useEffect(() => {
    if (draft || !people) return;
    if (callId) {
      void db.calls.get(callId).then((call) => {
        if (!call) return;
        setExisting(call);
        const { id: _id, hlc: _hlc, deleted: _deleted, ...rest } = call;
        setDraft({ ...rest, at: localInputValue(new Date(call.at)) });
      });
    } else {
      setDraft(blankDraft(personId ?? current?.id ?? people[0]?.id ?? '', carerName));
    }
  }, [people, callId, personId, current, carerName, draft]);

  if (!people || (callId && !draft)) return <p>Loading…</p>;
  if (people.length === 0) {
    return (
      <>
        <h1>Log a call</h1>
        <p>First add the person who got the call.</p>
        <Link className="button" to="/people/new">
          Add a person
        </Link>
      </>
    );
  }
  if (!draft) return <p>Loading…</p>;
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });

  async function save() {
    if (!draft) return;
    const at = new Date(draft.at);
    const nextErrors: typeof errors = {};
    if (Number.isNaN(at.getTime())) nextErrors.at = 'Enter the date and time of the call.';
    if (!people?.some((person) => person.id === draft.personId)) nextErrors.personId = 'Choose who got the call.';
    setErrors(nextErrors);
    setAttempt((count) => count + 1);
    if (Object.keys(nextErrors).length > 0) return;
    const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
    const record: Omit<CallRecord, 'hlc'> = {
      id: existing?.id ?? crypto.randomUUID(),
      personId: draft.personId,
      at: at.toISOString(),
      numberWithheld: draft.numberWithheld,
      callerKind: draft.callerKind,
      tactics: TACTICS.filter((tactic) => draft.tactics.includes(tactic)),
      outcomes: OUTCOMES.filter((outcome) => draft.outcomes.includes(outcome)),
      bankTold: draft.bankTold,
    };
    const texts = {
      number: draft.numberWithheld ? undefined : optional(draft.number),
      callerForceId: draft.callerKind === 'police' ? optional(draft.callerForceId) : undefined,
      callerSaid: optional(draft.callerSaid),
      officerName: optional(draft.officerName),
      ref101: optional(draft.ref101),
      reportFraudRef: optional(draft.reportFraudRef),
      notes: optional(draft.notes),
      loggedBy: optional(draft.loggedBy),
    };
    for (const [key, value] of Object.entries(texts)) if (value !== undefined) (record as unknown as Record<string, unknown>)[key] = value;
    await (await repository()).saveRecord('calls', record);
    void askForPersistentStorage();
    toast(existing ? 'Call updated.' : 'Call logged.');
    navigate(`/calls/${record.id}`, { replace: Boolean(existing) });
  }

  const summary: FormError[] = [
    ...(errors.personId ? [{ fieldId: 'call-person', message: errors.personId }] : []),
    ...(errors.at ? [{ fieldId: 'call-at', message: errors.at }] : []),
  ];
  return (
    <>
      <h1>{existing ? 'Edit call' : 'Log a call'}</h1>
      <ErrorSummary errors={summary} attempt={attempt} />
      {/* Always present, so the steps are announced the moment a tick makes the call urgent. */}
      <div aria-live="assertive">
        {urgent.length > 0 && plan ? (
          <section className="urgent live-steps" ref={liveBox} aria-labelledby="live-steps-heading">
            <h2 id="live-steps-heading">{plan.live ? 'Act now: do these first' : 'Do these first'}</h2>
            <PlanSteps steps={urgent} />
            <p>Then save the call below{existing ? '' : ': the whole plan is on the next screen, and a family circle gets an urgent alert'}.</p>
          </section>
        ) : null}
      </div>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <PersonPicker id="call-person" people={people} value={draft.personId} onChange={(id) => set({ personId: id })} label="Who got the call" error={errors.personId} />
        <TextField id="call-at" label="When" type="datetime-local" value={draft.at} onChange={(at) => set({ at })} error={errors.at} />
        <CheckboxField label="The number was withheld" checked={draft.numberWithheld} onChange={(numberWithheld) => set({ numberWithheld })} />
        {draft.numberWithheld ? null : <TextField label="Number shown" type="tel" value={draft.number ?? ''} onChange={(number) => set({ number })} />}
        <SelectField
          label="Who they said they were"
          value={draft.callerKind}
          onChange={(callerKind) => set({ callerKind: callerKind as CallerKind })}
          options={CALLER_KINDS.map((kind) => ({ value: kind, label: CALLER_KIND_LABELS[kind] }))}
        />
        {draft.callerKind === 'police' ? (
          <SelectField
            label="Which police force they named"
            value={draft.callerForceId ?? ''}
            onChange={(callerForceId) => set({ callerForceId })}
            options={[{ value: '', label: 'Not said or not sure' }, ...FORCES.map((force) => ({ value: force.id, label: force.name }))]}
          />
        ) : null}
        <TextField label="What they said about themselves, in their words" value={draft.callerSaid ?? ''} onChange={(callerSaid) => set({ callerSaid })} />
        <TextField label="Officer name or rank they gave" value={draft.officerName ?? ''} onChange={(officerName) => set({ officerName })} />
        <CheckboxGroup legend="What did they ask for?" options={TACTICS} labels={TACTIC_LABELS} value={draft.tactics} onChange={(tactics) => set({ tactics })} />
        <CheckboxGroup legend="What happened?" options={OUTCOMES} labels={OUTCOME_LABELS} value={draft.outcomes} onChange={(outcomes) => set({ outcomes })} />
        <fieldset className="group">
          <legend>Reported to</legend>
          <TextField label="101 reference" value={draft.ref101 ?? ''} onChange={(ref101) => set({ ref101 })} />
          <TextField label="Report Fraud reference" value={draft.reportFraudRef ?? ''} onChange={(reportFraudRef) => set({ reportFraudRef })} />
          <CheckboxField label="The bank has been told" checked={draft.bankTold} onChange={(bankTold) => set({ bankTold })} />
        </fieldset>
        <TextField label="Notes" multiline value={draft.notes ?? ''} onChange={(notes) => set({ notes })} />
        <TextField label="Logged by" value={draft.loggedBy ?? ''} onChange={(loggedBy) => set({ loggedBy })} />
        <div className="actions">
          <button type="submit">Save</button>
        </div>
      </form>
    </>
  );
}
