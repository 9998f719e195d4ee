/* The wizard's first module: starts the engine and publishes the public API. main.js imports it first, so
 * in the bundled app/wizard.js (hooks/sitebuild/assets.py) its code runs before the rest of the page's. The
 * .wasm download and the engine's Web Worker start once the page has painted, or at once when the wizard's
 * service worker answers the visit (engine-start.js).
 *
 * Public API (for integrators and tests), on the wizard page:
 *   window.registrationWizard.check(caseObject) -> Promise
 *       resolves with the report, deep-equal to what `python -m wizard check` prints on stdout;
 *       REJECTS with the error object the CLI prints on stderr for an invalid case (exit 2), e.g.
 *       {"error": "invalid_case", "field": "answers.realname_l4", "message": {"zh": "…", "en": "…"}}.
 *       Any value: NaN, Infinity, a BigInt, a cycle or a throwing getter get what the CLI answers for the text
 *       it would read (engine-client.js, caseText), never a JavaScript exception.
 *       (A runtime that cannot load rejects with {"error": "runtime_unavailable", "detail": "…"}.)
 *   window.registrationWizard.explain(caseObject) -> Promise of wizard.explain(case) (same rejection)
 *   window.registrationWizard.ready -> Promise of {ms, ruleDataVersion, start} once the engine can answer
 *       (start: "snapshot" when it was restored from the memory snapshot of an earlier visit, else "fresh" or
 *       "fresh-after-bad-snapshot"; engine-snapshot.js)
 *   window.registrationWizard.questions -> Promise of questions.json
 */
import { startEngine } from "./engine-client.js";
import { engineStartSignal } from "./engine-start.js";

export const APP = new URL("./", import.meta.url);
export const ASSETS = new URL("../", APP);
export const root = document.getElementById("wizard");
export const lang = root.getAttribute("data-lang") === "en" ? "en" : "zh";

// The form's data is written into the page at build time (hooks/wizard_assets.py), so the form renders
// without waiting for a request; it is fetched from /wizard-assets/ when the page was built without it.
const fetchJSON = (url) => fetch(url).then((r) => {
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.json();
});
const inline = (() => {
  const node = document.getElementById("wizard-data");
  try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
})();
export const manifestP = inline.manifest ? Promise.resolve(inline.manifest) : fetchJSON(new URL("manifest.json", ASSETS));
export const questionsP = inline.questions ? Promise.resolve(inline.questions) : fetchJSON(new URL("questions.json", ASSETS));
export const textsP = inline.texts ? Promise.resolve(inline.texts) : fetchJSON(new URL(`i18n/${lang}.json`, APP));

// The engine starts at the first paint, or at once on a visit the wizard's service worker answers (engine-start.js).
const startSignal = engineStartSignal({ controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
  PerformanceObserver: globalThis.PerformanceObserver, setTimeout: (f, ms) => setTimeout(f, ms) });
// window.wizardTestHooks: set by the browser tests only (engine-client.js).
export const engine = startEngine({ assets: ASSETS, app: APP, manifest: manifestP, after: startSignal,
  hooks: window.wizardTestHooks || {} });
window.registrationWizard = {
  check: (caseObject) => engine.request("check", caseObject),
  explain: (caseObject) => engine.request("explain", caseObject),
  ready: engine.ready,
  questions: questionsP,
};
