"""Shared helpers of the browser tests: a reference run of the CLI in CPython, opening the wizard page."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT_MS = 60_000  # the machine is shared; the benchmark, not the tests, judges speed


def cli_reference(data: bytes) -> tuple[int, object]:
    """What `python -m wizard check -` gives for ``data``, computed in this CPython: (exit code, payload)."""
    from wizard.cli import respond

    return respond(data)


def open_wizard(page, site_url: str, lang: str = "zh", fragment: str = "", wait_ready: bool = True):
    prefix = "" if lang == "zh" else "/en"
    page.goto(f"{site_url}{prefix}/wizard/{fragment}")
    page.wait_for_selector("#wizard[data-form-ready]", timeout=10_000)
    if wait_ready:
        page.wait_for_selector("#wizard[data-wizard-state=ready]", timeout=READY_TIMEOUT_MS)
    return page


CASE_KEY_JS = """c => JSON.stringify([c.province, c.profession, c.action, c.today || null,
    Object.keys(c.answers).sort().map(k => [k, c.answers[k]])])"""


def wait_for_result(page, case: dict, state: str = "result", timeout: int = READY_TIMEOUT_MS):
    """Wait until the result region shows the answer to ``case`` itself (web/result.js sets data-case),
    so an earlier answer still on screen can never be read as this one."""
    page.wait_for_function(
        f"([c, state]) => {{ const r = document.querySelector('.wizard-result');"
        f" return r.dataset.state === state && r.dataset.case === ({CASE_KEY_JS})(c); }}",
        arg=[case, state], timeout=timeout)


# --- the same for a page of tests/browser/engines.py (any engine) ----------------------------------------------
def visit_wizard(page, site_url: str, lang: str = "zh", fragment: str = "", wait_ready: bool = True):
    prefix = "" if lang == "zh" else "/en"
    page.goto(f"{site_url}{prefix}/wizard/{fragment}")
    page.wait_for_selector("#wizard[data-form-ready]", timeout=20)
    if wait_ready:
        page.wait_for_selector("#wizard[data-wizard-state=ready]", timeout=READY_TIMEOUT_MS / 1000)
    return page


def wait_for_shown_result(page, case: dict, state: str = "result") -> None:
    """wait_for_result for an engines.Page."""
    page.wait_for(f"([c, state]) => {{ const r = document.querySelector('.wizard-result');"
                  f" return r.dataset.state === state && r.dataset.case === ({CASE_KEY_JS})(c); }}",
                  [case, state], READY_TIMEOUT_MS / 1000, f"the result of {case}")
