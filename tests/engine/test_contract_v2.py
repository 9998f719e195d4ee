"""Contract v2: every finding says what it rests on, readings carry their label, the checklist is built
from the case and the rule data, and estimated years include the holidays the law fixes."""
from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import chinese_calendar
import pytest

import wizard
from table import input_bytes, load_cases
from wizard import datafiles, parameters, statutory_holidays
from wizard.cli import respond
from wizard.text import texts

ROOT = Path(__file__).resolve().parents[2]
VALID, _ = load_cases()
RULES = datafiles.load("data", "rules.json")
LABEL = {"zh": "本站理解：", "en": "Our reading:"}


def reports():
    for entry in VALID:
        code, report = respond(input_bytes(entry))
        assert code == 0, entry["name"]
        yield entry, report


def test_every_finding_of_every_table_case_has_a_basis_and_readings_are_labelled_in_both_languages():
    counts = Counter()
    for entry, report in reports():
        for finding in report["findings"]:
            counts[finding["basis"]] += 1
            for language, label in LABEL.items():
                assert finding["text"][language].startswith(label) == (finding["basis"] == "reading"), \
                    (entry["name"], finding["rule"], language)
            if finding["basis"] == "law":
                assert re.search(r"《民法典》|第 795 号", finding["text"]["zh"]), finding["rule"]
                assert re.search(r"Civil Code|Decree No\. 795", finding["text"]["en"]), finding["rule"]
    assert set(counts) == {"notice", "law", "reading"}  # the table exercises every basis


def text_keys_by_rule():
    for key in texts("zh"):
        parts = key.split(".")
        if parts[0] in ("zj", "js"):
            yield ".".join(parts[:2]), ".".join(parts[2:]), key


def test_each_text_declared_a_reading_in_the_rule_data_starts_with_the_label_and_no_other_does():
    for rule, status_variant, key in text_keys_by_rule():
        entry = RULES[rule]
        status = status_variant.split(".")[0]
        basis = entry.get("basis_by_text", {}).get(status_variant) or entry.get("basis_by_text", {}).get(status) \
            or entry["basis"]
        for language, label in LABEL.items():
            assert texts(language)[key].startswith(label) == (basis == "reading"), (key, language)


def test_basis_overrides_name_texts_that_exist():
    for rule, entry in RULES.items():
        for status_variant in entry.get("basis_by_text", {}):
            assert f"{rule}.{status_variant}" in texts("zh"), (rule, status_variant)


def test_every_unclear_text_says_where_to_ask_or_that_the_notice_names_no_one():
    for rule, status_variant, key in text_keys_by_rule():
        if status_variant.startswith("unclear"):
            zh, en = texts("zh")[key], texts("en")[key]
            assert "{hotlines}" in zh or "没有指明" in zh, key
            assert "{hotlines}" in en or "names no one" in en, key


def test_the_hotlines_in_unclear_findings_are_the_notice_s_own():
    case = {"province": "jiangsu", "profession": "constructor", "action": "initial", "today": "2026-11-21",
            "answers": {"realname_l4": True, "qualification_province": "other", "employment_contract_end": None}}
    finding = next(f for f in wizard.check(case)["findings"] if f["status"] == "unclear")
    notice = (ROOT.parent / "shared" / "seeds" / "004_6b6b954dcd5456b7.txt")
    numbers = re.findall(r"025-\d{8}", finding["text"]["zh"])
    assert numbers == ["025-83666746", "025-83666203"]
    if notice.exists():
        assert all(n in notice.read_text(encoding="utf-8") for n in numbers)


def test_a_changed_rule_value_changes_the_checklist(monkeypatch):
    case = {"province": "jiangsu", "profession": "architect", "action": "renewal", "today": "2026-11-21",
            "answers": {"realname_l4": True}}
    before = [item["text"]["zh"] for item in wizard.check(case)["checklist"]]
    real = parameters.value
    monkeypatch.setattr(parameters, "value", lambda p, n, on: 15 if n == "decision_time_renewal" else real(p, n, on))
    after = [item["text"]["zh"] for item in wizard.check(case)["checklist"]]
    changed = [(b, a) for b, a in zip(before, after) if b != a]
    assert len(changed) == 1 and "10 个工作日" in changed[0][0] and "15 个工作日" in changed[0][1]


