// Lectern's service worker: after one visit the app opens, reads, answers and saves offline.
//
// `cargo xtask post-build` (trunk's post_build hook) writes the build's version and the list of
// every file of the build into the copy of this file in dist/, so each build's worker differs
// byte for byte, and the browser installs it as an update.
//
// - install: caches every file of this build in a cache named after the build, except those in
//   ON_DEMAND: the whole app's bundle, which only the teacher's pages start (xtask/src/split.rs),
//   the SCORM package's app, which only the teacher's "Download for your LMS" fetches, and the
//   PNG icons, which only installing the app needs. Those are cached when first fetched, so a
//   student's first visit never downloads them. The worker does not take over by
//   itself: the page asks the student and then sends "skip-waiting".
// - activate: deletes the caches of older builds, then controls open pages.
// - fetch: the build's own files from its cache (so the JS glue and the wasm always come from
//   the same build); a navigation gets its address's pre-rendered page (xtask/prerender.mjs),
//   or index.html for a screen that has none, whose first script keeps it blank until the app
//   draws the screen (deep links work offline); ON_DEMAND files from the network the first time, kept for next time;
//   anything else goes to the network.

const VERSION = /*LECTERN_VERSION*/ 'unbuilt';
const FILES = /*LECTERN_FILES*/ [];
const ON_DEMAND = /*LECTERN_ON_DEMAND*/ [];
const CACHE = `lectern-${VERSION}`;
const scope = new URL(self.registration.scope);
const INDEX = new URL('index.html', scope).href;
const ON_DEMAND_URLS = new Set(ON_DEMAND.map((file) => new URL(file, scope).href));

/** The pre-rendered page of an address (xtask/prerender.mjs): `<address>/index.html`, with or
 *  without a trailing slash; index.html itself is the start page's. */
function pageFor(url) {
  const path = new URL(url).pathname;
  if (!path.startsWith(scope.pathname)) return INDEX;
  const rest = path.slice(scope.pathname.length).replace(/\/+$/, '');
  return rest === '' ? INDEX : new URL(`${rest}/index.html`, scope).href;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `reload` skips the HTTP cache, so the worker never stores a stale copy of a file.
      cache.addAll(FILES.map((file) => new Request(new URL(file, scope), { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lectern-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== scope.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(pageFor(request.url)).then((page) => page || cache.match(INDEX)))
        .then((cached) => cached || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((cached) => {
        if (cached) return cached;
        const url = new URL(request.url);
        if (!ON_DEMAND_URLS.has(url.origin + url.pathname)) return fetch(request);
        return fetch(request).then((response) => {
          if (response.ok) cache.put(url.origin + url.pathname, response.clone());
          return response;
        });
      }),
    ),
  );
});
