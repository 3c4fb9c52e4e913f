// Open Doors service worker: keeps the app shell and its assets so a saved pass still
// opens at the school door with no signal. Pages are network-first (always the newest
// build when online); hashed assets are cache-first; the API is never cached here (the
// pass itself is saved by the app in this browser's storage).
const CACHE = "open-doors-shell-v1";
const SHELL = "/";

async function precache() {
  const cache = await caches.open(CACHE);
  const files = new Set([SHELL]);
  const response = await fetch("/static/manifest.json", { cache: "no-store" });
  if (response.ok) {
    const manifest = await response.json();
    for (const entry of Object.values(manifest)) {
      files.add("/static/" + entry.file);
      for (const css of entry.css || []) files.add("/static/" + css);
    }
  }
  await cache.addAll([...files]);
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(SHELL, response.clone());
    return response;
  } catch (error) {
    const shell = await cache.match(SHELL);
    if (shell) return shell;
    throw error;
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && !/^\/(api|calendar|admin|_allauth)\//.test(url.pathname)) {
    event.respondWith(page(request));
  } else if (url.pathname.startsWith("/static/app/")) {
    event.respondWith(asset(request));
  }
});
