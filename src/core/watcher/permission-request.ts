/** The subset of chrome.permissions used to ask for one site at a time. */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
}

export type PermissionOutcome = { granted: true } | { granted: false; message: string };

/** "https://www.essex.police.uk/news/" → "https://www.essex.police.uk/*", the narrowest pattern Chrome accepts. */
export function originPatternOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/**
 * The message a refused permission shows, naming the site in plain words and, in `retry`, the button that asks again
 * where the user is (e.g. 'Press "Connect" to try again.').
 */
export function permissionRefusedMessage(url: string, retry: string): string {
  return `Kinwatch can't read ${new URL(url).hostname} without your permission. ${retry}`;
}

/** `retry` for a button labelled `button`: 'Press "Connect" to try again.' */
/**
 * Why a person's postcode was not looked up: the user has not allowed the postcode service's site.
 * `postcodesBaseUrl` e.g. "https://api.postcodes.io" (throws TypeError if it is not a URL).
 */
export function postcodeServiceNotAllowedReason(postcodesBaseUrl: string): string {
  return `Kinwatch does not have your permission to use the postcode service, ${new URL(postcodesBaseUrl).hostname}`;
}

/**
 * Whether the user allowed the site behind `url`, by `hasSiteAccess` (absent: every site allowed). A check that throws
 * or rejects counts as not allowed. Never throws.
 */
export async function siteAllowed(hasSiteAccess: ((url: string) => Promise<boolean>) | undefined, url: string): Promise<boolean> {
  if (!hasSiteAccess) return true;
  return Promise.resolve()
    .then(() => hasSiteAccess(url))
    .catch(() => false);
}

export const pressToRetry = (button: string): string => `Press "${button}" to try again.`;

/**
 * Asks for exactly the sites behind `urls`. Must be called straight from a click handler, before anything else is
 * awaited there: browsers only show the prompt in response to a user action, and Firefox forgets the action at the
 * first `await` (permissions.request then throws "may only be called from a user input handler"). So `request` is
 * the first call made here; for sites already allowed the browser answers true without a prompt.
 * Never throws: a failed prompt counts as refused. Returns `{granted: false, message}` naming the first site still
 * missing and ending with `retry` (see permissionRefusedMessage).
 */
export function requestSiteAccess(permissions: PermissionsApi, urls: string[], retry: string): Promise<PermissionOutcome> {
  const origins = [...new Set(urls.map(originPatternOf))];
  if (origins.length === 0) return Promise.resolve({ granted: true });
  let asked: Promise<boolean>;
  try {
    asked = permissions.request({ origins });
  } catch {
    asked = Promise.resolve(false);
  }
  return asked.catch(() => false).then(async (granted): Promise<PermissionOutcome> => {
    if (granted) return { granted: true };
    // Name the first site still missing, so the message says which one.
    for (const url of urls) {
      const has = await permissions.contains({ origins: [originPatternOf(url)] }).catch(() => false);
      if (!has) return { granted: false, message: permissionRefusedMessage(url, retry) };
    }
    return { granted: true };
  });
}
