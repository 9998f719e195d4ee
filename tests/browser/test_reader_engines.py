"""What a reader's phone does with the wizard, in each engine phones run: Chromium, WebKit (every iPhone browser,
WeChat's included) and Firefox. Each test is written once against the page driver of tests/browser/engines.py
and runs in every engine (the `engine` fixture); Chromium-only detail stays in the other modules.

The offline and snapshot tests serve their own copy of the site (the `own_site` fixture of test_offline.py) and
take the network away by stopping its server: not every driver can switch a browser offline.
"""
from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from quality.server import StaticSite  # scripts/quality, put on sys.path by tests/conftest.py
from test_offline import SW_STATE, own_site, version_of  # noqa: F401  (own_site: a fixture)
from wizard_helpers import READY_TIMEOUT_MS, cli_reference, visit_wizard, wait_for_shown_result

TODAY = datetime.date.today()
WAIT_S = READY_TIMEOUT_MS / 1000
START = "() => window.registrationWizard.ready.then((info) => info.start)"
CHECK = "(c) => window.registrationWizard.check(c)"
SHOWN = """() => ({
  verdict: document.querySelector(".wizard-result").getAttribute("data-verdict"),
  findings: Object.fromEntries([...document.querySelectorAll(".wizard-finding")]
    .map((li) => [li.getAttribute("data-rule"), li.getAttribute("data-status")])),
  dates: Object.fromEntries([...document.querySelectorAll(".wizard-dates dd")]
    .map((dd) => [dd.getAttribute("data-date"), dd.querySelector("time").getAttribute("datetime")])),
  extended: [...document.querySelectorAll(".wizard-dates .wizard-extended")].map((p) => p.getAttribute("data-date")),
})"""
# A stand-in for the page's uncaught errors, written into the served page before its scripts: WebKitWebDriver
# has no log or BiDi to report them, so every engine is asked the same way.
ERROR_PROBE = ("<script>window.__pageErrors = [];"
               "addEventListener(\"error\", (e) => __pageErrors.push(String(e.message)));"
               "addEventListener(\"unhandledrejection\", (e) => __pageErrors.push(\"unhandled rejection: \""
               " + String(e.reason && e.reason.message || e.reason)));</script>")
OFFLINE_CASE = {"province": "zhejiang", "profession": "cost_engineer", "action": "initial", "today": "2026-11-21",
                "answers": {"qualification_province": "zhejiang", "specialty": "civil",
                            "certificate_issue_date": "2025-12-01", "employer_type": "cost_consulting"}}
# The background step after a first visit (web/main.js) and what each engine made of it, for the report.
BACKGROUND = """() => { const w = document.querySelector("#wizard");
  return w.hasAttribute("data-engine-snapshot") && {snapshot: w.dataset.engineSnapshot}; }"""


def iso(days_ago: int) -> str:
    return (TODAY - datetime.timedelta(days=days_ago)).isoformat()


def reference(case: dict) -> dict:
    code, report = cli_reference(json.dumps(case).encode())
    assert code == 0, report
    return report


def as_shown(report: dict) -> dict:
    """The report as the page shows it: one date per deadline, its Civil Code art. 203 day as a note beside it."""
    dates = report["dates"]
    return {"verdict": report["verdict"], "findings": {f["rule"]: f["status"] for f in report["findings"]},
            "dates": {k: v for k, v in dates.items() if not k.endswith("_extended")},
            "extended": [k for k in dates if k.endswith("_extended")]}


def shown_result(page, case: dict) -> dict:
    wait_for_shown_result(page, case)  # the answer to this case, not an earlier one still on screen
    return page.evaluate(SHOWN)


def test_a_zhejiang_applicant_answers_the_form_in_chinese_and_sees_what_cpython_computes(reader_page, site_url):
    page = visit_wizard(reader_page, site_url, "zh", wait_ready=False)  # answering starts before the engine is ready
    page.select("#q-province", "zhejiang")
    assert page.evaluate("() => document.querySelector('#q-profession').value") == "cost_engineer"
    page.select("#q-action", "initial")
    page.click("#q-qualification_province-zhejiang")
    page.click("#q-specialty-civil")
    page.fill("#q-certificate_issue_date", iso(400))
    page.select("#q-employer_type", "cost_consulting")
    page.click("#q-employer_on_credit_platform-true")
    case = {"province": "zhejiang", "profession": "cost_engineer", "action": "initial",
            "answers": {"qualification_province": "zhejiang", "specialty": "civil", "certificate_issue_date": iso(400),
                        "employer_type": "cost_consulting", "employer_on_credit_platform": True}}
    assert shown_result(page, case) == as_shown(reference(case))
    assert "初始注册" in page.evaluate("() => document.querySelector('#q-action').selectedOptions[0].textContent")


