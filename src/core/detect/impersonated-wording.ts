import type { ImpersonatedCategory } from './vocabulary.ts';

const CATEGORY_WORDS: Record<ImpersonatedCategory, string> = {
  police: 'police officers',
  bank: 'bank staff',
  hmrc: 'the tax office (HMRC)',
  'other-official': 'officials',
};

/**
 * Who the callers pretend to be, in plain words for a relative or the parent: "police officers or bank staff", then
 * the names they used when known ("Metropolitan Police", "DC Adams"). Categories come from `impersonated`; older
 * records that hold names there are shown as written. Returns `fallback` when nothing is known.
 */
export function describeImpersonated(
  who: { impersonated: readonly string[]; claimedAs?: readonly string[] },
  fallback = 'police officers',
): { roles: string; names: string[] } {
  const roles = who.impersonated.map((entry) => CATEGORY_WORDS[entry as ImpersonatedCategory] ?? entry);
  return { roles: roles.length > 0 ? roles.join(' or ') : fallback, names: [...(who.claimedAs ?? [])] };
}
