// When the page saves the engine's memory snapshot (web/engine-snapshot.js): once the engine started the usual
// way, under the service worker of its own version, and never again for a version whose snapshot failed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FAILED_KEY, makeInWorker, saveEngineSnapshot } from "../../web/engine-snapshot.js";

function memoryStorage(initial = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key) => (items.has(key) ? items.get(key) : null), setItem: (key, value) => items.set(key, value), items };
}

function maker(result = { ok: true, bytes: 21 }) {
  const calls = [];
  return { make: async () => { calls.push(1); return result; }, calls };
}

const underBuild = (version) => async () => ({ version, revision: "r1" });
const defaults = (overrides) => ({ version: "v1", started: "fresh", controllerBuild: underBuild("v1"),
  storage: memoryStorage(), hasCacheStorage: true, ...overrides });

test("an engine that started the usual way under its own version's service worker gets a snapshot made", async () => {
  const { make, calls } = maker();
  assert.equal(await saveEngineSnapshot(defaults({ make })), "saved");
  assert.equal(calls.length, 1);
});

test("an engine that started from a snapshot makes none, and the service worker is not even asked", async () => {
  const { make, calls } = maker();
  let asked = false;
  const outcome = await saveEngineSnapshot(defaults({ started: "snapshot", make,
    controllerBuild: async () => { asked = true; return { version: "v1" }; } }));
  assert.deepEqual([outcome, calls.length, asked], ["used", 0, false]);
});

test("a snapshot that failed to restore is remembered for its version, and none is made for it again", async () => {
  const storage = memoryStorage();
  const { make, calls } = maker();
  assert.equal(await saveEngineSnapshot(defaults({ started: "fresh-after-bad-snapshot", make, storage })), "failed-before");
  assert.equal(storage.items.get(FAILED_KEY), "v1");
  assert.equal(await saveEngineSnapshot(defaults({ make, storage })), "failed-before");
  assert.equal(calls.length, 0);
});

test("a failure remembered for an older version does not stop a new version's snapshot", async () => {
  const { make, calls } = maker();
  const outcome = await saveEngineSnapshot(defaults({ make, storage: memoryStorage({ [FAILED_KEY]: "v0" }) }));
  assert.deepEqual([outcome, calls.length], ["saved", 1]);
});

test("under another build's service worker, or none, nothing is made (its files would come from the network)", async () => {
  for (const controllerBuild of [underBuild("v2"), async () => null]) {
    const { make, calls } = maker();
    assert.equal(await saveEngineSnapshot(defaults({ controllerBuild, make })), "other-build");
    assert.equal(calls.length, 0);
  }
});

test("without localStorage or Cache Storage nothing is made", async () => {
  const blocked = { getItem: () => { throw new Error("SecurityError"); }, setItem: () => { throw new Error("SecurityError"); } };
  for (const overrides of [{ storage: null }, { hasCacheStorage: false }, { storage: blocked }]) {
    const { make, calls } = maker();
    assert.equal(await saveEngineSnapshot(defaults({ ...overrides, make })), "no-storage");
    assert.equal(calls.length, 0);
  }
});

test("a snapshot worker that fails is not remembered, so the next visit tries again", async () => {
  const storage = memoryStorage();
  const { make } = maker({ ok: false, error: "files still open: 3" });
  assert.equal(await saveEngineSnapshot(defaults({ make, storage })), "failed");
  assert.equal(storage.items.has(FAILED_KEY), false);
});

// A fake startEngine: records its options, lets the test send the worker's report, counts terminate().
function fakeEngine() {
  const listeners = { snapshot: [], failed: [] };
  const engine = { options: null, terminated: 0, on: (event, f) => listeners[event].push(f), terminate: () => { engine.terminated += 1; } };
  const start = (options) => { engine.options = options; return engine; };
  return { engine, start, emit: (event, value) => listeners[event].forEach((f) => f(value)) };
}

test("the snapshot worker is an engine worker told to make one, stopped once it has reported", async () => {
  const { engine, start, emit } = fakeEngine();
  const result = makeInWorker(start, { assets: "a/", app: "a/app/" });
  assert.equal(engine.options.snapshot, "make");
  emit("snapshot", { type: "snapshot-saved", bytes: 42 });
  assert.deepEqual(await result, { ok: true, bytes: 42 });
  assert.equal(engine.terminated, 1);
});

test("a snapshot worker that reports a failure, or whose runtime fails, is stopped with the reason", async () => {
  for (const [event, value, error] of [["snapshot", { type: "snapshot-failed", reason: "version replaced" }, "version replaced"],
    ["failed", "pyodide.asm.wasm: HTTP 404", "pyodide.asm.wasm: HTTP 404"]]) {
    const { engine, start, emit } = fakeEngine();
    const result = makeInWorker(start, {});
    emit(event, value);
    assert.deepEqual(await result, { ok: false, error });
    assert.equal(engine.terminated, 1);
  }
});

test("a snapshot worker that never reports is stopped after the wait", async () => {
  const { engine, start } = fakeEngine();
  assert.deepEqual(await makeInWorker(start, {}, 5), { ok: false, error: "timeout" });
  assert.equal(engine.terminated, 1);
});
