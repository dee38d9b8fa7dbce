import type { CycleResult, SourceProgress } from './poll-cycle.ts';

/**
 * The one protocol between the extension's pages and its background worker, as a protocol map of
 * `@webext-core/messaging` (each message's name → its data and reply). Pure types: the messenger built from it lives
 * with the browser's other APIs (src/platform/browser.ts), so core never touches an extension API.
 */
export interface WatcherProtocol {
  /** Popup's "Check now": one poll cycle at once. Page → background. */
  'check-now'(): CheckNowReply;
  /** Options page after saving settings: the poll alarm follows the new interval. Page → background. */
  'settings-changed'(): void;
  /** How a running check goes, once per source and stage. Background → every open page; closed pages miss it. */
  'poll-progress'(progress: SourceProgress): void;
}

/** The messages a page sends to the background (the rest of the map is broadcast the other way). */
export type WatcherRequest = Exclude<keyof WatcherProtocol, 'poll-progress'>;

/** The background's answer to "Check now": the cycle's counts, or why it stopped. */
export type CheckNowReply = { ok: true; result: Omit<CycleResult, 'alerted'> & { alertedSpateIds: string[] } } | { ok: false; error: string };
