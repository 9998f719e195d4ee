/* Runs the rules engine (the Python package `wizard`) in Pyodide, off the page's main thread.
 *
 * Loaded by engine-client.js as a classic Web Worker from <site>/wizard-assets/app/worker.js. Everything it
 * fetches comes from the site's own /wizard-assets/ folder: the runtime (pyodide/; its python_stdlib.zip
 * holds the engine and its dependencies too). No CDN, no micropip, no wheels.
 *
 * Start-up, in parallel: the page compiles pyodide.asm.wasm on its side (WebAssembly.compileStreaming, so
 * Chrome's WebAssembly code cache applies: in a dedicated worker it does not, and a warm visit would compile
 * the 9 MB module again) and posts the WebAssembly.Module here; meanwhile this worker loads pyodide.asm.js,
 * and the standard library.
 *
 * Memory snapshot (Pyodide's `_loadSnapshot` / `_makeSnapshot` options, pinned version): after a first visit the
 * page starts this script once more, with `makeSnapshot` in its manifest message (web/engine-snapshot.js). That throwaway worker
 * boots, imports the engine, answers nothing, and hands the interpreter's memory to the page, which stores it in
 * Cache Storage ("wizard-snapshot-<version>", one entry; the page, not this worker: WebKitGTK 2.50 drops what a
 * dedicated worker put there once the worker is stopped). On later visits the engine's worker boots from that snapshot
 * instead of starting Python and importing the engine again (PERFORMANCE.md). A snapshot that does not
 * restore, or restores to another rule data, is deleted and the worker boots the usual way in the same visit
 * (one that never finishes restoring is the page's to stop: engine-client.js).
 * The snapshot holds no reader's data: it is made in a worker that never receives a case.
 *
 * python_stdlib.zip (which holds the engine) is checked against the manifest's sha256 before Python starts: a
 * damaged copy in the service worker's cache would otherwise start an engine that fails every case. A damaged
 * copy is asked for once more with the header x-wizard-repair (web/sw.js then fetches it from the network and
 * replaces its copy).
 *
 * Messages in:  {type: "manifest", manifest, makeSnapshot, skipSnapshot, hooks}   (sent once by the page, first;
 *                                                                  hooks: the tests' (engine-client.js))
 *               {type: "wasm", module} | {type: "wasm", error}     the compiled runtime, or why not
 *                                                                  (no message: the worker compiles it)
 *               {id, type: "check",   json}  -> exactly what `python -m wizard check -` prints
 *               {id, type: "explain", json}  -> wizard.explain(case) or the CLI error object
 *               (both through wizard.cli.respond)
 * Messages out: {type: "progress", stage, file, loaded, total}     while loading
 *               {type: "ready", ms, ruleDataVersion, start}        once Python and the engine are in; start:
 *                                                                  "snapshot", "fresh" or "fresh-after-bad-snapshot"
 *               {type: "progress", stage: "snapshot"}              when it starts restoring a snapshot
 *               {type: "snapshot-made", bytes} | {type: "snapshot-failed", reason}   (with makeSnapshot; bytes
 *                                                                  an ArrayBuffer, transferred)
 *               {type: "failed", reason, kind}                     if the runtime cannot load; kind "network"
 *                                                                  (a file could not be fetched), "damaged" or null
 *               {id, ok: true, value} | {id, ok: true, text} (explain: the JSON text) | {id, ok: false, error}
 */
"use strict";

const ASSETS = new URL("../", self.location.href); // .../wizard-assets/<version>/
const started = performance.now();
let makeSnapshot = false; // set by the manifest message (not by a query string: a service worker's answer drops it)
let skipSnapshot = false;
let hooks = {};
// One cache per asset version (the snapshot fits only the runtime files and engine it was made with); web/sw.js
// deletes the other versions' caches when it activates.
const VERSION = ASSETS.pathname.split("/").filter(Boolean).pop();
const SNAPSHOT_CACHE = "wizard-snapshot-" + VERSION;
const STDLIB_URL = new URL("pyodide/python_stdlib.zip", ASSETS).href;
const SNAPSHOT_KEY = new URL("pyodide/memory-snapshot", ASSETS).href;
let manifest = null;
let manifestArrived;
const manifestPromise = new Promise((resolve) => { manifestArrived = resolve; });
const loadedFiles = new Set();

