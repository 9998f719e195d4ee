"""The answers live in the URL fragment: they survive a reload and a language switch; old links say so."""
from __future__ import annotations

import json

from wizard_helpers import open_wizard, wait_for_result

FRAGMENT = ("#province=jiangsu&profession=structural_engineer&action=renewal&realname_l4=true"
            "&application_submitted_date=2026-11-02&applicant_confirmed=true")
CASE = {"province": "jiangsu", "profession": "structural_engineer", "action": "renewal",
        "answers": {"realname_l4": True, "application_submitted_date": "2026-11-02", "applicant_confirmed": True}}


def snapshot(page, case: dict = CASE) -> dict:
    wait_for_result(page, case)
    return {
        "verdict": page.get_attribute(".wizard-result", "data-verdict"),
        "rules": [li.get_attribute("data-rule") for li in page.query_selector_all(".wizard-finding")],
        "province": page.input_value("#q-province"),
        "action": page.input_value("#q-action"),
        "submitted": page.input_value("#q-application_submitted_date"),
        "confirmed": page.is_checked("#q-applicant_confirmed-true"),
    }


def test_answers_given_in_the_form_are_written_to_the_fragment_and_survive_a_reload(page, site_url):
    open_wizard(page, site_url, "zh")
    page.select_option("#q-province", value="jiangsu")
    page.select_option("#q-profession", value="structural_engineer")
    page.select_option("#q-action", value="renewal")
    page.locator("#q-realname_l4").get_by_label("是", exact=True).check()
    page.fill("#q-application_submitted_date", "2026-11-02")
    page.locator("#q-applicant_confirmed").get_by_label("是", exact=True).check()
    before = snapshot(page)
    page.wait_for_function("location.hash.includes('applicant_confirmed=true')")
    fragment = page.evaluate("location.hash")
    assert "realname_l4=true" in fragment and "application_submitted_date=2026-11-02" in fragment
    assert fragment.startswith("#f=2&v=")
    page.reload()
    page.wait_for_selector("#wizard[data-wizard-state=ready]", timeout=60_000)
    assert snapshot(page) == before


def test_the_language_switcher_carries_the_answers_to_the_other_language(page, site_url):
    open_wizard(page, site_url, "zh", FRAGMENT)
    zh = snapshot(page)
    link = page.locator("a.md-select__link[hreflang=en]").first
    href = link.get_attribute("href")
    assert "realname_l4=true" in href, "the English link carries the fragment"
    page.hover(".md-header .md-select")
    link.click()
    page.wait_for_url("**/en/wizard/**")
    page.wait_for_selector("#wizard[data-wizard-state=ready]", timeout=60_000)
    en = snapshot(page)
    assert en == zh
    assert page.evaluate("document.documentElement.lang").startswith("en")
    # Changing an answer on the English page updates the link back to Chinese.
    page.locator("#q-applicant_confirmed").get_by_label("No", exact=True).check()
    page.wait_for_function("document.querySelector('a.md-select__link[hreflang=zh]').href.includes('applicant_confirmed=false')")


def test_a_link_made_under_older_rule_data_says_so(page, site_url):
    open_wizard(page, site_url, "en", "#f=2&v=000000000000&" + FRAGMENT[1:])
    wait_for_result(page, CASE)
    notice = page.inner_text(".wizard-version-notice")
    assert "older rules" in notice
    current = json.loads(page.evaluate("fetch('../../wizard-assets/manifest.json').then(r => r.text())"))
    assert "000000000000" not in notice and current["rule_data_version"] not in notice, "no version hash for a reader"


def test_a_link_naming_an_unknown_province_asks_for_the_province_instead_of_promising_a_result(page, site_url):
    open_wizard(page, site_url, "zh", "#f=2&v=000000000000&province=shanghai&profession=constructor&action=initial")
    page.wait_for_selector(".wizard-result .wizard-version-notice")
    notice = page.inner_text(".wizard-version-notice")
    assert "省份无法识别" in notice and "下面的结果" not in notice
    assert page.input_value("#q-province") == ""


def test_a_link_made_under_the_current_rule_data_shows_no_notice(page, site_url):
    open_wizard(page, site_url, "en", FRAGMENT)
    version = page.evaluate("registrationWizard.ready.then(r => r.ruleDataVersion)")
    page.goto(f"{site_url}/en/wizard/#f=2&v={version}&{FRAGMENT[1:]}")
    wait_for_result(page, CASE)
    assert page.query_selector(".wizard-version-notice") is None


def test_a_link_from_before_contract_v2_maps_the_typed_district_to_the_new_question_and_says_so(page, site_url):
    old = ("#v=0123456789ab&province=jiangsu&profession=constructor&action=delta_registration&realname_l4=true"
           "&qualification_province=jiangsu&employer_district=%E5%90%B4%E6%B1%9F%E5%8C%BA")
    open_wizard(page, site_url, "zh", old)
    case = {"province": "jiangsu", "profession": "constructor", "action": "delta_registration",
            "answers": {"realname_l4": True, "qualification_province": "jiangsu", "employer_in_wujiang": True}}
    wait_for_result(page, case)
    assert page.get_attribute(".wizard-result", "data-verdict") == "eligible"
    notices = page.inner_text(".wizard-result").split("\n")
    assert any("旧版规则" in line for line in notices)
    assert any("聘用企业的工商注册地是苏州市吴江区吗" in line for line in notices)
    assert page.is_checked("#q-employer_in_wujiang-true")
