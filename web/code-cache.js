// After a first visit, makes the browser keep the compiled code of pyodide.asm.js for the next visit.
//
// pyodide.asm.js (1.1 MB of JavaScript) is compiled in the engine's Web Worker on every visit. Chromium keeps
// a code cache for a worker's module script only from that script's third load out of the same stored
// response: the first load notes the time, the second makes the cache, the third and later use it. From the
// second visit on, the response is the service worker's copy, so without help the reader's visits 2 and 3
// compile it from source (113–125 ms against 43–72 ms with the cache on this project's desktop; more on a phone) and only
// visit 4 uses the cache (README, Performance).
//
// So once per asset version, after the engine is ready and the page is idle, and only when the page is under
// the service worker of this very version (whose cache holds this version's files), two throwaway workers
// (code-cache-worker.js) load pyodide.asm.js the way the engine's worker does and stop. Nothing is
// downloaded: the service worker answers both from its cache. The version is then remembered in
// localStorage; without localStorage nothing is done.
export const STORAGE_KEY = "wizard-code-cache";
export const LOADS = 2; // a time stamp, then the cache: the next load is the first that uses it

// version: this page's asset version. controllerBuild(): Promise of {version} of the service worker that
// controls the page, or null. load(): Promise of {ok} of one throwaway load. storage: localStorage or null.
// Resolves with what happened: "warmed", "already-warm", "no-storage", "other-build" or "failed".
export async function warmCodeCache({ version, controllerBuild, load, storage, loads = LOADS }) {
  let warmFor;
  try {
    if (!storage) return "no-storage";
    warmFor = storage.getItem(STORAGE_KEY);
  } catch (e) {
    return "no-storage"; // storage blocked (some in-app browsers, private modes)
  }
  if (warmFor === version) return "already-warm";
  const build = await controllerBuild();
  if (!build || build.version !== version) return "other-build"; // its cache has another version's files
  for (let i = 0; i < loads; i += 1) {
    const result = await load();
    if (!result || !result.ok) return "failed"; // tried again on the next visit
  }
  try { storage.setItem(STORAGE_KEY, version); } catch (e) { return "failed"; }
  return "warmed";
}

// The browser side of warmCodeCache's arguments.

// The service worker controlling the page, once there is one (a first visit: when the new worker takes the
// page over), or null after `wait` ms.
export function controller(container, wait = 30000) {
  if (!container) return Promise.resolve(null);
  if (container.controller) return Promise.resolve(container.controller);
  return new Promise((resolve) => {
    container.addEventListener("controllerchange", () => resolve(container.controller), { once: true });
    setTimeout(() => resolve(container.controller || null), wait);
  });
}

// One throwaway load: a worker that imports pyodide.asm.js and reports; stopped when it has, or after `wait` ms.
export function loadInWorker(url, wait = 30000) {
  return new Promise((resolve) => {
    let worker;
    let timer = null;
    const done = (result) => { clearTimeout(timer); if (worker) worker.terminate(); resolve(result); };
    try { worker = new Worker(url); } catch (e) { resolve({ ok: false, error: String(e) }); return; }
    worker.onmessage = (event) => done(event.data);
    worker.onerror = (event) => { event.preventDefault(); done({ ok: false, error: event.message }); };
    timer = setTimeout(() => done({ ok: false, error: "timeout" }), wait);
  });
}

// When the page has nothing else to do (requestIdleCallback; a second's wait where there is none).
export function idle() {
  return new Promise((resolve) => (typeof requestIdleCallback === "function"
    ? requestIdleCallback(() => resolve(), { timeout: 5000 }) : setTimeout(resolve, 1000)));
}
