/* Registers the wizard's service worker (web/sw.js, served as <root>/wizard-sw.js) at the page's load event.
 *
 * Imported by main.js. At the load event, not earlier: registering while the page parsed cost a 200 ms
 * main-thread task in Lighthouse's mobile run (4x CPU slowdown), at load it is 70-80 ms. Not after the engine
 * is ready either: registering before keeps every request of the first visit before the first answer
 * (tests/site/test_site_privacy.py); the service worker's precache asks the HTTP cache first, and Chromium
 * lets a second request for a file that is still downloading wait for that download, so nothing is
 * downloaded twice. Two scopes: "<root>wizard" covers /wizard/ and, by prefix, the /wizard-assets/ files
 * fetched by the engine's Web Worker; "<root>en/wizard/" covers the English page.
 * A browser without service workers (or a page on file://) simply has no offline copy.
 */
export function registerServiceWorker(siteRoot) {
  if (!("serviceWorker" in navigator)) return;
  const register = () => {
    const script = new URL("wizard-sw.js", siteRoot).href;
    for (const scope of ["wizard", "en/wizard/"]) {
      // The browser checks for a new version of the scope it navigated in; the other scope is checked here,
      // so one visit moves both to the new version.
      navigator.serviceWorker.register(script, { scope: new URL(scope, siteRoot).href })
        .then((registration) => registration.active && !location.href.startsWith(registration.scope) && registration.update())
        .catch(() => {});
    }
  };
  if (document.readyState === "complete") register(); else addEventListener("load", register);
}
