import lockfile from 'proper-lockfile';

/** Another relay holds the data folder; starting a second one on it would corrupt the embedded database. */
export class DataFolderLocked extends Error {}

/**
 * Takes the PGlite data folder for this process with proper-lockfile: a `<folder>.lock` directory whose time is
 * refreshed every second. A relay killed with SIGKILL leaves it behind; it counts as stale after 3 s, so a restart
 * waits up to ~5 s for it rather than refusing. Resolves with the release function; throws DataFolderLocked when a
 * live relay holds the folder. `onLost` is called if the lock is taken from under this process (it must stop).
 */
export async function lockDataFolder(dataDir: string, onLost: (error: Error) => void): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, {
      stale: 3_000,
      update: 1_000,
      retries: { retries: 5, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 },
      onCompromised: onLost,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DataFolderLocked(
        `KINWATCH_DATA: ${dataDir} is in use by another relay. Stop it first, or give this relay its own folder (or a DATABASE_URL shared by both).`,
      );
    }
    throw error;
  }
}
