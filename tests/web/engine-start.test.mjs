// When the engine may start: at once on a visit the service worker answers, else at the first paint or 500 ms.
import assert from "node:assert/strict";
import { test } from "node:test";
import { engineStartSignal } from "../../web/engine-start.js";

// A paint observer the test drives: `paint()` delivers the first-contentful-paint entry.
function paintTiming() {
  const observers = [];
  class Observer {
    constructor(callback) { this.callback = callback; this.connected = false; observers.push(this); }
    observe(options) { assert.equal(options.type, "paint"); this.connected = true; }
    disconnect() { this.connected = false; }
  }
  const paint = () => observers.filter((o) => o.connected).forEach((o) =>
    o.callback({ getEntriesByName: (name) => (name === "first-contentful-paint" ? [{ name }] : []) }));
  return { Observer, paint, observers };
}

function timers() {
  const pending = [];
  return { setTimeout: (f, ms) => pending.push({ f, ms }), fire: () => pending.splice(0).forEach(({ f }) => f()), pending };
}

const settled = (promise) => Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve("pending"), 0))]);

test("a visit the wizard's service worker answers starts the engine at once, before any paint or timeout", async () => {
  const { Observer, observers } = paintTiming();
  const clock = timers();
  const signal = engineStartSignal({ controlled: true, PerformanceObserver: Observer, setTimeout: clock.setTimeout });
  assert.equal(await settled(signal), "service-worker");
  assert.equal(observers.length, 0, "no paint observer is needed");
  assert.equal(clock.pending.length, 0, "no timeout is set");
});

test("a visit from the network waits for the first contentful paint", async () => {
  const { Observer, paint } = paintTiming();
  const clock = timers();
  const signal = engineStartSignal({ controlled: false, PerformanceObserver: Observer, setTimeout: clock.setTimeout });
  assert.equal(await settled(signal), "pending");
  paint();
  assert.equal(await settled(signal), "painted");
});

test("without a paint the engine starts after 500 ms", async () => {
  const { Observer } = paintTiming();
  const clock = timers();
  const signal = engineStartSignal({ controlled: false, PerformanceObserver: Observer, setTimeout: clock.setTimeout });
  assert.deepEqual(clock.pending.map(({ ms }) => ms), [500]);
  assert.equal(await settled(signal), "pending");
  clock.fire();
  assert.equal(await settled(signal), "timeout");
});

test("a browser without paint timing starts the engine at the timeout instead of never", async () => {
  const clock = timers();
  const signal = engineStartSignal({ controlled: false, PerformanceObserver: undefined, setTimeout: clock.setTimeout });
  clock.fire();
  assert.equal(await settled(signal), "timeout");
});
