"""The benchmark's engine sections (scripts/bench.py --only engines,runtimes,memory): the wizard in each engine a
reader's phone runs, against a bare stock boot in that same engine, in the same run.

The pages are driven through the engine-neutral driver of the browser tests (tests/browser/engines.py: Chromium
through Playwright, WebKitGTK's MiniBrowser through WebKitWebDriver, Firefox ESR through puppeteer-core over
BiDi). Every time is the page's own clock (performance.now(), from the navigation start), read after the fact,
so the drivers' round trips are not in it:
- the wizard: navigation -> the page's ``wizard-first-verdict`` mark (web/main.js: the first result drawn; the
  URL's fragment holds a complete case, so the page asks the engine as soon as it is ready);
- a bare boot: a blank page of this bench that loads stock Pyodide and runs ``1 + 1`` (scripts/bench.py's
  BARE_PAGE), or, for the runtime comparison, the same in a module worker.

Sections:
- engines: cold (fresh profile, no service worker), warm (the same page again, HTTP cache) and repeat
  (a profile whose first visit's service worker and memory snapshot are done) in each engine, beside a bare
  boot cold and warm; and each piece of speed machinery turned off in turn, on the visit it targets: the
  memory snapshot (off through the localStorage key the page itself reads, web/engine-snapshot.js) on the
  repeat visit (the code-cache warm-up, the .wasm's HTTP-cache pass-through and the early .wasm download were
  measured here too, saved under 10 % of their visits in every engine and were removed: PERFORMANCE.md); and
  in WebKit the warm visit again with its back-forward cache off, wizard and bare boot alike;
- runtimes: stock Pyodide 0.26.4 (the site's), 0.29.5 and 314.0.8 (``npm pack`` into a temporary folder,
  precompressed and served like the site's files), booted in a module worker, cold and warm, in each engine;
  their bytes; whether the private memory-snapshot options the page uses (``_makeSnapshot``,
  ``makeMemorySnapshot()``, ``_loadSnapshot``) make and restore a snapshot;
- memory: the peak resident memory (VmHWM, reset before each visit through /proc/<pid>/clear_refs) of the
  engine's page processes (Chromium's --type=renderer, WebKitWebProcess, Firefox's content processes of type
  "tab"; the Web Workers run in them) during a bare boot, a first visit (until the first verdict, and until
  its background work is done) and a repeat visit, with and without the memory snapshot.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ENGINE_NAMES = {"chromium": "Chromium", "webkit": "WebKitGTK", "firefox": "Firefox ESR"}
RUNTIMES = ["0.26.4", "0.29.5", "314.0.8"]  # the site's first (node_modules/pyodide), then npm pack
# The files a bare module-worker boot fetches, by runtime layout (314 ships pyodide.asm.mjs, a module only).
RUNTIME_FILES = ["pyodide.mjs", "pyodide.asm.js", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json"]
SNAPSHOT_FAILED_KEY = "wizard-engine-snapshot-failed"  # web/engine-snapshot.js FAILED_KEY
# A complete Zhejiang case in the page's fragment (web/fragment.js): the page asks for its verdict once ready.
CASE_FRAGMENT = ("#province=zhejiang&profession=cost_engineer&action=initial&today=2026-11-21"
                 "&qualification_province=zhejiang&specialty=civil&certificate_issue_date=2025-12-01"
                 "&employer_type=cost_consulting")
# The pieces of speed machinery, each turned off on the visit it targets: name -> (visit, how it is turned off).
MACHINERY = {
    "snapshot": ("repeat", "memory snapshot (web/engine-snapshot.js, web/worker.js)"),
}
CANDIDATE_BELOW = 0.10  # a piece that buys less than this share of its visit in every engine

# In-page waits (one driver call each; the engines' script timeouts are 120 s).
WAIT_VERDICT = """() => new Promise((resolve) => {
  const t0 = Date.now();
  (function poll() {
    const mark = performance.getEntriesByName("wizard-first-verdict")[0];
    const root = document.getElementById("wizard");
    const state = root && root.getAttribute("data-wizard-state");
    if (mark) {
      const ready = performance.getEntriesByName("wizard-engine-ready")[0];
      const api = window.registrationWizard;
      Promise.resolve(api && api.ready).then((info) => resolve({verdict: mark.startTime,
        ready: ready ? ready.startTime : null, start: info && info.start}), () => resolve({verdict: mark.startTime}));
    } else if (state === "failed") resolve({error: "the wizard failed: " + root.querySelector(".wizard-status").textContent});
    else if (Date.now() - t0 > 100000) resolve({error: "no first verdict within 100 s (state " + state + ")"});
    else setTimeout(poll, 25);
  })();
})"""
WAIT_BARE = """() => new Promise((resolve) => {
  const t0 = Date.now();
  (function poll() {
    if (window.__bareReady) resolve({ready: window.__bareReady});
    else if (window.__bareError) resolve({error: window.__bareError});
    else if (Date.now() - t0 > 100000) resolve({error: "no bare boot within 100 s"});
    else setTimeout(poll, 25);
  })();
})"""
# After a first visit: both service-worker scopes active with this version's one cache of files, then the
# background work of web/main.js (the snapshot), as data-engine-snapshot says.
SETTLE = """(version) => new Promise((resolve) => {
  const t0 = Date.now();
  (async function poll() {
    const regs = await navigator.serviceWorker.getRegistrations();
    const active = regs.filter((r) => r.active && !r.installing && !r.waiting).length;
    const names = await caches.keys();
    const files = names.filter((n) => !n.startsWith("wizard-snapshot-"));
    const root = document.getElementById("wizard");
    if (active === 2 && files.length === 1 && files[0].startsWith("wizard-" + version + "-")
        && root.hasAttribute("data-engine-snapshot")) {
      resolve({snapshot: root.getAttribute("data-engine-snapshot"),
               snapshotCache: names.some((n) => n.startsWith("wizard-snapshot-"))});
    } else if (Date.now() - t0 > 100000) {
      resolve({error: "first visit not settled in 100 s: " + active + " active workers, caches " + files.join(" ")
        + ", snapshot " + root.getAttribute("data-engine-snapshot")});
    } else setTimeout(poll, 100);
  })().catch((e) => resolve({error: String(e)}));
})"""
SET_STORAGE = "(items) => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); return true; }"
USER_AGENT = "() => navigator.userAgent"

BLANK_PAGE = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>blank</title></head><body></body></html>\n"
RUNTIME_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Stock Pyodide in a module worker</title></head>
<body><p>Stock Pyodide booted in a module worker (benchmark anchor, not part of the site)</p>
<script>
const params = new URLSearchParams(location.search);
const version = params.get("v");
function start(mode) {
  const worker = new Worker("/__bench/runtime-worker.mjs?v=" + version + "&mode=" + mode, {type: "module"});
  worker.onerror = (event) => { window.__bareError = "worker error: " + event.message; };
  return worker;
}
if (params.get("mode") !== "snapshot") {
  start("boot").onmessage = (event) => {
    if (event.data.ok) window.__bareReady = performance.now(); else window.__bareError = event.data.error;
  };
} else {
  // Make a snapshot in one worker, restore it in another (as web/worker.js does across visits).
  start("make").onmessage = (made) => {
    if (!made.data.ok) { window.__bareError = "make: " + made.data.error; return; }
    const t0 = performance.now();
    const restorer = start("restore");
    restorer.onmessage = (restored) => {
      if (!restored.data.ok) { window.__bareError = "restore: " + restored.data.error; return; }
      window.__snapshot = {bytes: made.data.bytes.byteLength, restoreMs: performance.now() - t0, value: restored.data.value};
      window.__bareReady = performance.now();
    };
    restorer.postMessage(made.data.bytes);
  };
}
</script></body></html>
"""
RUNTIME_WORKER = """const params = new URL(self.location.href).searchParams;
const base = "/__bench/runtimes/" + params.get("v") + "/";
const mode = params.get("mode");
const snapshot = mode === "restore" ? new Promise((resolve) => { self.onmessage = (event) => resolve(event.data); }) : null;
(async () => {
  const { loadPyodide } = await import(base + "pyodide.mjs");
  if (mode === "boot") {
    const py = await loadPyodide({ indexURL: base });
    py.runPython("1 + 1");
    postMessage({ ok: true });
  } else if (mode === "make") {
    const py = await loadPyodide({ indexURL: base, _makeSnapshot: true });
    py.runPython("import json; state = json.dumps({'restored': True})");
    const bytes = py.makeMemorySnapshot();
    postMessage({ ok: true, bytes }, [bytes.buffer]);
  } else {
    const py = await loadPyodide({ indexURL: base, _loadSnapshot: await snapshot });
    postMessage({ ok: true, value: py.runPython("state") });
  }
})().catch((error) => postMessage({ ok: false, error: String(error && error.message || error) }));
"""


