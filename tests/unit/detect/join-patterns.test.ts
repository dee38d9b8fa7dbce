import { describe, expect, it } from 'vitest';
import { anyOf, withSharedBoundary } from '../../../src/core/detect/join-patterns.ts';

const SENTENCES = [
  'A man posing as a detective told her to withdraw £5,000 and hand it to a courier.',
  'The caller kept the line open; she handed over her bank card at the door.',
  'Cashiers stopped a withdrawal of £2.5m. Police [said] (again) the money was safe | untouched.',
  'No cash was lost, but the bank|card reader was taken.',
  'cash-back, moneybox and the word cashless are not the words cash or money',
  '',
];

const execShape = (pattern: RegExp, text: string) => {
  const match = new RegExp(pattern.source, pattern.flags).exec(text);
  return match ? { index: match.index, groups: [...match] } : null;
};

describe('withSharedBoundary', () => {
  it('tests a shared leading word boundary once and keeps the alternatives in order', () => {
    expect(withSharedBoundary(/\bcash\b|\bmoney\b|£\d|\bcards?\b/i).source).toBe(String.raw`\b(?:cash\b|money\b)|£\d|\bcards?\b`);
    // A whole alternative in a non-capturing group is opened; a quantified or capturing one is left alone.
    expect(withSharedBoundary(/(?:\bcash\b|\bmoney\b)|(?:\bgold\b)|(?:\bwatch)?es|(\bcard)/).source).toBe(
      String.raw`\b(?:cash\b|money\b|gold\b)|(?:\bwatch)?es|(\bcard)`,
    );
  });

  it('does not split at a | inside a character class, a group or after a backslash', () => {
    expect(withSharedBoundary(/\b[|(]x|\b\|y|\b(?:a|b)c/).source).toBe(String.raw`\b(?:[|(]x|\|y|(?:a|b)c)`);
    expect(withSharedBoundary(/\b[\]|]z|\bq/).source).toBe(String.raw`\b(?:[\]|]z|q)`);
  });

  it('finds the same match, index and groups as the pattern as written', () => {
    const patterns = [
      /\b(?:withdraw|withdrew)\b|\bcash(?:less)?\b|(?<!used to )\bmoney\b|£\s?(\d[\d,]*)/i,
      /(?:\bbank\b(?! ?card))|(?:\b(card)s?\b)|(?:\|)|\b[\]|[]/g,
      /\bPolice\b|\bNo\b|\b(said)\b/,
    ];
    for (const pattern of patterns) {
      const joined = withSharedBoundary(pattern);
      expect(joined.flags).toBe(pattern.flags);
      for (const text of SENTENCES) expect(execShape(joined, text), `${pattern} on "${text}"`).toEqual(execShape(pattern, text));
    }
  });
});

describe('anyOf', () => {
  it('matches exactly where one of the patterns matches, one pattern per set of flags', () => {
    const patterns = [/\bcourier\b(?! fraud)/i, /\btaxis?\b/i, /\bPINs?\b/, /\b(?:hand(?:ed)? over)\b[^.]{0,20}\bcard\b/i, /£\d/];
    const joined = anyOf(patterns);
    expect(joined.map((pattern) => pattern.flags).sort()).toEqual(['', 'i']);
    const texts = [...SENTENCES, 'A taxi came.', 'courier fraud warning', 'her PIN', 'her pin', 'handed over the old card', 'just news'];
    for (const text of texts) {
      expect(joined.some((pattern) => pattern.test(text)), text).toBe(patterns.some((pattern) => pattern.test(text)));
    }
  });
});
