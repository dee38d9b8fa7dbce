/** Settings: your name, the postcode service, keeping data safe (backup, restore, persistent storage). */
import { useEffect, useState } from 'react';
import { callsToCsv } from '../../core/calls/call-csv.ts';
import { exportBackup, restoreBackup } from '../../db/backup.ts';
import { downloadText } from '../../ui/download.ts';
import { TextField } from '../../ui/field.tsx';
import { JsonFileField } from '../../ui/json-file-field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { db, DEFAULT_POSTCODES_BASE_URL, setSetting, SETTINGS, useSetting } from '../app-data.ts';

export function SettingsScreen() {
  const carerName = useSetting<string>(SETTINGS.carerName, '');
  const baseUrl = useSetting<string>(SETTINGS.postcodesBaseUrl, '');
  const [persisted, setPersisted] = useState<boolean | undefined>();
  const [restoreError, setRestoreError] = useState('');
  const [baseUrlError, setBaseUrlError] = useState('');
  const toast = useToast();

  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);

  const today = () => new Date().toISOString().slice(0, 10);

  async function backup() {
    downloadText(`kinwatch-backup-${today()}.json`, await exportBackup(db), 'application/json');
  }

  async function exportCalls() {
    const people = new Map((await db.people.toArray()).map((person) => [person.id, person.name]));
    const calls = (await db.calls.orderBy('at').toArray()).filter((call) => !call.deleted);
    downloadText(`kinwatch-calls-${today()}.csv`, callsToCsv(calls, (id) => people.get(id) ?? ''), 'text/csv;charset=utf-8');
  }

  async function restore(file: File) {
    setRestoreError('');
    try {
      const { counts } = await restoreBackup(db, await file.text());
      toast(`Restored ${counts.people} ${counts.people === 1 ? 'person' : 'people'}, ${counts.calls} calls, ${counts.alerts} alerts.`);
    } catch (error) {
      setRestoreError(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <>
      <h1>Settings</h1>
      <section aria-labelledby="you-heading">
        <h2 id="you-heading">You</h2>
        <TextField label="Your name" hint="Shown on calls you log and rules you talk through." value={carerName} onChange={(name) => void setSetting(SETTINGS.carerName, name)} autoComplete="name" />
      </section>
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Keep the data safe</h2>
        <p>
          Everything stays on this device (and, encrypted, with your care circle).{' '}
          {persisted === true
            ? 'The browser has agreed to keep it.'
            : persisted === false
              ? 'The browser may clear it if space runs low: keep a backup.'
              : ''}
        </p>
        {persisted === false ? (
          <button type="button" className="secondary" onClick={() => void navigator.storage.persist().then(setPersisted)}>
            Ask the browser to keep Kinwatch data
          </button>
        ) : null}
        <div className="actions">
          <button type="button" onClick={() => void backup()}>
            Download a backup
          </button>
          <button type="button" className="secondary" onClick={() => void exportCalls()}>
            Export calls as CSV
          </button>
        </div>
        <JsonFileField
          label="Restore from a backup file"
          hint="Replaces everything on this device with the backup. A file with any error is refused and nothing changes."
          error={restoreError ? <>Not restored: {restoreError}</> : null}
          onFile={(file) => void restore(file)}
        />
      </section>
      <section aria-labelledby="service-heading">
        <h2 id="service-heading">Postcode lookups</h2>
        <TextField
          label="Postcode service address"
          hint={`Postcodes are checked with postcodes.io (${DEFAULT_POSTCODES_BASE_URL}). Only the postcode is sent.`}
          type="url"
          value={baseUrl}
          error={baseUrlError}
          onChange={(value) => {
            setBaseUrlError(value && !/^https?:\/\/[^\s]+$/.test(value) ? 'Enter an address starting with https://' : '');
            void setSetting(SETTINGS.postcodesBaseUrl, value.trim());
          }}
        />
      </section>
    </>
  );
}
