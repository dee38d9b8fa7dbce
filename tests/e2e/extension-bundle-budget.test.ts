import { describe, expect, it } from 'vitest';
import { BACKGROUND_BUDGET_GZIP_KB, workerSize } from '../../bench/extension-bundle.ts';
import { buildExtension } from '../helpers/browser.ts';

describe('the extension background worker as users get it', () => {
  it(`loads at most ${BACKGROUND_BUDGET_GZIP_KB} KB gzipped before it runs, its imported chunks included`, () => {
    const worker = workerSize(buildExtension());
    // background.js and the chunks it shares with the pages: a chunk left out would hide most of the code.
    expect(worker.files[0]).toBe('background.js');
    expect(worker.files.length).toBeGreaterThan(1);
    expect(worker.gzip / 1024).toBeLessThanOrEqual(BACKGROUND_BUDGET_GZIP_KB);
  }, 240_000);
});
