// Every request to the engine settles, whatever fails: the worker, the .wasm, or a reply.
import assert from "node:assert/strict";
import { test } from "node:test";
import { NOT_JSON, TEXT_LIMIT, caseText, startEngine } from "../../web/engine-client.js";

class FakeWorker {
  static last = null;
  constructor() { this.sent = []; FakeWorker.last = this; }
  postMessage(message) { this.sent.push(message); if (this.onpost) this.onpost(message); }
  reply(data) { this.onmessage({ data }); }
}

// The worker compiles the .wasm in these tests: no page fetch (the page's compile needs compileStreaming).
WebAssembly.compileStreaming = undefined;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function engine(after) {
  globalThis.Worker = FakeWorker;
  FakeWorker.last = null;
  return startEngine({ assets: new URL("http://site.test/wizard-assets/"), app: new URL("http://site.test/wizard-assets/app/"),
    manifest: Promise.resolve({ files: {}, wheels: [] }), after });
}

async function started() {
  const e = engine();
  await tick(); // the worker is created once `after` has settled
  return e;
}

test("an answer resolves its own request, parsed from the reply's text", async () => {
  const e = await started();
  const answer = e.request("explain", { province: "jiangsu" });
  const { id } = FakeWorker.last.sent.find((m) => m.type === "explain");
  FakeWorker.last.reply({ id, ok: true, text: '{"report": {"verdict": "eligible"}}' });
  assert.deepEqual(await answer, { report: { verdict: "eligible" } });
});

test("a reply that cannot be parsed rejects with internal_error instead of hanging", async () => {
  const e = await started();
  const answer = e.request("explain", {});
  const { id } = FakeWorker.last.sent.find((m) => m.type === "explain");
  FakeWorker.last.reply({ id, ok: true, text: "{not json" });
  await assert.rejects(answer, (err) => err.error === "internal_error" && /unreadable reply/.test(err.detail));
});

test("an invalid case rejects with the engine's error object", async () => {
  const e = await started();
  const answer = e.request("check", {});
  const { id } = FakeWorker.last.sent.find((m) => m.type === "check");
  const error = { error: "invalid_case", field: "province", message: { zh: "省份", en: "province" } };
  FakeWorker.last.reply({ id, ok: false, error });
  await assert.rejects(answer, (err) => err === error);
});

test("a runtime that fails rejects the pending requests, the ready promise and later requests", async () => {
  const e = await started();
  const failures = [];
  e.on("failed", (reason) => failures.push(reason));
  const pending = e.request("check", {});
  FakeWorker.last.reply({ type: "failed", reason: "pyodide.asm.wasm: HTTP 404" });
  await assert.rejects(pending, (err) => err.error === "runtime_unavailable" && /404/.test(err.detail));
  await assert.rejects(e.ready, (err) => err.error === "runtime_unavailable");
  await assert.rejects(e.request("check", {}), (err) => err.error === "runtime_unavailable");
  assert.deepEqual(failures, ["pyodide.asm.wasm: HTTP 404"]);
});

test("a browser without Web Workers reports why as soon as the engine starts", async () => {
  globalThis.Worker = function () { throw new Error("Workers are blocked"); };
  const e = startEngine({ assets: new URL("http://site.test/a/"), app: new URL("http://site.test/a/app/"), manifest: Promise.resolve({}) });
  const failures = [];
  e.on("failed", (reason) => failures.push(reason));
  await tick();
  assert.match(e.bootError(), /Workers are blocked/);
  assert.equal(failures.length, 1);
  await assert.rejects(e.request("check", {}), (err) => err.error === "runtime_unavailable");
});

test("the ready message resolves ready with the rule data version", async () => {
  const e = await started();
  FakeWorker.last.reply({ type: "ready", ms: 5, ruleDataVersion: "abc", phases: {} });
  assert.equal((await e.ready).ruleDataVersion, "abc");
  assert.equal(e.isReady(), true);
});

test("requests made before the engine starts wait, and reach the worker once it does", async () => {
  let start;
  const e = engine(new Promise((resolve) => { start = resolve; }));
  const answer = e.request("check", { province: "zhejiang" });
  await tick();
  assert.equal(FakeWorker.last, null, "no worker before `after` settles");
  start();
  await tick();
  const { id } = FakeWorker.last.sent.find((m) => m.type === "check");
  FakeWorker.last.reply({ id, ok: true, value: { verdict: "unclear" } });
  assert.deepEqual(await answer, { verdict: "unclear" });
});

test("a snapshot engine tells its worker to make one, passes on its report and can be stopped", async () => {
  globalThis.Worker = FakeWorker;
  const maker = startEngine({ assets: new URL("http://site.test/wizard-assets/"), app: new URL("http://site.test/wizard-assets/app/"),
    manifest: Promise.resolve({ files: {}, wheels: [] }), snapshot: "make" });
  await tick();
  const worker = FakeWorker.last;
  assert.equal(worker.sent.find((m) => m.type === "manifest").makeSnapshot, true);
  const reports = [];
  maker.on("snapshot", (m) => reports.push(m));
  worker.reply({ type: "snapshot-made", bytes: 21 });
  assert.deepEqual(reports, [{ type: "snapshot-made", bytes: 21 }]);
  let stopped = false;
  worker.terminate = () => { stopped = true; };
  maker.terminate();
  assert.equal(stopped, true);

  await started();
  assert.equal(FakeWorker.last.sent.find((m) => m.type === "manifest").makeSnapshot, false, "the page's own engine makes none");
});

