#!/usr/bin/env python3
"""Benchmark of the built site in a real browser: wizard start-up against a bare boot of stock Pyodide, on
loopback and under emulated phone networks, a repeat visit through the service worker, answer latency,
page weight (brotli and gzip) against a vanilla Material page, and build time.

A benchmark, not a test: it never fails on a slow figure. It prints medians with min/max, writes the raw
samples to bench-results/bench-<time>.json and a Markdown table to scripts/bench-latest.md (the table the
README's "Performance" section shows).

    make build                               # the site in site/
    .venv/bin/python scripts/bench.py        # 5 runs per figure, 100 answer changes
    .venv/bin/python scripts/bench.py --runs 3 --changes 30 --build-runs 1   # quick look
    .venv/bin/python scripts/bench.py --only engines --engines webkit --runs 1 --markdown - --performance -

How each figure is taken (nginx with deploy/nginx/site.conf on loopback, scripts/quality/server.py; Debian's
Chromium through Playwright with the flags of scripts/quality/browser.py; a fresh browser context = an empty
HTTP cache and no service worker):
- bare boot: a blank page served by this script only (not part of the site) loads *stock* Pyodide, the
  version the site runs (node_modules/pyodide, precompressed like the site's files, served from /__bench/stock/) and runs
  ``loadPyodide()``; cold = fresh context, warm = the same page again in that context;
- phone networks: the same cold wizard and cold bare boot with Chromium's network emulation (CDP
  ``Network.emulateNetworkConditions``: throughput and round-trip time) on the page and on its workers;
- repeat visit: a context that visited the wizard once, whose service worker is active and whose first
  visit has saved the engine's memory snapshot (web/engine-snapshot.js) loads the wizard again; the figure
  is navigation -> first verdict, and the requests that reached nginx before the first verdict, then,
  separately, those in the next 3 s (the browser's own update check of the service worker, which it makes
  after a navigation in the worker's scope: how a reader gets a new build);
- repeat visits in a new browser process: one profile per run, the browser launched anew for each visit (as
  on a reader's next day: no compiled code kept in memory, only what the browser stored); the wizard's visits
  2 and 3 and a bare stock boot's visit 2, for information;
- wizard: ``navigation -> form usable`` (the wizard's first question can be answered) and
  ``navigation -> first verdict computable`` (``registrationWizard.check(case)``, called as soon as the API
  exists, has resolved), measured from the navigation start (performance.now()), cold and warm, run by run
  next to a bare boot; ratios are wizard median / bare median;
- long tasks: sum of PerformanceObserver "longtask" durations from navigation to first verdict;
- answer -> result: an answer is changed the way a person does (a ``change`` event on a form control) and the
  time to the next update of the result region is taken, over ``--changes`` changes;
- page weight: requests, decoded bytes (file sizes) and transferred bytes (body + headers, brotli as Chromium
  asks for it) as logged by nginx for one navigation until the network is idle; the wizard again from an
  nginx serving gzip only (what GitHub Pages does); the vanilla page is scripts/quality/vanilla.py;
- build: wall time of ``python -m sitebuild.assets`` (hooks/sitebuild) + ``mkdocs build --strict`` into a temporary directory;
- engines, runtimes, memory (scripts/quality/engine_bench.py, whose docstring says how): cold, warm and repeat
  ready in Chromium, WebKitGTK and Firefox ESR against a bare stock boot in each, and each piece of speed
  machinery off in turn (``--machinery-runs``); stock Pyodide 0.26.4, 0.29.5 and 314.0.8 in each engine; the
  page process's peak memory (``--memory-runs``). Their tables also go between their markers in
  PERFORMANCE.md (``bench:engines``, ``bench:runtimes``, ``bench:memory``; ``--performance``):

    .venv/bin/python scripts/bench.py --only engines,runtimes,memory --runs 5
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "hooks"))
from precompress import precompress  # noqa: E402
from quality import engine_bench  # noqa: E402
from quality import targets as targets_file  # noqa: E402
from quality.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from quality.server import StaticSite  # noqa: E402
from quality.vanilla import build_vanilla  # noqa: E402

STOCK = ROOT / "node_modules" / "pyodide"
STOCK_FILES = ["pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]
# Phone networks emulated by Chromium: name -> (download bit/s, upload bit/s, round-trip ms).
NEW_PROCESS_DWELL_S = 5  # a new-process visit stays open this long after its answer (run_new_process)
NETWORKS = {"10 Mbit/s, 100 ms": (10e6, 5e6, 100), "1.6 Mbit/s, 150 ms": (1.6e6, 0.75e6, 150)}

PAGES = {  # page type -> path under a language root
    "home": "",
    "procedure": "jiangsu/renewal/",
    "faq": "zhejiang/faq/",
    "wizard": "wizard/",
}
LANGUAGES = {"zh": "/", "en": "/en/"}
RUNTIME_MARKERS = ("pyodide", ".whl", "python_stdlib")

# The case the benchmark asks the wizard for: a Zhejiang initial registration (always valid).
BENCH_CASE = {
    "province": "zhejiang",
    "profession": "cost_engineer",
    "action": "initial",
    "today": "2026-11-21",
    "answers": {
        "qualification_province": "zhejiang",
        "specialty": "civil",
        "certificate_issue_date": "2025-12-01",
        "employer_type": "cost_consulting",
    },
}

TARGETS = targets_file.load()  # scripts/quality/targets.toml

BARE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide boot</title>
<script src="{runtime}pyodide.js"></script></head>
<body><p>Bare Pyodide boot (benchmark anchor, not part of the site)</p>
<script>
loadPyodide({{indexURL: "{runtime}"}}).then(
  (py) => {{ py.runPython("1 + 1"); window.__bareReady = performance.now(); }},
  (error) => {{ window.__bareError = String(error); }});
</script></body></html>
"""
BARE_WORKER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide boot in a worker</title></head>
<body><p>Bare Pyodide boot in a Web Worker (benchmark anchor, not part of the site)</p>
<script>
const worker = new Worker("/__bench/bare-worker.js");
worker.onmessage = (event) => {{
  if (event.data === "ready") window.__bareReady = performance.now(); else window.__bareError = event.data;
}};
</script></body></html>
"""
BARE_WORKER = """importScripts("{runtime}pyodide.js");
loadPyodide({{indexURL: "{runtime}"}}).then(
  (py) => {{ py.runPython("1 + 1"); postMessage("ready"); }},
  (error) => postMessage(String(error)));
