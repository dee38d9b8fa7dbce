import { describe, expect, it } from 'vitest';
import { checkCoverage, describeCoverage } from '../../../src/core/sources/check-coverage.ts';
import { alertableItems, stampFirstSeen } from '../../../src/core/sources/first-seen.ts';
import type { FeedItem, Source, SourceHealth } from '../../../src/core/sources/source.ts';

const T0 = Date.UTC(2026, 10, 24, 12, 0);
const HOUR = 3_600_000;
const item = (url: string, publishedAt: string | null): FeedItem => ({ sourceId: 's', url, title: url, text: '', publishedAt });

describe('an undated item is dated by when it was first seen; a first read is a baseline', () => {
  it('keeps the undated backlog of the first read out of alerting, and remembers it', () => {
    const first = stampFirstSeen([], [item('https://p/old-2012', null), item('https://p/dated', '2026-11-24T08:00:00.000Z')], T0, true);
    expect(first[0]).toMatchObject({ backlog: true, publishedAt: null, firstSeenAt: new Date(T0).toISOString() });
    expect(first[1]).toMatchObject({ publishedAt: '2026-11-24T08:00:00.000Z', firstSeenAt: new Date(T0).toISOString() });
    expect(alertableItems(first).map((entry) => entry.url)).toEqual(['https://p/dated']);
    // Seen again a day later: still backlog, never new.
    const again = stampFirstSeen(first, [item('https://p/old-2012', null)], T0 + 24 * HOUR, false);
    expect(again[0]?.backlog).toBe(true);
    expect(alertableItems(again)).toEqual([]);
  });

  it('dates an undated item that appears after the first read by its first sighting, and keeps that date', () => {
    const later = stampFirstSeen([], [item('https://p/new-undated', null)], T0 + HOUR, false);
    expect(later[0]).toMatchObject({ publishedAt: new Date(T0 + HOUR).toISOString(), undated: true });
    expect(alertableItems(later)).toHaveLength(1);
    const next = stampFirstSeen(later, [item('https://p/new-undated', null)], T0 + 5 * HOUR, false);
    expect(next[0]?.publishedAt).toBe(new Date(T0 + HOUR).toISOString());
  });
});

describe('what a "nothing found" rests on', () => {
  const sources: Source[] = Array.from({ length: 7 }, (_, n) => ({ id: `s${n}`, kind: 'rss', url: `https://p/${n}`, label: `S${n}` }));
  const ok = (id: string): SourceHealth => ({ sourceId: id, lastAttemptAt: 'x', lastOkAt: 'x', consecutiveFailures: 0 });
  const failed = (id: string): SourceHealth => ({ sourceId: id, lastAttemptAt: 'x', consecutiveFailures: 2, lastErrorCode: 'http_403' });
  const notAllowed = (id: string): SourceHealth => ({ sourceId: id, consecutiveFailures: 0, lastErrorCode: 'not_allowed' });

  it('says "3 of 7 sources could not be reached" beside a quiet result', () => {
    const health = Object.fromEntries(sources.map((source, n) => [source.id, n < 4 ? ok(source.id) : failed(source.id)]));
    const verdict = describeCoverage(checkCoverage(sources, health));
    expect(verdict).toEqual({ quiet: true, headline: 'All quiet in the 4 sources that could be read.', detail: '3 of 7 sources could not be reached.' });
  });

  it('is never quiet when every source failed', () => {
    const verdict = describeCoverage(checkCoverage(sources, Object.fromEntries(sources.map((source) => [source.id, failed(source.id)]))));
    expect(verdict.quiet).toBe(false);
    expect(verdict.headline).toBe('Could not check: none of the 7 sources tried could be read.');
  });

  it('is never quiet when no source is allowed', () => {
    const verdict = describeCoverage(checkCoverage(sources, Object.fromEntries(sources.map((source) => [source.id, notAllowed(source.id)]))));
    expect(verdict.quiet).toBe(false);
    expect(verdict.headline).toMatch(/no source is allowed/);
  });

  it('is not quiet before anything was checked, and quiet with a count when all answered', () => {
    expect(describeCoverage(checkCoverage(sources, {})).quiet).toBe(false);
    const all = describeCoverage(checkCoverage(sources, Object.fromEntries(sources.map((source) => [source.id, ok(source.id)]))));
    expect(all).toEqual({ quiet: true, headline: 'All quiet (7 sources checked).', detail: '' });
  });
});
