/** Settings: your name, the postcode service, keeping data safe (backup, restore, persistent storage). */
import { useEffect, useRef, useState } from 'react';
import { callsToCsv } from '../../core/calls/call-csv.ts';
import { exportBackup, parseBackup, restoreBackup } from '../../db/backup.ts';
import { describeFileProblem, type FileProblem } from '../../db/restore-messages.ts';
import { SYNC_TABLES, type SyncTable } from '../../db/schema.ts';
import { downloadText } from '../../ui/download.ts';
import { TextField } from '../../ui/field.tsx';
import { JsonFileField } from '../../ui/json-file-field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { db, DEFAULT_POSTCODES_BASE_URL, setSetting, SETTINGS, useSetting } from '../app-data.ts';
import { countOf } from '../../core/plural.ts';

export function SettingsScreen() {
  const carerName = useSetting<string>(SETTINGS.carerName, '');
  const baseUrl = useSetting<string>(SETTINGS.postcodesBaseUrl, '');
  const [persisted, setPersisted] = useState<boolean | undefined>();
  const [restoreError, setRestoreError] = useState<FileProblem | undefined>();
  const [pending, setPending] = useState<{ name: string; text: string; incoming: Record<SyncTable, number>; here: Record<SyncTable, number> } | undefined>();
  const dialog = useRef<HTMLDialogElement>(null);
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

  /** Checks the file first; only a good backup gets as far as the question. */
  async function chooseBackup(file: File) {
    setRestoreError(undefined);
    try {
      const text = await file.text();
      const parsed = parseBackup(text);
      const incoming = {} as Record<SyncTable, number>;
      const here = {} as Record<SyncTable, number>;
      for (const table of SYNC_TABLES) {
        incoming[table] = (parsed.tables[table] as { deleted?: true }[]).filter((row) => !row.deleted).length;
        here[table] = await db.table(table).filter((row: { deleted?: true }) => !row.deleted).count();
      }
      setPending({ name: file.name, text, incoming, here });
    } catch (error) {
      setRestoreError(describeFileProblem(error, 'backup'));
    }
  }

  useEffect(() => {
    if (pending && !dialog.current?.open) dialog.current?.showModal();
  }, [pending]);

  async function confirmRestore() {
    if (!pending) return;
    try {
      const { counts } = await restoreBackup(db, pending.text);
      toast(`Restored ${countOf(counts.people, 'person', 'people')}, ${countOf(counts.calls, 'call')}, ${countOf(counts.alerts, 'alert')}.`);
    } catch (error) {
      setRestoreError(describeFileProblem(error, 'backup'));
    }
    // Closed once the restore is done, so the question stays up while the data is being replaced.
    dialog.current?.close();
    setPending(undefined);
  }

  const describe = (counts: Record<SyncTable, number>) =>
    `${countOf(counts.people, 'person', 'people')}, ${countOf(counts.calls, 'call')}, ${countOf(counts.alerts, 'alert')} and ${countOf(counts.checklist, 'checklist tick')}`;

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
          hint="You will be asked before anything is replaced. A file with any error is refused and nothing changes."
          error={
            restoreError ? (
              <>
                Not restored: {restoreError.sentence}
                <details>
                  <summary>Details for whoever helps you</summary>
                  <code>{restoreError.detail}</code>
                </details>
              </>
            ) : null
          }
          onFile={(file) => void chooseBackup(file)}
        />
        <dialog ref={dialog} aria-labelledby="restore-dialog-title" className="dialog" onClose={() => setPending(undefined)}>
          {pending ? (
            <>
              <h2 id="restore-dialog-title">Replace everything on this device?</h2>
              <p>
                The backup “{pending.name}” holds {describe(pending.incoming)}.
              </p>
              <p>
                <strong>Everything on this device now will be replaced</strong>: {describe(pending.here)}. Anything not in the backup is lost, unless you
                download a backup of this device first.
              </p>
              <div className="actions">
                <button type="button" className="danger" onClick={() => void confirmRestore()}>
                  Replace with the backup
                </button>
                <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
                  Keep what is here
                </button>
              </div>
            </>
          ) : null}
        </dialog>
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