// Python glue: both requests go through wizard.cli.respond, the function behind `python -m wizard check`,
// so the browser gets exactly what the command prints (same decoding, same error objects). The answer
// crosses to JavaScript as "<exit code>\n<JSON text>": one string, parsed once on the page.
const GLUE = `
import json
import wizard
from wizard.cli import respond as _respond

def _answer(data: str, explain: bool) -> str:
    code, payload = _respond(data.encode("utf-8", "surrogatepass"), explain=explain)
    return f"{code}\\n" + json.dumps(payload, ensure_ascii=False)
`;

function post(message) { self.postMessage(message); }

function reportResource(entry) {
  if (!manifest) return;
  markLoaded(entry.name.startsWith(ASSETS.href) ? entry.name.slice(ASSETS.href.length) : null);
}

function markLoaded(rel) {
  if (!rel || !manifest.files[rel] || loadedFiles.has(rel)) return;
  loadedFiles.add(rel);
  const wanted = Object.keys(manifest.files).filter((f) => f.startsWith("pyodide/") && !f.endsWith(".map"));
  const total = wanted.reduce((sum, f) => sum + manifest.files[f].size, 0);
  const loaded = wanted.filter((f) => loadedFiles.has(f)).reduce((sum, f) => sum + manifest.files[f].size, 0);
  post({ type: "progress", stage: "runtime", file: rel.split("/").pop(), loaded, total });
}

if (typeof PerformanceObserver === "function") {
  try {
    new PerformanceObserver((list) => list.getEntries().forEach(reportResource)).observe({ type: "resource", buffered: true });
  } catch (e) { /* progress is a nicety */ }
}

// A runtime file that fails to download made Pyodide 0.25 hang rather than reject: watch the fetches
// (the Response itself is passed through untouched, so streaming compilation still works).
const WASM_URL = new URL("pyodide/pyodide.asm.wasm", ASSETS).href;
const FROM_PAGE = "x-wizard-wasm-from-page";
let wasmFromPage = null; // Promise of the WebAssembly.Module compiled by the page, when it sends one
let wasmArrived;
const originalFetch = self.fetch.bind(self);
// The standard library and the lock file are requested now, beside pyodide.js and pyodide.asm.js, instead of
// when loadPyodide asks for them (after pyodide.js has arrived and run: a round trip later on a phone link),
// and read at once: a body only leaves the browser's pipe as it is read, and loadPyodide reads it only after
// pyodide.asm.js has compiled, so on a repeat visit the 2.9 MB standard library arrived after the .wasm was
// instantiated and held up the interpreter's start (PERFORMANCE.md).
const early = new Map(["pyodide/python_stdlib.zip", "pyodide/pyodide-lock.json"].map((file) => {
  const url = new URL(file, ASSETS).href;
  const response = originalFetch(url).then((r) => (!r.ok ? r : r.arrayBuffer().then((body) =>
    new Response(body, { status: r.status, statusText: r.statusText, headers: r.headers }))));
  response.catch(() => {}); // reported when loadPyodide takes it (below)
  return [url, response];
}));