def test_a_jiangsu_constructor_answers_the_form_in_english_and_sees_what_cpython_computes(reader_page, site_url):
    page = visit_wizard(reader_page, site_url, "en")
    page.select("#q-province", "jiangsu")
    page.select("#q-profession", "constructor")
    page.select("#q-action", "initial")
    page.click("#q-realname_l4-true")
    page.click("#q-qualification_province-jiangsu")
    page.click("#q-employment_contract_end-open")
    page.fill("#q-application_submitted_date", iso(60))
    page.click("#q-applicant_confirmed-true")
    page.fill("#q-acceptance_date", iso(50))
    # Once an acceptance date is given the page no longer asks (or sends) the confirmation: acceptance implies it.
    case = {"province": "jiangsu", "profession": "constructor", "action": "initial",
            "answers": {"realname_l4": True, "qualification_province": "jiangsu", "employment_contract_end": None,
                        "application_submitted_date": iso(60), "acceptance_date": iso(50)}}
    assert shown_result(page, case) == as_shown(reference(case))
    page.click(".wizard-dates dd[data-date=decision_due] summary")
    assert "Working days counted: 20" in page.evaluate(
        "() => document.querySelector('.wizard-dates dd[data-date=decision_due]').innerText")


def answer_a_jiangsu_renewal(page, profession: str) -> dict:
    """Answer the renewal form on the page; the case the page should send for it."""
    page.select("#q-province", "jiangsu")
    page.select("#q-profession", profession)
    page.select("#q-action", "renewal")
    page.click("#q-realname_l4-true")
    page.fill("#q-application_submitted_date", "2026-11-02")
    page.click("#q-applicant_confirmed-true")
    return {"province": "jiangsu", "profession": profession, "action": "renewal",
            "answers": {"realname_l4": True, "application_submitted_date": "2026-11-02", "applicant_confirmed": True}}


def test_answers_given_in_the_form_survive_a_reload_in_the_fragment_a_share_link_carries(reader_page, site_url):
    page = visit_wizard(reader_page, site_url, "zh")
    case = answer_a_jiangsu_renewal(page, "structural_engineer")
    before = shown_result(page, case)
    fragment = page.wait_for("() => location.hash.includes('applicant_confirmed=true') && location.hash")
    assert fragment.startswith("#f=2&v=") and "application_submitted_date=2026-11-02" in fragment

    page.goto("about:blank")  # a share link opened afresh, not the same document
    visit_wizard(page, site_url, "en", fragment)
    assert shown_result(page, case) == before
    assert page.evaluate("() => document.querySelector('#q-applicant_confirmed-true').checked")
    page.reload()
    page.wait_for_selector("#wizard[data-wizard-state=ready]", WAIT_S)
    assert shown_result(page, case) == before



# The share button's three means, made to report what they were handed (web/share.js reads navigator on each
# click, so a stand-in set after the page loaded is the one it uses). "none": no share sheet, no clipboard API.
SHARE_STAND_INS = {
    "shared": "() => { navigator.share = (data) => { window.__handed = data.url; return Promise.resolve(); }; }",
    "copied": "() => { navigator.share = undefined; Object.defineProperty(navigator, 'clipboard', {configurable: true,"
              " value: {writeText: (text) => { window.__handed = text; return Promise.resolve(); }}}); }",
    "manual": "() => { navigator.share = undefined; Object.defineProperty(navigator, 'clipboard', {configurable: true,"
              " value: undefined}); document.execCommand = () => false; }",
}
HANDED = """() => { const r = document.querySelector('.wizard-result');
  return r.dataset.shared && {how: r.dataset.shared, link: window.__handed || document.querySelector('.wizard-share-field').value,
    said: document.querySelector('.wizard-share-status').textContent, href: location.href}; }"""


@pytest.mark.parametrize("means", list(SHARE_STAND_INS))
def test_the_share_button_hands_on_the_link_of_the_answer_by_each_means_a_phone_may_offer(reader_page, site_url, means):
    page = visit_wizard(reader_page, site_url, "zh")
    case = answer_a_jiangsu_renewal(page, "architect")
    shown_result(page, case)
    page.wait_for("() => location.hash.includes('applicant_confirmed=true')")
    page.evaluate(SHARE_STAND_INS[means])
    page.click(".wizard-share")
    handed = page.wait_for(HANDED, message="the share button's answer")
    assert handed["how"] == means
    assert handed["link"] == handed["href"] and "applicant_confirmed=true" in handed["link"]
    assert handed["said"].strip(), "the reader is told what happened"

