/** Add or edit a person: name, postcode (looked up when online), phones, banks, family numbers, safe word. */
import { useEffect, useState } from 'react';
import type { CaredPerson, PhoneContact } from '../../core/calls/person.ts';
import { createPostcodeClient } from '../../core/geo/postcodes.ts';
import { PostcodeLookupError } from '../../core/geo/postcode-lookup-error.ts';
import { parsePostcode } from '../../core/geo/postcode-format.ts';
import { DEFAULT_RADIUS_KM, MAX_RADIUS_KM } from '../../core/geo/watched-person.ts';
import { FieldGroup, TextField } from '../../ui/field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { askForPersistentStorage, db, DEFAULT_POSTCODES_BASE_URL, repository, setSetting, SETTINGS } from '../app-data.ts';
import { forceIdForPfa } from '../forces.ts';
import { navigate } from '../router.tsx';

interface Draft {
  name: string;
  postcode: string;
  /** km, as typed. */
  radiusKm: string;
  phones: string;
  banks: PhoneContact[];
  familyNumbers: PhoneContact[];
  safeWord: string;
}

const emptyDraft: Draft = { name: '', postcode: '', radiusKm: String(DEFAULT_RADIUS_KM), phones: '', banks: [{ name: '', phone: '' }], familyNumbers: [{ name: '', phone: '' }], safeWord: '' };

function ContactRows(props: { legend: string; nameLabel: string; rows: PhoneContact[]; onChange: (rows: PhoneContact[]) => void; addLabel: string }) {
  const update = (index: number, change: Partial<PhoneContact>) => props.onChange(props.rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <FieldGroup legend={props.legend}>
      {props.rows.map((row, index) => (
        <div className="row" key={index}>
          <TextField label={`${props.nameLabel} ${index + 1}`} value={row.name} onChange={(name) => update(index, { name })} />
          <TextField label={`Phone number ${index + 1}`} type="tel" value={row.phone} onChange={(phone) => update(index, { phone })} />
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
  const toast = useToast();

  useEffect(() => {
    if (!personId) return;
    void db.people.get(personId).then((person) => {
      if (!person) return;
      setExisting(person);
      setDraft({
        name: person.name,
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
    const parsed = parsePostcode(draft.postcode);
    if (!parsed) nextErrors.postcode = 'Enter a UK postcode, like CO7 6AA.';
    const radiusKm = Number(draft.radiusKm);
    if (!draft.radiusKm.trim() || !Number.isFinite(radiusKm) || radiusKm < 1 || radiusKm > MAX_RADIUS_KM) {
      nextErrors.radiusKm = `Enter a distance from 1 to ${MAX_RADIUS_KM} km.`;
    }
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0 || !parsed) return;
    setSaving(true);
    const postcode = parsed.kind === 'postcode' ? parsed.postcode : parsed.outcode;
    const unchanged = existing && existing.postcode === postcode && existing.postcodeChecked;
    let place: Pick<CaredPerson, 'postcodeChecked' | 'lat' | 'lng' | 'forceId' | 'placeName'> = unchanged
      ? { postcodeChecked: true, lat: existing.lat, lng: existing.lng, forceId: existing.forceId, placeName: existing.placeName }
      : { postcodeChecked: false };
    let offlineNote = '';
    if (!unchanged) {
      const baseUrl = ((await db.settings.get(SETTINGS.postcodesBaseUrl))?.value as string | undefined) || DEFAULT_POSTCODES_BASE_URL;
      try {
        const location = await createPostcodeClient({ fetch: (url, init) => fetch(url, init), baseUrl }).lookupPostcode(postcode);
        place = { postcodeChecked: true, lat: location.lat, lng: location.lng, forceId: location.pfa ? forceIdForPfa(location.pfa) : undefined, placeName: location.district };
      } catch (error) {
        if (error instanceof PostcodeLookupError && !error.retryable) {
          setErrors({ postcode: error.message });
          setSaving(false);
          return;
        }
        offlineNote = ' The postcode could not be checked (offline?): it is saved as typed and will be checked next time you save.';
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

  return (
    <>
      <h1>{personId ? `Edit ${existing?.name ?? 'person'}` : 'Add a person'}</h1>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextField label="Name" value={draft.name} onChange={(name) => setDraft({ ...draft, name })} error={errors.name} autoComplete="off" required />
        <TextField
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
          type="number"
          min={1}
          max={MAX_RADIUS_KM}
          value={draft.radiusKm}
          onChange={(radiusKm) => setDraft({ ...draft, radiusKm })}
          error={errors.radiusKm}
        />
        {existing && !existing.postcodeChecked ? <p className="note">This postcode has not been checked yet. Save while online to check it.</p> : null}
        <TextField label="Their phone numbers" hint="One per line: home phone, mobile." multiline value={draft.phones} onChange={(phones) => setDraft({ ...draft, phones })} />
        <ContactRows legend="Their banks" nameLabel="Bank name" rows={draft.banks} onChange={(banks) => setDraft({ ...draft, banks })} addLabel="Add another bank" />
        <ContactRows legend="Family numbers" nameLabel="Family member" rows={draft.familyNumbers} onChange={(familyNumbers) => setDraft({ ...draft, familyNumbers })} addLabel="Add another family number" />
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
