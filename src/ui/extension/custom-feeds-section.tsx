import { useCallback, useState, type FormEvent } from 'react';
import { systemClock } from '../../core/platform.ts';
import { fetchSource } from '../../core/sources/fetch-source.ts';
import { CustomFeedUrlError, customFeedSource } from '../../core/sources/force-registry.ts';
import { pressToRetry, requestSiteAccess } from '../../core/watcher/permission-request.ts';
import { customFeedOf } from '../../core/watcher/source-plan.ts';
import { TextField } from '../field.tsx';
import type { PageDeps } from './page-deps.ts';
import { useStored } from './use-stored.ts';
import { countOf } from '../../core/plural.ts';

/** Any RSS or Atom feed by address (e.g. a Neighbourhood Alert area): checked to be a readable feed before it is kept. */
export function CustomFeedsSection({ deps }: { deps: PageDeps }) {
  const load = useCallback(() => deps.store.getCustomFeeds(), [deps]);
  const { value: feeds, reload } = useStored(load);
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    setError('');
    setStatus('');
    let source;
    try {
      source = customFeedSource(url, name);
    } catch (problem) {
      setError(problem instanceof CustomFeedUrlError ? problem.message : String(problem));
      return;
    }
    const access = await requestSiteAccess(deps.permissions, [source.url], pressToRetry('Add feed'));
    if (!access.granted) {
      setError(access.message);
      return;
    }
    setBusy(true);
    try {
      const result = await fetchSource(source, undefined, {
        fetch: deps.fetch,
        clock: systemClock,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        random: Math.random,
        timeoutMs: 15_000,
      });
      if (result.status !== 'ok') {
        setError(`Kinwatch could not read a feed at ${source.url}: ${result.error ?? 'no answer'}. Check the address.`);
        return;
      }
      // A site's page resolved by autodiscovery: keep the feed it names, so every poll goes straight there.
      const found = result.health.movedTo;
      // Unnamed, a feed goes by the name it gives itself ("Wivenhoe Weekly"), else by its address.
      const kept = customFeedSource(found ?? source.url, name.trim() || result.feedTitle);
      const current = await deps.store.getCustomFeeds();
      if (!current.some((feed) => feed.id === kept.id)) {
        await deps.store.saveCustomFeeds([...current, customFeedOf(kept, new Date().toISOString())]);
      }
      await reload();
      setUrl('');
      setName('');
      setStatus(`Feed added: ${kept.label} (${countOf(result.items?.length ?? 0, 'item')} now)${found !== undefined ? `, found at ${found}` : ''}.`);
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string) {
    await deps.store.saveCustomFeeds((await deps.store.getCustomFeeds()).filter((feed) => feed.id !== id));
    await reload();
  }

  return (
    <section aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">Your own feeds</h2>
      <ul className="plain">
        {feeds?.map((feed) => (
          <li key={feed.id} className="row">
            <span>{feed.label} — {feed.url}</span>
            <button type="button" className="secondary" onClick={() => void remove(feed.id)} aria-label={`Remove feed ${feed.label}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => void add(event)} noValidate>
        <TextField label="Feed address (RSS or Atom)" type="url" value={url} onChange={setUrl} placeholder="https://" error={error || undefined} />
        <TextField label="Name for this feed (optional)" value={name} onChange={setName} placeholder="e.g. Neighbourhood Alert, Colchester" />
        <div className="row">
          <button type="submit" disabled={busy}>{busy ? 'Checking…' : 'Add feed'}</button>
        </div>
        <p role="status" className="ok">{status}</p>
      </form>
    </section>
  );
}
