"""Contract v3, "unknown is not no": an answer the reader did not give is never read as "no", the holiday law's
art. 6 is in the estimate for unpublished years, and the two languages say the same things."""
from __future__ import annotations

import json
import re

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

import wizard
from test_cli_contract import budget, encode, valid_cases
from wizard import schema
from wizard.cli import respond
from wizard.statutory_holidays import makeup_rest_days
from wizard.text import texts

ZJ_REQUIRED = {"qualification_province": "zhejiang", "specialty": "civil", "certificate_issue_date": "2025-10-01",
               "employer_type": "cost_consulting"}


def zhejiang(**answers) -> dict:
    return {"province": "zhejiang", "profession": "cost_engineer", "action": "initial", "today": "2026-11-21",
            "answers": {**ZJ_REQUIRED, **answers}}


def finding(report: dict, rule: str) -> dict:
    return next(f for f in report["findings"] if f["rule"] == rule)


def optional_yes_no_questions(case: dict) -> list[dict]:
    """The optional yes/no questions of the case's form that decide a rule and are asked given its answers."""
    answers = {k: (None if v == schema.UNSURE else v) for k, v in case["answers"].items()}
    return [spec for spec in schema.form(case["province"], case["profession"], case["action"])
            if spec["type"] == "boolean" and not spec["required"] and "rule" in spec
            and schema.shown(spec, answers)]


@budget(600)
@given(valid_cases(), st.data())
def test_leaving_out_an_optional_yes_no_question_never_yields_a_fail_or_a_pass_for_its_rule(case, data):
    questions = optional_yes_no_questions(case)
    if not questions:
        return
    spec = data.draw(st.sampled_from(questions))
    case["answers"].pop(spec["id"], None)
    if not schema.shown(spec, {k: (None if v == schema.UNSURE else v) for k, v in case["answers"].items()}):
        return  # leaving it out made another question's `when` hide this one
    code, report = respond(encode(case))
    assert code == 0, report
    statuses = {f["status"] for f in report["findings"] if f["rule"] == spec["rule"]}
    assert not statuses & {"pass", "fail"}, (spec["id"], statuses, case)


@budget(300)
@given(valid_cases())
def test_answering_not_sure_gives_the_same_report_as_leaving_the_question_out(case):
    unsure = {k for k, v in case["answers"].items() if v == schema.UNSURE}
    specs = {s["id"]: s for s in schema.form(case["province"], case["profession"], case["action"])}
    left_out = dict(case, answers={k: v for k, v in case["answers"].items()
                                   if not (k in unsure and not specs[k]["required"])})
    if left_out["answers"] == case["answers"]:
        return
    assert respond(encode(case)) == respond(encode(left_out))


def test_only_the_required_zhejiang_answers_state_no_fact_the_reader_did_not_give():
    report = wizard.check(zhejiang())
    shown = " ".join(f["text"]["zh"] for f in report["findings"])
    for unstated in ("您报考时没有选择免考一门", "您没有注册在其他单位", "您以前没有办理过注销"):
        assert unstated not in shown
    for rule in ("zj.exam_exemption", "zj.single_employer", "zj.prior_cancellation"):
        assert finding(report, rule)["status"] == "info"


def test_an_exemption_chosen_with_the_review_unanswered_is_not_a_fail_and_asks_about_the_review():
    report = wizard.check(zhejiang(exemption_chosen=True))
    exemption = finding(report, "zj.exam_exemption")
    assert exemption["status"] == "action" and report["verdict"] != "not_eligible"
    assert "免考一门审核" in exemption["text"]["zh"] and "exemption review" in exemption["text"]["en"]


def test_an_unanswered_confirmation_after_the_window_states_the_deletion_only_as_a_condition():
    case = {"province": "jiangsu", "profession": "constructor", "action": "initial", "today": "2026-11-25",
            "answers": {"realname_l4": True, "qualification_province": "jiangsu", "employment_contract_end": None,
                        "application_submitted_date": "2026-11-10"}}
    text = finding(wizard.check(case), "js.confirmation_window")["text"]
    assert "没有确认的" in text["zh"] and "按您的回答" not in text["zh"]
    assert "if not" in text["en"] and "By your answer" not in text["en"]


