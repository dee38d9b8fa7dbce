import type { SourceErrorCode } from './source-error-code.ts';

/**
 * A news source the watcher polls: a force's RSS feed, a Single Online Home force (its `GetNewsRss/` feed, with the
 * news listing as the fallback), Google News, or a user's own feed.
 */
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
  /**
   * A page read when `url` fails or gives no items: a Single Online Home force's HTML news listing behind its
   * `GetNewsRss/` feed. Same site as `url`, so the same permission covers both.
   */
  fallbackUrl?: string;
  /** The site's home page, searched for `<link rel="alternate">` feeds when `url` has gone (autodiscovery). */
  homeUrl?: string;
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
  /**
   * Who published the item, shown beside the title: the newspaper or site behind a syndicated item (Google News's
   * `<source>`; the title then has the aggregator's " - Outlet" suffix removed so that one story in five papers
   * clusters as one report), or the name a feed the user added gives itself ("Wivenhoe Weekly").
   */
  outlet?: string;
  /** When this item was first seen (ISO 8601 UTC), set by the watcher (see stampFirstSeen). */
  firstSeenAt?: string;
  /** True when the source gave no readable date and `publishedAt` is the time the item was first seen. */
  undated?: true;
  /**
   * True for an undated item that was already on the source's page when the source was first read: old news
   * (its age unknown), never alerted as new.
   */
  backlog?: true;
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
  /** Stable key of the last error (`http_403`, `timeout`, `not_a_feed`…), so the page can say what to do. */
  lastErrorCode?: SourceErrorCode;
  /** Something forgiven on the last read (a bare "&" in the XML, a feed that failed so the listing was read). */
  warning?: string;
  /** Which address answered last: the source's feed, its HTML listing fallback, or a feed found by autodiscovery. */
  answeredBy?: 'feed' | 'listing' | 'discovered';
  /** The address that gave the last answer; conditional GET validators below belong to it. */
  answeredUrl?: string;
  /** A feed found by autodiscovery (or a permanent redirect) after the source's own address stopped working. */
  movedTo?: string;
  consecutiveFailures: number;
  /** Not before this time (backoff or Retry-After). */
  nextAllowedAt?: string;
  /** Who set nextAllowedAt: our own backoff after failures, or the site's Retry-After (kept even when a person asks). */
  nextAllowedBy?: 'backoff' | 'retry-after';
  etag?: string;
  lastModified?: string;
}
