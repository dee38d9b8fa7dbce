import type { HttpFetch } from '../../core/platform.ts';
import type { STORE_KEYS } from '../../db/extension-store.ts';
import type { PermissionsApi } from '../../core/watcher/permission-request.ts';
import type { SourceProgress } from '../../core/watcher/poll-cycle.ts';
import type { WatcherProtocol, WatcherRequest } from '../../core/watcher/watcher-protocol.ts';
import type { WatcherStore } from '../../core/watcher/watcher-state.ts';

/** A kind of record in the extension's storage (the names of STORE_KEYS), e.g. 'people' or 'circle'. */
export type StoredKind = keyof typeof STORE_KEYS;

/** What the extension's pages need from the browser, passed in so the pages stay plain React. */
export interface PageDeps {
  store: WatcherStore;
  permissions: PermissionsApi;
  fetch: HttpFetch;
  /** postcodes.io, or a stand-in set at build time. */
  postcodesBaseUrl: string;
  /** Carer app address set at build time, if any. */
  defaultCarerAppUrl: string;
  /**
   * Asks the background (WatcherProtocol) and resolves with its reply; rejects with an Error carrying the background's
   * message when its handler throws, or the browser's when the background cannot be reached.
   */
  sendMessage<Name extends WatcherRequest>(name: Name): Promise<ReturnType<WatcherProtocol[Name]>>;
  /** Subscribes to the background's 'poll-progress' broadcasts (one subscriber per page); returns the unsubscribe. */
  onProgress(listener: (progress: SourceProgress) => void): () => void;
  /**
   * Calls `listener` whenever any of `kinds` changes in extension storage — written by the background, another page
   * or another section of this one (browser.storage.onChanged, area "local"). Returns the unsubscribe.
   */
  onStoreChange(kinds: readonly StoredKind[], listener: () => void): () => void;
  /** Whether this browser lets Kinwatch show notifications ("unknown" where it cannot tell, as in Firefox). */
  notificationLevel(): Promise<'granted' | 'denied' | 'unknown'>;
  /** A page of this extension, e.g. "/health.html". */
  extensionUrl(path: string): string;
}
