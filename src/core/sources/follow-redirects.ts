import type { HttpFetch } from '../platform.ts';

/** A URL or redirect Kinwatch will not follow: not http(s), a loop, or too many hops (`code` says which). */
export class FetchRefusedError extends Error {
  override readonly name = 'FetchRefusedError';
  constructor(
    message: string,
    readonly code: 'refused' | 'redirect_loop' | 'too_many_redirects' = 'refused',
  ) {
    super(message);
  }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function refuseUnlessHttp(url: string, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchRefusedError(`${what} is not a valid URL: "${url.slice(0, 200)}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchRefusedError(`${what} refused: "${parsed.protocol}" URLs are never fetched, only http and https`);
  }
  return parsed;
}

/**
 * Follows redirects by hand (`redirect: 'manual'`) so every hop is checked: http(s) only, no loops, at most
 * `maxRedirects`. Node's fetch exposes each 3xx with its Location. Browsers and service workers hide it (an
 * "opaqueredirect" response); there the browser is allowed to follow, and the final URL's scheme is checked.
 */
export async function fetchFollowingRedirects(
  url: string,
  options: { fetch: HttpFetch; init: RequestInit; maxRedirects: number },
): Promise<{ response: Response; url: string; permanent: boolean }> {
  let current = refuseUnlessHttp(url, 'source URL').toString();
  // True while every hop so far was 301 or 308: the address has moved for good, not for this once.
  let permanent = true;
  let hopped = false;
  const visited = new Set([current]);
  for (let hops = 0; ; hops += 1) {
    const response = await options.fetch(current, { ...options.init, redirect: 'manual' });
    if (response.type === 'opaqueredirect') {
      const followed = await options.fetch(current, { ...options.init, redirect: 'follow' });
      const landed = followed.url === '' ? current : followed.url;
      refuseUnlessHttp(landed, 'redirect target');
      return { response: followed, url: landed, permanent: false };
    }
    if (!REDIRECT_STATUSES.has(response.status)) return { response, url: current, permanent: hopped && permanent };
    hopped = true;
    if (response.status !== 301 && response.status !== 308) permanent = false;
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get('location');
    if (location === null || location.trim() === '') {
      throw new FetchRefusedError(`redirect ${response.status} from ${current} has no Location header`);
    }
    if (hops >= options.maxRedirects) {
      throw new FetchRefusedError(`too many redirects: more than ${options.maxRedirects} starting at ${url}`, 'too_many_redirects');
    }
    let next: string;
    try {
      next = new URL(location, current).toString();
    } catch {
      throw new FetchRefusedError(`redirect from ${current} to an invalid URL: "${location.slice(0, 200)}"`);
    }
    refuseUnlessHttp(next, 'redirect target');
    if (visited.has(next)) throw new FetchRefusedError(`redirect loop: ${current} leads back to ${next}`, 'redirect_loop');
    visited.add(next);
    current = next;
  }
}
