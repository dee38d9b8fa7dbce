/** Add or edit a person: name, postcode (looked up when online), phones, banks, family numbers, safe word. */
import { useEffect, useState } from 'react';
import type { CaredPerson, PhoneContact } from '../../core/calls/person.ts';
import { PostcodeLookupError } from '../../core/geo/postcode-lookup-error.ts';
import { ErrorSummary, type FormError } from '../../ui/error-summary.tsx';
import { DEFAULT_RADIUS_KM, MAX_RADIUS_KM } from '../../core/geo/watched-person.ts';
import { FieldGroup, TextField } from '../../ui/field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { askForPersistentStorage, db, repository, setSetting, SETTINGS } from '../app-data.ts';
import { checkPostcodeShape, lookUpPlace, type Place } from '../postcode-check.ts';
import { navigate } from '../router.tsx';
import { samePerson } from '../../core/calls/person.ts';

interface Draft {
  name: string;
  callName: string;
  postcode: string;
  /** km, as typed. */
  radiusKm: string;
  phones: string;
  banks: PhoneContact[];
  familyNumbers: PhoneContact[];
  safeWord: string;
}

const emptyDraft: Draft = { name: '', callName: '', postcode: '', radiusKm: String(DEFAULT_RADIUS_KM), phones: '', banks: [{ name: '', phone: '' }], familyNumbers: [{ name: '', phone: '' }], safeWord: '' };