test("a snapshot restore that does not finish is stopped: the snapshot deleted, a worker started without it, the requests sent again", async () => {
  const deleted = [];
  globalThis.caches = { delete: async (name) => { deleted.push(name); return true; } };
  globalThis.Worker = FakeWorker;
  const e = startEngine({ assets: new URL("http://site.test/wizard-assets/"), app: new URL("http://site.test/wizard-assets/app/"),
    manifest: Promise.resolve({ version: "v1", files: {}, wheels: [] }), hooks: { restoreTimeout: 5 } });
  await tick();
  const first = FakeWorker.last;
  let stopped = false;
  first.terminate = () => { stopped = true; };
  const answer = e.request("check", { province: "zhejiang" });
  first.reply({ type: "progress", stage: "snapshot" });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const second = FakeWorker.last;
  assert.notEqual(second, first);
  assert.equal(stopped, true);
  assert.deepEqual(deleted, ["wizard-snapshot-v1"]);
  await tick();
  assert.equal(second.sent.find((m) => m.type === "manifest").skipSnapshot, true);
  const { id } = second.sent.find((m) => m.type === "check");
  second.reply({ type: "ready", ms: 1, start: "fresh" });
  second.reply({ id, ok: true, value: { verdict: "eligible" } });
  assert.deepEqual(await answer, { verdict: "eligible" });
  assert.equal((await e.ready).start, "fresh-after-bad-snapshot");
  delete globalThis.caches;
});

test("a restore that finishes in time keeps its worker", async () => {
  const e = await started();
  const first = FakeWorker.last;
  first.reply({ type: "progress", stage: "snapshot" });
  first.reply({ type: "ready", ms: 1, start: "snapshot" });
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(FakeWorker.last, first);
  assert.equal((await e.ready).start, "snapshot");
});

// --- the case's JSON text: what the command would read ---------------------------------------------------
const plain = [null, true, false, 0, -1.5, 12.25, 2 ** 53, "", "text 中文 \n \"quoted\"", "\ud800", [], {}, [1, [2, [3]]],
  { province: "jiangsu", answers: { realname_l4: true, hours: 12.5, end: null, list: ["a", {}] } }];

test("an ordinary JSON value is written exactly as JSON.stringify writes it", () => {
  for (const value of plain) assert.equal(caseText(value), JSON.stringify(value));
  const skipped = { a: undefined, b: () => 1, c: Symbol("c"), d: [undefined, () => 1], e: new Date(0), f: new Number(3), g: new String("s") };
  assert.equal(caseText(skipped), JSON.stringify(skipped));
  assert.equal(caseText(undefined), "null", "no case at all is null, as before");
});

test("numbers JSON.stringify would turn into null or another number are written as Python's json reads them", () => {
  const table = [[NaN, "NaN"], [Infinity, "Infinity"], [-Infinity, "-Infinity"], [1e309, "Infinity"],
    [12345678901234567000, "12345678901234567168"], [-(2 ** 60), "-1152921504606846976"], [1e21, "1e+21"], [1e308, "1e+308"],
    [123n, "123"], [-(10n ** 40n), "-10000000000000000000000000000000000000000"], [Object(7n), "7"]];
  for (const [value, text] of table) assert.equal(caseText({ today: value }), `{"today":${text}}`, String(value));
  assert.equal(caseText({ a: { toJSON: () => [NaN] } }), '{"a":[NaN]}', "toJSON is honoured, as by JSON.stringify");
});

test("a cycle, a getter or proxy that throws, or nesting too deep gives text that is not JSON", () => {
  const cycle = { answers: {} };
  cycle.answers.self = cycle;
  const throwing = { get answers() { throw new Error("no"); } };
  const proxy = new Proxy({}, { ownKeys() { throw new Error("no"); } });
  let deep = [];
  for (let i = 0; i < 1e6; i++) deep = [deep];
  for (const value of [cycle, [cycle], throwing, { answers: proxy }, deep, { toJSON() { throw new Error("no"); } }]) {
    assert.equal(caseText(value), NOT_JSON);
    assert.throws(() => JSON.parse(caseText(value)));
  }
  const shared = { a: 1 };
  assert.equal(caseText([shared, shared]), '[{"a":1},{"a":1}]', "the same object twice is not a cycle");
});

test("a case longer than the engine reads stops being written once past the limit and stays too long", () => {
  let doubling = ["x"];
  for (let i = 0; i < 64; i++) doubling = [doubling, doubling]; // 2^64 leaves: never written out in full
  const text = caseText({ answers: doubling });
  assert.equal(text.length, TEXT_LIMIT + 1);
  const atLimit = "x".repeat(TEXT_LIMIT - 2);
  assert.equal(caseText(atLimit), JSON.stringify(atLimit), "a text of exactly the limit is sent as it is");
});

test("a request sends the case's text from caseText", async () => {
  const e = await started();
  e.request("check", { today: Infinity });
  assert.equal(FakeWorker.last.sent.at(-1).json, '{"today":Infinity}');
});
