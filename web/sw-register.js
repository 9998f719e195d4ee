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
 * request. A browser without service workers (WeChat on iOS, some private modes, a page on file://), or one
 * that refuses the registration (storage refused), has no offline copy, and the page says so (onOfflineCopy).
 */
// The service worker controlling the page, once there is one (a first visit: when the new worker takes the
// page over), or null after `wait` ms.
export function controller(container, wait = 30000) {
  if (!container) return Promise.resolve(null);
  if (container.controller) return Promise.resolve(container.controller);
  return new Promise((resolve) => {
    container.addEventListener("controllerchange", () => resolve(container.controller), { once: true });
    setTimeout(() => resolve(container.controller || null), wait);
  });
}

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

// Chromium can leave a new build's worker waiting although its install called skipWaiting(): in Chromium 156,
// about 1 update in 4 in tests/browser/test_offline.py. The old build then keeps its scope until
// Chromium gives up on it (5 minutes) or the browser closes. Asking the waiting worker to skip waiting once
// more makes it take over (web/sw.js, "skip-waiting"). So a worker found waiting when the page loads is asked
// at once, and a new one still waiting `every` ms after its install is asked again every `every` ms, `times`
// times at most. A worker that takes over by itself is never asked.
export const TAKE_OVER_CHECKS = { every: 2000, times: 10 };

export function askWaitingWorkerToTakeOver(registration, { every, times } = TAKE_OVER_CHECKS, timers = globalThis) {
  if (registration.waiting) registration.waiting.postMessage("skip-waiting");
  const watch = (worker) => {
    let left = times;
    const check = () => {
      if (registration.waiting !== worker || left <= 0) return; // took over, was replaced, or we give up
      left -= 1;
      worker.postMessage("skip-waiting");
      timers.setTimeout(check, every);
    };
    worker.addEventListener("statechange", () => { if (worker.state === "installed") timers.setTimeout(check, every); });
  };
  if (registration.installing) watch(registration.installing);
  registration.addEventListener("updatefound", () => { if (registration.installing) watch(registration.installing); });
}

// onNewBuild(): called when a newer build takes over this page while it is open (its files stay as they
// were loaded; reloading shows the new build). onOfflineCopy(kept): called once, true when a service worker
// of this scope is active (its install stored the copy), false when there can be none.
export function registerServiceWorker(siteRoot, onNewBuild = () => {}, onOfflineCopy = () => {}, nav = navigator) {
  if (!nav.serviceWorker) { onOfflineCopy(false); return; }
  const container = nav.serviceWorker;
  const hadController = !!container.controller;
  const register = () => {
    const script = new URL("wizard-sw.js", siteRoot).href;
    const registrations = ["wizard", "en/wizard/"].map((scope) =>
      Promise.resolve().then(() => container.register(script, { scope: new URL(scope, siteRoot).href })).catch(() => null));
    Promise.all(registrations).then((list) => {
      if (list.some(Boolean)) container.ready.then(() => onOfflineCopy(true), () => {});
      else onOfflineCopy(false);
    });
    const align = () => Promise.all(registrations).then((list) => alignScopes(list.filter(Boolean))).catch(() => {});
    registrations.forEach((registration) => registration.then((found) => found && askWaitingWorkerToTakeOver(found)));
    align();
    container.addEventListener("controllerchange", () => {
      align();
      if (hadController) onNewBuild();
    });
  };
  if (document.readyState === "complete") register(); else addEventListener("load", register);
}
