/// <reference lib="webworker" />
import { CacheableResponsePlugin, NetworkFirst, Serwist, type PrecacheEntry } from 'serwist';
import {
  isOnDemandFile,
  isServiceRequest,
  COPY_SAVED,
  KEPT_PAGES_CACHE,
  OFFLINE_COPY_URL,
  OFFLINE_META_CACHE,
  OFFLINE_PAGE_URL,
  type OfflineCopy,
} from './cache-plan';

/**
 * The service worker, bundled into `out/sw.js` by `lib/export/service-worker.ts`, which replaces
 * the two constants below. It never skips waiting on its own: a new version waits until the page
 * asks for it (the reader pressed "Reload"), so nothing changes under someone mid-incident.
 */
declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: PrecacheEntry[]; __ON_DEMAND_PAGES: number };

const sameOrigin = (url: URL) => url.origin === self.location.origin;
/** Only complete answers from our own site are kept: never an error page, a redirect or a partial response. */
const okOnly = new CacheableResponsePlugin({ statuses: [200] });
/** `?build=`, `?run=` and Next's `?_rsc=` never change a static file, so one copy serves them all. */
const withoutQuery = {
  cacheKeyWillBeUsed: async ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    url.search = '';
    return url.href;
  },
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { ignoreURLParametersMatching: [/.*/], cleanupOutdatedCaches: true, concurrency: 6 },
  skipWaiting: false,
  // The first worker takes the page it was registered from, so that page already works offline.
  clientsClaim: true,
  // No route for the run service (`isServiceRequest`): the browser sends those requests itself. Passed through
  // the worker, a run's live stream would be work the worker never finishes, and a new version would wait
  // for it for ever: "Reload" would do nothing on a page that shares a run.
  runtimeCaching: [
    {
      matcher: ({ url }) => sameOrigin(url) && isOnDemandFile(url.pathname),
      handler: new NetworkFirst({
        cacheName: KEPT_PAGES_CACHE,
        networkTimeoutSeconds: 4,
        matchOptions: { ignoreSearch: true },
        plugins: [okOnly, withoutQuery],
      }),
    },
  ],
  fallbacks: { entries: [{ url: OFFLINE_PAGE_URL, matcher: ({ request }) => request.destination === 'document' }] },
});

/**
 * Next asks for a page with a HEAD request before it prefetches it, to learn that it exists. A page
 * saved here exists, network or not; anything else is the server's to answer.
 */
async function headOfSavedPage({ request }: { request: Request }): Promise<Response> {
  const url = new URL(request.url);
  url.search = '';
  const file = url.pathname.endsWith('/') ? `${url.href}index.html` : url.href;
  const saved = (await serwist.matchPrecache(file)) ?? (await caches.match(url.href, { cacheName: KEPT_PAGES_CACHE }));
  return saved ? new Response(null, { status: saved.status, headers: saved.headers }) : fetch(request);
}
serwist.registerCapture(({ url }) => sameOrigin(url) && !isServiceRequest(url.pathname), headOfSavedPage, 'HEAD');

/** Pages kept on demand, fetched again after an update so they match the new scripts. */
async function refreshKeptPages() {
  const cache = await caches.open(KEPT_PAGES_CACHE);
  for (const request of await cache.keys()) {
    const response = await fetch(request.url, { cache: 'no-cache' }).catch(() => null);
    if (response?.status === 200) await cache.put(request, response);
  }
}

self.addEventListener('activate', (event) => {
  const copy: OfflineCopy = { savedAt: new Date().toISOString(), onDemandPages: self.__ON_DEMAND_PAGES };
  event.waitUntil(
    (async () => {
      await (await caches.open(OFFLINE_META_CACHE)).put(OFFLINE_COPY_URL, Response.json(copy));
      for (const client of await self.clients.matchAll({ includeUncontrolled: true })) client.postMessage({ type: COPY_SAVED });
    })(),
  );
  // Not awaited by activation: pages are served at once, the kept ones refresh while online.
  void refreshKeptPages();
});

serwist.addEventListeners();
