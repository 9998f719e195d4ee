// After a visit that started the engine the usual way, saves a memory snapshot of it for the next visits.
//
// Starting Python and importing the engine is most of a repeat visit's wait: a worker booted from a snapshot
// of the interpreter's memory, taken once the engine was imported, skips both (web/worker.js; README,
// Performance). The snapshot is made on the reader's device, not downloaded: shipped from the server it would
// add 2.6 MB (brotli) to every first visit.
//
// So once the page is idle, and only under the service worker of this very
// version (every file then comes from its cache: nothing is downloaded), a throwaway engine worker
// (worker.js told to make one) boots, imports the engine, hands the snapshot over and is stopped; the page
// stores it in Cache Storage and reads it back: "saved" means it is there. The page, not the worker, stores it:
// in WebKitGTK 2.50.6 an entry a dedicated worker put in Cache Storage is visible while that worker runs and gone
// once it is stopped (PERFORMANCE.md). The worker never receives a case, so the snapshot holds none of the
// reader's answers. Whatever goes wrong is remembered for the version in localStorage (a snapshot that failed to
// restore, one that could not be made, one the storage did not keep: full, or refused), so a browser that cannot
// use one pays for the attempt once, not on every visit.
export const FAILED_KEY = "wizard-engine-snapshot-failed";
export const SNAPSHOT_PATH = "pyodide/memory-snapshot"; // in the asset version's folder: the cache key (worker.js)

// What localStorage remembers for `version`, or null. An older page stored the version alone (a failed restore).
function remembered(value, version) {
  if (value === version) return "failed-before";
  try {
    const entry = JSON.parse(value);
    return entry && entry.version === version && typeof entry.outcome === "string" ? entry.outcome : null;
  } catch (e) {
    return null;
  }
}

// started: how this visit's engine started (the ready message's `start`: "snapshot", "fresh" or
// "fresh-after-bad-snapshot"). controllerBuild(): Promise of {version} of the service worker controlling the
// page, or null. make(): Promise of {ok, bytes | error} of one throwaway snapshot worker. keep(bytes): Promise
// of "saved", "not-kept" or "other-build" (keepInCache). storage: localStorage or null. hasCacheStorage: whether
// the page has `caches`.
// Resolves with what happened: "used", "saved", "no-storage", "other-build", "failed-before" (a snapshot did
// not restore), "failed" (none could be made) or "not-kept" (the storage did not keep it); the last three are
// remembered for the version and said again on its later visits.
export async function saveEngineSnapshot({ version, started, controllerBuild, make, keep, storage, hasCacheStorage }) {
  if (started === "snapshot") return "used";
  if (!storage || !hasCacheStorage) return "no-storage";
  const remember = (outcome) => {
    try { storage.setItem(FAILED_KEY, JSON.stringify({ version, outcome })); } catch (e) { /* said, not kept */ }
    return outcome;
  };
  try {
    if (started === "fresh-after-bad-snapshot") return remember("failed-before");
    const before = remembered(storage.getItem(FAILED_KEY), version);
    if (before) return before;
  } catch (e) {
    return "no-storage"; // storage blocked (some in-app browsers, private modes)
  }
  const build = await controllerBuild();
  if (!build || build.version !== version) return "other-build"; // its files would come from the network
  const made = await make();
  if (!made || !made.ok) return remember("failed");
  const kept = await keep(made.bytes);
  return kept === "not-kept" ? remember(kept) : kept;
}

// keep() for saveEngineSnapshot: stores the snapshot (an ArrayBuffer) in `wizard-snapshot-<version>` under `key`
// and reads it back. "other-build" when a newer build's service worker took over meanwhile (and deleted this
// version's caches: a snapshot stored now would only take room); "not-kept" when the put fails (a full storage:
// QuotaExceededError) or what is read back is not all of it, and then the cache is deleted.
export async function keepInCache({ caches, version, key, bytes }) {
  const name = `wizard-snapshot-${version}`;
  try {
    if (!(await caches.keys()).some((other) => other.startsWith(`wizard-${version}-`))) return "other-build";
    const cache = await caches.open(name);
    await cache.put(key, new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
    const back = await cache.match(key);
    if (back && (await back.blob()).size === bytes.byteLength) return "saved";
  } catch (error) { /* not kept */ }
  try { await caches.delete(name); } catch (error) { /* nothing to delete */ }
  return "not-kept";
}

// make() for saveEngineSnapshot: one throwaway engine worker started by startEngine (engine-client.js) with
// `snapshot: "make"`; stopped once it reports, or after `wait` ms.
export function makeInWorker(startEngine, options, wait = 60000) {
  return new Promise((resolve) => {
    const maker = startEngine({ ...options, snapshot: "make" });
    const timer = setTimeout(() => done({ ok: false, error: "timeout" }), wait);
    function done(result) {
      clearTimeout(timer);
      maker.terminate();
      resolve(result);
    }
    maker.on("snapshot", (m) => done(m.type === "snapshot-made" ? { ok: true, bytes: m.bytes } : { ok: false, error: m.reason }));
    maker.on("failed", (reason) => done({ ok: false, error: reason }));
  });
}

// When the page has nothing else to do (requestIdleCallback; a second's wait where there is none).
export function idle() {
  return new Promise((resolve) => (typeof requestIdleCallback === "function"
    ? requestIdleCallback(() => resolve(), { timeout: 5000 }) : setTimeout(resolve, 1000)));
}
