import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCarerAppWithFixture, type CarerAppWithFixture } from './pwa-app.ts';

const MM_TO_PT = 72 / 25.4;

/** Every page's MediaBox [x0 y0 x1 y1] in points, read from the PDF's page objects. */
function mediaBoxes(pdf: Buffer): number[][] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((match) => match[1]!.trim().split(/\s+/).map(Number));
}

describe('advice cards print at their exact paper size', () => {
  let app: CarerAppWithFixture;
  let page: Page;

  beforeAll(async () => {
    app = await openCarerAppWithFixture({ screen: 'Cards' });
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('personalises the preview with the name, force, bank and family numbers and safe word', async () => {
    await page.getByRole('radio', { name: /^Phone-side card/ }).check();
    const card = page.getByRole('article', { name: 'Phone-side card (A6) for Joan Smith' });
    const text = await card.innerText();
    expect(text).toContain('Joan Smith');
    expect(text).toContain('Check an officer with Essex Police');
    expect(text).toContain('0345 734 5345');
    expect(text).toContain('07700 900123');
    expect(text).toContain('bluebell');
  });

  for (const [label, widthMm, heightMm] of [
    [/^Phone-side card/, 105, 148],
    [/^Wallet card/, 85.6, 54],
    [/^Front-door card/, 148, 210],
    [/^Fridge poster/, 210, 297],
  ] as const) {
    it(`prints the ${String(label).slice(2, -1).toLowerCase()} on one ${widthMm} × ${heightMm} mm page`, async () => {
      await page.getByRole('radio', { name: label }).check();
      const boxes = mediaBoxes(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      expect(boxes, JSON.stringify(boxes)).toHaveLength(1);
      const [x0, y0, x1, y1] = boxes[0]!;
      expect(Math.abs(x1! - x0! - widthMm * MM_TO_PT)).toBeLessThan(1);
      expect(Math.abs(y1! - y0! - heightMm * MM_TO_PT)).toBeLessThan(1);
    });
  }

  it('keeps the safe word off the front-door card', async () => {
    await page.getByRole('radio', { name: /^Front-door card/ }).check();
    expect(await page.locator('[data-card="front-door"]').innerText()).not.toContain('bluebell');
  });
});
