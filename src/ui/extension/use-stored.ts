import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageDeps, StoredKind } from './page-deps.ts';

/** The extension storage a page shows: reloaded whenever one of `keys` changes, from any page or the background. */
export interface StoredWatch {
  deps: Pick<PageDeps, 'onStoreChange'>;
  keys: readonly StoredKind[];
}

/**
 * Loads a value from extension storage, reloads it on demand (after a save) and, given `watch`, whenever the
 * background or another page or section changes one of the watched keys. A load that finishes after a newer one
 * started is dropped, so the page never goes back to older data.
 */
export function useStored<T>(load: () => Promise<T>, watch?: StoredWatch): { value: T | undefined; reload: () => Promise<void> } {
  const [value, setValue] = useState<T>();
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    const loaded = await load();
    if (ticket === latest.current) setValue(loaded);
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const subscribe = watch?.deps.onStoreChange;
  const keys = watch?.keys.join(' ') ?? '';
  useEffect(() => {
    if (!subscribe || !keys) return undefined;
    return subscribe(keys.split(' ') as StoredKind[], () => void reload());
  }, [subscribe, keys, reload]);
  return { value, reload };
}