"""

# Injected before any page script: long tasks, when the form becomes usable, when a verdict is computable.
# The wizard (web/wizard.js) marks "wizard-form-ready" (performance mark, also data-form-ready on #wizard)
# and exposes registrationWizard.check() and .ready; the probe polls for its own view of both as a check.
WIZARD_PROBE = """
(() => {
  const probe = window.__bench = {longtasks: [], formSeen: null, called: null, verdict: null, ready: null, error: null};
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longtasks.push([entry.startTime, entry.duration]);
    }).observe({type: "longtask", buffered: true});
  } catch (error) { probe.longtaskError = String(error); }
  const CASE = __CASE__;
  const FORM = __FORM_SELECTOR__;
  function usable() {
    for (const el of document.querySelectorAll(FORM)) {
      if (el.disabled || el.closest("[hidden], [inert], fieldset[disabled]")) continue;
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) return true;
    }
    return false;
  }
  function poll() {
    if (probe.formSeen === null && document.body && usable()) probe.formSeen = performance.now();
    const api = window.registrationWizard;
    if (probe.called === null && api && typeof api.check === "function") {
      probe.called = performance.now();
      Promise.resolve(api.check(CASE)).then(
        (report) => { probe.verdict = performance.now(); probe.report = report; },
        (error) => { probe.error = JSON.stringify(error); });
      if (api.ready) Promise.resolve(api.ready).then(() => { probe.ready = performance.now(); }, () => {});
    }
    if (probe.formSeen === null || probe.called === null) setTimeout(poll, 2);
  }
  poll();
})();
"""
# The wizard's first question: the province select inside the wizard form (not the site's search box).
FORM_SELECTOR = os.environ.get("BENCH_FORM_SELECTOR", "#wizard .wizard-form select, [data-wizard] select")


def summary(values: list[float]) -> dict:
    values = [v for v in values if v is not None]
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return {"n": len(values), "median": statistics.median(values), "min": ordered[0], "max": ordered[-1],
            "p95": p95}


# --- measurements ---------------------------------------------------------------------------------------

def weight_figures(url: str, runs: list[dict]) -> dict:
    """One page's weight figures over its runs: medians (with min and max) of what each run counted."""
    return {"url": url, **{key: summary([r[key] for r in runs]) for key in ("requests", "decoded", "transferred", "pyodide_bytes")},
            "external_requests": sorted({u for r in runs for u in r["external_requests"]}), "paths": runs[0]["paths"]}

