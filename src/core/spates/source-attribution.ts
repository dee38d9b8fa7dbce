import { forceById } from '../sources/force-registry.ts';
import type { SpateSource } from './spate.ts';

/** The aggregator's name for sources of kind `google-news` (ids "google-news:<force id>", see Source.id). */
const GOOGLE_NEWS = 'Google News';

/**
 * Who published one of a spate's articles, as plain text for beside its title:
 * - a paper reached through Google News: "Essex Live, via Google News" (several papers: "Essex Live, Colchester
 *   Gazette, via Google News"); Google News without a named outlet: "Google News";
 * - a force's own article (ids "<force id>:news", "<force id>:rss"): the force's name, "Essex Police";
 * - another feed that names an outlet: the outlet; a user's own feed ("custom:<hash>") or an id the force registry
 *   does not know: undefined (nothing is said rather than a guess).
 * Source ids are the force registry's (src/core/sources/force-registry.ts). Never throws.
 */
export function sourceAttribution(source: Pick<SpateSource, 'sourceId' | 'outlet'>): string | undefined {
  const [prefix = '', rest] = splitOnce(source.sourceId);
  const outlet = source.outlet?.trim() || undefined;
  if (prefix === 'google-news' && rest !== undefined) return outlet ? `${outlet}, via ${GOOGLE_NEWS}` : GOOGLE_NEWS;
  if (outlet) return outlet;
  if (prefix === 'custom' || rest === undefined) return undefined;
  return forceById(prefix)?.name;
}

function splitOnce(id: string): [string, string | undefined] {
  const at = id.indexOf(':');
  return at < 0 ? [id, undefined] : [id.slice(0, at), id.slice(at + 1)];
}
