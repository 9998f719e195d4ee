"""A person completes the wizard by clicking and typing, in both languages, and sees what CPython computes."""
from __future__ import annotations

import datetime
import json

from wizard_helpers import READY_TIMEOUT_MS, cli_reference, open_wizard, wait_for_result

TODAY = datetime.date.today()


def iso(days_ago: int) -> str:
    return (TODAY - datetime.timedelta(days=days_ago)).isoformat()


def reference(case: dict) -> dict:
    code, report = cli_reference(json.dumps(case).encode())
    assert code == 0, report
    return report


def shown_result(page, case: dict) -> dict:
    wait_for_result(page, case)  # the answer to this case, not an earlier one still on screen
    return {
        "verdict": page.get_attribute(".wizard-result", "data-verdict"),
        "findings": {li.get_attribute("data-rule"): li.get_attribute("data-status")
                     for li in page.query_selector_all(".wizard-finding")},
        "dates": {dd.get_attribute("data-date"): dd.query_selector("time").get_attribute("datetime")
                  for dd in page.query_selector_all(".wizard-dates dd")},
    }


def as_shown(report: dict) -> dict:
    return {"verdict": report["verdict"], "findings": {f["rule"]: f["status"] for f in report["findings"]},
            "dates": {k: v for k, v in report["dates"].items() if not k.endswith("_extended")}}  # art. 203's: a note


def jpeg(size: int) -> bytes:
    return b"\xff\xd8\xff\xe0" + b"\0" * (size - 6) + b"\xff\xd9"


def test_a_zhejiang_applicant_completes_initial_registration_in_chinese(page, site_url):
    open_wizard(page, site_url, "zh", wait_ready=False)  # answering starts before the engine is ready
    page.select_option("#q-province", label="浙江省")
    assert page.input_value("#q-profession") == "cost_engineer"  # the only profession there
    page.select_option("#q-action", label="初始注册")
    page.locator("#q-qualification_province").get_by_label("浙江省").check()
    page.locator("#q-specialty").get_by_label("土建").check()
    page.fill("#q-certificate_issue_date", iso(400))
    page.select_option("#q-employer_type", value="cost_consulting")
    page.locator("#q-employer_on_credit_platform").get_by_label("是", exact=True).check()
    page.set_input_files("#q-photo-file", {"name": "照片.jpg", "mimeType": "image/jpeg", "buffer": jpeg(60 * 1024)})
    page.wait_for_selector("#wizard[data-wizard-state=ready]", timeout=60_000)

    answers = {"qualification_province": "zhejiang", "specialty": "civil", "certificate_issue_date": iso(400),
               "employer_type": "cost_consulting", "employer_on_credit_platform": True,
               "photo_format": "jpg", "photo_size_kb": 60.0}
    case = {"province": "zhejiang", "profession": "cost_engineer", "action": "initial", "answers": answers}
    page.wait_for_selector(".wizard-finding[data-rule='zj.photo'][data-status=action]")
    assert shown_result(page, case) == as_shown(reference(case))
    assert "照片.jpg" in page.inner_text(".wizard-photo")
    assert "需要办理" in page.inner_text(".wizard-result")

    # A smaller JPEG passes the photo check; other answers stay as they were.
    page.set_input_files("#q-photo-file", {"name": "small.jpeg", "mimeType": "image/jpeg", "buffer": jpeg(40 * 1024)})
    page.wait_for_selector(".wizard-finding[data-rule='zj.photo'][data-status=pass]")
    case["answers"]["photo_size_kb"] = 40.0
    assert shown_result(page, case) == as_shown(reference(case))
    assert page.input_value("#q-certificate_issue_date") == iso(400)
    assert page.locator(".wizard-dates").inner_text().count("怎么算的") == len(as_shown(reference(case))["dates"])


