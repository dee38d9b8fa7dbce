import { describe, expect, it } from 'vitest';
import { describePersonCoverage } from '../../../src/core/sources/check-coverage.ts';
import type { Source, SourceHealth } from '../../../src/core/sources/source.ts';

const source = (id: string, label: string): Source => ({ id, kind: 'rss', url: `https://${id}.example.test/feed`, label });
const metNews = source('met', 'Metropolitan Police news');
const londonSearch = source('google-news-met', 'Local news: Metropolitan Police area');
const colchesterPaper = source('custom-gazette', 'Colchester Gazette');
const AT = '2026-11-30T14:35:00Z';
const read: SourceHealth = { sourceId: '', consecutiveFailures: 0, lastAttemptAt: AT, lastOkAt: AT };
const notAllowed: SourceHealth = { sourceId: '', consecutiveFailures: 0, lastErrorCode: 'not_allowed', lastError: 'not allowed yet' };
const failed: SourceHealth = { sourceId: '', consecutiveFailures: 2, lastAttemptAt: AT, lastStatus: 500, lastErrorCode: 'http_500' };

describe("one person's coverage: never \"All quiet\" on a feed about somewhere else", () => {
  it('is not quiet for Dad when none of his area’s sources is allowed, though the family’s own Colchester feed was read', () => {
    const verdict = describePersonCoverage([metNews, londonSearch], [colchesterPaper], { met: notAllowed, 'google-news-met': notAllowed, 'custom-gazette': read });
    expect(verdict).toEqual({
      quiet: false,
      headline: 'Not watching this area yet: none of its sources is allowed. Allow the sites in Settings.',
      detail: '2 of 3 sources are not allowed yet.',
    });
  });

  it('is not quiet when every source for his area failed', () => {
    const verdict = describePersonCoverage([metNews], [colchesterPaper], { met: failed, 'custom-gazette': read });
    expect(verdict).toEqual({ quiet: false, headline: 'Could not check this area: none of its 1 source could be read.', detail: '1 of 2 sources could not be reached.' });
  });

  it('says what every failed check says when nothing at all could be read', () => {
    const verdict = describePersonCoverage([metNews], [colchesterPaper], { met: failed, 'custom-gazette': failed });
    expect(verdict).toMatchObject({ quiet: false, headline: 'Could not check: none of the 2 sources tried could be read.' });
  });

  it('is quiet once one source for his area was read, and counts the family’s feeds in what could not be read', () => {
    const verdict = describePersonCoverage([metNews, londonSearch], [colchesterPaper], { met: read, 'google-news-met': notAllowed, 'custom-gazette': failed });
    expect(verdict).toEqual({ quiet: true, headline: 'All quiet in the 1 source that could be read.', detail: '1 of 3 sources could not be reached; 1 of 3 sources is not allowed yet.' });
  });

  it('judges a person with no sources of their own on the family’s feeds', () => {
    expect(describePersonCoverage([], [colchesterPaper], { 'custom-gazette': read })).toMatchObject({ quiet: true, headline: 'All quiet (1 source checked).' });
  });
});
