"""How the wizard starts: the form's data is in the page, the runtime's .wasm is downloaded once.

The page compiles pyodide.asm.wasm itself and hands the compiled module to the worker (web/engine-client.js,
web/worker.js); hooks/wizard_assets.py writes questions.json, the page language's texts and manifest.json
into the wizard page, so the form renders without waiting for them.
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from wizard_helpers import READY_TIMEOUT_MS, open_wizard

from wizard.schema import page_questions

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_wizard_page_carries_the_form_data_of_its_language(built_site, lang):
    html = (built_site / ("" if lang == "zh" else "en") / "wizard" / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="wizard-data">(.*?)</script>', html, re.S)
    assert match, "the wizard page has no inline form data"
    data = json.loads(match.group(1))
    assert data["questions"] == page_questions(date.today())  # help texts filled in from the rule data
    assert data["texts"] == json.loads((ROOT / "web" / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))
    assert data["manifest"] == json.loads((built_site / "wizard-assets" / "manifest.json").read_text(encoding="utf-8"))
    version = data["manifest"]["version"]
    prefix = f'../{"../" if lang == "en" else ""}wizard-assets/{version}/app/'
    scripts = re.findall(r"<script\b[^>]*\bsrc=\"([^\"]*wizard-assets/[^\"]*)\"[^>]*>", html)
    assert scripts == [prefix + "wizard.js"], "the page loads one script of its own: the bundle, from its version's folder"
    assert f'<script type="module" async src="{prefix}wizard.js">' in html, \
        "an async module: it runs as soon as it arrives, not after Material's bundle and the end of parsing"
    assert html.index('id="wizard-data"') < html.index(prefix + "wizard.js"), "the form data is in the page before the script"
    assert not re.search(r'fetch\("[^"]*pyodide\.asm\.wasm"\)', html), \
        "the engine's start downloads the .wasm, not an inline script (removed: PERFORMANCE.md)"
    assert "wizard-assets/app/" not in html, "every wizard asset is loaded from its version's folder"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_wizard_page_names_no_next_page_for_a_browser_to_prefetch(built_site, lang):
    # Firefox prefetches a <link rel="next">: on a repeat visit that was a request to the network (a guide
    # page the service worker does not answer) before the first verdict. A guide page keeps its link.
    html = (built_site / ("" if lang == "zh" else "en") / "wizard" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'<link\b[^>]*\brel="(?:next|prefetch|prerender)"', html)
    guide = (built_site / ("" if lang == "zh" else "en") / "index.html").read_text(encoding="utf-8")
    assert '<link rel="next"' in guide, "the theme writes the link elsewhere (the hook removes it from the wizard only)"


def test_the_bundle_holds_every_page_module_with_boot_first(built_site):
    version = json.loads((built_site / "wizard-assets" / "manifest.json").read_text(encoding="utf-8"))["version"]
    bundle = (built_site / "wizard-assets" / version / "app" / "wizard.js").read_text(encoding="utf-8")
    modules = sorted(p.name for p in (ROOT / "web").glob("*.js")
                     if p.name not in ("worker.js", "sw.js"))
    # esbuild (not minifying) opens each module's code with a "// web/<file>" line, in evaluation order.
    order = re.findall(r"^// web/([a-z-]+\.js)$", bundle, re.M)
    assert sorted(order) == modules, f"modules missing from the bundle: {set(modules) - set(order)}"
    boot_and_its_imports = ("boot.js", "engine-client.js", "engine-start.js")
    assert order.index("boot.js") < min(order.index(m) for m in modules if m not in boot_and_its_imports), \
        "boot.js (which starts the engine) is evaluated before the page's other modules"
    assert order[-1] == "main.js"
    assert not (built_site / "wizard-assets" / version / "app" / "boot.js").exists(), "the modules are not served one by one"


def test_the_form_renders_without_fetching_its_data_and_the_wasm_is_downloaded_once(page, site_url):
    # What reached the network: the first visit's background work after the answer (web/engine-snapshot.js:
    # a second engine worker) is answered by the service worker and downloads nothing.
    requests: list[str] = []
    page.on("response", lambda response: None if response.from_service_worker else requests.append(response.url))
    open_wizard(page, site_url, "en", "#province=zhejiang&profession=cost_engineer&action=initial")
    assert page.get_attribute("#wizard", "data-wizard-state") == "ready"
    page.wait_for_selector("#wizard[data-engine-snapshot]", state="attached", timeout=READY_TIMEOUT_MS)
    fetched = [url.split("/wizard-assets/", 1)[1].split("/", 1)[1] for url in requests if "/wizard-assets/" in url]
    assert not [f for f in fetched if f in ("questions.json", "manifest.json") or f.startswith("app/i18n/")]
    assert fetched.count("pyodide/pyodide.asm.wasm") == 1, fetched
    # The engine and its dependencies are in the runtime set's python_stdlib.zip: no wheel to fetch.
    assert fetched.count("pyodide/python_stdlib.zip") == 1 and not [f for f in fetched if f.endswith(".whl")]
