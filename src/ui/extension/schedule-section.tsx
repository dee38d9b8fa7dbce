import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { parseTimeOfDay } from '../../core/watcher/quiet-hours.ts';
import { MIN_POLL_INTERVAL_MINUTES, type WatcherSettings } from '../../core/watcher/watcher-state.ts';
import { SelectField, TextField } from '../field.tsx';
import type { PageDeps } from './page-deps.ts';
import { useStored } from './use-stored.ts';

const INTERVALS = [5, 10, 15, 30, 60, 120];
const INTERVAL_OPTIONS = INTERVALS.map((minutes) => ({
  value: String(minutes),
  label: minutes < 60 ? `${minutes} minutes` : `${minutes / 60} hour${minutes > 60 ? 's' : ''}`,
}));

/** How often to check, quiet hours, and the carer app address. */
export function ScheduleSection({ deps }: { deps: PageDeps }) {
  const load = useCallback(() => deps.store.getSettings(), [deps]);
  const { value: saved, reload } = useStored(load);
  const [draft, setDraft] = useState<WatcherSettings>();
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  useEffect(() => setDraft(saved), [saved]);
  if (!draft) return null;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setError('');
    setStatus('');
    try {
      parseTimeOfDay(draft.quietHours.start, 'Quiet hours start');
      parseTimeOfDay(draft.quietHours.end, 'Quiet hours end');
      if (draft.carerAppUrl && !/^https?:\/\//.test(draft.carerAppUrl)) throw new Error('Carer app address must start with https://.');
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
      return;
    }
    await deps.store.saveSettings({ ...draft, pollIntervalMinutes: Math.max(MIN_POLL_INTERVAL_MINUTES, draft.pollIntervalMinutes) });
    await deps.sendMessage('settings-changed').catch(() => undefined);
    await reload();
    setStatus('Saved.');
  }

  const quiet = draft.quietHours;
  return (
    <section aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">When to check and when to stay quiet</h2>
      <form onSubmit={(event) => void save(event)} noValidate>
        <SelectField label="Check every" value={String(draft.pollIntervalMinutes)} options={INTERVAL_OPTIONS}
          onChange={(value) => setDraft({ ...draft, pollIntervalMinutes: Number(value) })} />
        {/* The label wraps the box so the whole row is the target (44px). */}
        <label className="check">
          <input type="checkbox" checked={quiet.enabled}
            onChange={(e) => setDraft({ ...draft, quietHours: { ...quiet, enabled: e.target.checked } })} />
          Quiet hours: no notifications at night unless urgent
        </label>
        <div className="row">
          <TextField label="Quiet from" type="time" value={quiet.start} disabled={!quiet.enabled}
            onChange={(start) => setDraft({ ...draft, quietHours: { ...quiet, start } })} />
          <TextField label="Quiet until" type="time" value={quiet.end} disabled={!quiet.enabled}
            onChange={(end) => setDraft({ ...draft, quietHours: { ...quiet, end } })} />
        </div>
        <TextField label="Carer app address (optional)" type="url" value={draft.carerAppUrl} placeholder="https://"
          onChange={(value) => setDraft({ ...draft, carerAppUrl: value.trim() })}
          hint="Used for links when you have not joined a care circle." />
        {error && <p className="error" role="alert">{error}</p>}
        <div className="row">
          <button type="submit">Save</button>
          <span role="status" className="ok">{status}</span>
        </div>
      </form>
    </section>
  );
}
