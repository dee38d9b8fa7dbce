import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateDirectory, scoreAgainstGold } from '../../../src/cli/eval.ts';

const corpus = fileURLToPath(new URL('../../fixtures/articles', import.meta.url));

describe('detection over the labelled fixture corpus', () => {
  it('meets the CI thresholds: relevance 100%, place recall 95%, tactic F1 0.85', async () => {
    const report = await evaluateDirectory(corpus);
    expect(report.files).toBeGreaterThanOrEqual(20);
    expect(report.relevance.precision).toBe(1);
    expect(report.relevance.recall).toBe(1);
    expect(report.places.recall).toBeGreaterThanOrEqual(0.95);
    expect(report.tactics.f1).toBeGreaterThanOrEqual(0.85);
    expect(report.places.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.impersonatedAgreement).toBeGreaterThanOrEqual(0.95);
    expect(report.countsAgreement).toBeGreaterThanOrEqual(0.95);
  });

  it('scores misses as misses', () => {
    const report = scoreAgainstGold(
      [
        { file: 'a.txt', relevant: true, places: ['Ely', 'Soham'], tactics: ['pin-request', 'post'], impersonated: ['police'], counts: { reports: 3 } },
        { file: 'b.txt', relevant: false },
      ],
      [
        { file: 'a.txt', relevant: true, score: 0.9, tactics: ['pin-request', 'secrecy'], impersonated: ['bank'], places: ['Ely', 'March'], counts: { reports: 4 } },
        { file: 'b.txt', relevant: true, score: 0.6, tactics: [], impersonated: [], places: [], counts: {} },
      ],
    );
    expect(report.relevance).toEqual({ precision: 0.5, recall: 1, accuracy: 0.5 });
    expect(report.places).toEqual({ recall: 0.5, precision: 0.5 });
    expect(report.tactics.f1).toBeCloseTo(0.5);
    expect(report.impersonatedAgreement).toBe(0);
    expect(report.countsAgreement).toBe(0);
    expect(report.misses).toContain('a.txt: places missed: Soham');
    expect(report.misses).toContain('b.txt: judged relevant (score 0.6), gold says not');
  });
});
