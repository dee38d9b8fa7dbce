import { describe, expect, it } from 'vitest';
import { isUkPostcodeArea, postcodeArea, UK_POSTCODE_AREAS } from '../../../src/core/geo/postcode-areas.ts';

describe('UK postcode areas', () => {
  it('holds the 124 areas, each one or two capital letters', () => {
    expect(UK_POSTCODE_AREAS.size).toBe(124);
    for (const area of UK_POSTCODE_AREAS) expect(area).toMatch(/^[A-Z]{1,2}$/);
  });

  it('takes the area from a postcode or outcode as typed', () => {
    expect(postcodeArea('co7 6aa')).toBe('CO');
    expect(postcodeArea('E1')).toBe('E');
    expect(postcodeArea('SW1A 1AA')).toBe('SW');
    expect(postcodeArea('17 6AA')).toBeUndefined();
  });

  it('accepts real areas across the UK and the Crown dependencies, and refuses made-up ones', () => {
    for (const real of ['CO7 6AA', 'E1 6AN', 'G1 1AA', 'BT1 1AA', 'ZE1 0AA', 'JE2 3AB', 'GY1 1AA', 'IM1 1AA', 'W1A 1AA', 'CF10 1AA']) {
      expect(isUkPostcodeArea(real), real).toBe(true);
    }
    for (const madeUp of ['XX1 1XX', 'ZZ99 9ZZ', 'QA1 1AA', 'BF1 3AD', 'J1 1AA']) {
      expect(isUkPostcodeArea(madeUp), madeUp).toBe(false);
    }
  });
});
