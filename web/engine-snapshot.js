// After a visit that started the engine the usual way, saves a memory snapshot of it for the next visits.
//
// Starting Python and importing the engine is most of a repeat visit's wait: a worker booted from a snapshot
// of the interpreter's memory, taken once the engine was imported, skips both (web/worker.js; README,
// Performance). The snapshot is made on the reader's device, not downloaded: shipped from the server it would
// add 2.6 MB (brotli) to every first visit.
//
// So once the page is idle (after the code-cache warm-up), and only under the service worker of this very
// version (every file then comes from its cache: nothing is downloaded), a throwaway engine worker
// (worker.js told to make one) boots, imports the engine, saves the snapshot in Cache Storage and is stopped. It
// never receives a case, so the snapshot holds none of the reader's answers. A snapshot that failed to restore
// is not made again for that version (localStorage remembers it), so a browser that cannot use one pays for
// the attempt once, not on every visit.
export const FAILED_KEY = "wizard-engine-snapshot-failed";

// started: how this visit's engine started (the ready message's `start`: "snapshot", "fresh" or
// "fresh-after-bad-snapshot"). controllerBuild(): Promise of {version} of the service worker controlling the
// page, or null. make(): Promise of {ok, bytes | error} of one throwaway snapshot worker. storage: localStorage or
// null. hasCacheStorage: whether the page has `caches`.
// Resolves with what happened: "used", "saved", "no-storage", "other-build", "failed-before" or "failed".
export async function saveEngineSnapshot({ version, started, controllerBuild, make, storage, hasCacheStorage }) {
  if (started === "snapshot") return "used";
  if (!storage || !hasCacheStorage) return "no-storage";
  try {
    if (started === "fresh-after-bad-snapshot") {
      storage.setItem(FAILED_KEY, version);
      return "failed-before";
    }
    if (storage.getItem(FAILED_KEY) === version) return "failed-before";
  } catch (e) {
    return "no-storage"; // storage blocked (some in-app browsers, private modes)
  }
  const build = await controllerBuild();
  if (!build || build.version !== version) return "other-build"; // its files would come from the network
  const result = await make();
  return result && result.ok ? "saved" : "failed"; // tried again on the next visit
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
    maker.on("snapshot", (m) => done(m.type === "snapshot-saved" ? { ok: true, bytes: m.bytes } : { ok: false, error: m.reason }));
    maker.on("failed", (reason) => done({ ok: false, error: reason }));
  });
}
