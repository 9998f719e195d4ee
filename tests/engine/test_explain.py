"""``wizard.explain``: how each date was computed and what would change the outcome."""
from __future__ import annotations

import wizard

CASE = {"province": "jiangsu", "profession": "constructor", "action": "initial", "today": "2026-03-01",
        "answers": {"realname_l4": True, "qualification_province": "jiangsu",
                    "employment_contract_end": "2026-05-01", "acceptance_date": "2026-02-06"}}


def test_a_working_day_count_lists_skipped_holidays_and_counted_make_up_days_with_names():
    due = wizard.explain(CASE)["dates"]["decision_due"]
    assert due["value"] == "2026-03-12" and due["start"] == "2026-02-06"
    assert due["period"] == {"amount": 20, "unit": "working_days"}
    assert due["reference"].startswith("004_6b6b954dcd5456b7.txt")
    assert [d["date"] for d in due["makeup_workdays"]] == ["2026-02-14", "2026-02-28"]
    spring = [d for d in due["skipped"] if d["kind"] == "holiday"]
    assert len(spring) == 9 and spring[0]["label"] == {"zh": "法定节假日（春节）", "en": "a public holiday (Spring Festival)"}
    assert due["estimated"] is False


def test_what_would_change_names_the_contract_end_that_would_qualify():
    changes = wizard.explain(CASE)["what_would_change"]
    contract = [c for c in changes if c["rule"] == "js.contract_term"]
    assert "2026-06-01" in contract[0]["text"]["en"] or "1 June 2026" in contract[0]["text"]["en"]


def test_a_late_zhejiang_case_says_how_many_hours_are_missing():
    case = {"province": "zhejiang", "profession": "cost_engineer", "action": "initial", "today": "2026-11-21",
            "answers": {"qualification_province": "zhejiang", "specialty": "civil", "certificate_issue_date": "2025-05-20",
                        "employer_type": "owner", "continuing_education_hours": 12.5}}
    explained = wizard.explain(case)
    assert explained["rule_data_version"] == wizard.RULE_DATA_VERSION
    deadline = explained["dates"]["registration_deadline"]
    assert deadline["period"] == {"amount": 18, "unit": "months"} and deadline["last_day"]["kind"] == "workday"
    assert "7.5" in explained["what_would_change"][0]["text"]["en"]


def test_a_month_end_period_says_so():
    case = {"province": "zhejiang", "profession": "cost_engineer", "action": "initial", "today": "2026-11-21",
            "answers": {"qualification_province": "zhejiang", "specialty": "civil", "certificate_issue_date": "2025-08-31",
                        "employer_type": "owner"}}
    how = wizard.explain(case)["dates"]["registration_deadline"]["how"]
    assert "last day" in how["en"] and "2027" in how["zh"]
