/** A news source the watcher polls: a force's RSS feed or news listing, Google News, or a user's own feed. */
export type SourceKind = 'rss' | 'soh-listing' | 'google-news' | 'custom-feed';

export interface Source {
  /** Stable id, e.g. "essex:news", "met:rss", "google-news:essex", "custom:<hash of url>". */
  id: string;
  kind: SourceKind;
  url: string;
  /** Human label shown on the source-health page. */
  label: string;
  /** The police force this source speaks for (data.police.uk id), if any. */
  forceId?: string;
}

/** One news item, as plain text. Titles and bodies never carry HTML: they are stripped and entity-decoded. */
export interface FeedItem {
  sourceId: string;
  /** Canonical link: absolute http(s), `utm_*` and fragments removed. Identity of the item across polls. */
  url: string;
  title: string;
  /** Plain-text summary or body, as much as the source gives. */
  text: string;
  /** ISO 8601 in UTC, or null when the source gives no parseable date. */
  publishedAt: string | null;
}

export interface SourceHealth {
  sourceId: string;
  lastAttemptAt?: string;
  lastOkAt?: string;
  /** HTTP status of the last attempt (304 counts as ok), or 0 for a network error or timeout. */
  lastStatus?: number;
  /** Items parsed on the last successful full fetch (not counted on 304). */
  lastItemCount?: number;
  /** The most items this source has ever yielded: a drop to zero from a page that had items is flagged. */
  maxItemCount?: number;
  lastError?: string;
  consecutiveFailures: number;
  /** Not before this time (backoff or Retry-After). */
  nextAllowedAt?: string;
  etag?: string;
  lastModified?: string;
}
