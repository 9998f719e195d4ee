// A new build's service worker left waiting after its install's skipWaiting() is asked to take over.
import assert from "node:assert/strict";
import { test } from "node:test";
import { askWaitingWorkerToTakeOver, registerServiceWorker, TAKE_OVER_CHECKS } from "../../web/sw-register.js";

class FakeWorker extends EventTarget {
  constructor(state) { super(); this.state = state; this.messages = []; }
  postMessage(message) { this.messages.push(message); }
  becomes(state) { this.state = state; this.dispatchEvent(new Event("statechange")); }
}

class FakeRegistration extends EventTarget {
  constructor({ waiting = null, installing = null } = {}) { super(); this.waiting = waiting; this.installing = installing; }
  updateFound(worker) { this.installing = worker; this.dispatchEvent(new Event("updatefound")); }
  installed(worker) { this.installing = null; this.waiting = worker; worker.becomes("installed"); }
  activated(worker) { this.waiting = null; worker.becomes("activating"); }
}

// Timers the test runs by hand: run() fires what is due, in order.
function manualTimers() {
  const due = [];
  return { setTimeout: (callback, ms) => due.push({ callback, ms }), run() { const now = due.splice(0); now.forEach((t) => t.callback()); return now; } };
}

// A page watching its registration, and a new build's worker that the browser found and installed.
function installedUpdate(checks = TAKE_OVER_CHECKS) {
  const registration = new FakeRegistration();
  const timers = manualTimers();
  askWaitingWorkerToTakeOver(registration, checks, timers);
  const worker = new FakeWorker("installing");
  registration.updateFound(worker);
  registration.installed(worker);
  return { registration, timers, worker };
}

test("a worker found waiting when the page loads is asked at once to take over", () => {
  const waiting = new FakeWorker("installed");
  askWaitingWorkerToTakeOver(new FakeRegistration({ waiting }), TAKE_OVER_CHECKS, manualTimers());
  assert.deepEqual(waiting.messages, ["skip-waiting"]);
});

test("a new worker that takes over by itself is never asked", () => {
  const { registration, timers, worker } = installedUpdate();
  registration.activated(worker);
  const fired = timers.run();
  assert.equal(fired.length, 1, "one check, after the wait");
  assert.deepEqual(worker.messages, []);
  assert.equal(timers.run().length, 0, "and no more checks");
});

test("a new worker still waiting is asked every few seconds, a bounded number of times", () => {
  const { timers, worker } = installedUpdate({ every: 2000, times: 3 });
  const waits = [];
  for (let fired = timers.run(); fired.length; fired = timers.run()) waits.push(...fired.map((t) => t.ms));
  assert.deepEqual(worker.messages, ["skip-waiting", "skip-waiting", "skip-waiting"]);
  assert.deepEqual(waits, [2000, 2000, 2000, 2000], "the first check, then one after each request");
});

test("asking stops once the worker has taken over", () => {
  const { registration, timers, worker } = installedUpdate();
  timers.run();
  assert.deepEqual(worker.messages, ["skip-waiting"]);
  registration.activated(worker);
  timers.run();
  assert.deepEqual(worker.messages, ["skip-waiting"]);
  assert.equal(timers.run().length, 0);
});

test("an update already installing when the page registers is watched too", () => {
  const worker = new FakeWorker("installing");
  const registration = new FakeRegistration({ installing: worker });
  const timers = manualTimers();
  askWaitingWorkerToTakeOver(registration, TAKE_OVER_CHECKS, timers);
  registration.installed(worker);
  timers.run();
  assert.deepEqual(worker.messages, ["skip-waiting"]);
});

// Whether the page keeps an offline copy: said once, from what the browser allows.
async function offlineCopy(serviceWorker) {
  globalThis.document = { readyState: "complete" };
  const said = [];
  registerServiceWorker(new URL("http://site.test/"), () => {}, (kept) => said.push(kept), { serviceWorker });
  await new Promise((resolve) => setTimeout(resolve, 0));
  delete globalThis.document;
  return said;
}

const container = (register) => Object.assign(new EventTarget(), { controller: null, register, ready: Promise.resolve({}) });

test("without a service worker API the page keeps no offline copy", async () => {
  assert.deepEqual(await offlineCopy(undefined), [false]);
});

test("a browser that refuses both registrations, or throws at once, keeps no offline copy", async () => {
  assert.deepEqual(await offlineCopy(container(() => Promise.reject(new Error("SecurityError")))), [false]);
  assert.deepEqual(await offlineCopy(container(() => { throw new Error("SecurityError"); })), [false]);
});

test("a registration that succeeds keeps the copy once its worker is active", async () => {
  const registration = Object.assign(new EventTarget(), { active: null, waiting: null, installing: null });
  assert.deepEqual(await offlineCopy(container(() => Promise.resolve(registration))), [true]);
});
