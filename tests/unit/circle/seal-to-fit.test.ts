import { describe, expect, it } from 'vitest';
import { generateCircleKey, openAlert } from '../../../src/core/circle/circle-crypto.ts';
import { sealFirstThatFits } from '../../../src/core/circle/seal-to-fit.ts';

const CIRCLE = 'circle_0123456789abcdef';

describe('sealing the first form of an alert that fits in a push', () => {
  it('returns the first candidate whose ciphertext fits, and builds no candidate after it', async () => {
    const key = await generateCircleKey();
    const built: number[] = [];
    function* forms() {
      for (const size of [4000, 2000, 100, 10]) {
        built.push(size);
        yield { text: 'x'.repeat(size) };
      }
    }
    const sealed = await sealFirstThatFits(key, CIRCLE, forms(), 1000);
    expect(sealed.fits).toBe(true);
    expect(sealed.candidate.text).toHaveLength(100);
    expect(sealed.ciphertext.length).toBeLessThanOrEqual(1000);
    expect(await openAlert(key, CIRCLE, sealed.ciphertext)).toEqual({ text: 'x'.repeat(100) });
    expect(built).toEqual([4000, 2000, 100]);
  });

  it('hands back the last candidate, marked as not fitting, when none fits', async () => {
    const key = await generateCircleKey();
    const sealed = await sealFirstThatFits(key, CIRCLE, [{ text: 'a'.repeat(500) }, { text: 'b'.repeat(300) }], 50);
    expect(sealed.fits).toBe(false);
    expect(sealed.candidate.text).toBe('b'.repeat(300));
    expect(await openAlert(key, CIRCLE, sealed.ciphertext)).toEqual({ text: 'b'.repeat(300) });
  });

  it('says so when there is nothing to seal', async () => {
    const key = await generateCircleKey();
    await expect(sealFirstThatFits(key, CIRCLE, [], 1000)).rejects.toThrow('nothing to seal');
  });
});
