import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateDirectory } from '../../../src/cli/eval.ts';

// Articles written apart from the rules (tests/fixtures/articles-holdout), so this measures how the engine does on
// phrasings it was not built around. Thresholds sit a little below what it reaches, to catch regressions.
const corpus = fileURLToPath(new URL('../../fixtures/articles-holdout', import.meta.url));

describe('detection over the held-out corpus', () => {
  it('keeps relevance, places, tactics and impersonation near their measured levels', async () => {
    const report = await evaluateDirectory(corpus);
    expect(report.files).toBeGreaterThanOrEqual(125);
    expect(report.relevance.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.relevance.recall).toBeGreaterThanOrEqual(0.95);
    expect(report.places.recall).toBeGreaterThanOrEqual(0.93);
    expect(report.places.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.tactics.f1).toBeGreaterThanOrEqual(0.95);
    expect(report.impersonatedAgreement).toBeGreaterThanOrEqual(0.95);
    expect(report.countsAgreement).toBeGreaterThanOrEqual(0.9);
  });
});
