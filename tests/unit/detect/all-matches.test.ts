import { describe, expect, it } from 'vitest';
import { allMatches } from '../../../src/core/detect/all-matches.ts';

const shape = (matches: RegExpMatchArray[]) => matches.map((match) => ({ text: match[0], groups: [...match].slice(1), index: match.index }));

describe('allMatches', () => {
  it('finds what matchAll finds: each match, its groups and its index', () => {
    const money = /£\s?(\d[\d,]*)\s*(k|m)?\b/gi;
    const text = 'She lost £2,000 then £5k more; he kept £ 30.';
    expect(shape(allMatches(money, text))).toEqual(shape([...text.matchAll(money)]));
    expect(allMatches(money, text).map((match) => match[1])).toEqual(['2,000', '5', '30']);
  });

  it('steps past empty matches and leaves the pattern ready for the next text', () => {
    const maybeDigits = /\d*/g;
    expect(shape(allMatches(maybeDigits, 'a12b'))).toEqual(shape([...'a12b'.matchAll(maybeDigits)]));
    expect(maybeDigits.lastIndex).toBe(0);
    expect(allMatches(/x/g, 'no match here')).toEqual([]);
  });

  it('refuses a pattern without the g flag, naming it', () => {
    expect(() => allMatches(/Police/, 'Essex Police')).toThrow(/g flag.*\/Police\//);
  });
});
