/**
 * The identity of an item across polls and sources: absolute (relative links resolved against the page), http(s)
 * only, tracking parameters (`utm_*`) and the fragment removed. Returns null for anything else (`javascript:`,
 * `mailto:`, `data:`, garbage), so callers drop the item rather than store a link that could run script.
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
  for (const name of [...url.searchParams.keys()]) {
    if (name.toLowerCase().startsWith('utm_')) url.searchParams.delete(name);
  }
  url.hash = '';
  return url.toString();
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
