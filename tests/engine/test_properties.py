"""Property tests: random valid cases never raise and give a well-formed report; random invalid
input is always rejected with a message in both languages (in process, and a few through the CLI)."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

import wizard
from wizard import datafiles, schema
from wizard.cli import decode

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted(schema.questions()["forms"])
RULES = datafiles.load("data", "rules.json")
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLI = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def valid_cases(draw):
    province, profession, action = draw(st.sampled_from(FORMS)).split("/")
    today = draw(days)
    answers = {}
    for spec in schema.form(province, profession, action):
        if not spec["required"] and draw(st.integers(0, 2)) == 0:
            if draw(st.booleans()):
                answers[spec["id"]] = None
            continue
        kind = spec["type"]
        if kind == "boolean":
            value = draw(st.booleans())
        elif kind == "number":
            value = draw(st.one_of(st.integers(0, 500), st.floats(0, 500, allow_nan=False)))
        elif kind == "enum":
            value = draw(st.sampled_from(spec["enum"]))
        elif kind == "text":
            value = draw(st.sampled_from(["ningbo", "wujiang", "Wujiang ", "hangzhou", "kunshan"]))
        elif kind == "date_or_null" and draw(st.booleans()):
            value = None
        else:
            top = today if spec.get("not_after_today") else date(2031, 12, 31)
            value = draw(st.dates(min_value=date(1999, 1, 1), max_value=top)).isoformat()
        answers[spec["id"]] = value
    case = {"province": province, "profession": profession, "action": action, "today": today.isoformat()}
    if answers or draw(st.booleans()):
        case["answers"] = answers
    return case


def assert_well_formed(report: dict) -> None:
    assert list(report) == ["verdict", "findings", "dates", "estimated"]
    statuses = {finding["status"] for finding in report["findings"]}
    expected = "not_eligible" if "fail" in statuses else "action_needed" if "action" in statuses else "eligible"
    assert report["verdict"] == expected
    assert report["findings"]
    for finding in report["findings"]:
        assert set(finding) == {"rule", "status", "text", "source"}
        assert finding["status"] in {"pass", "action", "fail", "info"}
        assert finding["rule"] in RULES
        assert finding["text"]["zh"] and finding["text"]["en"] and "{" not in finding["text"]["en"]
        assert finding["source"].endswith(".md") or "#" in finding["source"]
    for value in report["dates"].values():
        date.fromisoformat(value)
    assert set(report["estimated"]) <= set(report["dates"])
    json.dumps(report)


@FAST
@given(valid_cases())
def test_random_valid_cases_never_raise_and_give_a_well_formed_report(case):
    assert_well_formed(wizard.check(case))


@settings(max_examples=60, deadline=None)
@given(valid_cases())
def test_explain_accounts_for_every_date_of_the_report(case):
    explained = wizard.explain(case)
    assert explained["report"] == wizard.check(case)
    assert set(explained["dates"]) == set(explained["report"]["dates"])
    for key, entry in explained["dates"].items():
        assert entry["value"] == explained["report"]["dates"][key]
        if entry["period"]["unit"] == "working_days":
            assert sum(day["counted"] for day in entry["days"]) == entry["period"]["amount"]


WRONG_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=True, allow_infinity=True),
                         st.text(max_size=12), st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


def _is_acceptable(spec, value, today) -> bool:
    """Would the validator accept ``value`` for ``spec``? (deliberately coarse, for filtering)"""
    kind = spec["type"]
    if value is None:
        return not spec["required"] or kind == "date_or_null"
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "number":
        return (isinstance(value, (int, float)) and not isinstance(value, bool) and value == value
                and abs(value) != float("inf") and value >= 0)
    if kind == "enum":
        return value in spec["enum"] if isinstance(value, str) else False
    if kind == "text":
        return isinstance(value, str) and bool(value.strip())
    return False  # random values are never YYYY-MM-DD dates


@st.composite
def invalid_cases(draw):
    case = draw(valid_cases())
    province, profession, action = case["province"], case["profession"], case["action"]
    specs = schema.form(province, profession, action)
    mutation = draw(st.sampled_from(["top", "unknown_answer", "missing", "wrong", "future", "enum", "not_object"]))
    answers = case.setdefault("answers", {})
    if mutation == "top" or (mutation in ("missing", "wrong", "future") and not specs):
        case[draw(st.sampled_from(["lang", "Province", "extra"]))] = 1
    elif mutation == "unknown_answer":
        answers[draw(st.sampled_from(["foo", "employer_district", "realname_l4", "specialty"]).filter(
            lambda k: k not in {s["id"] for s in specs}))] = True
    elif mutation == "missing":
        required = [s for s in specs if s["required"]]
        if not required:
            case["province"] = "shanghai"
        else:
            answers.pop(draw(st.sampled_from(required))["id"], None)
    elif mutation == "wrong":
        spec = draw(st.sampled_from(specs))
        value = draw(WRONG_VALUES.filter(lambda v: not _is_acceptable(spec, v, case["today"])))
        answers[spec["id"]] = value
    elif mutation == "future":
        past = [s for s in specs if s.get("not_after_today")]
        if not past:
            case["today"] = "2026-02-29"
        else:
            later = date.fromisoformat(case["today"]) + timedelta(days=draw(st.integers(1, 400)))
            answers[draw(st.sampled_from(past))["id"]] = later.isoformat()
    elif mutation == "enum":
        key = draw(st.sampled_from(["province", "profession", "action"]))
        case[key] = draw(st.one_of(st.text(max_size=8), st.integers(), st.none()).filter(
            lambda v: not (isinstance(v, str) and v in {"zhejiang", "jiangsu", *schema.all_professions(), *schema.all_actions()})))
    else:
        return draw(st.one_of(st.lists(st.integers(), max_size=2), st.text(max_size=5), st.integers(), st.none()))
    return case


def _assert_rejected(error: wizard.InvalidCase) -> None:
    assert error.message["zh"].strip() and error.message["en"].strip()
    assert error.field is None or isinstance(error.field, str)


@FAST
@given(invalid_cases())
def test_mutated_valid_cases_are_always_rejected_with_both_languages(case):
    try:
        wizard.check(case)
    except wizard.InvalidCase as error:
        _assert_rejected(error)
    else:
        raise AssertionError(f"accepted {case!r}")


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                           max_leaves=20)


@FAST
@given(st.one_of(json_values, st.fixed_dictionaries({"province": st.sampled_from(["zhejiang", "jiangsu"]),
                                                     "profession": st.sampled_from(schema.all_professions()),
                                                     "action": st.sampled_from(schema.all_actions()),
                                                     "answers": json_values})))
def test_random_json_gives_a_report_or_an_invalid_case_never_another_error(value):
    try:
        assert_well_formed(wizard.check(value))
    except wizard.InvalidCase as error:
        _assert_rejected(error)


@FAST
@given(st.binary(max_size=60))
def test_random_bytes_are_rejected_or_checked_never_crash(data):
    try:
        assert_well_formed(wizard.check(decode(data)))
    except wizard.InvalidCase as error:
        _assert_rejected(error)


def _cli(data: bytes) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wizard", "check", "-"], input=data, capture_output=True, cwd=ROOT, timeout=60)


@CLI
@given(st.one_of(st.binary(max_size=40), invalid_cases().map(lambda c: json.dumps(c).encode("utf-8"))))
def test_random_invalid_input_through_the_real_cli_exits_2_with_a_json_error(data):
    try:
        wizard.check(decode(data))
    except wizard.InvalidCase:
        pass
    else:
        return  # random bytes that happen to be a valid case are out of scope here
    result = _cli(data)
    assert result.returncode == 2 and result.stdout == b""
    assert b"Traceback" not in result.stderr
    error = json.loads(result.stderr)
    assert error["error"] == "invalid_case" and error["message"]["zh"] and error["message"]["en"]


@CLI
@given(valid_cases())
def test_random_valid_cases_through_the_real_cli_exit_0_with_the_same_report(case):
    result = _cli(json.dumps(case).encode("utf-8"))
    assert result.returncode == 0 and result.stderr == b""
    assert json.loads(result.stdout) == wizard.check(case)
