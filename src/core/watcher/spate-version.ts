import type { Spate } from '../detect/spate.ts';

/**
 * A spate's version for alerting: it changes when more reports arrive or the severity rises, and only then does the
 * family hear about the same incident again.
 */
export function spateVersion(spate: Spate): string {
  const reports = Math.max(spate.counts.reports ?? 0, spate.sources.length);
  return `${reports}:${spate.severity}:${spate.counts.victims ?? 0}`;
}

/** Urgent spates break through quiet hours. */
export function isUrgent(spate: Spate): boolean {
  return spate.severity === 'high';
}
