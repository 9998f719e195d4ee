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


# Where the answer sits on a phone once the page has moved to it: the result's top, the verdict and the findings
# that decide it, in CSS px from the top of the viewport (web/result.js draws them first).
ANSWER_PLACE_JS = """() => {
  const box = (s) => { const n = document.querySelector(s); return n ? n.getBoundingClientRect() : null; };
  const result = box('.wizard-result'), verdict = box('.wizard-verdict'), deciders = box('.wizard-deciders');
  return {viewport: innerHeight, result_top: result.top, verdict_bottom: verdict.bottom,
          deciders_bottom: deciders ? deciders.bottom : null,
          deciding: [...document.querySelectorAll('.wizard-decider')].map(li => li.dataset.rule)};
}"""


def answer_place(page) -> dict:
    """ANSWER_PLACE_JS, after the scroll has settled (two animation frames)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return page.evaluate(ANSWER_PLACE_JS)


# The share button, made to report what it handed on. ``mode`` is what the browser offers: "share" (a Web Share
# API that records its data), "clipboard" (no share sheet; the clipboard API, read back) or "none" (neither: the
# selected text field). Call before the page loads (init scripts); works in any Playwright browser.
SHARE_STUBS = {
    "share": "navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };",
    "clipboard": "delete Navigator.prototype.share; Object.defineProperty(navigator, 'clipboard', {configurable: true,"
                 " value: {writeText: (t) => { window.__copied = t; return Promise.resolve(); }}});",
    "none": "delete Navigator.prototype.share; Object.defineProperty(navigator, 'clipboard', {configurable: true, value: undefined});"
            " document.execCommand = () => false;",
}


def prepare_share(page, mode: str) -> None:
    page.add_init_script(SHARE_STUBS[mode])


def share_result(page) -> dict:
    """Click the result's share button; {"how", "text", "said"}: how it went, the link handed on, the words shown."""
    page.click(".wizard-share")
    page.wait_for_selector(".wizard-result[data-shared]", state="attached")
    how = page.get_attribute(".wizard-result", "data-shared")
    text = page.evaluate("""() => (window.__shared && window.__shared.url) || window.__copied
        || document.querySelector('.wizard-share-field').value""")
    return {"how": how, "text": text, "said": page.inner_text(".wizard-share-status")}


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
