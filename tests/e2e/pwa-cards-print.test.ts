import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, openCarerAppWithFixture, restoreFixture, type CarerAppWithFixture } from './pwa-app.ts';

const MM_TO_PT = 72 / 25.4;
const FULLEST = new URL('../fixtures/pwa/backup-fullest-person.json', import.meta.url);
const person = (JSON.parse(readFileSync(FULLEST, 'utf8')) as { tables: { people: { name: string; safeWord: string; banks: { name: string; phone: string }[]; familyNumbers: { name: string; phone: string }[] }[] } }).tables.people[0]!;

/** Every page's MediaBox [x0 y0 x1 y1] in points, read from the PDF's page objects. */
function mediaBoxes(pdf: Buffer): number[][] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((match) => match[1]!.trim().split(/\s+/).map(Number));
}

const CARDS = [
  { label: /^Phone-side card/, id: 'phone-side', widthMm: 105, heightMm: 148, safeWord: true, family: 3 },
  { label: /^Wallet card/, id: 'wallet', widthMm: 85.6, heightMm: 54, safeWord: false, family: 1 },
  { label: /^Front-door card/, id: 'front-door', widthMm: 148, heightMm: 210, safeWord: false, family: 3 },
  { label: /^Fridge poster/, id: 'fridge', widthMm: 210, heightMm: 297, safeWord: false, family: 3 },
] as const;

/** Sheets whose content runs past their edges, as laid out for the current media. */
async function overflowingSheets(page: Page): Promise<string[]> {
  return page.$$eval('.card-sheets .card-sheet', (sheets) =>
    sheets
      .map((sheet, index) => ({ index, over: sheet.scrollHeight > sheet.clientHeight + 1 || sheet.scrollWidth > sheet.clientWidth + 1, size: `${sheet.scrollWidth}×${sheet.scrollHeight} in ${sheet.clientWidth}×${sheet.clientHeight}` }))
      .filter((sheet) => sheet.over)
      .map((sheet) => `sheet ${sheet.index + 1}: ${sheet.size}`),
  );
}

async function choose(page: Page, label: RegExp, large: boolean): Promise<{ fontPt: number; sheets: number; text: string }> {
  await page.getByRole('radio', { name: label }).check();
  await page.getByLabel('Extra large print').setChecked(large);
  // The fitting settles within a frame or two; wait until the sheets show the chosen card at a stable size.
  let last = '';
  for (let stable = 0; stable < 3; ) {
    await page.waitForTimeout(50);
    const now = await page.$$eval('.card-sheets .card-sheet', (sheets) => sheets.map((sheet) => `${sheet.getAttribute('data-card')}@${sheet.getAttribute('data-font-pt')}`).join(','));
    stable = now === last && now !== '' ? stable + 1 : 0;
    last = now;
  }
  const sheets = page.locator('.card-sheets .card-sheet');
  const fontPt = Number(await sheets.first().getAttribute('data-font-pt'));
  const text = (await sheets.allInnerTexts()).join('\n').replace(/\s+/g, ' ');
  return { fontPt, sheets: await sheets.count(), text };
}

describe('advice cards never lose text, at every print size, with the most a person can have', () => {
  let app: CarerAppWithFixture;
  let page: Page;

  beforeAll(async () => {
    app = await openCarerAppWithFixture({ context: {} });
    page = app.page;
    await restoreFixture(page, FULLEST);
    await goTo(page, 'Cards');
  });

  afterAll(async () => {
    await app?.close();
  });

  for (const card of CARDS) {
    it(`the ${card.id} card keeps every line, fits its ${card.widthMm} × ${card.heightMm} mm pages, and prints larger in extra large`, async () => {
      const sizes: number[] = [];
      for (const large of [false, true]) {
        const { fontPt, sheets, text } = await choose(page, card.label, large);
        sizes.push(fontPt);
        const where = `${card.id} ${large ? 'extra large' : 'standard'}`;
        // The numbers are all there: 999, 159, every bank, the family numbers the card carries.
        for (const needed of ['999', '159', ...person.banks.flatMap((bank) => [bank.name, bank.phone]), ...person.familyNumbers.slice(0, card.family).flatMap((entry) => [entry.name, entry.phone])]) {
          expect(text, `${where}: ${needed}`).toContain(needed);
        }
        expect(text, where).toContain(person.name);
        expect(text, where).toContain('0300 123 2040');
        if (card.safeWord) expect(text, where).toContain(person.safeWord);
        else expect(text, where).not.toContain(person.safeWord);

        expect(await overflowingSheets(page), `${where} on screen`).toEqual([]);
        await page.emulateMedia({ media: 'print' });
        try {
          expect(await overflowingSheets(page), `${where} in print`).toEqual([]);
        } finally {
          await page.emulateMedia({ media: null });
        }

        if (sheets > 1) await expect.poll(() => page.getByTestId('fit-warning').innerText()).toContain(`${sheets} pages`);
        const boxes = mediaBoxes(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
        expect(boxes, `${where}: one PDF page per sheet ${JSON.stringify(boxes)}`).toHaveLength(sheets);
        for (const [x0, y0, x1, y1] of boxes) {
          expect(Math.abs(x1! - x0! - card.widthMm * MM_TO_PT), where).toBeLessThan(1);
          expect(Math.abs(y1! - y0! - card.heightMm * MM_TO_PT), where).toBeLessThan(1);
        }
      }
      expect(sizes[1], `${card.id}: extra large ${sizes[1]} pt vs standard ${sizes[0]} pt`).toBeGreaterThan(sizes[0]!);
    });
  }

  it('says on the screen why the safe word is or is not on the chosen card', async () => {
    await choose(page, /^Wallet card/, false);
    await expect.poll(() => page.getByTestId('safe-word-reason').innerText()).toMatch(/left off.*bank card/);
    await choose(page, /^Phone-side card/, false);
    await expect.poll(() => page.getByTestId('safe-word-reason').innerText()).toMatch(/printed on this card/);
  });

  it('the preview, warning and print layout pass axe', async () => {
    await choose(page, /^Phone-side card/, true);
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    const screen = await new AxeBuilder({ page }).withTags(tags).analyze();
    expect(screen.violations.map((violation) => violation.id)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    try {
      const print = await new AxeBuilder({ page }).withTags(tags).analyze();
      expect(print.violations.map((violation) => violation.id)).toEqual([]);
    } finally {
      await page.emulateMedia({ media: null });
    }
  });
});

describe('advice cards for a person with one bank and one family number', () => {
  let app: CarerAppWithFixture;
  let page: Page;

  beforeAll(async () => {
    app = await openCarerAppWithFixture({ screen: 'Cards', context: {} });
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('fits the phone-side card on one sheet with the safe word, the numbers and the footer', async () => {
    const { sheets, text } = await choose(page, /^Phone-side card/, false);
    expect(sheets).toBe(1);
    for (const needed of ['Joan Smith', 'Check an officer with Essex Police', '0345 734 5345', '07700 900123', 'bluebell', 'Report Fraud']) expect(text).toContain(needed);
    // The advice follows the app's plan: the bank from another phone first, then the family.
    expect(text.indexOf('Use another phone')).toBeLessThan(text.indexOf('Call your bank'));
    expect(text.indexOf('Call your bank')).toBeLessThan(text.indexOf('call the family'));
    expect(await page.getByTestId('fit-warning').count(), await page.locator('.warning').allInnerTexts().then(String)).toBe(0);
  });
});
