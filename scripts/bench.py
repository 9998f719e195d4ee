#!/usr/bin/env python3
"""Benchmark of the built site in a real browser: wizard start-up against a bare Pyodide boot, answer
latency, page weight against a vanilla Material page, and build time.

A benchmark, not a test: it never fails on a slow figure. It prints medians with min/max, writes the raw
samples to bench-results/bench-<time>.json and a Markdown table to scripts/bench-latest.md (the table the
README's "Performance" section shows).

    make build                               # the site in site/
    .venv/bin/python scripts/bench.py        # 5 runs per figure, 100 answer changes
    .venv/bin/python scripts/bench.py --runs 3 --changes 30 --build-runs 1   # quick look

How each figure is taken (one loopback server, gzip on like a real static host, Debian's Chromium through
Playwright with the launch arguments of tests/conftest.py, a fresh browser context = an empty HTTP cache):
- bare boot: a blank page served by this script only (not part of the site) loads the site's own Pyodide
  runtime files and runs ``loadPyodide()``; cold = fresh context, warm = the same page again in that context;
- wizard: ``navigation -> form usable`` (the wizard's first question can be answered) and
  ``navigation -> first verdict computable`` (``registrationWizard.check(case)``, called as soon as the API
  exists, has resolved), measured from the navigation start (performance.now()), cold and warm, run by run
  next to a bare boot; ratios are wizard median / bare median;
- long tasks: sum of PerformanceObserver "longtask" durations from navigation to first verdict;
- answer -> result: an answer is changed the way a person does (a ``change`` event on a form control) and the
  time to the next update of the result region is taken, over ``--changes`` changes;
- page weight: requests, decoded bytes (file sizes) and transferred bytes (gzip body + headers) as logged by
  the server for one navigation until the network is idle; the vanilla page is a Material page built in a
  temporary directory with this project's theme settings and one plain page;
- build: wall time of ``scripts/build_wheels.py`` + ``mkdocs build --strict`` into a temporary directory.
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
from quality.server import StaticSite  # noqa: E402

try:  # one list of Chromium flags for tests and benchmark
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS  # type: ignore  # noqa: E402
except Exception:  # pragma: no cover - conftest needs pytest; keep the bench usable without it
    CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run"]
finally:
    sys.path.remove(str(ROOT / "tests"))

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

TARGETS = {
    "ready_ratio": 1.15,
    "form_usable_ms": 300,
    "answer_median_ms": 15,
    "pyodide_bytes_non_wizard": 0,
    "weight_ratio": 1.15,
}

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


# --- the vanilla Material peer --------------------------------------------------------------------------
VANILLA_PAGE = """# 注册办事指南

这是一个普通页面，用于和本站的页面比较重量：同样的主题设置，没有本站的样式、钩子和插件（搜索除外）。

## 办理步骤

1. 登录服务平台，进入个人办事。
2. 填写注册申请信息，上传证明材料。
3. 单位确认后提交，等待受理和审批。

## 注意事项

申请人应当如实填写信息。审批结果在平台公告，电子证书可在线下载打印。

| 事项 | 发起 | 确认 |
|------|------|------|
| 初始注册 | 个人 | 单位 |
| 延续注册 | 个人 | 单位 |
"""


def _yaml_theme() -> dict:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def env(loader, node):  # !ENV [NAME, default] -> default
        value = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [None]
        return value[-1]

    Loader.add_constructor("!ENV", env)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    theme = dict(config["theme"])
    theme.pop("custom_dir", None)  # the project's overrides are what is compared, not part of the peer
    theme.pop("favicon", None)     # lives in the project's docs/assets
    return theme


def build_vanilla(workdir: Path) -> Path:
    """A Material site with the project's theme settings and one plain page; returns its site dir."""
    import yaml

    docs = workdir / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text(VANILLA_PAGE, encoding="utf-8")
    config = {"site_name": "Vanilla Material", "site_url": "http://127.0.0.1:8000/", "theme": _yaml_theme(),
              "plugins": ["search"], "markdown_extensions": ["tables", "attr_list", "admonition"]}
    (workdir / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(workdir / "mkdocs.yml"),
                    "-d", str(workdir / "site")], check=True, cwd=workdir)
    return workdir / "site"


