import type { WatchedPerson } from '../geo/watched-person.ts';
import type { Source } from '../sources/source.ts';
import type { CustomFeed, PersonSourceChoices, WatchedPersonEntry } from './watcher-state.ts';

/** The registry's suggestion for a force: its own sources, optionally its neighbours' and Google News for the area. */
export type SourcesForForce = (forceId: string, options: { includeNeighbours: boolean; includeGoogleNews: boolean }) => Source[];

/** A person's suggested sources with the switches the relative set, for the options page's list. */
export function suggestedSources(person: WatchedPerson, choices: PersonSourceChoices, sourcesForForce: SourcesForForce): Source[] {
  return sourcesForForce(person.forceId, {
    includeNeighbours: choices.includeNeighbours,
    includeGoogleNews: choices.includeGoogleNews,
  });
}

export function customFeedAsSource(feed: CustomFeed): Source {
  return { id: feed.id, kind: 'custom-feed', url: feed.url, label: feed.label };
}

/** The feed to keep for a source made by customFeedSource (force-registry.ts); `addedAt` is an ISO time. */
export function customFeedOf(source: Source, addedAt: string): CustomFeed {
  return { id: source.id, url: source.url, label: source.label, addedAt };
}

/** Every source to poll for everyone watched, each once, with the ones switched off left out. */
export function sourcesToPoll(people: WatchedPersonEntry[], customFeeds: CustomFeed[], sourcesForForce: SourcesForForce): Source[] {
  const byId = new Map<string, Source>();
  for (const entry of people) {
    const disabled = new Set(entry.sources.disabledSourceIds);
    for (const source of suggestedSources(entry.person, entry.sources, sourcesForForce)) {
      if (!disabled.has(source.id) && !byId.has(source.id)) byId.set(source.id, source);
    }
  }
  for (const feed of customFeeds) if (!byId.has(feed.id)) byId.set(feed.id, customFeedAsSource(feed));
  return [...byId.values()];
}