class Bench:
    def __init__(self, args):
        self.args = args
        self.site_dir = Path(args.site).resolve()
        self.bench_dir = Path(tempfile.mkdtemp(prefix="bench-pages-"))
        self.server = StaticSite(self.site_dir, aliases={"/__bench/": self.bench_dir}, types={"mjs": "text/javascript"})
        self.runtime = "/__bench/stock/" if (STOCK / "pyodide.asm.wasm").exists() else None
        self.results: dict = {"figures": {}, "samples": {}, "notes": []}
        if (STOCK / "package.json").exists():
            self.results["figures"]["pyodide_version"] = json.loads((STOCK / "package.json").read_text())["version"]

    def note(self, text: str) -> None:
        if text not in self.results["notes"]:
            print("note:", text)
            self.results["notes"].append(text)

    # bare boot ------------------------------------------------------------------
    def install_bare_pages(self) -> None:
        """The bare-boot pages and a copy of stock Pyodide in /__bench/, precompressed like the site."""
        runtime = self.runtime
        (self.bench_dir / "bare.html").write_text(BARE_PAGE.format(runtime=runtime), encoding="utf-8")
        (self.bench_dir / "bare-worker.html").write_text(BARE_WORKER_PAGE.format(), encoding="utf-8")
        (self.bench_dir / "bare-worker.js").write_text(BARE_WORKER.format(runtime=runtime), encoding="utf-8")
        (self.bench_dir / "stock").mkdir(exist_ok=True)
        for name in STOCK_FILES:
            shutil.copyfile(STOCK / name, self.bench_dir / "stock" / name)
        precompress(self.bench_dir)

    def boot(self, page, url: str, timeout_s: float = 60) -> float | None:
        page.goto(url, wait_until="commit")
        page.wait_for_function("window.__bareReady || window.__bareError", timeout=timeout_s * 1000)
        error = page.evaluate("window.__bareError || null")
        if error:
            raise RuntimeError(f"bare boot failed: {error}")
        return page.evaluate("window.__bareReady")

    def wizard_start(self, page, url: str, timeout_s: float = 60) -> dict:
        page.goto(url, wait_until="commit")
        try:
            page.wait_for_function("window.__bench && (window.__bench.verdict || window.__bench.error)",
                                   timeout=timeout_s * 1000)
        except Exception as exc:  # keep the other figures; say why this one is missing
            return {"error": f"no verdict within {timeout_s:.0f} s ({type(exc).__name__})"}
        probe = page.evaluate(
            "(() => { const p = window.__bench; const mark = performance.getEntriesByName('wizard-form-ready')[0];"
            " return {formUsable: mark ? mark.startTime : p.formSeen, formSeen: p.formSeen, called: p.called,"
            " verdict: p.verdict, ready: p.ready, error: p.error, longtasks: p.longtasks,"
            " verdictValue: p.report && p.report.verdict}; })()")
        if probe["verdict"]:
            probe["longtaskSum"] = sum(d for start, d in probe["longtasks"] if start <= probe["verdict"])
            probe["longtaskMax"] = max([d for start, d in probe["longtasks"] if start <= probe["verdict"]] or [0])
        return probe

    def run_boot(self, browser, base: str) -> None:
        runs = self.args.runs
        samples = {k: [] for k in ("bare_cold", "bare_warm", "bare_worker_cold", "bare_worker_warm",
                                   "form_cold", "form_warm", "verdict_cold", "verdict_warm",
                                   "longtasks_cold", "longtasks_warm", "longtask_max_cold")}
        errors = []
        probe = WIZARD_PROBE.replace("__CASE__", json.dumps(BENCH_CASE)).replace(
            "__FORM_SELECTOR__", json.dumps(FORM_SELECTOR))
        for run in range(runs):
            order = ["bare", "wizard", "bare_worker"] if run % 2 == 0 else ["wizard", "bare_worker", "bare"]
            for kind in order:
                # No service worker here: "warm" is the HTTP cache only (the repeat visit below is the worker's).
                context = browser.new_context(service_workers="block")
                page = context.new_page()
                try:
                    if kind in ("bare", "bare_worker"):
                        url = base + ("/__bench/bare.html" if kind == "bare" else "/__bench/bare-worker.html")
                        samples[f"{kind}_cold"].append(self.boot(page, url))
                        samples[f"{kind}_warm"].append(self.boot(page, url))
                    else:
                        context.add_init_script(probe)
                        for temp in ("cold", "warm"):
                            result = self.wizard_start(page, base + "/wizard/")
                            if result.get("error") or not result.get("verdict"):
                                errors.append(f"{temp}: {result.get('error')}")
                                continue
                            samples[f"form_{temp}"].append(result["formUsable"])
                            samples[f"verdict_{temp}"].append(result["verdict"])
                            samples[f"longtasks_{temp}"].append(result["longtaskSum"])
                            if temp == "cold":
                                samples["longtask_max_cold"].append(result["longtaskMax"])
                finally:
                    context.close()
            print(f"  boot run {run + 1}/{runs}: bare {samples['bare_cold'][-1]:.0f}/{samples['bare_warm'][-1]:.0f} ms"
                  + (f", wizard {samples['verdict_cold'][-1]:.0f}/{samples['verdict_warm'][-1]:.0f} ms"
                     if samples["verdict_cold"] else ""))
        if errors:
            self.note("wizard start: " + "; ".join(sorted(set(errors))))
        if samples["form_cold"] and any(v is None for v in samples["form_cold"]):
            self.note(f"form usable: no element matched {FORM_SELECTOR!r} before the verdict")
        self.results["samples"]["boot"] = samples
        figures = self.results["figures"]
        for key, values in samples.items():
            figures[key] = summary(values)
        for temp in ("cold", "warm"):
            bare = figures[f"bare_{temp}"].get("median")
            verdict = figures[f"verdict_{temp}"].get("median")
            if bare and verdict:
                figures[f"ready_ratio_{temp}"] = verdict / bare
                paired = [v / b for v, b in zip(samples[f"verdict_{temp}"], samples[f"bare_{temp}"], strict=False)]
                figures[f"ready_ratio_{temp}_runs"] = summary(paired)

    # phone networks -------------------------------------------------------------
    def emulate(self, page, network: str) -> None:
        """Chromium's network emulation on the page and on the workers it starts (each is its own target)."""
        down, up, rtt = NETWORKS[network]
        conditions = {"offline": False, "latency": rtt, "downloadThroughput": down / 8, "uploadThroughput": up / 8}
        session = page.context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", conditions)
        page.__bench_cdp = session  # keep the session alive with the page

    def run_networks(self, browser, base: str) -> None:
        probe = WIZARD_PROBE.replace("__CASE__", json.dumps(BENCH_CASE)).replace(
            "__FORM_SELECTOR__", json.dumps(FORM_SELECTOR))
        figures = self.results["figures"].setdefault("networks", {})
        for network in NETWORKS:
            samples = {"bare": [], "wizard": []}
            for run in range(self.args.runs):
                for kind in (["bare", "wizard"] if run % 2 == 0 else ["wizard", "bare"]):
                    context = browser.new_context(service_workers="block")
                    page = context.new_page()
                    try:
                        self.emulate(page, network)
                        if kind == "bare":
                            samples["bare"].append(self.boot(page, base + "/__bench/bare.html", timeout_s=180))
                        else:
                            context.add_init_script(probe)
                            result = self.wizard_start(page, base + "/wizard/", timeout_s=180)
                            if result.get("verdict"):
                                samples["wizard"].append(result["verdict"])
                            else:
                                self.note(f"{network}: {result.get('error')}")
                    finally:
                        context.close()
                print(f"  {network} run {run + 1}: bare {samples['bare'][-1]:.0f} ms"
                      + (f", wizard {samples['wizard'][-1]:.0f} ms" if samples["wizard"] else ""))
            entry = {"bare": summary(samples["bare"]), "wizard": summary(samples["wizard"])}
            if entry["bare"].get("n") and entry["wizard"].get("n"):
                entry["ratio"] = entry["wizard"]["median"] / entry["bare"]["median"]
            figures[network] = entry
            self.results["samples"].setdefault("networks", {})[network] = samples

    # repeat visit through the service worker -------------------------------------
    def settle_first_visit(self, page, version: str, figure: str) -> bool:
        """Wait until a first visit's background work is done: both service-worker scopes active with this
        version's one cache of files, then the engine's memory snapshot (web/engine-snapshot.js). False (and a
        note) when the service worker never came."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            state = page.evaluate("""async () => {
              const regs = await navigator.serviceWorker.getRegistrations();
              return {active: regs.filter((r) => r.active && !r.installing && !r.waiting).length,
                      caches: await caches.keys()};
            }""")
            files = [name for name in state["caches"] if not name.startswith("wizard-snapshot-")]
            if state["active"] == 2 and len(files) == 1 and files[0].startswith(f"wizard-{version}-"):
                break
            time.sleep(0.2)
        else:
            self.note(f"{figure}: the service worker did not become active within 60 s")
            return False
        try:
            page.wait_for_selector("#wizard[data-engine-snapshot]", state="attached", timeout=30_000)
            outcome = page.get_attribute("#wizard", "data-engine-snapshot")
            if outcome != "saved":
                self.note(f"{figure}: the first visit's engine snapshot: {outcome}")
        except Exception:
            self.note(f"{figure}: the engine's snapshot had not been saved 30 s after the warm-up")
        return True

    def run_repeat(self, browser, base: str) -> None:
        probe = WIZARD_PROBE.replace("__CASE__", json.dumps(BENCH_CASE)).replace(
            "__FORM_SELECTOR__", json.dumps(FORM_SELECTOR))
        version = json.loads((self.site_dir / "wizard-assets" / "manifest.json").read_text())["version"]
        times, requests, paths, later, later_paths, starts = [], [], set(), [], set(), []
        for run in range(self.args.runs):
            context = browser.new_context()
            context.add_init_script(probe)
            page = context.new_page()
            try:
                first = self.wizard_start(page, base + "/wizard/")
                if not first.get("verdict"):
                    self.note(f"repeat visit: first visit failed ({first.get('error')})")
                    continue
                if not self.settle_first_visit(page, version, "repeat visit"):
                    continue
                page.goto("about:blank")
                mark = self.server.mark()
                result = self.wizard_start(page, base + "/wizard/")
                served = self.server.served_since(mark, settle=0.1)
                if result.get("verdict"):
                    times.append(result["verdict"])
                    starts.append(page.evaluate("window.registrationWizard.ready.then((info) => info.start)"))
                requests.append(len(served))
                paths.update(s.path for s in served)
                after = self.server.served_since(mark, settle=3)[len(served):]
                later.append(len(after))
                later_paths.update(s.path for s in after)
            finally:
                context.close()
            print(f"  repeat visit run {run + 1}: {times[-1] if times else 0:.0f} ms, {requests[-1] if requests else '-'} requests"
                  f" to the server before the first verdict, {later[-1] if later else '-'} in the 3 s after")
        figures = self.results["figures"]
        figures["repeat"] = summary(times)
        figures["repeat_requests"] = summary(requests)
        figures["repeat_paths"] = sorted(paths)
        figures["repeat_later_requests"] = summary(later)
        figures["repeat_later_paths"] = sorted(later_paths)
        figures["repeat_starts"] = {start: starts.count(start) for start in sorted(set(starts))}
        bare_warm = figures.get("bare_warm", {}).get("median")
        if bare_warm and times:
            figures["repeat_ratio"] = figures["repeat"]["median"] / bare_warm

    # repeat visits in a new browser process --------------------------------------
    def run_new_process(self, playwright, base: str) -> None:
        """A reader's next visit usually comes in a new browser process: nothing compiled is kept in memory,
        only what the browser stored (HTTP cache, its code caches, the service worker's cache). One profile
        per run; every visit launches the browser on it, and the page stays open NEW_PROCESS_DWELL_S after its
        answer (a reader reading it: Chromium writes a module's compiled code a few seconds after it last
        optimised some). Figures: the wizard's visits 2 and 3, and a bare stock boot's visit 2."""
        probe = WIZARD_PROBE.replace("__CASE__", json.dumps(BENCH_CASE)).replace(
            "__FORM_SELECTOR__", json.dumps(FORM_SELECTOR))
        version = json.loads((self.site_dir / "wizard-assets" / "manifest.json").read_text())["version"]
        samples: dict[str, list] = {"wizard_2": [], "wizard_3": [], "bare_2": []}
        for run in range(self.args.runs):
            for kind in (("wizard", "bare") if run % 2 == 0 else ("bare", "wizard")):
                if kind == "bare" and not self.runtime:
                    continue
                self.new_process_profile(playwright, kind, base, version, samples, probe)
            print(f"  new-process run {run + 1}: " + ", ".join(
                f"{key} {values[-1]:.0f}" for key, values in samples.items() if values) + " ms")
        figures = {key: summary(values) for key, values in samples.items()}
        if figures["wizard_2"].get("n") and figures["bare_2"].get("n"):
            figures["ratio_2"] = figures["wizard_2"]["median"] / figures["bare_2"]["median"]
        self.results["figures"]["new_process"] = figures
        self.results["samples"]["new_process"] = samples

    def new_process_profile(self, playwright, kind: str, base: str, version: str, samples: dict, init: str) -> None:
        """One profile: visits 1, 2 (and 3 for the wizard), each in a browser launched anew on it."""
        with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
            for visit in ((1, 2) if kind == "bare" else (1, 2, 3)):
                context = playwright.chromium.launch_persistent_context(
                    profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                try:
                    page = context.pages[0] if context.pages else context.new_page()
                    if kind == "bare":
                        took = self.boot(page, base + "/__bench/bare.html", timeout_s=120)
                    else:
                        context.add_init_script(init)
                        result = self.wizard_start(page, base + "/wizard/", timeout_s=120)
                        took = result.get("verdict")
                        if not took:
                            self.note(f"new-process visit {visit} ({kind}): {result.get('error')}")
                        if visit == 1 and not self.settle_first_visit(page, version, "new-process visits"):
                            return
                    if visit > 1 and took:
                        samples[f"{kind}_{visit}"].append(took)
                    page.wait_for_timeout(NEW_PROCESS_DWELL_S * 1000)
                finally:
                    context.close()

    # answer latency -------------------------------------------------------------
    def run_answers(self, browser, base: str) -> None:
        context = browser.new_context()
        page = context.new_page()
        requests: list[str] = []
        try:
            page.goto(base + "/wizard/" + ANSWER_START, wait_until="load")
            page.wait_for_function("() => !!window.registrationWizard", timeout=60000)
            page.evaluate("() => window.registrationWizard.ready.then(() => true)")
            page.wait_for_selector("#wizard .wizard-result[data-state=result]", timeout=60000)
            # The background step after the engine is ready (web/engine-snapshot.js: a second engine worker) is
            # over before answering is timed.
            page.wait_for_selector("#wizard[data-engine-snapshot]", state="attached", timeout=60000)
            page.add_script_tag(content=ANSWER_DRIVER)
            setup = page.evaluate("() => window.__answerBench.setup()")
            if setup.get("error"):
                self.note(f"answer latency: {setup['error']}")
                return
            page.on("request", lambda r: requests.append(r.url))
            times = page.evaluate("n => window.__answerBench.run(n)", self.args.changes)
            if isinstance(times, dict):
                self.note(f"answer latency: {times.get('error')}")
                return
            self.results["samples"]["answer"] = times
            self.results["figures"]["answer_ms"] = summary([t["frame"] for t in times])
            self.results["figures"]["answer_dom_ms"] = summary([t["dom"] for t in times])
            self.results["figures"]["answer_setup"] = setup
            self.results["figures"]["answer_requests"] = len(requests)
            if requests:
                self.note(f"answering made {len(requests)} requests: {sorted(set(requests))[:5]}")
        finally:
            context.close()

    # page weight ----------------------------------------------------------------
    def weigh(self, browser, server: StaticSite, url: str, wizard: bool) -> dict:
        context = browser.new_context()
        page = context.new_page()
        external: list[str] = []
        page.on("request", lambda r: external.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
        try:
            mark = server.mark()
            page.goto(url, wait_until="load")
            if wizard:  # the wizard page's weight includes the runtime it loads for its first verdict
                try:
                    page.wait_for_function("() => !!(window.registrationWizard && window.registrationWizard.check)",
                                           timeout=60000)
                    page.evaluate("c => window.registrationWizard.check(c)", BENCH_CASE)
                except Exception as exc:
                    self.note(f"wizard page weight: no verdict ({type(exc).__name__}); weight is up to that point")
            page.wait_for_load_state("networkidle")
            time.sleep(0.3)
            served = server.served_since(mark)
        finally:
            context.close()
        runtime = [s for s in served if any(m in s.path for m in RUNTIME_MARKERS)]
        return {
            "requests": len(served),
            "decoded": sum(s.decoded for s in served),
            "transferred": sum(s.transferred for s in served),
            "pyodide_bytes": sum(s.transferred for s in runtime),
            "pyodide_requests": len(runtime),
            "external_requests": external,
            "paths": [s.path for s in served],
        }

    def run_weights(self, browser, base: str, vanilla_base: str, vanilla: StaticSite) -> None:
        weights: dict = {}
        targets = [("vanilla", "-", vanilla_base + "/", vanilla, False)]
        for lang, prefix in LANGUAGES.items():
            for kind, path in PAGES.items():
                if not (self.site_dir / prefix.strip("/") / path / "index.html").exists():
                    self.note(f"page weight: {prefix + path} is not in the built site")
                    continue
                targets.append((kind, lang, base + prefix + path, self.server, kind == "wizard"))
        for kind, lang, url, server, wizard in targets:
            runs = [self.weigh(browser, server, url, wizard) for _ in range(self.args.runs if not wizard else max(1, min(self.args.runs, 3)))]
            key = kind if lang == "-" else f"{kind}_{lang}"
            weights[key] = weight_figures(url.replace(base, "").replace(vanilla_base, "vanilla:"), runs)
            print(f"  weight {key}: {weights[key]['requests']['median']:.0f} requests, "
                  f"{weights[key]['decoded']['median'] / 1024:.0f} KiB decoded, "
                  f"{weights[key]['transferred']['median'] / 1024:.0f} KiB transferred")
        self.results["figures"]["weights"] = weights

    def run_gzip_weight(self, browser, gzip_base: str, gzip_only: StaticSite) -> None:
        """The wizard's first visit from a host that sends gzip only (GitHub Pages)."""
        weights = self.results["figures"]["weights"]
        for lang, prefix in LANGUAGES.items():
            runs = [self.weigh(browser, gzip_only, gzip_base + prefix + "wizard/", True) for _ in range(max(1, min(self.args.runs, 3)))]
            weights[f"wizard-gzip_{lang}"] = weight_figures(prefix + "wizard/ (gzip only)", runs)
            print(f"  weight wizard {lang}, gzip only: {weights[f'wizard-gzip_{lang}']['transferred']['median'] / 1024:.0f} KiB transferred")

    # build time -----------------------------------------------------------------
    def run_build(self) -> None:
        times, failures = [], []
        for _ in range(self.args.build_runs):
            with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
                start = time.perf_counter()
                wheels = subprocess.run([sys.executable, "-m", "sitebuild.assets"], cwd=ROOT, capture_output=True,
                                        text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})
                build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", tmp],
                                       cwd=ROOT, capture_output=True, text=True)
                elapsed = time.perf_counter() - start
            if wheels.returncode or build.returncode:
                failures.append((wheels.stderr + build.stderr).strip().splitlines()[-1:] or ["failed"])
            times.append(elapsed)
        if failures:
            self.note(f"build failed in {len(failures)} of {len(times)} runs: {failures[0][0]}")
        self.results["samples"]["build_s"] = times
        self.results["figures"]["build_s"] = summary(times)

    # the engine sections (scripts/quality/engine_bench.py) ------------------------
    def run_engine_sections(self, browser, base: str, sections: set[str]) -> None:
        tmp = engine_bench.tmpdir()
        engines = engine_bench.EngineBench(self, base, browser)
        try:
            if "engines" in sections:
                print(f"each engine: cold, warm and repeat visits vs a bare boot"
                      f"{'' if self.args.no_machinery else ', and each piece of machinery off'} ({self.args.runs} runs) ...")
                engines.run_engines(machinery=not self.args.no_machinery)
            if "runtimes" in sections:
                print(f"stock runtimes {', '.join(engine_bench.RUNTIMES)} in each engine ({self.args.runs} runs) ...")
                engines.run_runtimes(tmp)
            if "memory" in sections:
                print(f"peak memory of the page process in each engine ({self.args.memory_runs} runs) ...")
                engines.run_memory()
        finally:
            engines.close()
            shutil.rmtree(tmp, ignore_errors=True)

    # driver ---------------------------------------------------------------------
    def run(self) -> dict:
        from playwright.sync_api import sync_playwright

        if not (self.site_dir / "index.html").exists():
            sys.exit(f"no built site in {self.site_dir}: run `make build` first")
        self.results["meta"] = {
            "date": dt.datetime.now().isoformat(timespec="seconds"),
            "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                     text=True).stdout.strip(),
            "runs": self.args.runs, "changes": self.args.changes,
            "cpus": os.cpu_count(), "load_before": os.getloadavg(), "platform": platform.platform(),
            "runtime_url": self.runtime,
        }
        sections = (set(self.args.only.split(",")) if self.args.only
                    else {"boot", "networks", "repeat", "new-process", "answers", "weights", "build", "engines",
                          "runtimes", "memory"})
        if self.runtime:
            self.install_bare_pages()
        base = self.server.start()
        gzip_only = StaticSite(self.site_dir, brotli=False)
        gzip_base = gzip_only.start()
        with tempfile.TemporaryDirectory(prefix="bench-vanilla-") as tmp:
            vanilla_dir = build_vanilla(Path(tmp))
            precompress(vanilla_dir)
            vanilla = StaticSite(vanilla_dir)
            vanilla_base = vanilla.start()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                self.results["meta"]["browser"] = browser.version
                try:
                    if not self.runtime:
                        self.note("node_modules/pyodide missing: no bare boot to compare with (npm ci)")
                    if "boot" in sections and self.runtime:
                        print(f"wizard start vs bare boot of stock Pyodide ({self.args.runs} runs) ...")
                        self.run_boot(browser, base)
                    if "repeat" in sections:
                        print(f"repeat visit through the service worker ({self.args.runs} runs) ...")
                        self.run_repeat(browser, base)
                    if "new-process" in sections:
                        print(f"repeat visits in a new browser process ({self.args.runs} runs) ...")
                        self.run_new_process(playwright, base)
                    if "networks" in sections and self.runtime:
                        print(f"emulated phone networks ({self.args.runs} runs each) ...")
                        self.run_networks(browser, base)
                    if "answers" in sections and (self.site_dir / "wizard" / "index.html").exists():
                        print(f"answer -> result ({self.args.changes} changes) ...")
                        self.run_answers(browser, base)
                    if "weights" in sections:
                        print("page weight ...")
                        self.run_weights(browser, base, vanilla_base, vanilla)
                        self.run_gzip_weight(browser, gzip_base, gzip_only)
                    if sections & {"engines", "runtimes", "memory"} and self.runtime:
                        self.run_engine_sections(browser, base, sections)
                finally:
                    browser.close()
            vanilla.stop()
        gzip_only.stop()
        self.server.stop()
        shutil.rmtree(self.bench_dir, ignore_errors=True)
        if "build" in sections and self.args.build_runs:
            print(f"site build ({self.args.build_runs} runs) ...")
            self.run_build()
        self.results["meta"]["load_after"] = os.getloadavg()
        return self.results


