// The engine's side of the page: starts the Web Worker (worker.js, Pyodide and the `wizard` wheel),
// compiles pyodide.asm.wasm here and hands the module over, and turns requests into promises.
//
// The page compiles the .wasm itself because a dedicated worker gets no WebAssembly code cache: compiled
// here, Chrome keeps the compiled code with the HTTP cache entry, and compileStreaming compiles while the
// file downloads. Every request settles: with the engine's answer, or with an error object
// ({"error": "runtime_unavailable" | "internal_error", "detail"}) when the runtime fails or a reply cannot
// be read.
//
// `after` (a Promise) delays the start: the worker and the .wasm compile begin when it settles. Requests
// made before then wait in a queue. `earlyWasm`: a Promise of the .wasm's Response that the page started
// before this module ran (wasm-early.js), compiled instead of a second download. `snapshot: "make"`: a
// throwaway worker that saves the engine's memory snapshot and reports it ("snapshot" listeners) instead of
// answering (engine-snapshot.js).
export function startEngine({ assets, app, manifest, after = Promise.resolve(), earlyWasm = null, snapshot = null }) {
  const listeners = { progress: [], ready: [], failed: [], snapshot: [] };
  const pending = new Map();
  let nextId = 1;
  let bootError = typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function" ? null : "no-webassembly";
  let isReady = false;
  let lastProgress = performance.now();
  let resolveReady, rejectReady;
  const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
  ready.catch(() => {});
  const t0 = performance.now();

  let worker = null;
  let compiled = null;
  const queued = []; // requests made before the worker exists
  after.then(boot, boot);

  function boot() {
    if (!bootError) {
      try { worker = new Worker(new URL("worker.js", app)); } catch (e) { bootError = String(e); }
    }
    // A snapshot worker compiles the .wasm itself: it is background work, kept off the page's main thread
    // (where the end of a compile without a code cache is a long task; README, Performance).
    if (worker && snapshot !== "make" && typeof WebAssembly.compileStreaming === "function") {
      const wasmUrl = new URL("pyodide/pyodide.asm.wasm", assets).href;
      let early = earlyWasm; // the first download only: the fallback below downloads again
      const download = () => {
        const response = early || fetch(wasmUrl);
        early = null;
        return response.then((r) => {
          if (!r.ok) throw new Error(`pyodide.asm.wasm: HTTP ${r.status}`);
          return r;
        });
      };
      compiled = WebAssembly.compileStreaming(download()).catch((error) => {
        // A host that serves .wasm without Content-Type application/wasm: compile from the bytes instead.
        if (!(error instanceof TypeError) || /fetch|HTTP/i.test(String(error.message))) throw error;
        return download().then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes));
      });
      compiled.catch(() => {});
    }

    if (worker) listen(); else fail(bootError);
    queued.splice(0).forEach((message) => worker && worker.postMessage(message));
  }

  let failed = false;
  function fail(reason) {
    if (failed) return; // the page and the worker may both report the same failure
    failed = true;
    bootError = reason;
    rejectReady({ error: "runtime_unavailable", detail: reason });
    pending.forEach(({ reject }) => reject({ error: "runtime_unavailable", detail: reason }));
    pending.clear();
    listeners.failed.forEach((f) => f(reason));
  }

  function settle(m) {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (!m.ok) { p.reject(m.error); return; }
    try {
      p.resolve(m.text !== undefined ? JSON.parse(m.text) : m.value);
    } catch (error) {
      p.reject({ error: "internal_error", detail: `unreadable reply: ${error.message}` });
    }
  }

  function listen() {
    manifest.then((data) => {
      worker.postMessage({ type: "manifest", manifest: data, wasmFromPage: !!compiled, makeSnapshot: snapshot === "make" });
      if (compiled) {
        compiled.then((module) => worker.postMessage({ type: "wasm", module }), (error) => {
          const reason = String(error && error.message || error);
          worker.postMessage({ type: "wasm", error: reason });
          fail(/pyodide\.asm\.wasm/.test(reason) ? reason : `pyodide.asm.wasm: ${reason}`);
        });
      }
    }, (e) => fail(String(e)));
    worker.onmessage = (event) => {
      const m = event.data;
      if (m.id) { settle(m); return; }
      if (m.type === "progress") { lastProgress = performance.now(); listeners.progress.forEach((f) => f(m)); }
      if (m.type === "ready") {
        isReady = true;
        performance.mark("wizard-engine-ready");
        const info = { ms: performance.now() - t0, workerMs: m.ms, phases: m.phases, ruleDataVersion: m.ruleDataVersion, start: m.start };
        resolveReady(info);
        listeners.ready.forEach((f) => f(info));
      }
      if (m.type === "failed") fail(m.reason);
      if (m.type === "snapshot-saved" || m.type === "snapshot-failed") listeners.snapshot.forEach((f) => f(m));
    };
    worker.onerror = (event) => { event.preventDefault(); fail(event.message || "worker error"); };
  }

  function request(type, caseObject) {
    if (failed) return Promise.reject({ error: "runtime_unavailable", detail: bootError });
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const message = { id, type, json: JSON.stringify(caseObject === undefined ? null : caseObject) };
      if (worker) worker.postMessage(message); else queued.push(message);
    });
  }

  return {
    request, ready,
    on: (event, f) => listeners[event].push(f),
    terminate: () => { if (worker) worker.terminate(); },
    isReady: () => isReady,
    bootError: () => bootError,
    sinceProgress: () => performance.now() - lastProgress,
  };
}
