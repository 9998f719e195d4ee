"""The checklist a person sees: the report's own checklist (built by the engine from the case and the
rule data), in the page's language, each item linking to a guide section that exists in the built site."""
from __future__ import annotations

import datetime
import html.parser
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import json
import pytest
from wizard_helpers import cli_reference, open_wizard, wait_for_result

LANGS = ("zh", "en")
TODAY = datetime.date.today()
LABELS = {
    "zh": {"zhejiang": "浙江省", "jiangsu": "江苏省", "initial": "初始注册", "cost_engineer": "二级造价工程师",
           "yes": "是", "no": "否", "civil": "土建"},
    "en": {"zhejiang": "Zhejiang", "jiangsu": "Jiangsu", "initial": "Initial registration",
           "cost_engineer": "Second-class cost engineer", "yes": "Yes", "no": "No", "civil": "Civil engineering (土建)"},
}


class _Ids(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id" and value)


@lru_cache(maxsize=None)
def ids_in(page: Path) -> frozenset:
    parser = _Ids()
    parser.feed(page.read_text(encoding="utf-8"))
    return frozenset(parser.ids)


def iso(days_ago: int) -> str:
    return (TODAY - datetime.timedelta(days=days_ago)).isoformat()


def shown_checklist(page) -> list[dict]:
    return page.eval_on_selector_all(".wizard-checklist li", """lis => lis.map(li => ({
        text: li.firstChild.textContent, href: (li.querySelector('a.wizard-guide') || {}).href || null}))""")


def assert_links_resolve(site: Path, lang: str, shown: list[dict]):
    for item in shown:
        url = urlsplit(item["href"])
        assert url.path.startswith("/en/" if lang == "en" else "/"), item
        target = site / url.path.lstrip("/") / "index.html"
        assert target.exists() and (not url.fragment or url.fragment in ids_in(target)), item


def expected(case: dict, lang: str) -> list[str]:
    code, report = cli_reference(json.dumps(case).encode())
    assert code == 0, report
    return [item["text"][lang] for item in report["checklist"]]


@pytest.mark.parametrize("lang", LANGS)
def test_a_person_sees_the_engine_s_checklist_for_a_zhejiang_and_a_jiangsu_case(page, site_url, built_site, lang):
    t = LABELS[lang]
    open_wizard(page, site_url, lang, wait_ready=False)
    # Zhejiang initial registration: 18 months passed, too few hours, employer not on the credit platform.
    page.select_option("#q-province", label=t["zhejiang"])
    page.select_option("#q-action", label=t["initial"])
    page.locator("#q-qualification_province").get_by_label(t["zhejiang"]).check()
    page.locator("#q-specialty").get_by_label(t["civil"]).check()
    page.fill("#q-certificate_issue_date", iso(800))
    page.fill("#q-continuing_education_hours", "5")
    page.select_option("#q-employer_type", value="cost_consulting")
    page.locator("#q-employer_on_credit_platform").get_by_label(t["no"], exact=True).check()
    zj_case = {"province": "zhejiang", "profession": "cost_engineer", "action": "initial", "answers": {
        "qualification_province": "zhejiang", "specialty": "civil", "certificate_issue_date": iso(800),
        "continuing_education_hours": 5, "employer_type": "cost_consulting", "employer_on_credit_platform": False}}
    wait_for_result(page, zj_case)
    shown = shown_checklist(page)
    assert [item["text"] for item in shown] == expected(zj_case, lang)
    text = "\n".join(item["text"] for item in shown)
    assert ("20 个学时" if lang == "zh" else "20 hours") in text and ("50KB" if lang == "zh" else "50 KB") in text
    assert_links_resolve(built_site, lang, shown)

    # Jiangsu, cost engineer, initial registration, nothing to fix: the procedure's steps only.
    page.select_option("#q-province", label=t["jiangsu"])
    page.select_option("#q-profession", label=t["cost_engineer"])
    page.select_option("#q-action", label=t["initial"])
    page.locator("#q-realname_l4").get_by_label(t["yes"], exact=True).check()
    page.locator("#q-qualification_province").get_by_label(t["jiangsu"]).check()
    page.check("#q-employment_contract_end-open")
    js_case = {"province": "jiangsu", "profession": "cost_engineer", "action": "initial", "answers": {
        "realname_l4": True, "qualification_province": "jiangsu", "employment_contract_end": None}}
    wait_for_result(page, js_case)
    shown = shown_checklist(page)
    assert [item["text"] for item in shown] == expected(js_case, lang)
    text = "\n".join(item["text"] for item in shown)
    assert "是否为造价咨询企业" in text and "资质证号" not in text  # the cost engineer's supplement, not the architects'
    assert_links_resolve(built_site, lang, shown)
