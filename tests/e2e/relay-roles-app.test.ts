import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startRelay, type StartedRelay } from '../helpers/start-relay.ts';

/** Owners and members as a family sees them in the carer app: who owns the circle, and what each may do. */
describe('owners and members in the carer app', () => {
  let relay: StartedRelay;
  let browser: Browser;
  let anna: Page;
  let ben: Page;

  async function open(name: string, url: string, join: boolean): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(url);
    await page.getByLabel('Name for this device').fill(name);
    await page.getByRole('button', { name: join ? 'Join the circle' : 'Create a care circle' }).click();
    await page.getByText('This device is').waitFor();
    return page;
  }

  async function newInviteLink(page: Page): Promise<string> {
    await page.getByRole('button', { name: /Create an invite link|Make another invite link/ }).click();
    return page.getByLabel(/Invite link \(valid until/).inputValue();
  }

  beforeAll(async () => {
    [relay, browser] = await Promise.all([startRelay(), launchBrowser()]);
    anna = await open('Anna’s phone', `${relay.url}/circle`, false);
    ben = await open('Ben’s laptop', await newInviteLink(anna), true);
  });
  afterAll(async () => {
    await browser?.close();
    await relay?.stop();
  });

  it('shows the creator as owner; a member sees no remove buttons and is told to ask an owner for invites', async () => {
    await ben.getByText('Only an owner of the circle can invite').waitFor();
    const annaRow = ben.getByRole('listitem').filter({ hasText: 'Anna’s phone' });
    await expect(annaRow.getByText('Owner').count()).resolves.toBe(1);
    expect(await ben.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    expect(await ben.getByRole('button', { name: /Create an invite link/ }).count()).toBe(0);
    await ben.getByRole('button', { name: 'Leave this circle' }).waitFor();
  });

  it('lets an owner cancel an unused invite link: the link then tells whoever opens it to ask an owner', async () => {
    await anna.reload();
    const link = await newInviteLink(anna);
    const pending = anna.getByRole('button', { name: /^Cancel the invite link made on / });
    await pending.waitFor();
    await pending.click();
    await pending.waitFor({ state: 'detached' });

    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(link);
    await stranger.getByLabel('Name for this device').fill('Carol’s tablet');
    await stranger.getByRole('button', { name: 'Join the circle' }).click();
    await stranger.getByText('This invite link was cancelled by an owner of the circle').waitFor();
  });

  it('lets an owner make another device owner, who can then invite and remove devices', async () => {
    await anna.reload();
    await anna.getByRole('button', { name: 'Make Ben’s laptop an owner' }).click();
    const benRow = anna.getByRole('listitem').filter({ hasText: 'Ben’s laptop' });
    await benRow.getByText('Owner').waitFor();
    const axe = await new AxeBuilder({ page: anna }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await anna.screenshot({ path: '/tmp/kinwatch-roles-owner.png', fullPage: true });

    await ben.reload();
    await ben.getByRole('button', { name: 'Remove Anna’s phone' }).waitFor();
    await ben.getByRole('button', { name: 'Create an invite link' }).waitFor();
    await ben.screenshot({ path: '/tmp/kinwatch-roles-new-owner.png', fullPage: true });
  });
});
