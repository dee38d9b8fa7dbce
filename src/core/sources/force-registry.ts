import type { Source } from './source.ts';
import { FORCES, type ForceRecord } from './forces-data.ts';
import { canonicalUrl } from './canonical-url.ts';
import { fnv1aHex } from '../fnv1a.ts';

export type { ForceNewsSource, ForceRecord } from './forces-data.ts';
export { FORCES_CHECKED_ON, FORCES_SOURCES } from './forces-data.ts';

const GOOGLE_NEWS_SEARCH = 'https://news.google.com/rss/search';
/** Phrases the forces and local papers use for courier fraud; OR-ed with the force's area terms. */
const GOOGLE_NEWS_PHRASES = ['"courier fraud"', '"posing as police"', '"pretending to be police"', '"impersonating police"'];

const byId = new Map(FORCES.map((force) => [force.id, force]));
const byAreaKey = new Map<string, ForceRecord>();
for (const force of FORCES) {
  const keys = [force.id, force.name, force.pfaName, force.pfaCode, ...force.aliases];
  for (const key of keys) {
    if (key === undefined) continue;
    const normal = normaliseAreaName(key);
    if (!byAreaKey.has(normal)) byAreaKey.set(normal, force);
  }
}

export function listForces(): readonly ForceRecord[] {
  return FORCES;
}

export function forceById(id: string): ForceRecord | undefined {
  return byId.get(id);
}

/**
 * The force for a postcodes.io police force area, given as its name ("Essex", "Devon & Cornwall",
 * "Metropolitan Police") or ONS code ("E23000028"); also accepts a county, unitary authority or city inside the
 * area ("Southend-on-Sea", "Greater London"), which is what an outcode lookup gives instead of a pfa.
 */
export function forceByPfa(pfaNameOrCode: string): ForceRecord | undefined {
  return byAreaKey.get(normaliseAreaName(pfaNameOrCode));
}

export function neighboursOf(forceId: string): readonly string[] {
  return byId.get(forceId)?.neighbours ?? [];
}

export interface SourcesForForceOptions {
  /** Also watch the neighbouring forces' own news (not their Google News). Default false. */
  includeNeighbours?: boolean;
  /** Add the Google News search for the force's area. Default true. */
  includeGoogleNews?: boolean;
}

/** The sources to poll for a force: its own news, optionally its neighbours', and the Google News fallback. */
export function sourcesForForce(forceId: string, options: SourcesForForceOptions = {}): Source[] {
  const force = byId.get(forceId);
  if (force === undefined) throw new UnknownForceError(forceId);
  const sources = forceNewsSources(force);
  if (options.includeGoogleNews ?? true) sources.push(googleNewsSource(force));
  if (options.includeNeighbours) {
    for (const neighbourId of force.neighbours) {
      const neighbour = byId.get(neighbourId);
      if (neighbour !== undefined) sources.push(...forceNewsSources(neighbour));
    }
  }
  return sources;
}

/** As sourcesForForce, but [] for a force id the registry does not know (a person stored by an older version). */
export function sourcesForKnownForce(forceId: string, options: SourcesForForceOptions = {}): Source[] {
  return byId.has(forceId) ? sourcesForForce(forceId, options) : [];
}

export function googleNewsSource(force: ForceRecord): Source {
  const area = force.newsArea.length === 1 ? force.newsArea[0] : `(${force.newsArea.join(' OR ')})`;
  const query = `(${GOOGLE_NEWS_PHRASES.join(' OR ')}) ${area}`;
  const params = new URLSearchParams({ q: query, hl: 'en-GB', gl: 'GB', ceid: 'GB:en' });
  return {
    id: `google-news:${force.id}`,
    kind: 'google-news',
    url: `${GOOGLE_NEWS_SEARCH}?${params.toString()}`,
    label: `Google News: courier fraud near ${force.newsArea.map((term) => term.replaceAll('"', '')).join(', ')}`,
    forceId: force.id,
  };
}