def test_a_jiangsu_constructor_sees_a_working_day_date_explained_in_english(page, site_url):
    open_wizard(page, site_url, "en")
    page.select_option("#q-province", label="Jiangsu")
    page.select_option("#q-profession", label="Second-class constructor")
    page.select_option("#q-action", label="Initial registration")
    page.locator("#q-realname_l4").get_by_label("Yes", exact=True).check()
    page.locator("#q-qualification_province").get_by_label("Jiangsu").check()
    page.check("#q-employment_contract_end-open")
    page.fill("#q-application_submitted_date", iso(60))
    page.locator("#q-applicant_confirmed").get_by_label("Yes", exact=True).check()
    page.fill("#q-acceptance_date", iso(50))

    # With an acceptance date, "did you confirm" is no longer asked (its when: acceptance_date not given) nor sent.
    assert page.locator("#q-applicant_confirmed").is_hidden()
    case = {"province": "jiangsu", "profession": "constructor", "action": "initial",
            "answers": {"realname_l4": True, "qualification_province": "jiangsu", "employment_contract_end": None,
                        "application_submitted_date": iso(60), "acceptance_date": iso(50)}}
    expected = reference(case)
    page.wait_for_selector(".wizard-dates dd[data-date=decision_due]")
    assert shown_result(page, case) == as_shown(expected)
    dd = page.locator(".wizard-dates dd[data-date=decision_due]")
    dd.locator("summary").click()
    how = dd.inner_text()
    assert "Working days counted: 20" in how
    assert "Days skipped" in how  # 20 working days always span at least one weekend
    if "decision_due" in expected["estimated"]:
        assert dd.locator(".wizard-estimated").is_visible()


def test_the_wizard_can_be_completed_with_the_keyboard_alone(page, site_url):
    open_wizard(page, site_url, "en")
    page.focus("#q-province")
    page.keyboard.press("ArrowDown")  # Zhejiang
    page.keyboard.press("ArrowDown")  # Jiangsu
    assert page.input_value("#q-province") == "jiangsu"
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # first profession
    page.keyboard.press("Tab")
    options = page.eval_on_selector_all("#q-action option", "os => os.map(o => o.value)")
    for _ in range(options.index("cancellation")):
        page.keyboard.press("ArrowDown")
    assert page.input_value("#q-action") == "cancellation"
    page.keyboard.press("Tab")  # into the first question: the radio group
    assert page.evaluate("document.activeElement.name") == "r-realname_l4"
    page.keyboard.press("Space")
    wait_for_result(page, {"province": "jiangsu", "profession": page.input_value("#q-profession"),
                           "action": "cancellation", "answers": {"realname_l4": True}})
    assert page.get_attribute(".wizard-result", "data-verdict") in {"eligible", "action_needed"}
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "the focused control shows a visible focus outline"


def test_a_wrong_answer_is_explained_next_to_its_field_in_the_page_language(page, site_url):
    future = (TODAY + datetime.timedelta(days=3)).isoformat()
    fragment = (f"#province=jiangsu&profession=architect&action=initial&realname_l4=true"
                f"&qualification_province=jiangsu&employment_contract_end=null&application_submitted_date={future}")
    open_wizard(page, site_url, "zh", fragment)
    page.wait_for_selector(".wizard-result[data-state=invalid]")
    code, error = cli_reference(json.dumps({"province": "jiangsu", "profession": "architect", "action": "initial", "answers": {
        "realname_l4": True, "qualification_province": "jiangsu", "employment_contract_end": None,
        "application_submitted_date": future}}).encode())
    assert code == 2 and error["field"] == "answers.application_submitted_date"
    assert page.inner_text("#e-application_submitted_date") == error["message"]["zh"]
    assert page.get_attribute("#q-application_submitted_date", "aria-invalid") == "true"


def test_pages_other_than_the_wizard_fetch_no_pyodide_bytes(page, site_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("/", "/en/", "/zhejiang/faq/", "/en/jiangsu/initial/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert [url for url in requested if "wizard-assets" in url or "pyodide" in url] == []


def test_answering_after_the_engine_is_ready_makes_no_request(page, site_url):
    open_wizard(page, site_url, "en", "#province=jiangsu&profession=constructor&action=cancellation&realname_l4=true")
    page.wait_for_selector(".wizard-result[data-state=result]")
    page.wait_for_load_state("networkidle")
    # The background step after the engine is ready (web/engine-snapshot.js; its loads come from the service
    # worker, test_offline.py) is over before answering starts.
    page.wait_for_selector("#wizard[data-engine-snapshot]", state="attached", timeout=READY_TIMEOUT_MS)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for value in ("false", "true") * 5:
        page.click(f"#q-realname_l4-{value}")
        wait_for_result(page, {"province": "jiangsu", "profession": "constructor", "action": "cancellation",
                               "answers": {"realname_l4": value == "true"}})
    page.wait_for_timeout(300)
    assert requested == []
