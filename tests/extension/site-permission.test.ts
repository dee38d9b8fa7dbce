import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pressToRetry, requestSiteAccess, type PermissionsApi } from '../../src/core/watcher/permission-request.ts';

/** chrome.permissions as the user answers it: `answer` is what they press in the browser's prompt. */
function promptingPermissions(answer: 'allow' | 'deny') {
  const granted = new Set<string>();
  const asked: string[][] = [];
  const api: PermissionsApi = {
    async contains({ origins }) {
      return origins.every((origin) => granted.has(origin));
    },
    async request({ origins }) {
      // Like the browser: sites already allowed are granted again without a prompt.
      if (origins.every((origin) => granted.has(origin))) return true;
      asked.push(origins);
      if (answer === 'deny') return false;
      origins.forEach((origin) => granted.add(origin));
      return true;
    },
  };
  return { api, asked };
}

describe('asking for a site, on the user action', () => {
  beforeEach(() => fakeBrowser.reset());

  it('explains in plain words which site it cannot read when the user refuses', async () => {
    const { api } = promptingPermissions('deny');
    const outcome = await requestSiteAccess(api, ['https://www.essex.police.uk/news/essex/news/'], pressToRetry('Connect'));
    // The message names the button that asks again on the page where it is shown.
    expect(outcome).toEqual({
      granted: false,
      message: 'Kinwatch can\'t read www.essex.police.uk without your permission. Press "Connect" to try again.',
    });
  });

  it('asks for exactly the sites of the sources, never every site', async () => {
    const { api, asked } = promptingPermissions('allow');
    const outcome = await requestSiteAccess(api, [
      'https://www.essex.police.uk/news/essex/news/',
      'https://www.essex.police.uk/news/essex/appeals/',
      'https://news.google.com/rss/search?q=courier',
    ], pressToRetry('Allow'));
    expect(outcome).toEqual({ granted: true });
    expect(asked).toEqual([['https://www.essex.police.uk/*', 'https://news.google.com/*']]);
  });

  it('does not prompt again for a site already allowed', async () => {
    const { api, asked } = promptingPermissions('allow');
    await requestSiteAccess(api, ['https://www.essex.police.uk/news/essex/news/'], pressToRetry('Allow'));
    const again = await requestSiteAccess(api, ['https://www.essex.police.uk/news/essex/appeals/'], pressToRetry('Allow'));
    expect(again).toEqual({ granted: true });
    expect(asked).toHaveLength(1);
  });

  it('treats a prompt that fails (no user action) as refused, with the same message', async () => {
    const api: PermissionsApi = {
      contains: async () => false,
      request: async () => {
        throw new Error('This function must be called during a user gesture');
      },
    };
    const outcome = await requestSiteAccess(api, ['http://127.0.0.1:9/feed.xml'], pressToRetry('Add feed'));
    expect(outcome).toEqual({ granted: false, message: 'Kinwatch can\'t read 127.0.0.1 without your permission. Press "Add feed" to try again.' });
  });

  it('asks before anything else is awaited, so Firefox still counts the click and shows its prompt', async () => {
    // Firefox: permissions.request works only while the click handler is running, before its first await returns.
    let handlingClick = false;
    const granted = new Set<string>();
    const firefox: PermissionsApi = {
      contains: async ({ origins }) => origins.every((origin) => granted.has(origin)),
      request: async ({ origins }) => {
        if (!handlingClick) throw new Error('permissions.request may only be called from a user input handler');
        origins.forEach((origin) => granted.add(origin));
        return true;
      },
    };
    const click = (handler: () => Promise<unknown>) => {
      handlingClick = true;
      const result = handler();
      handlingClick = false;
      return result;
    };
    const outcome = await click(() => requestSiteAccess(firefox, ['https://www.essex.police.uk/news/essex/news/'], pressToRetry('Allow')));
    expect(outcome).toEqual({ granted: true });
    expect(granted).toEqual(new Set(['https://www.essex.police.uk/*']));
  });
});
