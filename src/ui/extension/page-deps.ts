import type { HttpFetch } from '../../core/platform.ts';
import type { PermissionsApi } from '../../core/watcher/permission-request.ts';
import type { PollProgressMessage, WatcherRequest } from '../../core/watcher/watcher-messages.ts';
import type { WatcherStore } from '../../core/watcher/watcher-state.ts';

/** What the extension's pages need from the browser, passed in so the pages stay plain React. */
export interface PageDeps {
  store: WatcherStore;
  permissions: PermissionsApi;
  fetch: HttpFetch;
  /** postcodes.io, or a stand-in set at build time. */
  postcodesBaseUrl: string;
  /** Carer app address set at build time, if any. */
  defaultCarerAppUrl: string;
  sendMessage(message: WatcherRequest): Promise<unknown>;
  /** Subscribes to progress broadcasts from the background; returns the unsubscribe. */
  onProgress(listener: (message: PollProgressMessage) => void): () => void;
  /** Whether this browser lets Kinwatch show notifications ("unknown" where it cannot tell, as in Firefox). */
  notificationLevel(): Promise<'granted' | 'denied' | 'unknown'>;
  /** A page of this extension, e.g. "/health.html". */
  extensionUrl(path: string): string;
}