def summary(values: list[float]) -> dict:
    values = [v for v in values if v is not None]
    if not values:
        return {"n": 0}
    return {"n": len(values), "median": statistics.median(values), "min": min(values), "max": max(values)}


def _engines_module():
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    import engines  # tests/browser/engines.py: the page driver over the three engines

    return engines


# --- page-process memory ------------------------------------------------------------------------------------
def _descendants(root_pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root_pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _is_page_process(engine: str, pid: int) -> bool:
    try:  # Chromium's and Firefox's children rewrite their command line into one string: read it as text
        line = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace").strip()
    except OSError:
        return False
    if engine == "chromium":
        return "--type=renderer" in line.split()
    if engine == "webkit":
        return line.split(" ", 1)[0].endswith("WebKitWebProcess")
    return "-contentproc" in line.split() and line.endswith(" tab")


def page_processes(engine: str) -> list[int]:
    return [pid for pid in _descendants(os.getpid()) if _is_page_process(engine, pid)]


def reset_peaks(engine: str) -> None:
    for pid in page_processes(engine):
        try:
            Path(f"/proc/{pid}/clear_refs").write_text("5")  # 5: reset the peak RSS (VmHWM) to the current RSS
        except OSError:
            pass


def peak_mib(engine: str, field: str = "VmHWM") -> float | None:
    """The largest VmHWM (or `field`, e.g. VmRSS) among the engine's page processes, MiB."""
    peaks = []
    for pid in page_processes(engine):
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith(field + ":"):
                    peaks.append(int(line.split()[1]) / 1024)
        except OSError:
            continue
    return max(peaks) if peaks else None


# --- the sections --------------------------------------------------------------------------------------------
class EngineBench:
    """The engine sections of one bench run; `bench` is scripts/bench.py's Bench (server, notes, results)."""

    def __init__(self, bench, base: str, chromium_browser):
        self.bench = bench
        self.base = base
        self.engines_mod = _engines_module()
        self.names = list(bench.args.engines.split(",")) if getattr(bench.args, "engines", None) else list(ENGINE_NAMES)
        self.open: dict[str, Any] = {}
        self.chromium_browser = chromium_browser
        self.version = json.loads((bench.site_dir / "wizard-assets" / "manifest.json").read_text())["version"]
        (bench.bench_dir / "blank.html").write_text(BLANK_PAGE, encoding="utf-8")
        self.figures = bench.results["figures"].setdefault("engines", {})
        self.samples = bench.results["samples"].setdefault("engines", {})

    def engine(self, name: str):
        if name not in self.open:
            self.open[name] = self.engines_mod.launch(name, self.chromium_browser)
        return self.open[name]

    def close(self) -> None:
        for engine in self.open.values():
            engine.close()
        self.open.clear()

    def page(self, name: str, service_workers: bool, page_cache: bool = True):
        engine = self.engine(name)
        page = (engine.new_page(service_workers=service_workers) if page_cache
                else engine.new_page(service_workers=service_workers, page_cache=False))
        versions = self.bench.results["meta"].setdefault("engines", {})
        if name not in versions:
            versions[name] = page.evaluate(USER_AGENT)
        return page

    def note(self, text: str) -> None:
        self.bench.note(text)

    # one visit each ---------------------------------------------------------
    def bare(self, page, url: str) -> float | None:
        page.goto(url)
        result = page.evaluate(WAIT_BARE)
        if result.get("error"):
            self.note(f"{page.engine}: bare boot {url.rsplit('/', 1)[-1]}: {result['error']}")
            return None
        return result["ready"]

    def wizard(self, page, base: str) -> dict:
        page.goto(base + "/wizard/" + CASE_FRAGMENT)
        result = page.evaluate(WAIT_VERDICT)
        if result.get("error"):
            self.note(f"{page.engine}: wizard: {result['error']}")
        return result

    def first_and_repeat(self, name: str, base: str, server, storage: dict | None = None) -> dict:
        """A first visit (with `storage` preset in the origin's localStorage), its background work, then the
        repeat visit from about:blank. The repeat's figures, with the settle outcome and the server's requests."""
        page = self.page(name, service_workers=True)
        try:
            if storage:
                page.goto(base + "/__bench/blank.html")
                page.evaluate(SET_STORAGE, storage)
            first = self.wizard(page, base)
            if first.get("error"):
                return {"error": first["error"]}
            settled = page.evaluate(SETTLE, self.version)
            if settled.get("error"):
                self.note(f"{name}: {settled['error']}")
                return {"error": settled["error"]}
            page.goto("about:blank")
            mark = server.mark()
            repeat = self.wizard(page, base)
            served = server.served_since(mark, settle=0.1)
            return {**repeat, "settled": settled, "requests": len(served), "paths": [x.path for x in served]}
        finally:
            page.close()

    def cold_warm(self, name: str, base: str, server, kind: str, page_cache: bool = True) -> tuple[dict, dict, int]:
        """Cold then warm (about:blank between), service workers off; and the .wasm responses the cold visit got.
        `page_cache=False` (WebKit only): the back-forward cache off, so the cold page is gone when the warm
        one starts."""
        page = self.page(name, service_workers=False, page_cache=page_cache)
        try:
            mark = server.mark()
            if kind == "bare":
                cold: dict = {"verdict": self.bare(page, base + "/__bench/bare.html")}
            else:
                cold = self.wizard(page, base)
            wasm = sum(1 for s in server.served_since(mark, settle=0) if s.path.endswith(".wasm") and s.status == 200)
            page.goto("about:blank")
            warm = {"verdict": self.bare(page, base + "/__bench/bare.html")} if kind == "bare" else self.wizard(page, base)
            return cold, warm, wasm
        finally:
            page.close()

    # section: engines (and the machinery off in turn) -----------------------
    def run_engines(self, machinery: bool = True) -> None:
        bench = self.bench
        servers = {"site": (self.base, bench.server)}
        keys = ["bare_cold", "bare_warm", "cold", "warm", "repeat", "repeat_requests", "cold_wasm_responses"]
        if machinery:
            keys += ["repeat_no_snapshot", "bare_warm_no_page_cache", "warm_no_page_cache"]
        samples: dict[str, dict[str, list]] = {name: {k: [] for k in keys} | {"starts": [], "settled": [], "repeat_paths": []}
                                               for name in self.names}
        tasks = ["bare", "wizard", "repeat"]
        if machinery:
            tasks += ["no_snapshot"]
        # WebKit keeps the page just left alive in its back-forward cache, engine and all; the warm visit that
        # follows in the same process is measured again with that cache off, wizard and bare boot alike.
        webkit_tasks = ["bare_no_page_cache", "wizard_no_page_cache"] if machinery else []
        for run in range(bench.args.runs):
            names = self.names[run % len(self.names):] + self.names[:run % len(self.names)]
            for name in names:
                s = samples[name]
                todo = (tasks + (webkit_tasks if name == "webkit" else [])) if run < bench.args.machinery_runs else tasks[:3]
                for task in (todo if run % 2 == 0 else todo[::-1]):
                    self.engine_task(name, task, servers, s)
                print(f"  {name} run {run + 1}/{bench.args.runs}: " + ", ".join(
                    f"{k} {s[k][-1]:.0f}" for k in keys if s[k] and s[k][-1] is not None and "requests" not in k
                    and "responses" not in k) + " ms")
        for name, s in samples.items():
            fig: dict[str, Any] = {k: summary(v) for k, v in s.items() if k not in ("starts", "settled", "repeat_paths")}
            fig["repeat_paths"] = sorted({p for paths in s["repeat_paths"] for p in paths})
            fig["starts"] = {start: s["starts"].count(start) for start in sorted(set(map(str, s["starts"])))}
            fig["settled"] = sorted({f"snapshot {x.get('snapshot')}"
                                     f"{'' if x.get('snapshotCache') else ' (no snapshot cache after it)'}"
                                     for x in s["settled"]})
            for figure, anchor in (("cold", "bare_cold"), ("warm", "bare_warm"), ("repeat", "bare_warm"),
                                   ("warm_no_page_cache", "bare_warm_no_page_cache")):
                if fig[figure].get("n") and fig[anchor].get("n"):
                    fig[f"{figure}_ratio"] = fig[figure]["median"] / fig[anchor]["median"]
            if s["cold_wasm_responses"] and min(s["cold_wasm_responses"]) == 0:
                self.note(f"{name}: a cold visit got no .wasm from the server (its HTTP cache was not empty)")
            self.figures[name] = fig
            self.samples[name] = s

    def engine_task(self, name: str, task: str, servers: dict, s: dict) -> None:
        base, server = servers["site"]
        try:
            if task == "bare":
                cold, warm, _ = self.cold_warm(name, base, server, "bare")
                s["bare_cold"].append(cold.get("verdict"))
                s["bare_warm"].append(warm.get("verdict"))
            elif task in ("bare_no_page_cache", "wizard_no_page_cache"):
                kind = task.removesuffix("_no_page_cache")
                _, warm, _ = self.cold_warm(name, base, server, kind, page_cache=False)
                s[("bare_warm" if kind == "bare" else "warm") + "_no_page_cache"].append(warm.get("verdict"))
            elif task == "wizard":
                cold, warm, wasm = self.cold_warm(name, base, server, "wizard")
                s["cold"].append(cold.get("verdict"))
                s["warm"].append(warm.get("verdict"))
                s["cold_wasm_responses"].append(wasm)
            else:
                storage = {SNAPSHOT_FAILED_KEY: self.version} if task == "no_snapshot" else None
                result = self.first_and_repeat(name, base, server, storage)
                key = "repeat" if task == "repeat" else "repeat_" + task
                s[key].append(result.get("verdict"))
                if task == "repeat" and not result.get("error"):
                    s["repeat_requests"].append(result["requests"])
                    s["repeat_paths"].append(result["paths"])
                    s["starts"].append(result.get("start"))
                    s["settled"].append(result["settled"])
        except Exception as error:  # one failed visit: say which, keep the others
            self.note(f"{name}: {task}: {type(error).__name__}: {str(error).splitlines()[0][:200]}")
            self.restart(name)

    def restart(self, name: str) -> None:
        """After a driver error, the engine is started again for the next visit."""
        engine = self.open.pop(name, None)
        if engine is not None:
            try:
                engine.close()
            except Exception:
                pass

    # section: runtimes --------------------------------------------------------
    def install_runtimes(self, tmp: Path) -> dict[str, dict]:
        """Each runtime in /__bench/runtimes/<version>/, precompressed; returns its bytes."""
        sys.path.insert(0, str(ROOT / "hooks"))
        from precompress import precompress

        folder = self.bench.bench_dir / "runtimes"
        sizes: dict[str, dict] = {}
        for version in RUNTIMES:
            target = folder / version
            target.mkdir(parents=True, exist_ok=True)
            source = ROOT / "node_modules" / "pyodide"
            if json.loads((source / "package.json").read_text())["version"] != version:
                packed = subprocess.run(["npm", "pack", f"pyodide@{version}", "--pack-destination", str(tmp), "--silent"],
                                        cwd=tmp, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
                source = tmp / f"unpacked-{version}"
                source.mkdir()
                subprocess.run(["tar", "xzf", str(tmp / packed), "-C", str(source), "--strip-components=1"], check=True)
            for file in RUNTIME_FILES:
                if (source / file).exists():
                    shutil.copyfile(source / file, target / file)
        (self.bench.bench_dir / "runtime.html").write_text(RUNTIME_PAGE, encoding="utf-8")
        (self.bench.bench_dir / "runtime-worker.mjs").write_text(RUNTIME_WORKER, encoding="utf-8")
        precompress(self.bench.bench_dir)
        for version in RUNTIMES:
            target = folder / version
            files = [f for f in RUNTIME_FILES if (target / f).exists()]
            br = {f: (target / f"{f}.br").stat().st_size if (target / f"{f}.br").exists() else (target / f).stat().st_size
                  for f in files}
            gz = {f: (target / f"{f}.gz").stat().st_size if (target / f"{f}.gz").exists() else (target / f).stat().st_size
                  for f in files}
            sizes[version] = {"files": files, "wasm_raw": (target / "pyodide.asm.wasm").stat().st_size,
                              "wasm_br": br["pyodide.asm.wasm"], "wasm_gz": gz["pyodide.asm.wasm"],
                              "total_br": sum(br.values()), "total_gz": sum(gz.values()),
                              "total_raw": sum((target / f).stat().st_size for f in files)}
        return sizes

    def run_runtimes(self, tmp: Path) -> None:
        bench = self.bench
        sizes = self.install_runtimes(tmp)
        out = bench.results["figures"].setdefault("runtimes", {"bytes": sizes})
        samples: dict[str, dict[str, dict[str, list]]] = {
            name: {v: {"cold": [], "warm": []} for v in RUNTIMES} for name in self.names}
        snapshots: dict[str, dict[str, Any]] = {name: {} for name in self.names}
        for run in range(bench.args.runs):
            for name in self.names:
                versions = RUNTIMES[run % 3:] + RUNTIMES[:run % 3]
                for version in versions:
                    url = f"{self.base}/__bench/runtime.html?v={version}"
                    try:
                        page = self.page(name, service_workers=False)
                        try:
                            samples[name][version]["cold"].append(self.bare(page, url))
                            page.goto("about:blank")
                            samples[name][version]["warm"].append(self.bare(page, url))
                        finally:
                            page.close()
                    except Exception as error:
                        self.note(f"{name}: runtime {version}: {type(error).__name__}: {str(error).splitlines()[0][:200]}")
                        self.restart(name)
                print(f"  runtimes {name} run {run + 1}/{bench.args.runs}: " + ", ".join(
                    f"{v} {(samples[name][v]['cold'] or [0])[-1] or 0:.0f}/{(samples[name][v]['warm'] or [0])[-1] or 0:.0f}"
                    for v in RUNTIMES) + " ms cold/warm")
        for name in self.names:  # the snapshot API: made in one worker, restored in another
            for version in RUNTIMES:
                try:
                    page = self.page(name, service_workers=False)
                    try:
                        page.goto(f"{self.base}/__bench/runtime.html?v={version}&mode=snapshot")
                        result = page.evaluate(WAIT_BARE)
                        info = page.evaluate("() => window.__snapshot || null")
                    finally:
                        page.close()
                    snapshots[name][version] = ({"ok": True, **info} if info and info.get("value") else
                                                {"ok": False, "error": result.get("error", "no value restored")})
                except Exception as error:
                    snapshots[name][version] = {"ok": False, "error": f"{type(error).__name__}: {str(error)[:200]}"}
                    self.restart(name)
                print(f"  snapshot API {name} {version}: {snapshots[name][version]}")
        out["boot"] = {name: {v: {t: summary(samples[name][v][t]) for t in ("cold", "warm")} for v in RUNTIMES}
                       for name in self.names}
        out["snapshot"] = snapshots
        bench.results["samples"]["runtimes"] = samples

    # section: memory ------------------------------------------------------------
    def run_memory(self) -> None:
        bench = self.bench
        keys = ["bare", "first_verdict", "first_settled", "repeat_start", "repeat", "first_verdict_no_snapshot",
                "first_settled_no_snapshot", "repeat_start_no_snapshot", "repeat_no_snapshot"]
        samples: dict[str, dict[str, list]] = {name: {k: [] for k in keys} for name in self.names}
        for run in range(bench.args.memory_runs):
            for name in self.names:
                s = samples[name]
                try:
                    self.memory_visits(name, s)
                except Exception as error:
                    self.note(f"{name}: memory: {type(error).__name__}: {str(error).splitlines()[0][:200]}")
                    self.restart(name)
                print(f"  memory {name} run {run + 1}/{bench.args.memory_runs}: " + ", ".join(
                    f"{k} {s[k][-1]:.0f}" for k in keys if s[k] and s[k][-1] is not None) + " MiB")
        bench.results["figures"]["memory"] = {name: {k: summary(v) for k, v in s.items()} for name, s in samples.items()}
        bench.results["samples"]["memory"] = samples

    def memory_visits(self, name: str, s: dict) -> None:
        base = self.base
        page = self.page(name, service_workers=False)
        try:
            reset_peaks(name)
            if self.bare(page, base + "/__bench/bare.html") is not None:
                s["bare"].append(peak_mib(name))
        finally:
            page.close()
        for suffix, storage in (("", None), ("_no_snapshot", {SNAPSHOT_FAILED_KEY: self.version})):
            page = self.page(name, service_workers=True)
            try:
                if storage:
                    page.goto(base + "/__bench/blank.html")
                    page.evaluate(SET_STORAGE, storage)
                reset_peaks(name)
                if self.wizard(page, base).get("error"):
                    continue
                s["first_verdict" + suffix].append(peak_mib(name))
                if page.evaluate(SETTLE, self.version).get("error"):
                    continue
                s["first_settled" + suffix].append(peak_mib(name))
                page.goto("about:blank")
                time.sleep(2)  # the first visit's workers are gone; what the process still holds is the repeat's start
                s["repeat_start" + suffix].append(peak_mib(name, "VmRSS"))
                reset_peaks(name)
                if not self.wizard(page, base).get("error"):
                    s["repeat" + suffix].append(peak_mib(name))
            finally:
                page.close()


# --- reporting ------------------------------------------------------------------------------------------------
def _ms(fig: dict) -> str:
    return f"{fig['median']:.0f} ms ({fig['min']:.0f}–{fig['max']:.0f})" if fig.get("n") else "—"


def _mib(fig: dict) -> str:
    return f"{fig['median']:.0f} MiB ({fig['min']:.0f}–{fig['max']:.0f})" if fig.get("n") else "—"


def engines_markdown(results: dict, targets: dict) -> list[str]:
    figures = results["figures"].get("engines", {})
    if not figures:
        return []
    names = list(figures)
    agents = results["meta"].get("engines", {})
    lines = ["", "Per engine: navigation → first verdict drawn (the page's `wizard-first-verdict` mark) against a bare "
             "stock boot in that engine, same run, interleaved; ratio of medians, target, met:", "",
             "| Figure | " + " | ".join(ENGINE_NAMES[n] for n in names) + " | Target |",
             "|---|" + "---|" * len(names) + "---|"]
    rows = (("cold", "bare_cold", "ready_ratio_cold", "Wizard ready, cold (fresh profile, no service worker)"),
            ("warm", "bare_warm", "ready_ratio_warm", "Wizard ready, warm (HTTP cache)"),
            ("warm_no_page_cache", "bare_warm_no_page_cache", "ready_ratio_warm",
             "The same warm visit with WebKit's back-forward cache off (the cold page gone when it starts)"),
            ("repeat", "bare_warm", "repeat_ratio", "Repeat visit through the service worker, against a bare warm boot"))
    for figure, anchor, goal_key, label in rows:
        if not any(figures[n].get(figure, {}).get("n") for n in names):
            continue
        cells = []
        for n in names:
            f = figures[n]
            ratio = f.get(f"{figure}_ratio")
            met = "—" if ratio is None else ("yes" if ratio <= targets[goal_key] else "**no**")
            cells.append(f"{_ms(f.get(figure, {}))} / {_ms(f.get(anchor, {}))} = "
                         f"{f'{ratio:.2f}×' if ratio else '—'}, {met}")
        lines.append(f"| {label} | " + " | ".join(cells) + f" | ≤ {targets[goal_key]}× |")
    lines.append("| Repeat visit: how the engine started | " + " | ".join(
        ", ".join(f"{k} {v}" for k, v in figures[n].get("starts", {}).items()) or "—" for n in names) + " | — |")
    lines.append("| Repeat visit: requests that reached the server before the first verdict | " + " | ".join(
        (lambda r, paths: f"{r['median']:.0f} ({r['min']:.0f}–{r['max']:.0f})" + (
            ": " + ", ".join(f"`{p}`" for p in paths) if paths else "") if r.get("n") else "—")(
            figures[n].get("repeat_requests", {}), figures[n].get("repeat_paths", [])) for n in names)
        + f" | {targets['repeat_requests']} |")
    lines.append("| First visit's background work (web/main.js) | " + " | ".join(
        "; ".join(figures[n].get("settled", [])) or "—" for n in names) + " | — |")
    if any(figures[n].get("repeat_no_snapshot", {}).get("n") for n in names):
        lines += ["", "Each piece of speed machinery off in turn, on the visit it targets (same run, interleaved with "
                  "the figures above): navigation → first verdict with it on / off, and the share of that visit it "
                  f"saves ((off − on) / off; below {CANDIDATE_BELOW:.0%} in every engine = a candidate to go):", "",
                  "| Piece (off how) | Visit | " + " | ".join(ENGINE_NAMES[n] for n in names) + " | Candidate to go |",
                  "|---|---|" + "---|" * len(names) + "---|"]
        for piece, (visit, label) in MACHINERY.items():
            key = f"{visit}_no_{piece}"
            cells, shares = [], []
            for n in names:
                on, off = figures[n].get(visit, {}), figures[n].get(key, {})
                if on.get("n") and off.get("n"):
                    share = (off["median"] - on["median"]) / off["median"]
                    shares.append(share)
                    cells.append(f"{on['median']:.0f} / {_ms(off)}: {share:+.0%}")
                else:
                    cells.append("—")
            candidate = "—" if not shares else ("**yes**" if all(x < CANDIDATE_BELOW for x in shares) else "no")
            lines.append(f"| {label} | {visit} | " + " | ".join(cells) + f" | {candidate} |")
    if agents:
        lines += ["", "Engines: " + "; ".join(f"{ENGINE_NAMES.get(n, n)} `{agent}`" for n, agent in agents.items()) + "."]
    return lines


def runtimes_markdown(results: dict, targets: dict) -> list[str]:
    runtimes = results["figures"].get("runtimes")
    if not runtimes or "boot" not in runtimes:
        return []
    names = list(runtimes["boot"])
    lines = ["", "Stock Pyodide runtimes, a bare boot in a module worker (`loadPyodide()` + `1 + 1`), same run, "
             "interleaved; bytes as precompressed for nginx (brotli 11); snapshot: `_makeSnapshot` + "
             "`makeMemorySnapshot()` in one worker, `_loadSnapshot` in another, a Python value restored:", "",
             "| Runtime | .wasm brotli | All files a boot fetches, brotli (gzip) | " +
             " | ".join(f"{ENGINE_NAMES[n]} cold / warm" for n in names) + " | Snapshot API (restore, ms) |",
             "|---|---|---|" + "---|" * len(names) + "---|"]
    base = {n: runtimes["boot"][n].get(RUNTIMES[0], {}) for n in names}
    for version in RUNTIMES:
        b = runtimes["bytes"][version]
        cells = []
        for n in names:
            boot = runtimes["boot"][n][version]
            cell = f"{_ms(boot['cold'])} / {_ms(boot['warm'])}"
            if version != RUNTIMES[0] and boot["cold"].get("n") and base[n]["cold"].get("n"):
                cell += (f" ({boot['cold']['median'] / base[n]['cold']['median']:.2f}× / "
                         f"{boot['warm']['median'] / base[n]['warm']['median']:.2f}× of {RUNTIMES[0]})")
            cells.append(cell)
        snaps = runtimes.get("snapshot", {})
        snap = "; ".join(f"{ENGINE_NAMES[n]} " + (f"yes ({s['restoreMs']:.0f} ms, {s['bytes'] / 1e6:.1f} MB)" if s.get("ok")
                                                  else f"**no**: {s.get('error', '')[:80]}")
                         for n in names for s in [snaps.get(n, {}).get(version, {})])
        lines.append(f"| {version} | {b['wasm_br'] / 1e6:.2f} MB (gzip {b['wasm_gz'] / 1e6:.2f} MB) | {b['total_br'] / 1e6:.2f} MB "
                     f"({b['total_gz'] / 1e6:.2f} MB) | " + " | ".join(cells) + f" | {snap} |")
    return lines


def memory_markdown(results: dict) -> list[str]:
    memory = results["figures"].get("memory")
    if not memory:
        return []
    names = list(memory)
    rows = (("bare", "Bare stock boot (main thread), cold"),
            ("first_verdict", "First visit, until the first verdict"),
            ("first_settled", "First visit, until its background work is done (snapshot made)"),
            ("repeat_start", "Repeat visit in the same tab: resident at its start (about:blank, 2 s after the first visit)"),
            ("repeat", "Repeat visit (snapshot used), peak"),
            ("first_verdict_no_snapshot", "First visit without the snapshot, until the first verdict"),
            ("first_settled_no_snapshot", "First visit without the snapshot, background work done"),
            ("repeat_start_no_snapshot", "Repeat visit without the snapshot: resident at its start"),
            ("repeat_no_snapshot", "Repeat visit without the snapshot, peak"))
    lines = ["", "Peak resident memory (VmHWM, reset before each visit) of the engine's page process, where the "
             "page's Web Workers run too; median (min–max):", "",
             "| Visit | " + " | ".join(ENGINE_NAMES[n] for n in names) + " |", "|---|" + "---|" * len(names)]
    for key, label in rows:
        lines.append(f"| {label} | " + " | ".join(_mib(memory[n].get(key, {})) for n in names) + " |")
    return lines


def write_between_markers(path: Path, name: str, text: str) -> bool:
    """Replaces what is between <!-- bench:<name>:start --> and <!-- bench:<name>:end --> in `path`."""
    start, end = f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"
    content = path.read_text(encoding="utf-8")
    if start not in content or end not in content:
        return False
    head, rest = content.split(start, 1)
    _, tail = rest.split(end, 1)
    path.write_text(f"{head}{start}\n{text.strip()}\n{end}{tail}", encoding="utf-8")
    return True


def tmpdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="bench-engines-"))
