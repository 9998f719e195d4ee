/* Registers the wizard's service worker (web/sw.js, served as <root>/wizard-sw.js) while the page loads.
 *
 * Loaded by the wizard pages only (hooks/wizard_assets.py adds it after wizard.js). Registering during the
 * load (not after the engine is ready) keeps every request of the first visit before the first answer; the
 * service worker's precache asks the HTTP cache first, and Chromium lets a second request for a file that is
 * still downloading wait for that download, so nothing is downloaded twice. Two scopes: "<root>wizard" covers /wizard/ and, by prefix, the
 * /wizard-assets/ files fetched by the engine's Web Worker; "<root>en/wizard/" covers the English page.
 * A browser without service workers (or a page on file://) simply has no offline copy.
 */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !document.currentScript) return;
  const root = new URL("../../../", document.currentScript.src); // <root>/wizard-assets/<version>/app/
  const register = () => {
    const script = new URL("wizard-sw.js", root).href;
    for (const scope of ["wizard", "en/wizard/"]) {
      // The browser checks for a new version of the scope it navigated in; the other scope is checked here,
      // so one visit moves both to the new version.
      navigator.serviceWorker.register(script, { scope: new URL(scope, root).href })
        .then((registration) => registration.active && !location.href.startsWith(registration.scope) && registration.update())
        .catch(() => {});
    }
  };
  register();
})();