# A complete Zhejiang case: every change of a radio answer gives a new result.
ANSWER_START = ("#province=zhejiang&profession=cost_engineer&action=initial&today=2026-11-21"
                "&qualification_province=zhejiang&specialty=civil&certificate_issue_date=2025-12-01"
                "&employer_type=cost_consulting")

# Drives answer changes inside the wizard page and times each change to the next result update.
ANSWER_DRIVER = r"""
window.__answerBench = (() => {
  // The wizard re-renders its result region after every answer change and then dispatches "wizard:result"
  // (web/wizard.js). Timed: the click on a radio answer -> that event (DOM updated) -> the next frame.
  const RESULT_SELECTOR = "#wizard .wizard-result, [data-wizard-result]";
  let controls = [], result = null;
  function setup() {
    result = document.querySelector(RESULT_SELECTOR);
    if (!result) return {error: "no result region found (" + RESULT_SELECTOR + ")"};
    if (result.getAttribute("data-state") !== "result") return {error: "the start case gives no result: " + result.getAttribute("data-state")};
    const questions = document.querySelector("#wizard .wizard-questions") || document.querySelector("#wizard");
    const groups = new Map();
    for (const el of questions.querySelectorAll("input[type=radio]")) {
      if (el.disabled || el.getBoundingClientRect().width === 0) continue;
      if (!groups.has(el.name)) groups.set(el.name, []);
      groups.get(el.name).push(el);
    }
    controls = [...groups.values()];
    if (!controls.length) return {error: "no radio answers to change"};
    return {groups: [...groups.keys()]};
  }
  function once(group) {
    const next = group.find((el) => !el.checked) || group[0];
    return new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        document.removeEventListener("wizard:result", finish);
        const t1 = performance.now();
        requestAnimationFrame(() => resolve({dom: t1 - t0, frame: performance.now() - t0}));
      };
      document.addEventListener("wizard:result", finish);
      const t0 = performance.now();
      next.click();
      setTimeout(() => { if (!done) { done = true; resolve(null); } }, 5000);
    });
  }
  async function run(n) {
    const times = [];
    for (let i = 0; i < n; i++) {
      const group = controls[i % controls.length];
      const t = await once(group);
      if (t === null) return {error: "no result within 5 s after changing " + group[0].name};
      times.push(t);
      // A random pause: a fixed one phase-locks each change to the 60 Hz frame clock; real input arrives at any phase.
      await new Promise((r) => setTimeout(r, 30 + Math.random() * 17));
    }
    return times;
  }
  return {setup, run};
})();
"""


