/**
 * Query parameters that only track how a reader arrived (campaigns, click ids, newsletter ids), never which page it
 * is: Google Analytics `utm_*`, AT Internet `at_*` (BBC), Facebook `fbclid`, Google Ads `gclid`/`dclid`/`gbraid`/
 * `wbraid`, Mailchimp `mc_cid`/`mc_eid`, Microsoft `ncid`/`ocid`/`msclkid`, `cmpid`, HubSpot `_hsenc`/`_hsmi`,
 * Yahoo `guccounter`, Instagram `igshid`, Twitter `twclid`, Marketo `mkt_tok`, Olytics `oly_*`, `yclid`, `_ga`.
 * Sources: the lists kept by ClearURLs (rules data) and by Firefox's query-stripping list; checked on 2026-11-30.
 */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'mc_cid', 'mc_eid', 'ncid', 'ocid', 'cmpid', '_hsenc',
  '_hsmi', 'guccounter', 'igshid', 'twclid', 'mkt_tok', 'yclid', '_ga', '_gl',
]);
const TRACKING_PREFIXES = ['utm_', 'at_', 'oly_', 'pk_', 'mtm_', 'ga_'];

/** True for a query parameter that only tracks the visit (see TRACKING_PARAMS); compared case-insensitively. */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * The identity of an item across polls and sources: absolute (relative links resolved against the page), http(s)
 * only, tracking parameters (see isTrackingParam) and the fragment removed, parameters that pick the page (`id`,
 * `page`, `p`…) kept. Returns null for anything else (`javascript:`, `mailto:`, `data:`, garbage), so callers drop
 * the item rather than store a link that could run script.
 */
export function canonicalUrl(href: string, baseUrl?: string): string | null {
  const trimmed = href.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = baseUrl === undefined ? new URL(trimmed) : new URL(trimmed, baseUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Cut from the serialised URL rather than through the URL's setters, each of which re-serialises it: in an http(s)
  // URL's serialisation "#" only starts the fragment and "?" only the query (elsewhere they are percent-encoded).
  const serialised = url.href;
  const fragmentAt = serialised.indexOf('#');
  const withoutFragment = fragmentAt === -1 ? serialised : serialised.slice(0, fragmentAt);
  const search = url.search;
  if (search === '') return withoutFragment;
  const params = new URLSearchParams(search);
  let tracked = false;
  for (const name of params.keys()) tracked ||= isTrackingParam(name);
  if (!tracked) return withoutFragment;
  // The same query as deleting each tracking parameter from url.searchParams gives: the rest, form-encoded again.
  const kept = new URLSearchParams();
  for (const [name, value] of params) if (!isTrackingParam(name)) kept.append(name, value);
  const query = kept.toString();
  return withoutFragment.slice(0, withoutFragment.length - search.length) + (query === '' ? '' : `?${query}`);
}

/** True for an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
