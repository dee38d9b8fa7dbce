import { Parser } from 'htmlparser2';
import { canonicalUrl } from './canonical-url.ts';

const FEED_TYPES = /^application\/(rss|atom|rdf)\+xml$|^application\/xml$|^text\/xml$/i;

/**
 * Feed autodiscovery (the RSS Advisory Board's "RSS Autodiscovery" and the Atom convention that every feed reader
 * follows): the feeds a web page names with `<link rel="alternate" type="application/rss+xml|atom+xml" href="…">`,
 * as absolute http(s) URLs resolved against the page (and its `<base href>`), in document order, without repeats.
 * Returns [] for a page that names none. Never throws.
 */
export function findFeedLinks(html: string, pageUrl: string): string[] {
  const found: string[] = [];
  let base = pageUrl;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'base' && attribs.href !== undefined) base = canonicalUrl(attribs.href, pageUrl) ?? base;
        if (name !== 'link' || attribs.href === undefined) return;
        const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/);
        if (!rel.includes('alternate') || !FEED_TYPES.test((attribs.type ?? '').trim())) return;
        let url: string | null = null;
        try {
          url = canonicalUrl(attribs.href, base);
        } catch {
          url = null;
        }
        if (url !== null && !found.includes(url)) found.push(url);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html.length > 512_000 ? html.slice(0, 512_000) : html);
  parser.end();
  return found;
}
