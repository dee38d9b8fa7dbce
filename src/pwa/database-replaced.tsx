/**
 * When another tab opens a newer release of the app, it upgrades the database; this tab's older code must not
 * write into the new shape, so its connection is closed (src/db/schema.ts) and this notice asks to reload.
 */
import { useSyncExternalStore } from 'react';

let replaced = false;
const listeners = new Set<() => void>();

/** Called once by the database when a newer version replaced this tab's connection. */
export function markDatabaseReplaced(): void {
  replaced = true;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDatabaseReplaced(): boolean {
  return useSyncExternalStore(subscribe, () => replaced);
}

export function DatabaseReplacedNotice() {
  if (!useDatabaseReplaced()) return null;
  return (
    <div className="update-banner" role="alert">
      <p>
        Kinwatch was updated in another tab. Reload this tab to keep working: nothing more can be saved here until
        you do.
      </p>
      <button type="button" onClick={() => window.location.reload()}>
        Reload this tab
      </button>
    </div>
  );
}
