/** Alerts inbox: spates near each person, with their sources, and "I've called them" once the family has phoned. */
import { useLiveQuery } from 'dexie-react-hooks';
import { describeFileProblem, type FileProblem } from '../../db/restore-messages.ts';
import { useEffect, useId, useRef, useState } from 'react';
import { TACTIC_LABELS } from '../../core/calls/call.ts';
import type { AlertRecord, CheckIn } from '../../core/calls/alert.ts';
import { JsonFileField } from '../../ui/json-file-field.tsx';
import { PersonPicker } from '../../ui/person-picker.tsx';
import { SpateSources } from '../../ui/spate-sources.tsx';
import { useToast } from '../../ui/toast.tsx';
import { db, repository, SETTINGS, usePeople, useSetting } from '../app-data.ts';
import { parseAlertFile } from '../alert-import.ts';
import { Link } from '../router.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { harmParts, reportCount } from '../../core/spates/wording.ts';

const SEVERITY_LABEL = { high: 'High', medium: 'Medium', low: 'Low' } as const;

function AlertItem({ alert, checkIns, personName, focused }: { alert: AlertRecord; checkIns: CheckIn[]; personName: string; focused: boolean }) {
  const carerName = useSetting<string>(SETTINGS.carerName, '');
  const toast = useToast();
  const { spate } = alert;
  // Worded as the extension's popup and the push words them (src/core/spates/wording.ts).
  const counts = [reportCount(spate), ...harmParts(spate)];

  async function checkIn() {
    const id = crypto.randomUUID();
    const repo = await repository();
    await repo.saveRecord('checkIns', { id, alertId: alert.id, personId: alert.personId, at: new Date().toISOString(), by: carerName.trim() || 'A carer' });
    toast(`Noted: you called ${personName}.`, { undo: () => repo.deleteRecord('checkIns', id) });
  }

  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focused) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [focused]);
  return (
    <li className={`panel alert severity-${spate.severity}`} aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={focused ? -1 : undefined}>
        {spate.headline}
      </h2>
      <p>
        <strong>{SEVERITY_LABEL[spate.severity]} risk</strong> for {personName}
        {spate.places.length ? ` · ${spate.places.join(', ')}` : ''}
        {spate.distanceKm !== undefined ? ` · ${spate.distanceKm.toFixed(1)} km away` : ''}
        {counts.length ? ` · ${counts.join(', ')}` : ''}
      </p>
      {spate.tactics.length ? (
        <>
          <p>What the fraudsters are doing:</p>
          <ul>
            {spate.tactics.map((tactic) => (
              <li key={tactic}>{TACTIC_LABELS[tactic]}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>Sources:</p>
      <SpateSources sources={spate.sources} label={`Sources of ${spate.headline}`} />
      {checkIns.length ? (
        <p className="status">
          Called by {checkIns.map((entry) => `${entry.by} on ${formatDateTime(entry.at)}`).join('; ')}.
        </p>
      ) : (
        <p className="reminder">No one has called {personName} about this yet.</p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void checkIn()}>
          I’ve called {personName}
        </button>
        <Link className="button secondary" to={`/alerts/${encodeURIComponent(alert.id)}/script`}>
          Phone script for {personName}
        </Link>
      </div>
    </li>
  );
}

/** `focusAlertId`: the alert a notification opened, scrolled to and focused once it is shown. */
export function AlertsScreen({ focusAlertId }: { focusAlertId?: string | undefined } = {}) {
  const people = usePeople();
  const [personId, setPersonId] = useState('');
  const [importFor, setImportFor] = useState('');
  const [importError, setImportError] = useState<FileProblem | undefined>();
  const toast = useToast();
  const data = useLiveQuery(async () => {
    const alerts = (await db.alerts.orderBy('receivedAt').reverse().toArray()).filter((alert) => !alert.deleted);
    const checkIns = (await db.checkIns.toArray()).filter((entry) => !entry.deleted);
    return { alerts, checkIns };
  });
  if (!people || !data) return <p>Loading…</p>;
  const names = new Map(people.map((person) => [person.id, person.name]));
  const shown = data.alerts.filter((alert) => names.has(alert.personId) && (!personId || alert.personId === personId));
  const target = importFor || people[0]?.id || '';

  async function importFile(file: File) {
    setImportError(undefined);
    try {
      const rows = parseAlertFile(await file.text(), people ?? [], target, new Date().toISOString());
      const repo = await repository();
      for (const row of rows) await repo.saveRecord('alerts', row);
      toast(`Imported ${rows.length} alert${rows.length === 1 ? '' : 's'}.`);
    } catch (error) {
      setImportError(describeFileProblem(error, 'alerts file'));
    }
  }

  return (
    <>
      <h1>Alerts</h1>
      {people.length === 0 ? (
        <p>
          Alerts appear here once you <Link to="/people/new">add a person</Link> and the family’s watcher finds warnings near them.
        </p>
      ) : (
        <>
          <PersonPicker people={people} value={personId} onChange={setPersonId} allowAll label="Show alerts for" />
          {shown.length === 0 ? <p>No alerts. Kinwatch shows police warnings about courier fraud near the people you look after.</p> : null}
          <ul className="alerts">
            {shown.map((alert) => (
              <AlertItem
                key={alert.id}
                alert={alert}
                checkIns={data.checkIns.filter((entry) => entry.alertId === alert.id)}
                personName={names.get(alert.personId) ?? ''}
                focused={alert.id === focusAlertId}
              />
            ))}
          </ul>
          <section aria-labelledby="import-heading" className="panel">
            <h2 id="import-heading">Import alerts from a file</h2>
            <p>For alerts shared as a file by the watcher extension.</p>
            <PersonPicker people={people} value={target} onChange={setImportFor} label="Import alerts for" />
            <JsonFileField
              label="Alerts file (JSON)"
              error={
                importError ? (
                  <>
                    {importError.sentence}
                    <details>
                      <summary>Details for whoever helps you</summary>
                      <code>{importError.detail}</code>
                    </details>
                  </>
                ) : null
              }
              onFile={(file) => void importFile(file)}
            />
          </section>
        </>
      )}
    </>
  );
}