def test_every_number_in_the_checklist_comes_from_the_rule_data():
    """No digit is written into a checklist text: each number is a placeholder filled from rule data."""
    for language in ("zh", "en"):
        for key, value in texts(language).items():
            if key.startswith("checklist."):
                text = re.sub(r"FAQ \d+|答疑 \d+|Other matters \d+|其他事宜 \d+|L4|[一二三]（[一二三]）\d+"
                              r"|\b\d \(\d\) \d+\b", "", value)
                while re.search(r"[（(][^（(）)]*[）)]", text):  # section references such as 二（二）4 sit in brackets
                    text = re.sub(r"[（(][^（(）)]*[）)]", "", text)
                assert not re.search(r"\d", text), (key, language, value)


def anchors(page: Path) -> set[str]:
    return set(re.findall(r"\{ #([a-z0-9-]+) \}", page.read_text(encoding="utf-8")))


def test_every_checklist_source_is_a_guide_section_in_both_languages():
    data = datafiles.load("data", "checklists.json")
    for province in ("zhejiang", "jiangsu"):
        for item in data[province]:
            page, _, anchor = item["source"].partition("#")
            for path in (ROOT / "docs" / page, ROOT / "docs" / page.replace(".md", ".en.md")):
                assert path.exists(), item
                assert not anchor or anchor in anchors(path), (item, path.name)
            assert f"checklist.{item['id']}" in texts("zh"), item["id"]
            for spec in item.get("params", {}).values():
                assert set(spec) in ({"parameter"}, {"action_label"}, {"certificate"}, {"hotlines"}), (item["id"], spec)
                if "parameter" in spec:
                    parameters.parameter(*spec["parameter"].split("/"))  # the rule data file exists


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_estimator_s_statutory_holidays_are_all_real_holidays_in_years_chinesecalendar_knows(year):
    estimated = statutory_holidays.statutory_holidays(year)
    assert len(estimated) == 13  # Decree No. 795 art. 2: 1 + 4 + 1 + 2 + 1 + 1 + 3 days
    for day, name in estimated.items():
        on_holiday, holiday = chinese_calendar.get_holiday_detail(day)
        assert on_holiday and holiday is not None, (day, name)


def test_a_renewal_accepted_on_29_january_2027_cannot_be_due_before_18_february_2027():
    case = {"province": "jiangsu", "profession": "constructor", "action": "renewal", "today": "2027-01-30",
            "answers": {"realname_l4": True, "acceptance_date": "2027-01-29"}}
    report = wizard.check(case)  # Spring Festival 5-8 February by art. 2, 9-10 February off in lieu by art. 6
    assert report["dates"]["decision_due"] == "2027-02-18" and report["estimated"] == ["decision_due"]


def test_past_2099_only_the_fixed_date_holidays_are_estimated_and_the_text_says_so():
    assert set(statutory_holidays.statutory_holidays(2200).values()) == {"new_years_day", "labour_day", "national_day"}
    case = {"province": "jiangsu", "profession": "constructor", "action": "renewal", "today": "2200-03-01",
            "answers": {"realname_l4": True, "acceptance_date": "2200-02-20"}}
    note = next(f for f in wizard.check(case)["findings"] if f["rule"] == "js.working_days_estimated")
    assert "1900–2099" in note["text"]["en"]


def test_a_huge_number_answer_is_rejected_by_its_range_in_a_short_message():
    case = {"province": "zhejiang", "profession": "cost_engineer", "action": "initial", "today": "2026-11-21",
            "answers": {"qualification_province": "zhejiang", "specialty": "civil", "certificate_issue_date": "2020-01-01",
                        "employer_type": "owner", "continuing_education_hours": int("9" * 4000)}}
    code, error = respond(json.dumps(case).encode())
    assert code == 2 and error["field"] == "answers.continuing_education_hours"
    assert "1000" in error["message"]["en"] and len(error["message"]["en"]) < 200


def test_the_rule_data_date_is_the_newest_effective_date():
    explained = wizard.explain({"province": "jiangsu", "profession": "constructor", "action": "company_rename"})
    assert explained["rule_data_date"] == max(k for p in parameters.all_parameters().values() for k in p["values"])
    date.fromisoformat(explained["rule_data_date"])
