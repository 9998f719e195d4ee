/* Written into the wizard pages by hooks/wizard_assets.py (inline, with this version's URL in place of
 * __WASM_URL__), after the form data and before the bundle. On a visit from the network it starts the download
 * of pyodide.asm.wasm as soon as the page's stylesheets are in, instead of when the bundle runs.
 *
 * Why: on a phone network the link is idle between the page's last stylesheet and the moment the engine starts
 * (at the first paint, and only once Material's script has run: about 150 ms at 10 Mbit/s; README,
 * Performance). Nothing reads the response until the engine starts (engine-client.js takes it from
 * window.wizardEarlyWasm): the browser fills its buffer for it and then waits, so the download cannot finish,
 * and compete with what the first paint needs, before the page reads it. A visit the wizard's service worker
 * answers starts the engine at once and skips this.
 */
(function () {
  if (!window.fetch || (navigator.serviceWorker && navigator.serviceWorker.controller)) return;
  window.wizardEarlyWasm = fetch("__WASM_URL__");
  window.wizardEarlyWasm.catch(function () {}); // the engine reports a failure when it takes the response
})();
