/**
 * Force pages and feeds for the poll bench, sized like the real ones: a Single Online Home listing is ~150 KB of
 * page furniture around 20 stories; a force RSS or Google News feed carries ~50 items.
 */
import type { Source } from '../src/core/sources/source.ts';

const STORY_TOPICS = [
  'Warning after fake police officers call older residents in {place}',
  'Appeal after collision on the A12 near {place}',
  'Courier fraud: pensioner in {place} hands cash to a man posing as a detective',
  'Man charged with burglary in {place}',
  'Police urge residents in {place} to lock sheds after spate of thefts',
];

function story(index: number, place: string): { title: string; body: string; slug: string; date: Date } {
  const title = STORY_TOPICS[index % STORY_TOPICS.length]!.replace('{place}', place);
  const body =
    index % STORY_TOPICS.length === 2
      ? `A woman in her eighties in ${place} was called by a man claiming to be a detective from the Met, who told her that her bank card had been cloned. A courier later collected her card and £3,000 in cash. Police will never ask for your PIN or send a courier.`
      : `Officers in ${place} are asking anyone with information to come forward. Call 101 quoting the reference number.`;
  return { title, body, slug: `story-${index}`, date: new Date(Date.UTC(2026, 10, 24 - (index % 20), 9, 30)) };
}

const FURNITURE = `<nav aria-label="Main">${Array.from({ length: 400 }, (_, i) => `<a href="/section-${i}/">Section ${i}</a>`).join('')}</nav>
<script>${'window.__config = {"x": 1};'.repeat(2000)}</script><footer>${'<p>Essential site information and links.</p>'.repeat(300)}</footer>`;

export function sohListing(source: Source, place: string): string {
  const base = new URL(source.url);
  const items = Array.from({ length: 20 }, (_, i) => {
    const s = story(i, place);
    const stamp = `${String(s.date.getUTCHours()).padStart(2, '0')}:${String(s.date.getUTCMinutes()).padStart(2, '0')} ${String(s.date.getUTCDate()).padStart(2, '0')}/${String(s.date.getUTCMonth() + 1).padStart(2, '0')}/${s.date.getUTCFullYear()}`;
    return `<li><article><h3><a href="${base.pathname}news/2026/november/${s.slug}/">${s.title}</a></h3><p>Published: ${stamp}</p><p>${s.body}</p></article></li>`;
  }).join('\n');
  return `<!DOCTYPE html><html lang="en-GB"><head><title>News</title></head><body>${FURNITURE}<main><ul class="news-listing">${items}</ul></main></body></html>`;
}

export function rssFeed(source: Source, place: string): string {
  const items = Array.from({ length: 50 }, (_, i) => {
    const s = story(i, place);
    const link = `https://example.org/${encodeURIComponent(source.id)}/${s.slug}?utm_source=rss`;
    return `<item><title>${s.title}</title><link>${link}</link><guid>${link}</guid><pubDate>${s.date.toUTCString()}</pubDate><description><![CDATA[<p>${s.body}</p>]]></description></item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${source.label}</title><link>https://example.org/</link><description>News</description>${items}</channel></rss>`;
}
