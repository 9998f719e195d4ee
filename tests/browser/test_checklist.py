"""The personalised checklist: its data in web/i18n/{zh,en}.json and what a person sees after the verdict.

The checklist shows the findings marked "action", then the items of `checklist` in the page language's i18n
file under "<province>", "<province>/<action>" and "<province>/<profession>/<action>" whose `when` conditions
all hold (web/wizard.js, checklist()). The data tests need no browser; the anchor test reads the built site.
"""
from __future__ import annotations

import datetime
import html.parser
import json
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from wizard_helpers import ROOT, cli_reference, open_wizard

LANGS = ("zh", "en")
MAX_ITEMS_PER_CASE = 8
TODAY = datetime.date.today()


def load(lang: str) -> dict:
    return json.loads((ROOT / "web" / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))


CHECKLIST = {lang: load(lang)["checklist"] for lang in LANGS}
QUESTIONS = json.loads((ROOT / "wizard" / "data" / "questions.json").read_text(encoding="utf-8"))
RULES = json.loads((ROOT / "wizard" / "data" / "rules.json").read_text(encoding="utf-8"))
STATUSES = {"pass", "action", "fail", "info"}


def cases():
    """Every (province, profession, action) the wizard offers."""
    for province, spec in QUESTIONS["provinces"].items():
        for profession in spec["professions"]:
            for action in spec["actions"]:
                if f"{province}/{profession}/{action}" in QUESTIONS["forms"]:
                    yield province, profession, action


def keys_of(province: str, profession: str, action: str) -> list[str]:
    return [province, f"{province}/{action}", f"{province}/{profession}/{action}"]


def all_guides() -> set[str]:
    return {item["guide"] for lang in LANGS for items in CHECKLIST[lang].values() for item in items}


# ----- the data -----

def test_both_languages_have_the_same_checklist_keys_items_guides_and_conditions():
    zh, en = CHECKLIST["zh"], CHECKLIST["en"]
    assert list(zh) == list(en)
    for key in zh:
        assert len(zh[key]) == len(en[key]), key
        for position, (a, b) in enumerate(zip(zh[key], en[key])):
            assert a.get("guide") == b.get("guide"), (key, position)
            assert a.get("when") == b.get("when"), (key, position)
            assert set(a) == set(b) <= {"text", "guide", "when"}, (key, position)
            assert a["text"].strip() and b["text"].strip(), (key, position)


def test_every_checklist_key_names_a_case_the_wizard_offers():
    offered = {key for case in cases() for key in keys_of(*case)}
    for lang in LANGS:
        assert set(CHECKLIST[lang]) <= offered, set(CHECKLIST[lang]) - offered


def test_every_condition_names_a_real_answer_value_or_rule_status():
    for key, items in CHECKLIST["zh"].items():
        province = key.split("/")[0]
        answers = QUESTIONS["answers"][province]
        for item in items:
            for cond in item.get("when", []):
                if "answer" in cond:
                    spec = answers[cond["answer"]]
                    if spec["type"] == "boolean":
                        assert cond["is"] in (True, False), (key, cond)
                    elif spec["type"] == "enum":
                        assert cond["is"] in spec["enum"], (key, cond)
                else:
                    assert cond["rule"] in RULES and cond["status"] in STATUSES, (key, cond)
                    assert cond["rule"].startswith({"zhejiang": "zj.", "jiangsu": "js."}[province]), (key, cond)


@pytest.mark.parametrize("case", list(cases()), ids="/".join)
def test_every_case_has_a_short_checklist(case):
    items = [item for key in keys_of(*case) for item in CHECKLIST["zh"].get(key, [])]
    assert 1 <= len(items) <= MAX_ITEMS_PER_CASE


class _Ids(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)


@lru_cache(maxsize=None)
def ids_in(path: Path) -> frozenset[str]:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return frozenset(parser.ids)


def built_page(site: Path, lang: str, guide_path: str) -> Path:
    """docs-relative `zhejiang/apply.md` -> site/zhejiang/apply/index.html (site/en/... in English)."""
    page = guide_path[: -len(".md")]
    page = page[: -len("index")] if page.endswith("index") else page + "/"
    return site / ("" if lang == "zh" else "en") / page / "index.html"


@pytest.mark.parametrize("lang", LANGS)
def test_every_checklist_guide_link_points_to_an_anchor_of_the_built_page(built_site, lang):
    missing = []
    for guide in sorted(all_guides()):
        path, _, anchor = guide.partition("#")
        assert path.endswith(".md") and anchor, guide
        page = built_page(built_site, lang, path)
        if not page.exists() or anchor not in ids_in(page):
            missing.append(f"{guide} -> {page.relative_to(built_site)}")
    assert missing == []


# ----- what a person sees -----

def iso(days_ago: int) -> str:
    return (TODAY - datetime.timedelta(days=days_ago)).isoformat()


def expected_items(case: dict, lang: str) -> list[str]:
    """The checklist web/wizard.js should show for this case: action findings, then matching i18n items."""
    code, report = cli_reference(json.dumps(case).encode())
    assert code == 0, report
    texts = [f["text"][lang] for f in report["findings"] if f["status"] == "action"]

    def holds(cond):
        if "answer" in cond:
            return case["answers"].get(cond["answer"]) == cond["is"]
        return any(f["rule"] == cond["rule"] and f["status"] == cond["status"] for f in report["findings"])

    for key in keys_of(case["province"], case["profession"], case["action"]):
        texts += [item["text"] for item in CHECKLIST[lang].get(key, []) if all(map(holds, item.get("when", [])))]
    return texts


