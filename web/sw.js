/* Service worker of the wizard: after one visit, /wizard/ and /en/wizard/ answer with the network off.
 *
 * scripts/build_wheels.py fills in VERSION and FILES and writes this file as build/wizard-assets/wizard-sw.js;
 * hooks/wizard_assets.py serves it from the site root (a service worker controls URLs under its own folder).
 * web/sw-register.js registers it twice, for the scopes "<root>wizard" (the zh page and, by prefix, the
 * wizard-assets/ files the engine's Web Worker fetches) and "<root>en/wizard/".
 *
 * - Versioned assets (<root>wizard-assets/<version>/…, never changing meaning): cache-first. Install puts
 *   every file of this version in the cache "wizard-<version>" (from the HTTP cache when the page has just
 *   loaded them, see web/sw-register.js); a response from the cache is passed through unchanged, so the .wasm keeps its type and
 *   Chromium its compiled-code cache.
 * - The two wizard pages: network first (a new version of the rules reaches the reader on the next visit),
 *   the cached copy when the network fails. A page is cached only if it loads this version's assets.
 * - Everything else (guide pages, search, Material's assets): not handled, straight to the network.
 * - Activation deletes the caches of other versions: a page never gets files of two versions, because every
 *   asset URL names its version and each cache holds one version.
 */
"use strict";

const VERSION = "__VERSION__";
const FILES = ["__FILES__"]; // relative to the wizard-assets/ folder
const ROOT = new URL("./", self.location.href).href;
const ASSETS = ROOT + "wizard-assets/";
const PAGES = [ROOT + "wizard/", ROOT + "en/wizard/"];
const CACHE = "wizard-" + VERSION;

function isThisVersion(html) {
  return html.includes("wizard-assets/" + VERSION + "/");
}

async function precache() {
  const cache = await caches.open(CACHE);
  const missing = [];
  for (const url of FILES.map((file) => ASSETS + file)) {
    if (!(await cache.match(url))) missing.push(url);
  }
  // A versioned URL never changes meaning: whatever the HTTP cache holds is right (the page has usually
  // just downloaded it, or is downloading it, and then this request waits for that download).
  await Promise.all(missing.map(async (url) => {
    const response = await fetch(url, { cache: "force-cache" });
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    await cache.put(url, response);
  }));
  for (const url of PAGES) {
    const cached = await cache.match(url); // put there by the other scope's worker of this version
    if (cached && isThisVersion(await cached.text())) continue;
    const response = await fetch(url, { cache: "no-cache" });
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    // The page must load this version; otherwise a newer version is deployed and its own worker will follow.
    if (!isThisVersion(await response.clone().text())) throw new Error(url + " is not version " + VERSION);
    await cache.put(url, response);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith("wizard-") && name !== CACHE).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

async function page(request, url) {
  try {
    const response = await fetch(request);
    if (response.ok && isThisVersion(await response.clone().text())) {
      const cache = await caches.open(CACHE);
      await cache.put(url, response.clone());
    }
    return response;
  } catch (error) {
    // Any version's copy: the other scope's worker may already have replaced this version's cache.
    const cached = await caches.match(url);
    if (cached) return cached;
    throw error;
  }
}

async function asset(request) {
  const cached = await caches.match(request.url);
  return cached || fetch(request);
}

// Which version this worker is (asked by tests/browser/test_offline.py through a MessageChannel).
self.addEventListener("message", (event) => {
  if (event.data === "version" && event.ports[0]) event.ports[0].postMessage(VERSION);
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = request.url.split("#")[0].split("?")[0];
  if (request.mode === "navigate" && PAGES.includes(url)) event.respondWith(page(request, url));
  else if (url.startsWith(ASSETS) && !url.endsWith("/manifest.json") && url.slice(ASSETS.length).includes("/")) {
    event.respondWith(asset(request));
  }
});
