/// <reference lib="webworker" />
/**
 * The carer app's service worker: precaches the build so every screen opens offline, answers navigations with the
 * app shell, and waits for the page to say "Reload" before a new version takes over.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

// Push handling (decrypt, store, notify) lives in src/pwa/push/ and is imported here:
import { registerPushHandlers } from './push/push-handler.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> };

registerPushHandlers(self);
cleanupOutdatedCaches();
// The first install controls the open page at once, so it works offline from the first visit.
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);

// Every in-app path (/calls, /join, ...) is the same single-page app; the API is never answered from the cache.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//, /^\/healthz/] }));

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