class LoadError extends Error {
  constructor(message, kind) { super(message); this.kind = kind; }
}
const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
const digestOf = async (response) => hex(await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer()));
// python_stdlib.zip as the manifest lists it, once more from the network (x-wizard-repair) when the copy at hand
// differs; rejects with a LoadError when no good copy can be had. Runs before loadPyodide, which only logs a
// standard library that fails to load.
async function checkedStdlib(first) {
  await manifestPromise;
  const wanted = manifest.files["pyodide/python_stdlib.zip"];
  const fetched = (response) => response.then((r) => {
    if (!r.ok) throw new LoadError(`python_stdlib.zip: HTTP ${r.status}`, "network");
    return r;
  }, (error) => { throw new LoadError(`python_stdlib.zip: ${error.message || error}`, "network"); });
  let response = await fetched(first);
  if (!wanted || typeof crypto !== "object" || !crypto.subtle || (await digestOf(response)) === wanted.sha256) return response;
  response = await fetched(originalFetch(STDLIB_URL, { headers: { "x-wizard-repair": "1" } }));
  if ((await digestOf(response)) !== wanted.sha256) throw new LoadError("python_stdlib.zip: damaged copy", "damaged");
  return response;
}
self.fetch = (input, init) => {
  const url = String(input && input.url || input);
  if (url === WASM_URL && wasmFromPage) {
    // Pyodide fetches the .wasm itself before instantiating it: the page has it already (see below).
    return Promise.resolve(new Response(null, { status: 200, headers: { [FROM_PAGE]: "1" } }));
  }
  const result = early.get(url) || originalFetch(input, init);
  early.delete(url);
  if (url.startsWith(ASSETS.href)) {
    result.then((response) => {
      if (!response.ok) post({ type: "failed", reason: `${url.split("/").pop()}: HTTP ${response.status}`, kind: "network" });
    }, (error) => post({ type: "failed", reason: `${url.split("/").pop()}: ${error.message || error}`, kind: "network" }));
  }
  return result;
};
// Pyodide (0.25 and 0.26.4) instantiates with WebAssembly.instantiateStreaming(fetch(<indexURL>pyodide.asm.wasm), imports)
// and only logs a failure (then waits for ever): use the page's module for that one response, report failures.
// A failure here ends the current boot attempt (bootAttempt below) instead of the wait.
const originalInstantiateStreaming = WebAssembly.instantiateStreaming && WebAssembly.instantiateStreaming.bind(WebAssembly);
let instantiateFailed = () => {};
if (typeof WebAssembly === "object") {
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const response = await source;
    try {
      if (response && response.headers && response.headers.get(FROM_PAGE)) {
        const module = await wasmFromPage;
        return { module, instance: await WebAssembly.instantiate(module, imports) };
      }
      return await originalInstantiateStreaming(response, imports);
    } catch (error) {
      instantiateFailed(new Error(`pyodide.asm.wasm: ${error && error.message || error}`));
      throw error;
    }
  };
}

// The snapshot saved by an earlier visit (an ArrayBuffer), or null; read from the start, beside the downloads.
async function readSnapshot() {
  try {
    if (typeof caches === "undefined" || !(await caches.has(SNAPSHOT_CACHE))) return null;
    const response = await (await caches.open(SNAPSHOT_CACHE)).match(SNAPSHOT_KEY);
    return response ? await response.arrayBuffer() : null;
  } catch (error) {
    return null; // no Cache Storage here (some in-app browsers, private modes): boot the usual way
  }
}
const savedSnapshot = readSnapshot();

// One loadPyodide; rejects when the .wasm cannot be instantiated (Pyodide itself would wait for ever).
function bootAttempt(extraOptions) {
  return new Promise((resolve, reject) => {
    instantiateFailed = reject;
    loadPyodide({ indexURL: new URL("pyodide/", ASSETS).href, stdout: () => {}, stderr: () => {}, ...extraOptions })
      .then(resolve, reject);
  });
}

// Python's part of a snapshot: what the engine holds open goes first (wizard.datafiles.release_open_files),
// and the snapshot is refused while any file is still open: it would be a dead descriptor after the restore.
const BEFORE_SNAPSHOT = `
import gc, os, wizard.datafiles
wizard.datafiles.release_open_files()
gc.collect()
def _open_files():
    found = []
    for fd in range(3, 256):
        try:
            os.fstat(fd)
            found.append(fd)
        except OSError:
            pass
    return found
_still_open = _open_files()
del _open_files
_still_open
`;

function snapshotBytes(py) {
  const stillOpen = py.runPython(BEFORE_SNAPSHOT).toJs();
  if (stillOpen.length) throw new Error(`files still open: ${stillOpen.join(", ")}`);
  py.runPython("del _still_open");
  return py.makeMemorySnapshot(); // a Uint8Array over a buffer of its own (Pyodide 0.26.4): transferable
}

function dropSnapshot() {
  try { caches.delete(SNAPSHOT_CACHE).catch(() => {}); } catch (error) { /* no Cache Storage */ }
}

