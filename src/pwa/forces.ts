/** Police forces for the "who did they say they were" picker and card wording, from the core force registry. */
import { forceById, forceByPfa, listForces } from '../core/sources/force-registry.ts';

export interface ForceName {
  id: string;
  name: string;
}

export const FORCES: readonly ForceName[] = listForces()
  .map((force) => ({ id: force.id, name: force.name }))
  .sort((a, b) => a.name.localeCompare(b.name));

export function forceName(id: string | undefined): string | undefined {
  return id ? forceById(id)?.name : undefined;
}

/** postcodes.io gives a police force area by name ("Essex", "Metropolitan Police"). */
export function forceIdForPfa(pfa: string): string | undefined {
  return forceByPfa(pfa)?.id;
}
