/* Registers the wizard's service worker (web/sw.js, served as <root>/wizard-sw.js) at the page's load event,
 * keeps its two scopes on the same build, and tells the reader when a newer build has been downloaded.
 *
 * Imported by main.js. At the load event, not earlier: registering while the page parsed cost a 200 ms
 * main-thread task in Lighthouse's mobile run (4x CPU slowdown), at load it is 70-80 ms. Not after the engine
 * is ready either: registering before keeps every request of the first visit before the first answer
 * (tests/site/test_site_privacy.py); the service worker's precache asks the HTTP cache first, and Chromium
 * lets a second request for a file that is still downloading wait for that download, so nothing is
 * downloaded twice. Two scopes: "<root>wizard" covers /wizard/ and, by prefix, the /wizard-assets/ files
 * fetched by the engine's Web Worker; "<root>en/wizard/" covers the English page.
 *
 * The browser looks for a new build of the scope it navigated in (after the page's requests); the other
 * scope is asked to look only when the two run different builds, so a visit with nothing new makes no
 * request. A browser without service workers (or a page on file://) simply has no offline copy.
 */
// The build a service worker runs ({version, revision}, web/sw.js), or null if it does not answer in 2 s.
export function buildOf(worker) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage("version", [channel.port2]);
    setTimeout(() => resolve(null), 2000);
  });
}

async function alignScopes(registrations) {
  const active = registrations.filter((registration) => registration.active);
  const builds = await Promise.all(active.map((registration) => buildOf(registration.active)));
  if (new Set(builds.map((build) => JSON.stringify(build))).size > 1) active.forEach((registration) => registration.update().catch(() => {}));
}

// onNewBuild(): called when a newer build takes over this page while it is open (its files stay as they
// were loaded; reloading shows the new build).
export function registerServiceWorker(siteRoot, onNewBuild = () => {}) {
  if (!("serviceWorker" in navigator)) return;
  const container = navigator.serviceWorker;
  const hadController = !!container.controller;
  const register = () => {
    const script = new URL("wizard-sw.js", siteRoot).href;
    const registrations = ["wizard", "en/wizard/"].map((scope) =>
      container.register(script, { scope: new URL(scope, siteRoot).href }).catch(() => null));
    const align = () => Promise.all(registrations).then((list) => alignScopes(list.filter(Boolean))).catch(() => {});
    align();
    container.addEventListener("controllerchange", () => {
      align();
      if (hadController) onNewBuild();
    });
  };
  if (document.readyState === "complete") register(); else addEventListener("load", register);
}