# --- measurements ---------------------------------------------------------------------------------------
class Bench:
    def __init__(self, args):
        self.args = args
        self.site_dir = Path(args.site).resolve()
        self.server = StaticSite(self.site_dir)
        self.runtime = self._runtime_url()
        self.results: dict = {"figures": {}, "samples": {}, "notes": []}

    def _runtime_url(self) -> str | None:
        found = sorted(self.site_dir.rglob("pyodide.asm.wasm"))
        if not found:
            return None
        return "/" + found[0].parent.relative_to(self.site_dir).as_posix() + "/"

    def note(self, text: str) -> None:
        if text not in self.results["notes"]:
            print("note:", text)
            self.results["notes"].append(text)

    # bare boot ------------------------------------------------------------------
    def install_bare_pages(self) -> None:
        runtime = self.runtime
        self.server.routes["/__bench/bare.html"] = (BARE_PAGE.format(runtime=runtime).encode(), "text/html; charset=utf-8")
        self.server.routes["/__bench/bare-worker.html"] = (
            BARE_WORKER_PAGE.format().encode(), "text/html; charset=utf-8")
        self.server.routes["/__bench/bare-worker.js"] = (
            BARE_WORKER.format(runtime=runtime).encode(), "text/javascript; charset=utf-8")

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
                context = browser.new_context()
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
                paired = [v / b for v, b in zip(samples[f"verdict_{temp}"], samples[f"bare_{temp}"])]
                figures[f"ready_ratio_{temp}_runs"] = summary(paired)

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
            weights[key] = {
                "url": url.replace(base, "").replace(vanilla_base, "vanilla:"),
                "requests": summary([r["requests"] for r in runs]),
                "decoded": summary([r["decoded"] for r in runs]),
                "transferred": summary([r["transferred"] for r in runs]),
                "pyodide_bytes": summary([r["pyodide_bytes"] for r in runs]),
                "external_requests": sorted({u for r in runs for u in r["external_requests"]}),
                "paths": runs[0]["paths"],
            }
            print(f"  weight {key}: {weights[key]['requests']['median']:.0f} requests, "
                  f"{weights[key]['decoded']['median'] / 1024:.0f} KiB decoded, "
                  f"{weights[key]['transferred']['median'] / 1024:.0f} KiB transferred")
        self.results["figures"]["weights"] = weights

    # build time -----------------------------------------------------------------
    def run_build(self) -> None:
        times, failures = [], []
        for _ in range(self.args.build_runs):
            with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
                start = time.perf_counter()
                wheels = subprocess.run([sys.executable, "scripts/build_wheels.py"], cwd=ROOT,
                                        capture_output=True, text=True)
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
        sections = set(self.args.only.split(",")) if self.args.only else {"boot", "answers", "weights", "build"}
        print("precompressing the site (gzip, once, so no measured request pays for it) ...")
        self.server.precompress()
        base = self.server.start()
        with tempfile.TemporaryDirectory(prefix="bench-vanilla-") as tmp:
            vanilla = StaticSite(build_vanilla(Path(tmp)))
            vanilla.precompress()
            vanilla_base = vanilla.start()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                self.results["meta"]["browser"] = browser.version
                try:
                    if "boot" in sections:
                        if self.runtime:
                            self.install_bare_pages()
                            print(f"wizard start vs bare boot ({self.args.runs} runs) ...")
                            self.run_boot(browser, base)
                        else:
                            self.note("no Pyodide runtime in the built site: boot figures skipped")
                    if "answers" in sections and (self.site_dir / "wizard" / "index.html").exists():
                        print(f"answer -> result ({self.args.changes} changes) ...")
                        self.run_answers(browser, base)
                    if "weights" in sections:
                        print("page weight ...")
                        self.run_weights(browser, base, vanilla_base, vanilla)
                finally:
                    browser.close()
            vanilla.stop()
        self.server.stop()
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


def _met(ok: bool | None) -> str:
    return "—" if ok is None else ("yes" if ok else "**no**")


def markdown(results: dict) -> str:
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
    t = TARGETS
    for temp in ("cold", "warm"):
        if f.get(f"bare_{temp}", {}).get("n"):
            ratio = f.get(f"ready_ratio_{temp}")
            lines.append(
                f"| Wizard ready: navigation → first verdict computable, {temp} | {_ms(f[f'verdict_{temp}'])} | "
                f"bare Pyodide boot {_ms(f[f'bare_{temp}'])} | "
                f"{'%.2f×' % ratio if ratio else '—'} | ≤ {t['ready_ratio']}× | "
                f"{_met(ratio <= t['ready_ratio'] if ratio else None)} |")
    for temp in ("cold", "warm"):
        form = f.get(f"form_{temp}", {})
        if form.get("n") is not None and f.get(f"bare_{temp}", {}).get("n"):
            ratio = form["median"] / f[f"bare_{temp}"]["median"] if form.get("n") else None
            lines.append(
                f"| Wizard: navigation → form usable, {temp} | {_ms(form)} | bare boot {_ms(f[f'bare_{temp}'])} | "
                f"{'%.2f×' % ratio if ratio else '—'} | ≤ {t['form_usable_ms']} ms | "
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
    weights = f.get("weights", {})
    vanilla = weights.get("vanilla")
    pyodide_non_wizard = [w["pyodide_bytes"]["median"] for k, w in weights.items()
                          if k != "vanilla" and not k.startswith("wizard")]
    if pyodide_non_wizard:
        total = sum(pyodide_non_wizard)
        lines.append(f"| Pyodide bytes fetched by non-wizard pages (home, procedure, FAQ; zh + en) | {total:.0f} B | — | — "
                     f"| 0 B | {_met(total == 0)} |")
    if f.get("build_s", {}).get("n"):
        b = f["build_s"]
        lines.append(f"| Full site build (`build_wheels.py` + `mkdocs build --strict`, warm caches) | "
                     f"{b['median']:.1f} s ({b['min']:.1f}–{b['max']:.1f}) | — | — | (information) | — |")
    if weights:
        lines += [
            "",
            "Page weight, one cold navigation until the network is idle (gzip like a static host; median of the runs):",
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
                         f"{_kib(w['transferred']['median'])} | {'%.2f×' % ratio if ratio and key != 'vanilla' else '—'} "
                         f"| {target} | {met} |")
    if results["notes"]:
        lines += ["", "Notes:", ""] + [f"- {n}" for n in results["notes"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", default=str(ROOT / "site"), help="built site directory (default: site/)")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--changes", type=int, default=100, help="answer changes to time (default 100)")
    parser.add_argument("--build-runs", type=int, default=5, help="site builds to time (default 5; 0 skips)")
    parser.add_argument("--only", help="comma-separated sections: boot,answers,weights,build")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
