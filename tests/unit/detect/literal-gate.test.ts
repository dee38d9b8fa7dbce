import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/detect/analyze.ts';
import { everyLiteralGate, gatedPattern, literalGate, requiredLiterals } from '../../../src/core/detect/literal-gate.ts';
import { segmentText } from '../../../src/core/detect/segment.ts';

const sorted = (sets: string[][] | undefined) => sets?.map((set) => [...set].sort());

describe('requiredLiterals: what every match of a rule pattern must contain', () => {
  it('spells out short alternatives and optional letters', () => {
    expect(sorted(requiredLiterals(/\bpin (?:numbers?|codes?)\b/i))).toEqual([['pin code', 'pin codes', 'pin number', 'pin numbers']]);
    expect(sorted(requiredLiterals(/\bpolicem[ae]n\b/))).toEqual([['policeman', 'policemen']]);
  });

  it('folds case, as a case-insensitive pattern matches either', () => {
    expect(sorted(requiredLiterals(/\bPINs?\b/))).toEqual([['pin', 'pins']]);
    expect(sorted(requiredLiterals(/\bNatWest\b/i))).toEqual([['natwest']]);
  });

  it('requires each fixed part of a pattern with gaps between them', () => {
    expect(sorted(requiredLiterals(/\b(?:told|asked)\b[^.]{0,40}\bto (?:call|ring)\b/i))).toEqual([['asked', 'told'], ['to call', 'to ring']]);
    expect(sorted(requiredLiterals(/£\s?\d/))).toEqual([['£'], ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']]);
  });

  it('ignores what lookarounds, anchors and word boundaries only look at', () => {
    expect(sorted(requiredLiterals(/(?<!used to )\bwithdraw\b(?! slip)/i))).toEqual([['withdraw']]);
    expect(sorted(requiredLiterals(/^["“]?never\b$/i))).toEqual([['"never', 'never', '“never']]);
  });

  it('gives nothing when a match may contain no fixed text, or the syntax is not followed', () => {
    expect(requiredLiterals(/(?:cash)?/)).toBeUndefined();
    expect(requiredLiterals(/\b\w+\b|\d/)).toBeUndefined();
    expect(requiredLiterals(/cash/u)).toBeUndefined();
    expect(requiredLiterals(/(a)\1/)).toBeUndefined();
    // A letter with case outside ASCII is not compared: only "caf" is required of "café".
    expect(sorted(requiredLiterals(/café/i))).toEqual([['caf']]);
    // "[^]" is any character in JavaScript, and "]" after "[" closes the class: the rest is still read right.
    expect(sorted(requiredLiterals(/a[^]bc/))).toEqual([['a'], ['bc']]);
    expect(sorted(requiredLiterals(/[\]|]q/))).toEqual([[']q', '|q']]);
  });
});

describe('literalGate', () => {
  it('finds overlapping literals in one pass (Aho–Corasick)', () => {
    const patterns = [/\bhe\b/i, /she/, /\bhers\b/, /his/];
    const gates = patterns.map((pattern) => literalGate([pattern]));
    const passed = (text: string) => gates.map((gate) => gate.mayMatch(text));
    expect(passed('ushers')).toEqual([true, true, true, false]);
    expect(passed('USHERS')).toEqual([true, true, true, false]);
    expect(passed('sh hi s')).toEqual([false, false, false, false]);
    expect(passed('this')).toEqual([false, false, false, true]);
  });

  it('answers for each text, however many texts it is asked about in turn', () => {
    const gate = gatedPattern(/\bcourier\b/i);
    const texts = Array.from({ length: 40 }, (_, index) => (index % 3 === 0 ? `Sentence ${index}: a courier came.` : `Sentence ${index}: a taxi came.`));
    for (let round = 0; round < 3; round += 1) {
      for (const text of texts) expect(gate.test(text), text).toBe(/\bcourier\b/i.test(text));
    }
  });

  it('refuses a global or sticky pattern, whose position a skipped call would not move', () => {
    expect(() => gatedPattern(/cash/g)).toThrow(/g or y flag/);
    expect(() => gatedPattern(/cash/y)).toThrow(/g or y flag/);
  });

  it('lets through every fixture sentence any rule pattern matches, so analysis gives the same answers as without it', () => {
    analyzeText('Load every rule module.');
    const gates = everyLiteralGate();
    expect(gates.length).toBeGreaterThan(10);
    const dirs = ['../../fixtures/articles/', '../../fixtures/articles-holdout/'].map((dir) => new URL(dir, import.meta.url));
    const sentences = dirs.flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.txt'))
        .flatMap((name) => segmentText(readFileSync(new URL(name, dir), 'utf8')).map((segment) => segment.text)),
    );
    expect(sentences.length).toBeGreaterThan(300);
    let matches = 0;
    for (const { patterns, gate } of gates) {
      for (const pattern of patterns) {
        const plain = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
        for (const sentence of sentences) {
          const match = plain.exec(sentence);
          if (!match) continue;
          matches += 1;
          // The sentence, the match alone and the match in capitals (for a case-insensitive pattern) all pass.
          expect(gate.mayMatch(sentence), `${pattern} on "${sentence}"`).toBe(true);
          for (const variant of [match[0], ...(plain.ignoreCase ? [match[0].toUpperCase()] : [])]) {
            if (plain.test(variant)) expect(gate.mayMatch(variant), `${pattern} on "${variant}"`).toBe(true);
          }
        }
      }
    }
    expect(matches).toBeGreaterThan(500);
  });
});
