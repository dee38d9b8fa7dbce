/**
 * The link a carer sends to a relative: `https://<relay>/join#c=<circleId>&i=<inviteToken>&k=<circleKey>`.
 * Everything after `#` stays in the browser, so the relay serving /join never sees the key.
 */
export interface InviteLink {
  relayOrigin: string;
  circleId: string;
  inviteToken: string;
  circleKey: string;
}

const PART = /^[A-Za-z0-9_-]{16,64}$/;

export function formatInviteLink({ relayOrigin, circleId, inviteToken, circleKey }: InviteLink): string {
  const origin = new URL(relayOrigin).origin;
  return `${origin}/join#${new URLSearchParams({ c: circleId, i: inviteToken, k: circleKey }).toString()}`;
}

export function parseInviteLink(link: string): InviteLink {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new Error('invite link: not a link');
  }
  if (url.pathname !== '/join') throw new Error('invite link: not a Kinwatch join link');
  const params = new URLSearchParams(url.hash.replace(/^#/, ''));
  const circleId = params.get('c') ?? '';
  const inviteToken = params.get('i') ?? '';
  const circleKey = params.get('k') ?? '';
  if (!PART.test(circleId)) throw new Error('invite link: circle id (c) missing or damaged');
  if (!/^[A-Za-z0-9_-]{43}$/.test(inviteToken)) throw new Error('invite link: invite token (i) missing or damaged');
  if (!/^[A-Za-z0-9_-]{43}$/.test(circleKey)) throw new Error('invite link: circle key (k) missing or damaged');
  return { relayOrigin: url.origin, circleId, inviteToken, circleKey };
}