def test_acceptance_inside_the_window_with_the_confirmation_unanswered_is_valid_and_confirmed():
    case = {"province": "jiangsu", "profession": "constructor", "action": "initial", "today": "2026-11-21",
            "answers": {"realname_l4": True, "qualification_province": "jiangsu", "employment_contract_end": None,
                        "application_submitted_date": "2026-11-02", "acceptance_date": "2026-11-05"}}
    report = wizard.check(case)
    assert finding(report, "js.confirmation_window")["status"] == "pass"


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_art_6_weekdays_off_placed_after_the_holiday_are_rest_days_in_the_published_schedules(year):
    days = makeup_rest_days(year)
    assert days  # 2025: Dragon Boat on a Saturday; 2026: Qingming, Labour Day and National Day
    for day in days:
        assert chinese_calendar.is_holiday(day), day


def test_2027_has_the_six_art_6_weekdays_off_the_issue_names():
    assert sorted(d.isoformat() for d in makeup_rest_days(2027)) == [
        "2027-02-09", "2027-02-10", "2027-05-03", "2027-05-04", "2027-10-04", "2027-10-05"]


def test_an_estimated_art_203_day_says_what_the_law_fixes_and_that_the_real_day_can_only_be_later():
    case = {"province": "jiangsu", "profession": "constructor", "action": "initial", "today": "2027-02-03",
            "answers": {"realname_l4": True, "qualification_province": "jiangsu", "employment_contract_end": None,
                        "application_submitted_date": "2027-02-01"}}
    note = finding(wizard.check(case), "js.deadline_non_working_day")
    assert note["basis"] == "law"
    assert "第六条" in note["text"]["zh"] and "只可能比这里晚" in note["text"]["zh"]
    assert "art. 6" in note["text"]["en"] and "can only be later" in note["text"]["en"]


# --- the two languages say the same things -----------------------------------------------------------------
PHONE = re.compile(r"\d{3,4}-\d{7,8}(?:转[^\s，。]*)?|400-\d{3}-\d{4}")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def text_pairs():
    zh, en = texts("zh"), texts("en")
    for key in zh:
        yield key, zh[key], en[key]
    for province, specs in schema.questions()["answers"].items():
        for qid, spec in specs.items():
            for part in ("label", "help"):
                if part in spec:
                    yield f"questions.{province}.{qid}.{part}", spec[part]["zh"], spec[part]["en"]


@pytest.mark.parametrize("key,zh,en", list(text_pairs()), ids=[k for k, _, _ in text_pairs()])
def test_each_english_text_has_the_same_phone_numbers_years_and_open_lists_as_the_chinese(key, zh, en):
    zh_bare, en_bare = PLACEHOLDER.sub("", zh), PLACEHOLDER.sub("", en)
    assert sorted(PHONE.findall(zh_bare)) == sorted(PHONE.findall(en_bare)), key
    assert sorted(YEAR.findall(zh_bare)) == sorted(YEAR.findall(en_bare)), key
    if re.search(r"、[^。；]*等(?:企业|信息|$)", zh):  # an open list in Chinese ("…、…等企业") stays open in English
        assert re.search(r"and so on|and other|etc\.", en), key


def test_the_page_questions_have_their_numbers_filled_in_from_the_rule_data():
    from datetime import date

    page = schema.page_questions(date(2026, 11, 21))
    help_zh = page["answers"]["zhejiang"]["certificate_issue_date"]["help"]["zh"]
    assert help_zh.startswith("18 个月")
    for specs in page["answers"].values():
        for spec in specs.values():
            assert "help_params" not in spec and not PLACEHOLDER.search(json.dumps(spec.get("help", {})))
