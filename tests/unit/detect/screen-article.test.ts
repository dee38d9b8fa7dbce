import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/detect/analyze.ts';
import { analyzeForSpates, mayBeRelevant } from '../../../src/core/detect/screen-article.ts';

const corpora = ['../../fixtures/articles/', '../../fixtures/articles-holdout/'].map((dir) => new URL(dir, import.meta.url));
const articles = corpora.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => ({ name, text: readFileSync(new URL(name, dir), 'utf8') })),
);

describe('the cheap pre-check before full analysis never drops a relevant article', () => {
  it('lets through every article full analysis finds relevant, in both fixture corpora', () => {
    expect(articles.length).toBeGreaterThan(100);
    const relevant = articles.filter((article) => analyzeText(article.text).relevant);
    expect(relevant.length).toBeGreaterThan(50);
    expect(relevant.filter((article) => !mayBeRelevant(article.text)).map((article) => article.name)).toEqual([]);
  });

  it('gives the same verdict as full analysis for every article, and screens most unrelated news out', () => {
    for (const article of articles) expect(analyzeForSpates(article.text).relevant, article.name).toBe(analyzeText(article.text).relevant);
    const unrelated = [
      'Appeal after collision on the A12. A cyclist was taken to hospital after a collision with a van on Tuesday.',
      'Jewellery stolen in Colchester burglary. A house was broken into overnight and jewellery and cash were taken.',
      'Missing teenager found safe. Thank you to everyone who shared our appeal.',
    ];
    for (const text of unrelated) expect(mayBeRelevant(text), text).toBe(false);
  });

  it('reads the title as well as the text', () => {
    expect(mayBeRelevant('Residents were called on Tuesday and asked for their PIN.', 'Bogus police officers target Witham')).toBe(true);
  });
});
