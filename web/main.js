/* The in-browser registration wizard: wires the form, the result and the URL fragment to the engine that
 * boot.js has started (boot.js also holds the public API, window.registrationWizard).
 *
 * The entry point of the page's JavaScript: hooks/sitebuild/assets.py bundles this file and every module it
 * imports (boot.js first, so the engine's start is set up before the rest is evaluated) into app/wizard.js, the one
 * script docs/wizard/index.md and index.en.md load (so no other page loads the runtime).
 * Questions come from questions.json, page words from i18n/<lang>.json, findings and checklist from the
 * engine's report in both languages; the modules hold logic only.
 */
import { APP, ASSETS, engine, lang, manifestP, questionsP, root, textsP } from "./boot.js";
import { buildCase, formFor, normalise } from "./case-model.js";
import { el, linkList } from "./dom.js";
import { createForm } from "./form.js";
import { dateFormatter, fmt } from "./format.js";
import { fromFragment, isOlderLink, toFragment } from "./fragment.js";
import { buildIcs } from "./ics.js";
import { createResult } from "./result.js";
import { buildOf, controller, registerServiceWorker } from "./sw-register.js";
import { SNAPSHOT_PATH, idle, keepInCache, makeInWorker, saveEngineSnapshot } from "./engine-snapshot.js";
import { startEngine } from "./engine-client.js";

const status = root.querySelector(".wizard-status");
const fallback = root.querySelector(".wizard-fallback");
const GUIDES = [{ text: "浙江 Zhejiang", href: "../zhejiang/" }, { text: "江苏 Jiangsu", href: "../jiangsu/" }];

function showFallback(text, links) {
  status.textContent = text;
  fallback.replaceChildren(linkList(links));
  fallback.hidden = false;
  root.setAttribute("data-wizard-state", "failed");
}

registerServiceWorker(new URL("../../", ASSETS), () => textsP.then((T) => { // ASSETS is <root>/wizard-assets/<version>/
  const reload = document.createElement("a");
  reload.href = location.href;
  reload.textContent = T.new_build_reload;
  reload.addEventListener("click", (event) => { event.preventDefault(); location.reload(); });
  status.replaceChildren(T.new_build + " ", reload);
}, () => {}), (kept) => { // whether this browser keeps the offline copy (data-offline: "kept" or "unavailable")
  root.setAttribute("data-offline", kept ? "kept" : "unavailable");
  if (!kept) textsP.then((T) => {
    const note = document.createElement("p");
    note.className = "wizard-offline-note";
    note.textContent = T.no_offline_copy;
    status.after(note);
  }, () => {});
});

// Once per asset version, after the engine is ready and the page is idle: the engine's memory snapshot for the
// next visits (engine-snapshot.js). What happened is left in data-engine-snapshot (read by the tests and the
// benchmark).
const storage = (() => { try { return window.localStorage; } catch (e) { return null; } })();
const controllerBuild = () => controller(navigator.serviceWorker).then((worker) => worker && buildOf(worker));
Promise.all([engine.ready.then((info) => idle().then(() => info)), manifestP]).then(([info, manifest]) => saveEngineSnapshot({
  version: manifest.version,
  started: info.start,
  controllerBuild,
  make: () => makeInWorker(startEngine, { assets: ASSETS, app: APP, manifest: manifestP }),
  keep: (bytes) => keepInCache({ caches, version: manifest.version, key: new URL(SNAPSHOT_PATH, ASSETS).href, bytes }),
  storage,
  hasCacheStorage: typeof caches !== "undefined",
})).then((outcome) => root.setAttribute("data-engine-snapshot", outcome)).catch(() => {});

let texts = null;
Promise.all([questionsP, textsP, manifestP]).then(([Q, T, manifest]) => {
  texts = T;
  start(Q, T, manifest);
}).catch((error) => {
  const reason = String(error && error.message || error);
  showFallback(texts ? fmt(texts.start_error, { reason }) : reason, texts ? texts.fallback_links : GUIDES);
});

