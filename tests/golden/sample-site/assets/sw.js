// The service worker of offline reading, published at the site's root (its scope is the whole site). It is
// registered only when a reader stores an issue (下载本期, offline.js). Every request still goes to the
// network first; when that fails, the stored copy answers, so a stored issue reads with the network off.
"use strict";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request).catch(() => caches.match(request).then((stored) => stored || Response.error())),
  );
});
