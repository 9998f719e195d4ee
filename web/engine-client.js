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
// made before then wait in a queue. `snapshot: "make"`: a
// throwaway worker that makes the engine's memory snapshot and hands it over ("snapshot" listeners) instead of
// answering (engine-snapshot.js).
//
// A worker restoring a snapshot that has not become ready `restoreTimeout` ms after it began (a restore that
// hangs instead of throwing would hang every later visit) is stopped, the snapshot deleted, and a new worker
// started the usual way; its ready info says start "fresh-after-bad-snapshot". `hooks`: the tests' way to make
// the worker misbehave (window.wizardTestHooks; web/worker.js); `hooks.restoreTimeout` shortens the wait.
export const RESTORE_TIMEOUT = 15000;

export function startEngine({ assets, app, manifest, after = Promise.resolve(), snapshot = null,
  hooks = {} }) {
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
  let restoreTimer = null;
  let restarted = false; // after a snapshot restore that did not finish
  const queued = []; // requests made before the worker exists
  after.then(boot, boot);

  function newWorker() {
    try { worker = new Worker(new URL("worker.js", app)); } catch (e) { bootError = String(e); }
  }

  function boot() {
    if (!bootError) newWorker();
    // A snapshot worker compiles the .wasm itself: it is background work, kept off the page's main thread
    // (where the end of a compile without a code cache is a long task; README, Performance).
    if (worker && snapshot !== "make" && typeof WebAssembly.compileStreaming === "function") {
      const wasmUrl = new URL("pyodide/pyodide.asm.wasm", assets).href;
      const download = () => fetch(wasmUrl).then((r) => {
        if (!r.ok) throw Object.assign(new Error(`pyodide.asm.wasm: HTTP ${r.status}`), { kind: "network" });
        return r;
      });
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
  function fail(reason, kind = null) {
    if (failed) return; // the page and the worker may both report the same failure
    failed = true;
    bootError = reason;
    clearTimeout(restoreTimer);
    rejectReady({ error: "runtime_unavailable", detail: reason });
    pending.forEach(({ reject }) => reject({ error: "runtime_unavailable", detail: reason }));
    pending.clear();
    listeners.failed.forEach((f) => f(reason, kind));
  }

  function restartWithoutSnapshot() {
    restarted = true;
    worker.terminate();
    manifest.then((data) => caches.delete(`wizard-snapshot-${data.version}`)).catch(() => {});
    newWorker();
    if (!worker) { fail(bootError); return; }
    listen();
    pending.forEach(({ message }) => worker.postMessage(message)); // sent to the stopped worker
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
    const current = worker;
    manifest.then((data) => {
      current.postMessage({ type: "manifest", manifest: data, wasmFromPage: !!compiled, makeSnapshot: snapshot === "make",
        skipSnapshot: restarted, hooks });
      if (compiled) {
        compiled.then((module) => current.postMessage({ type: "wasm", module }), (error) => {
          const reason = String(error && error.message || error);
          current.postMessage({ type: "wasm", error: reason });
          // a TypeError: the fetch itself failed (offline, and no copy of the file at hand)
          fail(/pyodide\.asm\.wasm/.test(reason) ? reason : `pyodide.asm.wasm: ${reason}`,
            error && (error.kind || (error instanceof TypeError ? "network" : null)));
        });
      }
    }, (e) => fail(String(e)));
    current.onmessage = (event) => {
      if (current !== worker) return; // a worker stopped by restartWithoutSnapshot
      const m = event.data;
      if (m.id) { settle(m); return; }
      if (m.type === "progress") {
        lastProgress = performance.now();
        if (m.stage === "snapshot") { // counted from when the worker has the compiled .wasm too
          Promise.resolve(compiled).then(() => {
            if (!isReady && current === worker) restoreTimer = setTimeout(restartWithoutSnapshot, hooks.restoreTimeout || RESTORE_TIMEOUT);
          }, () => {});
          return;
        }
        listeners.progress.forEach((f) => f(m));
      }
      if (m.type === "ready") {
        clearTimeout(restoreTimer);
        isReady = true;
        performance.mark("wizard-engine-ready");
        const info = { ms: performance.now() - t0, workerMs: m.ms, phases: m.phases, ruleDataVersion: m.ruleDataVersion,
          start: restarted ? "fresh-after-bad-snapshot" : m.start };
        resolveReady(info);
        listeners.ready.forEach((f) => f(info));
      }
      if (m.type === "failed") fail(m.reason, m.kind || null);
      if (m.type === "snapshot-made" || m.type === "snapshot-failed") listeners.snapshot.forEach((f) => f(m));
    };
    current.onerror = (event) => { event.preventDefault(); if (current === worker) fail(event.message || "worker error"); };
  }

  function request(type, caseObject) {
    if (failed) return Promise.reject({ error: "runtime_unavailable", detail: bootError });
    return new Promise((resolve, reject) => {
      const id = nextId++;
      const message = { id, type, json: caseText(caseObject) };
      pending.set(id, { resolve, reject, message });
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

// The JSON text of a request's case, written so that the engine reads what `python -m wizard check` would
// read from the same value and answers what the command answers. JSON.stringify would not: it turns NaN and
// ±Infinity into null (an open-ended contract, or today's date, instead of an error) and throws on a BigInt
// or a cycle. Here, as JSON.stringify does otherwise (toJSON, wrapper objects, undefined left out):
// NaN, Infinity and -Infinity are written as Python's json module reads them (the engine then names the
// field, as it does on the command line); a BigInt as its digits; an integer past 2^53 (below 1e21, where
// JavaScript writes digits) as the exact digits of the number the page holds, not JavaScript's rounded ones,
// which are another number to Python. A cycle, a getter or proxy that throws, or nesting too deep for this
// page's stack gives NOT_JSON, so the answer is the command's error for text that is not JSON; a case
// longer than the engine reads (wizard.cli.MAX_INPUT_BYTES) stops being written there and gets its error.
export const NOT_JSON = "not JSON: the case has a cycle or a value that cannot be read";
export const TEXT_LIMIT = 1024 * 1024; // wizard.cli.MAX_INPUT_BYTES, counted in UTF-16 units (never more than bytes)
const TOO_LONG = Symbol("too long");

export function caseText(value) {
  let written = 0;
  const open = new Set(); // the objects being written: one met again inside itself is a cycle
  const leaf = (text) => {
    written += text.length;
    if (written > TEXT_LIMIT) throw TOO_LONG;
    return text;
  };
  function write(holder, key) {
    let v = holder[key];
    if ((typeof v === "object" && v !== null) || typeof v === "bigint") {
      const toJSON = v.toJSON;
      if (typeof toJSON === "function") v = toJSON.call(v, key);
    }
    if (v instanceof Number) v = Number(v);
    else if (v instanceof String) v = String(v);
    else if (v instanceof Boolean || v instanceof BigInt) v = v.valueOf();
    if (v === null) return leaf("null");
    switch (typeof v) {
      case "boolean": return leaf(String(v));
      case "string": return leaf(JSON.stringify(v));
      case "number": return leaf(numberText(v));
      case "bigint": return leaf(v.toString());
      case "object": break;
      default: return undefined; // undefined, a function, a symbol
    }
    if (open.has(v)) throw new TypeError("cycle");
    open.add(v);
    let text;
    if (Array.isArray(v)) {
      const items = [];
      for (let i = 0; i < v.length; i++) items.push(write(v, i) ?? leaf("null"));
      text = "[" + items.join(",") + "]";
    } else {
      const members = [];
      for (const k of Object.keys(v)) {
        const item = write(v, k);
        if (item !== undefined) members.push(leaf(JSON.stringify(k)) + ":" + item);
      }
      text = "{" + members.join(",") + "}";
    }
    open.delete(v);
    return text;
  }
  try {
    return write({ "": value }, "") ?? "null";
  } catch (error) {
    return error === TOO_LONG ? " ".repeat(TEXT_LIMIT + 1) : NOT_JSON;
  }
}

function numberText(n) {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity || n === -Infinity) return n > 0 ? "Infinity" : "-Infinity";
  if (Number.isInteger(n) && !Number.isSafeInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return JSON.stringify(n);
}