function start(Q, T, manifest) {
  const showDate = dateFormatter(lang, T.weekday_format);
  const currentVersion = manifest.rule_data_version;
  const store = {
    state: { province: "", profession: "", action: "", answers: {}, today: null },
    setCase(key, value) { store.state = normalise(Q, { ...store.state, [key]: value }); },
    setAnswer(id, value) { if (value === undefined) delete store.state.answers[id]; else store.state.answers[id] = value; },
    changed: () => changed(),
  };
  const form = createForm({ root, form: root.querySelector(".wizard-form"), Q, T, lang, store, onSeeResult: () => moveToResult(true) });
  let current = null; // {explained, caseObject} on screen, read by the calendar button
  const result = createResult({ result: root.querySelector(".wizard-result"), Q, T, lang, showDate,
    onFocusQuestion: (id) => form.focusQuestion(id), onIcs: () => download(current) });

  // ----- loading / failure messages: never an endless spinner -----
  // kind "network" or "damaged": a file of the engine could not be had (offline, and the copy incomplete)
  const reasonText = (reason, kind) => (reason === "no-webassembly" ? T.no_wasm
    : fmt(kind === "network" || kind === "damaged" ? T.file_missing : T.failed, { reason }));
  if (engine.bootError()) showFallback(reasonText(engine.bootError()), T.fallback_links);
  else status.textContent = T.loading_start;
  // A share of the files, not megabytes: the sizes we know are before compression, not what the network carries.
  engine.on("progress", (m) => {
    if (engine.isReady() || engine.bootError()) return;
    if (!m.total) { status.textContent = T.loading_engine; return; }
    const percent = Math.min(99, Math.floor((100 * m.loaded) / m.total));
    status.replaceChildren(fmt(T.loading, { percent }), " ",
      el("progress", { max: "100", value: String(percent), "aria-hidden": "true", class: "wizard-progress" }));
  });
  engine.on("failed", (reason, kind) => showFallback(reasonText(reason, kind), T.fallback_links));
  engine.on("ready", () => {
    status.textContent = T.ready;
    if (root.getAttribute("data-wizard-state") === "slow") fallback.hidden = true;
    root.setAttribute("data-wizard-state", "ready");
    evaluate();
  });
  const watchdog = setInterval(() => { // 8 s without progress: show the guide's links (loading goes on)
    if (engine.isReady() || engine.bootError()) { clearInterval(watchdog); return; }
    if (engine.sinceProgress() > 8000) {
      showFallback(T.slow, T.fallback_links);
      root.setAttribute("data-wizard-state", "slow");
      clearInterval(watchdog);
    }
  }, 500);

  // ----- the URL fragment -----
  function syncLanguageLinks() {
    document.querySelectorAll("a[hreflang]").forEach((a) => { // the language switcher: this page, other language
      const href = a.getAttribute("href");
      if (href) a.setAttribute("href", href.split("#")[0] + location.hash);
    });
  }
  function writeFragment() {
    const hash = toFragment(store.state, currentVersion);
    if (location.hash !== hash) history.replaceState(null, "", hash);
    syncLanguageLinks();
  }
  function loadFromFragment() {
    const loaded = fromFragment(location.hash, Q);
    store.state = normalise(Q, { province: loaded.province, profession: loaded.profession, action: loaded.action,
      today: loaded.today, answers: loaded.answers });
    const notices = [];
    if (loaded.unknownProvince) notices.push(T.unknown_province);
    else if (isOlderLink(loaded, currentVersion)) notices.push(T.old_version);
    if (loaded.renamed.length) {
      notices.push(fmt(T.renamed_notice, { questions: loaded.renamed.map((id) => Q.answers[loaded.province][id].label[lang]).join(T.choice_separator) }));
    }
    result.setNotices(notices);
    form.render();
    syncLanguageLinks();
    evaluate();
  }

  // ----- answering: the engine gets the new case first; the URL is written once the result is drawn -----
  let seq = 0;
  let moved = null; // the province/profession/action whose complete result the page has moved to
  const resultNode = root.querySelector(".wizard-result");
  function moveToResult(focus) {
    resultNode.scrollIntoView({ block: "start" });
    const heading = document.getElementById("wizard-result-heading");
    if (focus && heading) heading.focus({ preventScroll: true });
  }
  function evaluate() {
    const built = buildCase(Q, store.state);
    result.clearFieldErrors();
    if (!built.case) { result.message(T.start_hint); return null; }
    if (built.missing.length) { result.missing(built.missing, built.case.province, built.case); return null; }
    if (engine.bootError()) return null;
    if (!engine.isReady()) { result.message(T.waiting, "pending", built.case); return null; } // evaluated on "ready"
    const mine = ++seq;
    const fields = formFor(Q, built.case.province, built.case.profession, built.case.action);
    return engine.request("explain", built.case).then((explained) => {
      if (mine !== seq) return; // a later answer is on its way: draw only the latest
      current = { explained, caseObject: built.case };
      result.report(explained, built.case, fields);
      const selection = [built.case.province, built.case.profession, built.case.action].join("/");
      if (moved !== selection) { // once per case: later answers update the result where the reader is
        moved = selection;
        moveToResult(false);
      }
      root.setAttribute("data-result-seq", String(mine));
      if (!performance.getEntriesByName("wizard-first-verdict").length) performance.mark("wizard-first-verdict");
      document.dispatchEvent(new CustomEvent("wizard:result", { detail: { report: explained.report } }));
    }, (error) => { if (mine === seq) result.error(error, built.case); });
  }
  function changed() {
    const answered = evaluate();
    if (answered) answered.then(writeFragment, writeFragment); else writeFragment();
  }

  function download(shown) {
    if (!shown) return;
    const text = buildIcs({ report: shown.explained.report, explained: shown.explained, caseObject: shown.caseObject,
      texts: T, lang, showDate, now: new Date() });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    a.download = "registration-dates.ics";
    a.hidden = true;
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  loadFromFragment();
  const formNode = root.querySelector(".wizard-form");
  formNode.hidden = false;
  root.setAttribute("data-form-ready", String(Math.round(performance.now())));
  performance.mark("wizard-form-ready");
  if (root.getAttribute("data-wizard-state") !== "failed") root.setAttribute("data-wizard-state", engine.isReady() ? "ready" : "loading");
  window.addEventListener("hashchange", () => { if (location.hash !== toFragment(store.state, currentVersion)) loadFromFragment(); });
}
