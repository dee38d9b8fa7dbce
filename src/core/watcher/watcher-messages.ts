import type { CycleResult, SourceProgress } from './poll-cycle.ts';

/** Messages between the extension's pages and its background worker. */
export type WatcherRequest =
  | { type: 'check-now' }
  /** Sent by the options page after saving: the poll alarm follows the new interval. */
  | { type: 'settings-changed' };

export type CheckNowReply = { ok: true; result: Omit<CycleResult, 'alerted'> & { alertedSpateIds: string[] } } | { ok: false; error: string };

/** Broadcast by the background while a check runs, so the popup can show progress per source. */
export interface PollProgressMessage {
  type: 'poll-progress';
  progress: SourceProgress;
}

export function isWatcherRequest(value: unknown): value is WatcherRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    ((value as { type?: unknown }).type === 'check-now' || (value as { type?: unknown }).type === 'settings-changed')
  );
}

export function isPollProgressMessage(value: unknown): value is PollProgressMessage {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'poll-progress';
}