function ContactRows(props: { legend: string; nameLabel: string; phoneLabel: string; rows: PhoneContact[]; onChange: (rows: PhoneContact[]) => void; addLabel: string }) {
  const update = (index: number, change: Partial<PhoneContact>) => props.onChange(props.rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <FieldGroup legend={props.legend}>
      {props.rows.map((row, index) => (
        <div className="row" key={index}>
          <TextField label={`${props.nameLabel} ${index + 1}`} value={row.name} onChange={(name) => update(index, { name })} />
          <TextField label={`${props.phoneLabel} ${index + 1}`} type="tel" value={row.phone} onChange={(phone) => update(index, { phone })} />
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => props.onChange([...props.rows, { name: '', phone: '' }])}>
        {props.addLabel}
      </button>
    </FieldGroup>
  );
}

export function PersonFormScreen({ personId }: { personId?: string | undefined }) {
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [existing, setExisting] = useState<CaredPerson | undefined>();
  const [errors, setErrors] = useState<{ name?: string; postcode?: string; radiusKm?: string }>({});
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const toast = useToast();

  useEffect(() => {
    if (!personId) return;
    void db.people.get(personId).then((person) => {
      if (!person) return;
      setExisting(person);
      setDraft({
        name: person.name,
        callName: person.callName ?? '',
        postcode: person.postcode,
        radiusKm: String(person.radiusKm ?? DEFAULT_RADIUS_KM),
        phones: person.phones.join('\n'),
        banks: person.banks.length ? person.banks : [{ name: '', phone: '' }],
        familyNumbers: person.familyNumbers.length ? person.familyNumbers : [{ name: '', phone: '' }],
        safeWord: person.safeWord ?? '',
      });
    });
  }, [personId]);

  async function save() {
    const nextErrors: typeof errors = {};
    if (!draft.name.trim()) nextErrors.name = 'Enter a name (a first name is enough).';
    const shape = checkPostcodeShape(draft.postcode);
    if ('error' in shape) nextErrors.postcode = shape.error;
    if ('parsed' in shape && !nextErrors.name) {
      // The same person twice would get every alert twice and split the family's notes: say who is already there.
      const typed = { name: draft.name, postcode: shape.parsed.kind === 'postcode' ? shape.parsed.postcode : shape.parsed.outcode };
      const twin = (await db.people.toArray()).find((person) => !person.deleted && person.id !== existing?.id && samePerson(person, typed));
      if (twin) nextErrors.name = `${twin.name} (${twin.postcode}) is already in your list: open them from Home to change their details.`;
    }
    const radiusKm = Number(draft.radiusKm);
    if (!draft.radiusKm.trim() || !Number.isFinite(radiusKm) || radiusKm < 1 || radiusKm > MAX_RADIUS_KM) {
      nextErrors.radiusKm = `Enter a distance from 1 to ${MAX_RADIUS_KM} km.`;
    }
    setErrors(nextErrors);
    setAttempt((count) => count + 1);
    if (Object.keys(nextErrors).length > 0 || !('parsed' in shape)) return;
    const parsed = shape.parsed;
    setSaving(true);
    const postcode = parsed.kind === 'postcode' ? parsed.postcode : parsed.outcode;
    const unchanged = existing && existing.postcode === postcode && existing.postcodeChecked;
    // What was known stays until a lookup says otherwise: the force name on the cards is never lost to an offline save.
    const known: Place = existing && existing.postcode === postcode ? { postcodeChecked: existing.postcodeChecked, lat: existing.lat, lng: existing.lng, forceId: existing.forceId, placeName: existing.placeName } : { postcodeChecked: false };
    let place: Place = unchanged ? known : { ...known, postcodeChecked: false };
    let offlineNote = '';
    if (!unchanged) {
      try {
        place = await lookUpPlace(postcode);
      } catch (error) {
        if (error instanceof PostcodeLookupError && !error.retryable) {
          setErrors({ postcode: error.message });
          setAttempt((count) => count + 1);
          setSaving(false);
          return;
        }
        offlineNote = ' The postcode service could not be reached: the postcode is saved as typed and will be checked automatically when it can be.';
      }
    }
    const clean = (rows: PhoneContact[]) => rows.map((row) => ({ name: row.name.trim(), phone: row.phone.trim() })).filter((row) => row.name || row.phone);
    const record = {
      id: existing?.id ?? crypto.randomUUID(),
      name: draft.name.trim(),
      postcode,
      ...Object.fromEntries(Object.entries(place).filter(([, value]) => value !== undefined)),
      postcodeChecked: place.postcodeChecked,
      radiusKm,
      phones: draft.phones.split('\n').map((line) => line.trim()).filter(Boolean),
      banks: clean(draft.banks),
      familyNumbers: clean(draft.familyNumbers),
      ...(draft.safeWord.trim() ? { safeWord: draft.safeWord.trim() } : {}),
      ...(draft.callName.trim() ? { callName: draft.callName.trim() } : {}),
    };
    const repo = await repository();
    await repo.saveRecord('people', record);
    await setSetting(SETTINGS.currentPersonId, record.id);
    void askForPersistentStorage();
    setSaving(false);
    toast(`Saved ${record.name}.${offlineNote}`);
    navigate('/');
  }

  async function remove() {
    if (!existing) return;
    const repo = await repository();
    await repo.deleteRecord('people', existing.id);
    toast(`Removed ${existing.name}.`, { undo: () => repo.restoreRecord('people', existing.id) });
    navigate('/');
  }

  const summary: FormError[] = [
    ...(errors.name ? [{ fieldId: 'person-name', message: errors.name }] : []),
    ...(errors.postcode ? [{ fieldId: 'person-postcode', message: errors.postcode }] : []),
  ];
  return (
    <>
      <h1>{personId ? `Edit ${existing?.name ?? 'person'}` : 'Add a person'}</h1>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextField
          id="person-name"
          label="Name"
          hint="How the family calls them in the app: “Mum”, “Joan Smith”. It goes on the cards."
          value={draft.name}
          onChange={(name) => setDraft({ ...draft, name })}
          error={errors.name}
          autoComplete="off"
          required
        />
        <TextField
          label="Name to say when you phone them (optional)"
          hint="What you call them on the phone, like “Margaret”. The phone script uses it; left empty, it uses the name above."
          value={draft.callName}
          onChange={(callName) => setDraft({ ...draft, callName })}
          autoComplete="off"
        />
        <TextField
          id="person-postcode"
          label="Postcode"
          hint="Where they live. Used to find local warnings and their police force."
          value={draft.postcode}
          onChange={(postcode) => setDraft({ ...draft, postcode })}
          error={errors.postcode}
          required
        />
        <TextField
          label="Warn about places within (km)"
          hint="The family's watcher extension warns about spates reported this close to their home."
          value={draft.radiusKm}
          onChange={(radiusKm) => setDraft({ ...draft, radiusKm })}
          error={errors.radiusKm}
        />
        {existing && !existing.postcodeChecked ? <p className="note">This postcode has not been checked yet: it is checked automatically when the postcode service can be reached.</p> : null}
        <TextField label="Their phone numbers" hint="One per line: home phone, mobile. The phone script offers them to ring." multiline value={draft.phones} onChange={(phones) => setDraft({ ...draft, phones })} />
        <ContactRows legend="Their banks" nameLabel="Bank name" phoneLabel="Bank phone number" rows={draft.banks} onChange={(banks) => setDraft({ ...draft, banks })} addLabel="Add another bank" />
        <ContactRows legend="Family numbers" nameLabel="Family member" phoneLabel="Family member phone number" rows={draft.familyNumbers} onChange={(familyNumbers) => setDraft({ ...draft, familyNumbers })} addLabel="Add another family number" />
        <TextField
          label="Family safe word (optional)"
          hint="A word only the family knows. Anyone who calls claiming to be family should know it."
          value={draft.safeWord}
          onChange={(safeWord) => setDraft({ ...draft, safeWord })}
          autoComplete="off"
        />
        <div className="actions">
          <button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          {existing ? (
            <button type="button" className="danger" onClick={() => void remove()}>
              Remove {existing.name}
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}
