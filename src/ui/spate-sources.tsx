import type { SpateSource } from '../core/spates/spate.ts';
import { sourceAttribution } from '../core/spates/source-attribution.ts';
import { formatDate } from './format-date-time.ts';

const isWebLink = (url: string) => /^https?:\/\//i.test(url);

/**
 * The articles behind a spate, for the extension's popup and the carer app's alerts: each title (a link when its
 * address is http(s)), and under it who published it and when, e.g. "Essex Live, via Google News · 30 Nov 2026" or
 * "Essex Police · 30 Nov 2026". Titles and outlets come from feeds: rendered as text, never as HTML.
 */
export function SpateSources({ sources, label }: { sources: readonly SpateSource[]; label: string }) {
  return (
    <ul className="spate-sources" aria-label={label}>
      {sources.map((source) => {
        const by = [sourceAttribution(source), source.publishedAt ? formatDate(source.publishedAt) : undefined].filter(Boolean).join(' · ');
        const title = source.title || source.url;
        return (
          <li key={source.url}>
            {isWebLink(source.url) ? (
              <a href={source.url} rel="noreferrer noopener" target="_blank">
                {title}
              </a>
            ) : (
              title
            )}
            {by !== '' && <span className="source-by">{by}</span>}
          </li>
        );
      })}
    </ul>
  );
}
