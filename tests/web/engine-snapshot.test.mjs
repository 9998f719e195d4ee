// When the page saves the engine's memory snapshot (web/engine-snapshot.js): once the engine started the usual
// way, under the service worker of its own version, and never again for a version whose snapshot failed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FAILED_KEY, keepInCache, makeInWorker, saveEngineSnapshot } from "../../web/engine-snapshot.js";

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
  keep: async () => "saved", storage: memoryStorage(), hasCacheStorage: true, ...overrides });
const remembered = (storage) => JSON.parse(storage.items.get(FAILED_KEY));

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
  assert.deepEqual(remembered(storage), { version: "v1", outcome: "failed-before" });
  assert.equal(await saveEngineSnapshot(defaults({ make, storage })), "failed-before");
  assert.equal(calls.length, 0);
});

test("a failure remembered for an older version does not stop a new version's snapshot", async () => {
  const { make, calls } = maker();
  for (const value of ["v0", JSON.stringify({ version: "v0", outcome: "not-kept" })]) {
    const outcome = await saveEngineSnapshot(defaults({ make, storage: memoryStorage({ [FAILED_KEY]: value }) }));
    assert.equal(outcome, "saved");
  }
  assert.equal(calls.length, 2);
});

test("a version remembered by an older page (the version alone) counts as a failed restore", async () => {
  const { make, calls } = maker();
  const outcome = await saveEngineSnapshot(defaults({ make, storage: memoryStorage({ [FAILED_KEY]: "v1" }) }));
  assert.deepEqual([outcome, calls.length], ["failed-before", 0]);
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

test("a snapshot worker that fails is remembered, so the next visits make no second engine", async () => {
  const storage = memoryStorage();
  const { make, calls } = maker({ ok: false, error: "files still open: 3" });
  assert.equal(await saveEngineSnapshot(defaults({ make, storage })), "failed");
  assert.deepEqual(remembered(storage), { version: "v1", outcome: "failed" });
  assert.equal(await saveEngineSnapshot(defaults({ make, storage })), "failed");
  assert.equal(calls.length, 1);
});

test("a snapshot the storage did not keep is said, remembered and not made again", async () => {
  const storage = memoryStorage();
  const { make, calls } = maker();
  assert.equal(await saveEngineSnapshot(defaults({ make, storage, keep: async () => "not-kept" })), "not-kept");
  assert.deepEqual(remembered(storage), { version: "v1", outcome: "not-kept" });
  assert.equal(await saveEngineSnapshot(defaults({ make, storage })), "not-kept");
  assert.equal(calls.length, 1);
});

test("a snapshot made while a newer build took over is not stored, and not remembered", async () => {
  const storage = memoryStorage();
  const { make } = maker();
  assert.equal(await saveEngineSnapshot(defaults({ make, storage, keep: async () => "other-build" })), "other-build");
  assert.equal(storage.items.has(FAILED_KEY), false);
});

// A fake Cache Storage: `keeps` false drops what is put (as WebKitGTK did with a worker's puts), `put` may throw.
function fakeCaches({ names = ["wizard-v1-r1"], keeps = true, put = null } = {}) {
  const stores = new Map(names.map((name) => [name, new Map()]));
  return {
    stores,
    keys: async () => [...stores.keys()],
    open: async (name) => {
      if (!stores.has(name)) stores.set(name, new Map());
      const store = stores.get(name);
      return {
        put: async (key, response) => {
          if (put) throw put;
          const bytes = await response.arrayBuffer();
          if (keeps) store.set(key, bytes);
        },
        match: async (key) => (store.has(key) ? new Response(store.get(key)) : undefined),
      };
    },
    delete: async (name) => stores.delete(name),
  };
}

test("the page stores the snapshot and says saved only once it reads all of it back", async () => {
  const caches = fakeCaches();
  const bytes = new Uint8Array(1000).fill(7).buffer;
  assert.equal(await keepInCache({ caches, version: "v1", key: "k", bytes }), "saved");
  assert.equal(caches.stores.get("wizard-snapshot-v1").get("k").byteLength, 1000);
});

test("a put that is not kept, or that fails with QuotaExceededError, is not-kept and leaves no cache behind", async () => {
  const quota = Object.assign(new Error("quota"), { name: "QuotaExceededError" });
  for (const caches of [fakeCaches({ keeps: false }), fakeCaches({ put: quota })]) {
    assert.equal(await keepInCache({ caches, version: "v1", key: "k", bytes: new ArrayBuffer(10) }), "not-kept");
    assert.equal(caches.stores.has("wizard-snapshot-v1"), false);
  }
});

test("under a newer build (this version's files cache gone) the snapshot is not stored", async () => {
  const caches = fakeCaches({ names: ["wizard-v2-r1"] });
  assert.equal(await keepInCache({ caches, version: "v1", key: "k", bytes: new ArrayBuffer(10) }), "other-build");
  assert.equal(caches.stores.has("wizard-snapshot-v1"), false);
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
  emit("snapshot", { type: "snapshot-made", bytes: 42 });
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