# --- reporting ------------------------------------------------------------------------------------------
def _ms(fig: dict) -> str:
    return f"{fig['median']:.0f} ms ({fig['min']:.0f}–{fig['max']:.0f})" if fig.get("n") else "not measured"


def _kib(value: float) -> str:
    return f"{value / 1024:.0f} KiB"


def _ratio(ratio: float | None) -> str:
    return f"{ratio:.2f}×" if ratio else "—"


def _met(ok: bool | None) -> str:
    return "—" if ok is None else ("yes" if ok else "**no**")


def markdown(results: dict) -> str:
    """The whole run's tables: the Chromium figures, the engine sections, the notes."""
    lines = chromium_markdown(results) + engine_markdown(results)
    if results["notes"]:
        lines += ["", "Notes:", ""] + [f"- {n}" for n in results["notes"]]
    return "\n".join(lines) + "\n"


def chromium_markdown(results: dict) -> list[str]:
    """The Chromium figures (PERFORMANCE.md's bench:current section); none when no Chromium section ran."""
    f = results["figures"]
    meta = results["meta"]
    lines = [
        f"Measured {meta['date']} at commit `{meta['commit']}` in headless Chromium {meta.get('browser', '')} "
        f"on {meta['cpus']} CPUs (load average before {meta['load_before'][0]:.2f}, after "
        f"{meta.get('load_after', [0])[0]:.2f}); {meta['runs']} runs per figure, median (min–max). "
        "Reproduce: `make build && .venv/bin/python scripts/bench.py`.",
        "",
        "| Figure | Measured | Anchor in the same run | Ratio | Target | Met |",
        "|---|---|---|---|---|---|",
    ]
    header = len(lines)
    t = TARGETS
    for temp in ("cold", "warm"):
        if f.get(f"bare_{temp}", {}).get("n"):
            ratio = f.get(f"ready_ratio_{temp}")
            goal = t[f"ready_ratio_{temp}"]
            lines.append(
                f"| Wizard ready: navigation → first verdict computable, {temp} | {_ms(f[f'verdict_{temp}'])} | "
                f"bare boot of stock Pyodide {f.get('pyodide_version', '')}, main thread {_ms(f[f'bare_{temp}'])} | "
                f"{_ratio(ratio)} | ≤ {goal}× | {_met(ratio <= goal if ratio else None)} |")
    if f.get("repeat", {}).get("n"):
        ratio = f.get("repeat_ratio")
        lines.append(
            f"| Repeat visit through the service worker: navigation → first verdict | {_ms(f['repeat'])} | "
            f"bare warm boot {_ms(f.get('bare_warm', {}))} | {_ratio(ratio)} | "
            f"≤ {t['repeat_ratio']}× | {_met(ratio <= t['repeat_ratio'] if ratio else None)} |")
        requests = f["repeat_requests"]
        lines.append(
            f"| Repeat visit: requests that reached the server before the first verdict | {requests['median']:.0f} "
            f"({requests['min']:.0f}–{requests['max']:.0f}): {', '.join(f'`{p}`' for p in f.get('repeat_paths', [])) or 'none'}"
            f" | — | — | {t['repeat_requests']} | {_met(requests['max'] <= t['repeat_requests'])} |")
        starts = f.get("repeat_starts", {})
        if starts:
            lines.append(
                f"| Repeat visit: how the engine started | "
                f"{', '.join(f'{kind} {count} of {sum(starts.values())}' for kind, count in starts.items())} | — | — | — | — |")
        later = f.get("repeat_later_requests", {})
        if later.get("n"):
            lines.append(
                f"| Repeat visit: requests in the 3 s after the first verdict (the browser's update check) | "
                f"{later['median']:.0f} ({later['min']:.0f}–{later['max']:.0f}): "
                f"{', '.join(f'`{p}`' for p in f.get('repeat_later_paths', [])) or 'none'} | — | — | — | — |")
    fresh = f.get("new_process", {})
    if fresh.get("wizard_2", {}).get("n"):
        ratio = fresh.get("ratio_2")
        lines.append(
            f"| Repeat visit in a new browser process (the reader's next day): navigation → first verdict, visit 2 / "
            f"visit 3 | {_ms(fresh['wizard_2'])} / {_ms(fresh.get('wizard_3', {}))} | bare stock boot, visit 2 in a new "
            f"process {_ms(fresh.get('bare_2', {}))} | {_ratio(ratio)} | (information) | — |")
    for network, entry in f.get("networks", {}).items():
        if entry.get("wizard", {}).get("n") and entry.get("bare", {}).get("n"):
            ratio = entry["ratio"]
            goal = t["network_ratio"] if network.startswith("10 ") else None
            lines.append(
                f"| Emulated {network}: navigation → first verdict, cold | {_ms(entry['wizard'])} | bare boot of stock "
                f"Pyodide, same emulation {_ms(entry['bare'])} | {ratio:.2f}× | "
                f"{f'≤ {goal}×' if goal else '(information)'} | {_met(ratio <= goal) if goal else '—'} |")
    weights = f.get("weights", {})
    for key, label, goal in (("wizard_zh", "brotli", t["first_visit_brotli_bytes"]),
                             ("wizard-gzip_zh", "gzip only (GitHub Pages)", t["first_visit_gzip_bytes"])):
        if weights.get(key):
            sent = weights[key]["transferred"]["median"]
            lines.append(f"| Transferred on the first visit of `/wizard/` until the first verdict, {label} | "
                         f"{sent / 1e6:.2f} MB in {weights[key]['requests']['median']:.0f} requests | — | — | "
                         f"≤ {goal / 1e6:.1f} MB | {_met(sent <= goal)} |")
    for temp in ("cold", "warm"):
        form = f.get(f"form_{temp}", {})
        if form.get("n") is not None and f.get(f"bare_{temp}", {}).get("n"):
            ratio = form["median"] / f[f"bare_{temp}"]["median"] if form.get("n") else None
            lines.append(
                f"| Wizard: navigation → form usable, {temp} | {_ms(form)} | bare boot {_ms(f[f'bare_{temp}'])} | "
                f"{_ratio(ratio)} | ≤ {t['form_usable_ms']} ms | "
                f"{_met(form['median'] <= t['form_usable_ms'] if form.get('n') else None)} |")
    for temp in ("cold", "warm"):
        worker, verdict = f.get(f"bare_worker_{temp}", {}), f.get(f"verdict_{temp}", {})
        if worker.get("n") and verdict.get("n"):
            ratio = verdict["median"] / worker["median"]
            lines.append(f"| Wizard ready vs a bare boot in a Web Worker (the wizard's own setup), {temp} | "
                         f"{_ms(verdict)} | bare worker boot {_ms(worker)} | {ratio:.2f}× | (information) | — |")
    if f.get("bare_worker_cold", {}).get("n"):
        lines.append(f"| Bare Pyodide boot in a Web Worker, cold / warm | {_ms(f['bare_worker_cold'])} / "
                     f"{_ms(f['bare_worker_warm'])} | main-thread boot {_ms(f['bare_cold'])} / {_ms(f['bare_warm'])} "
                     f"| — | (information) | — |")
    if f.get("longtasks_cold", {}).get("n"):
        lines.append(f"| Main-thread long tasks during wizard start (sum), cold / warm | {_ms(f['longtasks_cold'])} / "
                     f"{_ms(f['longtasks_warm'])} | longest single task {_ms(f['longtask_max_cold'])} | — | "
                     "(information) | — |")
    if f.get("answer_ms", {}).get("n"):
        a = f["answer_ms"]
        d = f.get("answer_dom_ms", {})
        lines.append(f"| Answer change → result rendered (next frame), {a['n']} changes | median {a['median']:.1f} ms, "
                     f"p95 {a['p95']:.1f} ms (min {a['min']:.1f}, max {a['max']:.1f}) | result in the DOM: median "
                     f"{d.get('median', 0):.1f} ms, p95 {d.get('p95', 0):.1f} ms | — | median ≤ {t['answer_median_ms']} ms | "
                     f"{_met(a['median'] <= t['answer_median_ms'])} |")
        lines.append(f"| Network requests while answering ({a['n']} changes, after the wizard is ready) | "
                     f"{f.get('answer_requests', 0)} | — | — | 0 | {_met(f.get('answer_requests', 0) == 0)} |")
    vanilla = weights.get("vanilla")
    pyodide_non_wizard = [w["pyodide_bytes"]["median"] for k, w in weights.items()
                          if k != "vanilla" and not k.startswith("wizard")]
    if pyodide_non_wizard:
        total = sum(pyodide_non_wizard)
        lines.append(f"| Pyodide bytes fetched by non-wizard pages (home, procedure, FAQ; zh + en) | {total:.0f} B | — | — "
                     f"| 0 B | {_met(total == 0)} |")
    if f.get("build_s", {}).get("n"):
        b = f["build_s"]
        lines.append(f"| Full site build (`sitebuild.assets` + `mkdocs build --strict`, warm caches) | "
                     f"{b['median']:.1f} s ({b['min']:.1f}–{b['max']:.1f}) | — | — | (information) | — |")
    if weights:
        lines += [
            "",
            "Page weight, one cold navigation until the network is idle (nginx, brotli unless marked gzip; median of the runs):",
            "",
            "| Page | Requests | Decoded | Transferred | Weight vs vanilla (decoded) | Target | Met |",
            "|---|---|---|---|---|---|---|",
        ]
        for key, w in weights.items():
            ratio = w["decoded"]["median"] / vanilla["decoded"]["median"] if vanilla else None
            kind = key.split("_")[0]
            target = f"≤ {t['weight_ratio']}×" if kind in ("procedure", "faq") else "—"
            met = _met(ratio <= t["weight_ratio"]) if kind in ("procedure", "faq") else "—"
            name = "vanilla Material page, same theme settings" if key == "vanilla" else f"{kind} ({key.split('_')[1]}) `{w['url']}`"
            lines.append(f"| {name} | {w['requests']['median']:.0f} | {_kib(w['decoded']['median'])} | "
                         f"{_kib(w['transferred']['median'])} | {_ratio(ratio if key != 'vanilla' else None)} "
                         f"| {target} | {met} |")
    if len(lines) == header and not weights:  # no Chromium figure in this run: no empty table
        return []
    return lines


