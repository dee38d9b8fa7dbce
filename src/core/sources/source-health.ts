import type { SourceHealth } from './source.ts';

/**
 * A page that used to list items and now yields none has probably changed shape (a redesign, a cookie wall):
 * the source-health page flags it rather than letting the family believe all is quiet.
 */
export function isSourceSuspicious(health: SourceHealth | undefined): boolean {
  if (health === undefined) return false;
  return (health.maxItemCount ?? 0) > 0 && health.lastItemCount === 0;
}