def shown_checklist(page) -> list[dict]:
    return page.eval_on_selector_all(".wizard-checklist li", """lis => lis.map(li => ({
        text: li.firstChild.textContent,
        href: (li.querySelector('a.wizard-guide') || {}).href || null}))""")


def assert_links_resolve(site: Path, lang: str, shown: list[dict]):
    for item in shown:
        assert item["href"], item
        url = urlsplit(item["href"])
        assert url.fragment, item
        prefix = "/en/" if lang == "en" else "/"
        assert url.path.startswith(prefix), item
        page = site / url.path.lstrip("/") / "index.html"
        assert page.exists() and url.fragment in ids_in(page), item


LABELS = {
    "zh": {"zhejiang": "浙江省", "jiangsu": "江苏省", "initial": "初始注册", "cost_engineer": "二级造价工程师",
           "yes": "是", "no": "否"},
    "en": {"zhejiang": "Zhejiang", "jiangsu": "Jiangsu", "initial": "Initial registration",
           "cost_engineer": "Second-class cost engineer", "yes": "Yes", "no": "No"},
}
# Fragments of items that must be there, whatever the wording around them.
MUST_SHOW = {
    "zh": {"zhejiang": ["50KB", "大专", "无职称证明", "信息备案管理", "浙里办", "初始(增项)注册", "20 个学时", "宁波市"],
           "jiangsu": ["L4", "免冠证件照", "三个月以上", "5 日内", "法人签字", "是否为造价咨询企业", "我的证照"]},
    "en": {"zhejiang": ["50 KB", "junior college", "no professional title", "信息备案管理", "Zheliban",
                        "初始(增项)注册", "20 class hours", "Ningbo"],
           "jiangsu": ["L4", "bare-headed ID photo", "three months or more", "within 5 days", "legal representative",
                       "是否为造价咨询企业", "我的证照"]},
}


def wait_for_checklist(page, count: int):
    page.wait_for_function(f"document.querySelectorAll('.wizard-result[data-state=result] .wizard-checklist li').length === {count}")


@pytest.mark.parametrize("lang", LANGS)
def test_a_person_sees_the_checklist_for_a_zhejiang_and_a_jiangsu_case(page, site_url, built_site, lang):
    t = LABELS[lang]
    open_wizard(page, site_url, lang, wait_ready=False)

    # Zhejiang initial registration: 18 months passed, too few hours, employer not on the credit platform.
    page.select_option("#q-province", label=t["zhejiang"])
    page.select_option("#q-action", label=t["initial"])
    page.locator("#q-qualification_province").get_by_label(t["zhejiang"]).check()
    page.locator("#q-specialty").get_by_label("土建" if lang == "zh" else "Civil engineering (土建)").check()
    page.fill("#q-certificate_issue_date", iso(800))
    page.fill("#q-continuing_education_hours", "5")
    page.select_option("#q-employer_type", value="cost_consulting")
    page.locator("#q-employer_on_credit_platform").get_by_label(t["no"], exact=True).check()
    page.wait_for_selector("#wizard[data-wizard-state=ready]", timeout=60_000)
    zj_case = {"province": "zhejiang", "profession": "cost_engineer", "action": "initial", "answers": {
        "qualification_province": "zhejiang", "specialty": "civil", "certificate_issue_date": iso(800),
        "continuing_education_hours": 5, "employer_type": "cost_consulting", "employer_on_credit_platform": False}}
    expected = expected_items(zj_case, lang)
    wait_for_checklist(page, len(expected))
    shown = shown_checklist(page)
    assert [item["text"] for item in shown] == expected
    assert page.inner_text(".wizard-result h3 >> nth=-1") == load(lang)["checklist_heading"]
    text = "\n".join(expected)
    for fragment in MUST_SHOW[lang]["zhejiang"]:
        assert fragment in text, fragment
    assert_links_resolve(built_site, lang, shown)

    # Jiangsu, cost engineer, initial registration: nothing to fix, so only the procedure's steps.
    page.select_option("#q-province", label=t["jiangsu"])
    page.select_option("#q-profession", label=t["cost_engineer"])
    page.select_option("#q-action", label=t["initial"])
    page.locator("#q-realname_l4").get_by_label(t["yes"], exact=True).check()
    page.locator("#q-qualification_province").get_by_label(t["jiangsu"]).check()
    page.check("#q-employment_contract_end-open")
    js_case = {"province": "jiangsu", "profession": "cost_engineer", "action": "initial", "answers": {
        "realname_l4": True, "qualification_province": "jiangsu", "employment_contract_end": None}}
    expected = expected_items(js_case, lang)
    assert len(expected) == len(CHECKLIST[lang]["jiangsu/initial"]) + len(CHECKLIST[lang]["jiangsu/cost_engineer/initial"])
    page.wait_for_function("location.hash.includes('province=jiangsu') && location.hash.includes('employment_contract_end=null')")
    wait_for_checklist(page, len(expected))
    page.wait_for_function(f"document.querySelector('.wizard-checklist li:last-child').textContent.startsWith({json.dumps(expected[-1])})")
    shown = shown_checklist(page)
    assert [item["text"] for item in shown] == expected
    text = "\n".join(expected)
    for fragment in MUST_SHOW[lang]["jiangsu"]:
        assert fragment in text, fragment
    assert not any("资质证号" in item for item in expected), "architects' supplement is not shown to a cost engineer"
    assert_links_resolve(built_site, lang, shown)
