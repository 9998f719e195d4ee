"""Measure the wizard against a bare Pyodide boot of the same runtime, in the same run (not a test).

Usage: .venv/bin/python tests/browser/measure_wizard.py [SITE_DIR] [RUNS]
Prints medians (min-max) of: bare boot cold/warm (blank page that only loads /wizard-assets/pyodide on the
main thread), wizard ready cold/warm (navigation -> first verdict rendered from a complete fragment), form
usable, answer -> result latency over 100 changes, and the requests made while answering after ready.
"""
from __future__ import annotations

import functools
import json
import statistics
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from conftest import CHROMIUM, CHROMIUM_ARGS, _QuietHandler, _Server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

BARE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare boot</title></head><body>
<script src="/wizard-assets/pyodide/pyodide.js"></script>
<script>loadPyodide({indexURL: "/wizard-assets/pyodide/"}).then(() => { window.bootMs = performance.now(); });</script>
</body></html>"""
FRAGMENT = ("#province=jiangsu&profession=constructor&action=initial&realname_l4=true&qualification_province=jiangsu"
            "&employment_contract_end=null&application_submitted_date=2026-11-18&applicant_confirmed=true"
            "&acceptance_date=2026-09-25")


def summary(values):
    return f"{statistics.median(values):8.1f} ms (min {min(values):.1f}, max {max(values):.1f}, n={len(values)})"


def main() -> None:
    site = sys.argv[1] if len(sys.argv) > 1 else "site"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    server = _Server(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    results = {k: [] for k in ("bare_cold", "bare_warm", "wizard_cold", "wizard_warm", "form_cold")}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def bare(context):
            page = context.new_page()
            page.route(base + "/__bare__.html", lambda route: route.fulfill(body=BARE, content_type="text/html"))
            page.goto(base + "/__bare__.html")
            page.wait_for_function("window.bootMs", timeout=120_000)
            value = page.evaluate("window.bootMs")
            page.close()
            return value

        def wizard(context):
            page = context.new_page()
            page.goto(base + "/wizard/" + FRAGMENT)
            page.wait_for_function("performance.getEntriesByName('wizard-first-verdict').length", timeout=120_000)
            marks = page.evaluate("Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime]))")
            page.close()
            return marks

        for _ in range(runs):
            for kind in ("bare", "wizard"):
                context = browser.new_context()
                if kind == "bare":
                    results["bare_cold"].append(bare(context))
                    results["bare_warm"].append(bare(context))
                else:
                    marks = wizard(context)
                    results["wizard_cold"].append(marks["wizard-first-verdict"])
                    results["form_cold"].append(marks["wizard-form-ready"])
                    results["wizard_warm"].append(wizard(context)["wizard-first-verdict"])
                context.close()

        context = browser.new_context()
        page = context.new_page()
        page.goto(base + "/wizard/" + FRAGMENT)
        page.wait_for_function("performance.getEntriesByName('wizard-first-verdict').length", timeout=120_000)
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        latencies = page.evaluate("""async () => {
            const times = [];
            for (let i = 0; i < 100; i++) {
              const radio = document.getElementById(i % 2 ? "q-applicant_confirmed-true" : "q-applicant_confirmed-false");
              const done = new Promise(r => document.addEventListener("wizard:result", r, {once: true}));
              const t = performance.now();
              radio.click();
              await done;  // fired after the result is in the DOM
              times.push(performance.now() - t);
            }
            return times;
        }""")
        context.close()
        browser.close()

    print(f"bare boot cold   {summary(results['bare_cold'])}")
    print(f"bare boot warm   {summary(results['bare_warm'])}")
    print(f"wizard cold      {summary(results['wizard_cold'])}  ratio {statistics.median(results['wizard_cold']) / statistics.median(results['bare_cold']):.2f}")
    print(f"wizard warm      {summary(results['wizard_warm'])}  ratio {statistics.median(results['wizard_warm']) / statistics.median(results['bare_warm']):.2f}")
    print(f"form usable cold {summary(results['form_cold'])}")
    print(f"answer->result   {summary(latencies)}  p95 {sorted(latencies)[94]:.1f} ms")
    print(f"requests while answering after ready: {len(requests)} {requests[:5]}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
