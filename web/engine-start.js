// When the engine's downloads and compile may start (a Promise for startEngine's `after`).
//
// A visit that fetches the runtime from the network waits for the page's first contentful paint (or half a
// second, for a browser without paint timing or a tab in the background): started before it, the 3 MB it
// downloads counted towards the first paint in Lighthouse's simulation of a phone on slow 4G (simulated LCP
// 12 s in 5 of 10 runs, 1.7-2.0 s in 5 of 5 after; README, Performance).
// A visit answered by the wizard's service worker (`controlled`: a repeat visit, or offline) downloads
// nothing, so it starts at once: the wait only delayed its first answer (README, Performance).
export function engineStartSignal({ controlled, PerformanceObserver: Observer, setTimeout: later, wait = 500 }) {
  if (controlled) return Promise.resolve("service-worker");
  return new Promise((resolve) => {
    later(() => resolve("timeout"), wait);
    try {
      const observer = new Observer((list) => {
        if (list.getEntriesByName("first-contentful-paint").length) { observer.disconnect(); resolve("painted"); }
      });
      observer.observe({ type: "paint", buffered: true });
    } catch (e) { /* no paint timing: the timeout starts the engine */ }
  });
}
