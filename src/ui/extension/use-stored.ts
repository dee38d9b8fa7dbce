import { useCallback, useEffect, useState } from 'react';

/** Loads a value from extension storage and reloads it on demand (after a save, or when the background changed it). */
export function useStored<T>(load: () => Promise<T>): { value: T | undefined; reload: () => Promise<void> } {
  const [value, setValue] = useState<T>();
  const reload = useCallback(async () => setValue(await load()), [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, reload };
}