let answer = null;
const ready = (async () => {
  if (typeof WebAssembly !== "object") throw new Error("no-webassembly");
  // pyodide.asm.js (1.1 MB) as a module import, started first: it downloads and compiles while
  // pyodide.js loads. A module import, not importScripts: Chromium keeps a code cache for a worker's module
  // script from its third load out of one stored response, and none for importScripts (PERFORMANCE.md).
  // loadPyodide loads it with importScripts itself if this did not work.
  const glue = import(new URL("pyodide/pyodide.asm.js", ASSETS).href).catch(() => null);
  importScripts(new URL("pyodide/pyodide.js", ASSETS).href);
  const stdlib = checkedStdlib(early.get(STDLIB_URL));
  stdlib.catch(() => {});
  early.set(STDLIB_URL, stdlib); // what loadPyodide's fetch gets
  // the manifest is posted by the page right after creating this worker (with the wasm decision)
  await Promise.all([manifestPromise, glue, stdlib]);
  const snapshot = makeSnapshot || skipSnapshot ? null : await savedSnapshot;
  let py = null;
  let start = "fresh";
  if (snapshot) {
    try {
      post({ type: "progress", stage: "snapshot", file: "", loaded: 0, total: 0 });
      py = await (hooks.restore === "hang" ? new Promise(() => {}) : bootAttempt({ _loadSnapshot: snapshot }));
      py.runPython(GLUE); // the engine is in the snapshot already: this only binds the glue's names
      const restored = py.runPython("wizard.RULE_DATA_VERSION");
      if (restored !== manifest.rule_data_version) throw new Error(`snapshot of rule data ${restored}`);
      start = "snapshot";
    } catch (error) {
      py = null;
      start = "fresh-after-bad-snapshot";
      dropSnapshot();
    }
  }
  if (!py) py = await bootAttempt(makeSnapshot ? { _makeSnapshot: true } : {});
  const booted = performance.now();
  post({ type: "progress", stage: "engine", file: "", loaded: 0, total: 0 });
  py.runPython(GLUE);
  const version = py.runPython("wizard.RULE_DATA_VERSION");
  answer = py.globals.get("_answer");
  const now = performance.now();
  if (makeSnapshot) {
    try {
      const bytes = snapshotBytes(py);
      self.postMessage({ type: "snapshot-made", bytes: bytes.buffer }, [bytes.buffer]);
    } catch (error) {
      post({ type: "snapshot-failed", reason: String(error && error.message || error) });
    }
    return py;
  }
  post({ type: "ready", ms: now - started, ruleDataVersion: version, start,
         phases: { runtime: booted - started, import: now - booted } });
  return py;
})();
ready.catch((error) => post({ type: "failed", reason: String(error && error.message || error), kind: error && error.kind || null }));

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "manifest") {
    manifest = message.manifest;
    makeSnapshot = !!message.makeSnapshot;
    skipSnapshot = !!message.skipSnapshot;
    hooks = message.hooks || {};
    if (message.wasmFromPage) {
      wasmFromPage = new Promise((resolve, reject) => { wasmArrived = { resolve, reject }; });
      wasmFromPage.catch(() => {}); // the page reports its own compile failure
    }
    manifestArrived();
    performance.getEntriesByType("resource").forEach(reportResource);
    return;
  }
  if (message.type === "wasm") {
    if (!wasmArrived) return;
    if (message.module) {
      wasmArrived.resolve(message.module);
      markLoaded("pyodide/pyodide.asm.wasm");
    }
    else wasmArrived.reject(new Error(message.error)); // the page has failed already
    return;
  }
  const { id, type, json } = message;
  try {
    await ready;
  } catch (error) {
    post({ id, ok: false, error: { error: "runtime_unavailable", detail: String(error) } });
    return;
  }
  try {
    if (type !== "check" && type !== "explain") {
      post({ id, ok: false, error: { error: "unknown_request", detail: type } });
      return;
    }
    const text = answer(json, type === "explain");
    const body = text.slice(text.indexOf("\n") + 1);
    // check: the parsed report (the public API's value); explain: the JSON text, parsed by the page
    if (!text.startsWith("0\n")) post({ id, ok: false, error: JSON.parse(body) });
    else if (type === "check") post({ id, ok: true, value: JSON.parse(body) });
    else post({ id, ok: true, text: body });
  } catch (error) {
    post({ id, ok: false, error: { error: "internal_error", detail: String(error) } });
  }
};