/** A feed the user adds themselves (e.g. a Neighbourhood Alert area). Throws CustomFeedUrlError on a bad URL. */
export function customFeedSource(url: string, label?: string): Source {
  const trimmed = typeof url === 'string' ? url.trim() : '';
  if (trimmed === '') throw new CustomFeedUrlError('Please give the address of the feed (it starts with https://).');
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new CustomFeedUrlError(`"${trimmed.slice(0, 200)}" is not a web address. Feed addresses start with https://.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CustomFeedUrlError(
      `Feed addresses must start with https:// or http:// ("${parsed.protocol}" addresses are not allowed).`,
    );
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new CustomFeedUrlError('Feed addresses must not contain a user name or password.');
  }
  const canonical = canonicalUrl(parsed.toString()) ?? parsed.toString();
  return {
    id: `custom:${fnv1aHex(canonical)}`,
    kind: 'custom-feed',
    url: canonical,
    label: label?.trim() || defaultFeedLabel(new URL(canonical)),
  };
}

/**
 * A feed's name when the user gave none: its host and path, without a trailing slash or query ("alerts.example.org/rss"),
 * so two feeds of one site can be told apart; at most 60 characters.
 */
function defaultFeedLabel(url: URL): string {
  const path = url.pathname.replace(/\/+$/, '');
  const label = `${url.host}${path}`;
  return label.length > 60 ? `${label.slice(0, 59)}…` : label;
}

/** A bad custom feed address; `field` names the form field so the form can show the message beside it. */
export class CustomFeedUrlError extends Error {
  override readonly name = 'CustomFeedUrlError';
  readonly field = 'url';
}

export class UnknownForceError extends Error {
  override readonly name = 'UnknownForceError';
  constructor(readonly forceId: string) {
    super(`Unknown police force id "${forceId}"`);
  }
}

/**
 * A force's own news as sources to poll. A Single Online Home force is one source: its `GetNewsRss/` feed first,
 * its HTML listing as the fallback (same site, one permission). Every source names the force's home page for
 * autodiscovery.
 */
function forceNewsSources(force: ForceRecord): Source[] {
  return force.newsSources.map((news) => {
    const common = { label: `${force.name} news`, forceId: force.id, homeUrl: `${force.website}/` };
    if (news.kind === 'rss') return { id: `${force.id}:rss`, kind: 'rss', url: news.url, ...common };
    if (news.kind === 'soh') {
      return { id: `${force.id}:news`, kind: 'soh-listing', url: sohFeedUrl(news.url), fallbackUrl: news.url, ...common };
    }
    return { id: `${force.id}:news`, kind: 'soh-listing', url: news.url, ...common };
  });
}

const SOH_LISTING_PATH = /^\/news\/[a-z0-9-]+\/(news|latest)\/?$/i;

/**
 * A source whose address is a Single Online Home news listing (`/news/<force>/news/` or `/latest/`), such as one a
 * user added, read like a force's: its `GetNewsRss/` feed first, the listing as the fallback. Other sources, and
 * sources that already name a fallback, are returned unchanged.
 */
export function withSohFeed(source: Source): Source {
  if (source.fallbackUrl !== undefined || source.kind === 'google-news') return source;
  let path: string;
  try {
    path = new URL(source.url).pathname;
  } catch {
    return source;
  }
  return SOH_LISTING_PATH.test(path) ? { ...source, url: sohFeedUrl(source.url), fallbackUrl: source.url } : source;
}

/** A Single Online Home listing's RSS feed: the listing path plus `GetNewsRss/` (docs/design.md facts). */
export function sohFeedUrl(listingUrl: string): string {
  return `${listingUrl.endsWith('/') ? listingUrl : `${listingUrl}/`}GetNewsRss/`;
}

/** Case, punctuation, "&"/"and" and "City of" word order do not matter: "London, City of" = "City of London". */
function normaliseAreaName(name: string): string {
  let text = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/&/g, ' and ');
  const inverted = /^(.*),\s*(city of|county of)$/.exec(text);
  if (inverted) text = `${inverted[2]} ${inverted[1]}`;
  return text.replace(/[^a-z0-9]+/g, ' ').trim();
}

