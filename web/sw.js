/* Service worker of the wizard: after one visit, /wizard/ and /en/wizard/ open and answer with no request to
 * the network at all, and with the network off.
 *
 * hooks/wizard_assets.py, its one writer, fills in VERSION and FILES (the wizard's versioned assets, from
 * their manifest), PAGE_FILES and REVISION (from the built pages) and writes it at the site root as
 * /wizard-sw.js (a service worker controls URLs under its own folder). web/sw-register.js registers it twice, for the scopes "<root>wizard" (the zh page and, by
 * prefix, the wizard-assets/ files the engine's Web Worker fetches) and "<root>en/wizard/".
 *
 * Everything this worker answers comes from its one cache, "wizard-<VERSION>-<REVISION>", cache first:
 * - the versioned assets (<root>wizard-assets/<version>/…, whose URLs never change meaning). Install takes
 *   them from an older build's cache when it has them (same version, pages changed), else from the HTTP cache (the page has usually
 *   just loaded them, see web/sw-register.js). A response is passed through unchanged (the .wasm keeps its type).
 *   The .wasm too comes from this cache: answering it from the HTTP cache instead (where Chromium keeps its
 *   compiled code) saved nothing once the engine starts from its memory snapshot, and WebKit sent that fetch to
 *   the network (PERFORMANCE.md, 2026-12-07);
 * - the two wizard pages and the theme's CSS and script they load (PAGE_FILES), revalidated with the server
 *   at install. A page is cached only if it loads this version's assets.
 * Everything else (guide pages, search, images) is not handled: straight to the network.
 *
 * The copy heals itself: a file missing from the cache is fetched and stored again when it is asked for, and
 * on every visit to a wizard page every missing file is fetched again (when the network answers). A request
 * with the header x-wizard-repair (web/worker.js, for a copy whose sha256 is not the manifest's) goes to the
 * network, and its answer replaces the cached copy when its sha256 is the manifest's. A file that cannot be
 * had (offline, and not in the cache) is a network error for the page (Response.error()), never an uncaught
 * rejection here.
 *
 * Updates: any change to the assets, to either wizard page or to a file it loads changes VERSION or
 * REVISION, so this script's bytes. The browser compares the script after each navigation to a wizard page
 * (its own update check; in the benchmark's runs it came after the first answer); a changed script installs beside
 * the running one, precaches the new set, takes over and deletes the older caches. The open page keeps the
 * files it has; the next visit gets the new set. A page never mixes versions: each cache holds one set.
 */
"use strict";

const VERSION = "__VERSION__";
const FILES = ["__FILES__"]; // relative to the wizard-assets/ folder
const PAGE_FILES = ["__PAGE_FILES__"]; // relative to the site root
const REVISION = "__REVISION__";
const ROOT = new URL("./", self.location.href).href;
const ASSETS = ROOT + "wizard-assets/";
const PAGES = [ROOT + "wizard/", ROOT + "en/wizard/"];
const CACHE = "wizard-" + VERSION + "-" + REVISION;
const SNAPSHOT_CACHE = "wizard-snapshot-" + VERSION; // written by the engine's worker (web/worker.js)
const CACHED = new Set([...FILES.map((file) => ASSETS + file), ...PAGE_FILES.map((file) => ROOT + file)]);

function isThisVersion(html) {
  return html.includes("wizard-assets/" + VERSION + "/");
}

async function download(url, cache) {
  const response = await fetch(url, { cache });
  if (!response.ok) throw new Error(url + ": HTTP " + response.status);
  return response;
}

async function precache() {
  const cache = await caches.open(CACHE);
  // A versioned URL never changes meaning: any cache's copy is right, and so is the HTTP cache's (a request
  // for a file the page is still downloading waits for that download).
  await Promise.all(FILES.map((file) => ASSETS + file).map(async (url) => {
    if (await cache.match(url)) return;
    await cache.put(url, (await caches.match(url)) || (await download(url, "force-cache")));
  }));
  await Promise.all(PAGE_FILES.map((file) => ROOT + file).map(async (url) => {
    if (!(await cache.match(url))) await cache.put(url, await download(url, "no-cache"));
  }));
  for (const url of PAGES) {
    const cached = await cache.match(url); // put there by the other scope's worker of this build
    if (cached && isThisVersion(await cached.text())) continue;
    const response = await download(url, "no-cache");
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
    // Also the engine's memory snapshots of other versions (web/worker.js keeps this version's in SNAPSHOT_CACHE).
    await Promise.all(names.filter((name) => name.startsWith("wizard-") && name !== CACHE && name !== SNAPSHOT_CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

async function fromCache(request, url) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(url);
  if (cached) return cached;
  try {
    const response = await fetch(request);
    // heal the copy, without holding the answer back until the copy is written
    if (response.ok && request.mode !== "navigate") cache.put(url, response.clone()).catch(() => {});
    return response;
  } catch (error) {
    const older = await caches.match(url); // the other scope's worker may have replaced this build's cache
    return older || Response.error();
  }
}

// Every file of the copy that is missing from the cache, fetched again (after a visit's own requests).
async function heal() {
  const cache = await caches.open(CACHE);
  const have = new Set((await cache.keys()).map((request) => request.url));
  await Promise.all([...CACHED].filter((url) => !have.has(url)).map(async (url) => {
    try {
      await cache.put(url, await download(url, url.startsWith(ASSETS) ? "force-cache" : "no-cache"));
    } catch (error) { /* offline: tried again on the next visit */ }
  }));
  for (const url of PAGES.filter((page) => !have.has(page))) {
    try {
      const response = await download(url, "no-cache");
      if (isThisVersion(await response.clone().text())) await cache.put(url, response);
    } catch (error) { /* offline: tried again on the next visit */ }
  }
}

const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

// A file of this version from the network, stored in place of the cached copy when its sha256 is the one
// this version's manifest lists.
async function repair(url) {
  try {
    const [response, manifest] = await Promise.all([download(url, "reload"),
      download(ASSETS + VERSION + "/manifest.json", "no-cache").then((r) => r.json())]);
    const wanted = manifest.files[url.slice((ASSETS + VERSION + "/").length)];
    const digest = hex(await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer()));
    if (wanted && digest === wanted.sha256) await (await caches.open(CACHE)).put(url, response.clone());
    return response;
  } catch (error) {
    return Response.error();
  }
}

// Which build this worker is (asked by web/sw-register.js and tests/browser/test_offline.py); and, for a
// worker left waiting after its install's skipWaiting(), the page's request to take over (web/sw-register.js).
self.addEventListener("message", (event) => {
  if (event.data === "version" && event.ports[0]) event.ports[0].postMessage({ version: VERSION, revision: REVISION });
  else if (event.data === "skip-waiting") event.waitUntil(self.skipWaiting());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = request.url.split("#")[0].split("?")[0];
  if (CACHED.has(url) && request.headers.has("x-wizard-repair")) event.respondWith(repair(url));
  else if ((request.mode === "navigate" && PAGES.includes(url)) || CACHED.has(url)) event.respondWith(fromCache(request, url));
  if (request.mode === "navigate" && PAGES.includes(url)) event.waitUntil(heal());
});
