/* A throwaway Web Worker started by code-cache.js: loads pyodide.asm.js exactly as the engine's worker does
 * (worker.js: a module import, out of the service worker's cache), reports, and is stopped. Its only effect
 * is the browser's code cache for that script (code-cache.js says why).
 *
 * Loaded from <site>/wizard-assets/<version>/app/code-cache-worker.js. Message out: {ok: true} | {ok: false, error}.
 */
"use strict";

import(new URL("../pyodide/pyodide.asm.js", self.location.href).href).then(
  () => self.postMessage({ ok: true }),
  (error) => self.postMessage({ ok: false, error: String(error && error.message || error) }));
