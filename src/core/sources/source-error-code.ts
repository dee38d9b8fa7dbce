/**
 * Why a source could not be read, as a stable key beside the message (miniflux's fetcher keeps such keys so its UI
 * can say what to do): the health page and `scan` choose their advice by code, never by parsing prose.
 * - `http_<status>`: the site answered with that HTTP status (e.g. `http_403`: it refuses this browser or address).
 * - `timeout`: no complete answer within the time limit. `network`: no answer at all (DNS, refused, offline).
 * - `too_large`: the body passed the size cap. `not_a_feed`: a web page or other document where a feed was expected.
 *   `moved`: the address redirects for good to a page that is not a feed, and no feed could be found from it.
 * - `malformed`: XML the parser cannot read. `empty`: no body. `redirect_loop`, `too_many_redirects`, `refused`:
 *   a redirect or address Kinwatch will not follow (not http(s), a loop, too many hops).
 * - `not_allowed`: the user has not allowed the site yet (the browser would refuse the request).
 */
export type SourceErrorCode =
  | `http_${number}`
  | 'timeout'
  | 'network'
  | 'too_large'
  | 'not_a_feed'
  | 'moved'
  | 'malformed'
  | 'empty'
  | 'redirect_loop'
  | 'too_many_redirects'
  | 'refused'
  | 'not_allowed';

/** What a person can do about each kind of failure, in one sentence, for the health page and `scan`. */
export function adviceFor(code: SourceErrorCode | undefined): string {
  if (code === undefined) return '';
  if (code === 'http_403' || code === 'http_429') {
    return 'The site is refusing requests from this connection for now; Kinwatch will try again later.';
  }
  if (code === 'http_404' || code === 'http_410') return 'The page has gone; Kinwatch looks for where it moved to.';
  if (code.startsWith('http_5')) return 'The site has a fault on its side; Kinwatch will try again later.';
  if (code.startsWith('http_')) return 'The site gave an unexpected answer; Kinwatch will try again later.';
  switch (code) {
    case 'timeout':
    case 'network':
      return 'The site could not be reached; check this device is online. Kinwatch will try again later.';
    case 'too_large':
      return 'The page is larger than any news feed should be; check the address is a feed.';
    case 'not_a_feed':
      return 'The address gives a web page, not a news feed, and the page names no feed.';
    case 'moved':
      return 'The site has moved this page and Kinwatch could not find its feed; check the address on the site.';
    case 'malformed':
      return 'The feed is broken on the site’s side; Kinwatch will try again later.';
    case 'empty':
      return 'The site sent nothing; Kinwatch will try again later.';
    case 'redirect_loop':
    case 'too_many_redirects':
    case 'refused':
      return 'The address leads somewhere Kinwatch will not follow; check the address.';
    case 'not_allowed':
      return 'Allow this site in Settings so Kinwatch can read it.';
  }
  return '';
}