def engine_markdown(results: dict) -> list[str]:
    """The engine sections' tables (scripts/quality/engine_bench.py)."""
    return (engine_bench.engines_markdown(results, TARGETS) + engine_bench.runtimes_markdown(results, TARGETS)
            + engine_bench.memory_markdown(results))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", default=str(ROOT / "site"), help="built site directory (default: site/)")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--changes", type=int, default=100, help="answer changes to time (default 100)")
    parser.add_argument("--build-runs", type=int, default=5, help="site builds to time (default 5; 0 skips)")
    parser.add_argument("--only", help="comma-separated sections: boot,repeat,new-process,networks,answers,weights,build,"
                        "engines,runtimes,memory")
    parser.add_argument("--engines", help="engines of the engine sections (default chromium,webkit,firefox)")
    parser.add_argument("--no-machinery", action="store_true",
                        help="engines section without turning each piece of speed machinery off")
    parser.add_argument("--machinery-runs", type=int, default=3,
                        help="runs (the first of --runs) that also turn each piece of machinery off (default 3)")
    parser.add_argument("--memory-runs", type=int, default=3, help="runs of the memory section (default 3)")
    parser.add_argument("--performance", default=str(ROOT / "PERFORMANCE.md"),
                        help="file whose bench:engines markers get the engine tables ('-': none)")
    parser.add_argument("--out", default=str(ROOT / "bench-results"), help="directory for the raw JSON")
    parser.add_argument("--markdown", default=str(ROOT / "scripts" / "bench-latest.md"),
                        help="where the Markdown table goes ('-' for stdout only)")
    args = parser.parse_args(argv)
    results = Bench(args).run()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    (out / f"bench-{stamp}.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    table = markdown(results)
    print()
    print(table)
    if args.markdown != "-":
        Path(args.markdown).write_text(table, encoding="utf-8")
        print(f"wrote {args.markdown} and {out / f'bench-{stamp}.json'}")
    if args.performance != "-":
        meta = results["meta"]
        stamp_line = (f"Measured {meta['date']} at commit `{meta['commit']}` on {meta['cpus']} CPUs (load average before "
                      f"{meta['load_before'][0]:.2f}, after {meta.get('load_after', [0])[0]:.2f}); {{runs}}. Reproduce: "
                      "`make build && .venv/bin/python scripts/bench.py --only {section}`.")
        for section, lines, runs in (
                ("engines", engine_bench.engines_markdown(results, TARGETS),
                 f"{meta['runs']} runs, machinery off in {min(args.machinery_runs, meta['runs'])}"),
                ("runtimes", engine_bench.runtimes_markdown(results, TARGETS), f"{meta['runs']} runs"),
                ("memory", engine_bench.memory_markdown(results), f"{args.memory_runs} runs")):
            text = "\n".join([stamp_line.format(runs=runs, section=section), *lines])
            if lines and engine_bench.write_between_markers(Path(args.performance), section, text):
                print(f"wrote the {section} table into {args.performance}")
        # The Chromium table only from a whole run: a partial one would leave figures of another run beside it.
        if not args.only and engine_bench.write_between_markers(Path(args.performance), "current",
                                                                "\n".join(chromium_markdown(results))):
            print(f"wrote the current table into {args.performance}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
