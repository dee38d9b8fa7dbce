import { describe, expect, it } from 'vitest';
import { formatInviteLink, parseInviteLink } from '../../../src/core/circle/invite-link.ts';

const parts = {
  relayOrigin: 'https://relay.example.org',
  circleId: 'IfhJSUxPEVUebwE0gBY5Ew',
  inviteToken: 'L9lrbOSPnSKsYZs0T9-IRfBgpkt-zD9p9noFVHLhtOs',
  circleKey: 'q2Yl0-_5vJ0W3c1xg6gW0Lr0VqUuJgqgQ5gCw3n0kFs',
};

describe('invite links', () => {
  it('carry circle, invite and key in the fragment only, so the relay never receives them', () => {
    const link = formatInviteLink(parts);
    const url = new URL(link);
    expect(url.pathname).toBe('/join');
    expect(url.search).toBe('');
    expect(url.hash).toContain(parts.circleKey);
    expect(parseInviteLink(link)).toEqual(parts);
  });

  it('explain what is wrong with a damaged link', () => {
    const link = formatInviteLink(parts);
    expect(() => parseInviteLink('hello')).toThrow(/not a link/);
    expect(() => parseInviteLink(link.replace('/join', '/other'))).toThrow(/not a Kinwatch join link/);
    expect(() => parseInviteLink(link.replace(/k=[^&]+/, 'k=abc'))).toThrow(/circle key/);
    expect(() => parseInviteLink(link.replace(/i=[^&]+/, ''))).toThrow(/invite token/);
  });
});
