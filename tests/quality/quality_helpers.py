"""Helpers for the quality gates: the list of built pages, axe-core, driving the wizard page to its result."""
from __future__ import annotations

import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIZARD = {"zh": "/wizard/", "en": "/en/wizard/"}
# A complete Zhejiang case with dates (the result shows dates, findings, checklist and the .ics button).
RESULT_FRAGMENT = ("#province=zhejiang&profession=cost_engineer&action=initial&today=2026-11-21"
                   "&qualification_province=zhejiang&specialty=civil&certificate_issue_date=2025-04-30"
                   "&employer_type=cost_consulting")
ENGINE_TIMEOUT_MS = 90_000  # a cold Pyodide boot on a busy 2-core CI machine


def built_pages(site: Path) -> list[str]:
    """URL paths of every page of the built site, both languages (each index.html, plus 404.html)."""
    paths = []
    for file in sorted(site.rglob("index.html")):
        rel = file.relative_to(site).as_posix()
        if rel.startswith("wizard-assets/"):
            continue
        paths.append("/" + rel[: -len("index.html")])
    if (site / "404.html").exists():
        paths.append("/404.html")
    return paths


def language_of(path: str) -> str:
    return "en" if path.startswith("/en/") else "zh"


def own_host(url: str, site_url: str) -> bool:
    """Same scheme, host and port as the served site, or no network at all (data:, blob:, about:)."""
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme in ("data", "blob", "about"):
        return True
    return f"{parsed.scheme}://{parsed.netloc}" == site_url


def open_wizard(page, site_url: str, lang: str, fragment: str = "") -> None:
    """Open the wizard and wait until its form is usable and its engine can answer."""
    page.goto(site_url + WIZARD[lang] + fragment, wait_until="load")
    page.wait_for_selector("#wizard[data-form-ready]", state="attached", timeout=ENGINE_TIMEOUT_MS)
    page.wait_for_function("() => !!(window.registrationWizard && window.registrationWizard.ready)",
                           timeout=ENGINE_TIMEOUT_MS)
    page.evaluate("() => window.registrationWizard.ready.then(() => true)")
    page.wait_for_selector("#wizard[data-wizard-state=ready]", state="attached", timeout=ENGINE_TIMEOUT_MS)


def wait_for_result(page) -> str:
    page.wait_for_selector("#wizard .wizard-result[data-state=result]", state="attached",
                           timeout=ENGINE_TIMEOUT_MS)
    return page.get_attribute("#wizard .wizard-result", "data-verdict")


def run_axe(page) -> list[dict]:
    """axe-core (npm, pinned) on the current page: every violation with its nodes' targets."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
                summary: (v.nodes[0] && v.nodes[0].failureSummary || "").split("\\n").slice(0, 2).join(" ")}));
        }"""
    )
