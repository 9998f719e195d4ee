// Once per asset version, under the service worker of that version: two throwaway loads, then remembered.
import assert from "node:assert/strict";
import { test } from "node:test";
import { STORAGE_KEY, warmCodeCache } from "../../web/code-cache.js";

function memoryStorage(initial = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key) => (items.has(key) ? items.get(key) : null), setItem: (key, value) => items.set(key, value), items };
}

function loads(results = []) {
  const calls = [];
  const load = async () => { calls.push(calls.length); return results.length ? results.shift() : { ok: true }; };
  return { load, calls };
}

const underBuild = (version) => async () => ({ version, revision: "r1" });

test("a page under the service worker of its own version loads the script twice, then remembers the version", async () => {
  const storage = memoryStorage();
  const { load, calls } = loads();
  const outcome = await warmCodeCache({ version: "v1", controllerBuild: underBuild("v1"), load, storage });
  assert.equal(outcome, "warmed");
  assert.equal(calls.length, 2, "a time stamp, then the cache");
  assert.equal(storage.items.get(STORAGE_KEY), "v1");
});

test("a version warmed before is not loaded again, and the service worker is not even asked", async () => {
  const { load, calls } = loads();
  let asked = false;
  const outcome = await warmCodeCache({ version: "v1", controllerBuild: async () => { asked = true; return { version: "v1" }; },
    load, storage: memoryStorage({ [STORAGE_KEY]: "v1" }) });
  assert.equal(outcome, "already-warm");
  assert.deepEqual([calls.length, asked], [0, false]);
});

test("a new version is warmed although an older one was", async () => {
  const storage = memoryStorage({ [STORAGE_KEY]: "v0" });
  const { load, calls } = loads();
  assert.equal(await warmCodeCache({ version: "v1", controllerBuild: underBuild("v1"), load, storage }), "warmed");
  assert.deepEqual([calls.length, storage.items.get(STORAGE_KEY)], [2, "v1"]);
});

test("a page under another build's service worker, or under none, loads nothing and remembers nothing", async () => {
  for (const controllerBuild of [underBuild("v2"), async () => null]) {
    const storage = memoryStorage();
    const { load, calls } = loads();
    assert.equal(await warmCodeCache({ version: "v1", controllerBuild, load, storage }), "other-build");
    assert.deepEqual([calls.length, storage.items.has(STORAGE_KEY)], [0, false]);
  }
});

test("a load that fails stops the warm-up unremembered, so the next visit tries again", async () => {
  const storage = memoryStorage();
  const { load, calls } = loads([{ ok: false, error: "timeout" }]);
  assert.equal(await warmCodeCache({ version: "v1", controllerBuild: underBuild("v1"), load, storage }), "failed");
  assert.deepEqual([calls.length, storage.items.has(STORAGE_KEY)], [1, false]);
});

test("without storage, or with storage that throws, nothing is loaded", async () => {
  const throwing = { getItem: () => { throw new Error("SecurityError"); }, setItem: () => {} };
  for (const storage of [null, throwing]) {
    const { load, calls } = loads();
    assert.equal(await warmCodeCache({ version: "v1", controllerBuild: underBuild("v1"), load, storage }), "no-storage");
    assert.equal(calls.length, 0);
  }
});