def test_after_one_visit_both_wizard_pages_answer_with_the_server_gone(engine, own_site):  # noqa: F811
    site, server = own_site
    base = server.start()
    version = version_of(site)
    page = engine.new_page()
    try:
        visit_wizard(page, base, "zh")
        assert page.evaluate(START) == "fresh", "a first visit: nothing left by an earlier page"
        page.wait_for(f"""async () => {{ const s = await ({SW_STATE})();
            return s.scopes.length === 2 && s.versions.every((v) => v === {json.dumps(version)}); }}""",
                      timeout=WAIT_S, message="both service workers of this version")
        first = page.wait_for(BACKGROUND, timeout=WAIT_S * 2, message="the first visit's background steps")
        page.goto("about:blank")
        visit_wizard(page, base, "zh")
        repeat = {"start": page.evaluate(START),
                  **page.wait_for(BACKGROUND, timeout=WAIT_S * 2, message="the repeat visit's background steps")}
        print(f"\n{page.engine}: first visit {first}, repeat visit {repeat}")  # kept for the record
        # "saved" only after a read-back found the bytes (web/engine-snapshot.js): then the next visit uses it;
        # otherwise the page said why it keeps none.
        if first["snapshot"] == "saved":
            assert repeat["start"] == "snapshot" and repeat["snapshot"] == "used", (first, repeat)
        else:
            assert first["snapshot"] in ("not-kept", "no-storage") and repeat["start"] == "fresh", (first, repeat)

        server.stop()  # nothing answers on that port any more
        for lang in ("zh", "en"):
            page.goto("about:blank")
            visit_wizard(page, base, lang)
            assert page.evaluate(CHECK, OFFLINE_CASE) == reference(OFFLINE_CASE), lang
    finally:
        page.close()


def test_a_runtime_that_cannot_load_shows_the_guides_links_instead_of_a_spinner(reader_page, own_site):  # noqa: F811
    site, server = own_site
    (site / "wizard-assets" / version_of(site) / "pyodide" / "pyodide.asm.wasm").unlink()
    base = server.start()
    page = visit_wizard(reader_page, base, "zh", "#province=zhejiang&profession=cost_engineer&action=initial",
                        wait_ready=False)
    page.wait_for_selector("#wizard[data-wizard-state=failed]", WAIT_S)
    status = page.evaluate("() => document.querySelector('.wizard-status').textContent")
    assert "无法" in status or "较长" in status, status
    links = page.evaluate("() => [...document.querySelectorAll('.wizard-fallback a')].map((a) => a.getAttribute('href'))")
    assert "../zhejiang/" in links and "../jiangsu/" in links
    assert page.evaluate("() => !document.querySelector('.wizard-fallback').hidden")


@pytest.fixture
def probed_site(built_site: Path, site_server):
    """The built site served with ERROR_PROBE written into every page."""
    server = StaticSite(built_site, head_html=ERROR_PROBE)
    yield server.start()
    server.stop()


def test_with_service_workers_unavailable_the_wizard_answers_without_an_uncaught_error(engine, probed_site):
    page = engine.new_page(service_workers=False)
    try:
        case = {"province": "jiangsu", "profession": "constructor", "action": "cancellation", "answers": {"realname_l4": True}}
        visit_wizard(page, probed_site, "en", "#province=jiangsu&profession=constructor&action=cancellation&realname_l4=true")
        assert page.evaluate("() => !('serviceWorker' in navigator)"), "the engine was asked to run without service workers"
        offline = page.wait_for("""() => { const w = document.querySelector("#wizard[data-offline]");
            const note = document.querySelector(".wizard-offline-note");
            return w && {offline: w.dataset.offline, note: note ? note.textContent : ""}; }""",
                                timeout=WAIT_S, message="the page's word on its offline copy")
        assert offline["offline"] == "unavailable" and "offline" in offline["note"].lower(), \
            "the page does not promise an offline copy it cannot keep"
        assert shown_result(page, case) == as_shown(reference(case))
        assert page.evaluate(CHECK, case) == reference(case)
        page.wait_for(BACKGROUND, timeout=WAIT_S, message="the background steps")  # over, whatever they decided
        assert page.evaluate("() => window.__pageErrors") == []
    finally:
        page.close()


def test_the_error_probe_sees_an_uncaught_error(engine, probed_site):
    page = engine.new_page()
    try:
        page.goto(probed_site + "/")
        page.evaluate("() => { setTimeout(() => { throw new Error('probe'); }); }")
        assert "probe" in "".join(page.wait_for("() => window.__pageErrors.length && window.__pageErrors", timeout=10))
    finally:
        page.close()

