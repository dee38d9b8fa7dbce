import { describe, expect, it } from 'vitest';
import { sourceAttribution } from '../../../src/core/spates/source-attribution.ts';

describe('who published a spate\'s article, as shown beside its title', () => {
  it('a paper reached through Google News is named, via Google News', () => {
    expect(sourceAttribution({ sourceId: 'google-news:essex', outlet: 'Essex Live' })).toBe('Essex Live, via Google News');
    expect(sourceAttribution({ sourceId: 'google-news:essex', outlet: 'Essex Live, Colchester Gazette' })).toBe('Essex Live, Colchester Gazette, via Google News');
    expect(sourceAttribution({ sourceId: 'google-news:essex' })).toBe('Google News');
    expect(sourceAttribution({ sourceId: 'google-news:essex', outlet: '  ' })).toBe('Google News');
  });

  it('a force\'s own article names the force', () => {
    expect(sourceAttribution({ sourceId: 'essex:news' })).toBe('Essex Police');
    expect(sourceAttribution({ sourceId: 'metropolitan:rss' })).toBe('Metropolitan Police Service');
  });

  it('another feed that names an outlet gives the outlet; otherwise nothing rather than a guess', () => {
    expect(sourceAttribution({ sourceId: 'custom:0123abcd', outlet: 'Harwich Standard' })).toBe('Harwich Standard');
    expect(sourceAttribution({ sourceId: 'custom:0123abcd' })).toBeUndefined();
    expect(sourceAttribution({ sourceId: 'no-such-force:news' })).toBeUndefined();
    expect(sourceAttribution({ sourceId: 'feed-3' })).toBeUndefined();
  });
});
