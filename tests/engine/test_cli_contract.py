"""The command-line contract under generated input: hypothesis drives thousands of inputs through
``wizard.cli.respond`` (what ``python -m wizard check`` runs) and a sample through the real subprocess.

Valid cases are built from the engine's own question data; invalid ones by breaking a valid case one way
at a time; plus random JSON, the real keys with random values, random bytes, and the extremes: lone
surrogates, 5,000-digit integers, deep nesting, dates near 0001 and 9999. Every input must end in exit 0
with a well-formed v2 report, or exit 2 with an error object whose message is in Chinese and English:
never a traceback, never another exit code.
"""
from __future__ import annotations

import concurrent.futures
import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import wizard
from table import FINDING_KEYS, REPORT_KEYS
from wizard import datafiles, schema
from wizard.case import MAX_YEAR
from wizard.cli import respond

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = schema.questions()
FORMS = sorted(f"{p}/{prof}/{a}" for p, info in QUESTIONS["provinces"].items()
               for prof in info["professions"] for a in info["actions"] if schema.has_form(p, prof, a))
SPECS = QUESTIONS["answers"]
RULES = datafiles.load("data", "rules.json")
CJK = re.compile(r"[\u4e00-\u9fff]")
STATUS_ORDER = (("fail", "not_eligible"), ("action", "action_needed"), ("unclear", "unclear"))
READING_LABEL = {"zh": "本站理解：", "en": "Our reading:"}


def budget(examples: int) -> settings:
    """Hypothesis settings: `examples` inputs, no deadline (the machine may be busy)."""
    return settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))


def encode(value) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


def assert_report(report: dict) -> None:
    assert list(report) == REPORT_KEYS
    statuses = {finding["status"] for finding in report["findings"]}
    assert report["verdict"] == next((v for s, v in STATUS_ORDER if s in statuses), "eligible")
    for finding in report["findings"]:
        assert set(finding) == FINDING_KEYS
        assert finding["status"] in {"pass", "action", "fail", "info", "unclear"}
        assert finding["rule"] in RULES and finding["basis"] in {"notice", "law", "reading"}
        for language in ("zh", "en"):
            assert finding["text"][language] and "{" not in finding["text"][language]
            assert finding["text"][language].startswith(READING_LABEL[language]) == (finding["basis"] == "reading")
    for item in report["checklist"]:
        assert set(item) == {"text", "source"} and item["text"]["zh"] and item["text"]["en"]
    for value in report["dates"].values():
        dt.date.fromisoformat(value)
    assert set(report["estimated"]) <= set(report["dates"])


def assert_contract(data: bytes, result: tuple[int, dict], expect: int | None = None) -> None:
    code, payload = result
    shown = data[:300]
    assert code in (0, 2), f"exit {code} for input {shown!r}: {payload}"
    if expect is not None:
        assert code == expect, f"exit {code}, expected {expect}, for input {shown!r}: {str(payload)[:500]}"
    if code == 0:
        assert_report(payload)
        return
    assert payload["error"] == "invalid_case", payload
    assert set(payload) == {"error", "field", "message"}, payload
    message = payload["message"]
    assert CJK.search(message["zh"]) and re.search(r"[A-Za-z]{3}", message["en"]), payload
    assert len(message["zh"]) < 2000 and len(message["en"]) < 2000, "echoed input must be cut"
    (json.dumps(payload, ensure_ascii=False) + "\n").encode("utf-8")  # printable: no lone surrogate survives


# --- generators -------------------------------------------------------------------------------------------
TODAY_MIN, TODAY_MAX = dt.date(2016, 1, 1), dt.date(2032, 12, 31)


def iso(day: dt.date) -> str:
    return day.isoformat()


@st.composite
def answer_value(draw, spec: dict, today: dt.date):
    kind = spec["type"]
    if kind == "enum":
        return draw(st.sampled_from(spec["enum"]))
    if kind == "boolean":
        return draw(st.sampled_from([True, False, schema.UNSURE]))
    if kind == "number":
        low, high = spec.get("min", 0), min(spec.get("max", 500), 500)
        if spec.get("min_exclusive"):
            return draw(st.floats(low, high, exclude_min=True, allow_nan=False, allow_infinity=False))
        return draw(st.one_of(st.integers(low, high), st.floats(low, high, allow_nan=False, allow_infinity=False)))
    if kind == "date":
        high = today if spec.get("not_after_today") else TODAY_MAX
        return iso(draw(st.dates(dt.date(2010, 1, 1), high)))
    if kind == "date_or_null":
        return draw(st.one_of(st.none(), st.dates(dt.date(2010, 1, 1), dt.date(2040, 12, 31)).map(iso)))
    raise AssertionError(f"answer type {kind!r} unknown to this test: extend answer_value()")


def _consistent(case: dict) -> bool:
    """Leave out the contradictions the contract rejects (they have table cases of their own)."""
    code, _ = respond(encode(case))
    return code == 0 or not {"acceptance_date", "expected_acceptance_date"} & set(case["answers"])


@st.composite
def valid_cases(draw):
    province, profession, action = draw(st.sampled_from(FORMS)).split("/")
    today = draw(st.dates(TODAY_MIN, TODAY_MAX))
    answers = {}
    for spec in schema.form(province, profession, action):
        if spec["required"] or draw(st.booleans()):
            answers[spec["id"]] = draw(answer_value(spec, today))
    case = {"province": province, "profession": profession, "action": action, "today": iso(today), "answers": answers}
    if not _consistent(case):
        answers.pop("acceptance_date", None)
        answers.pop("expected_acceptance_date", None)
    return case


WRONG_TYPES = st.one_of(st.just([]), st.just({}), st.integers(-5, 5), st.text(max_size=5), st.booleans(),
                        st.just(1.5), st.just([1, 2]))
IMPOSSIBLE_DATES = st.sampled_from(["2023-02-29", "2024-02-30", "2023-13-01", "2023-00-10", "2023-04-31",
                                    "20230101", "2023/01/01", "", "yesterday", "2023-1-1", "0000-01-01",
                                    f"{MAX_YEAR + 1}-01-01", "9999-12-31"])


def _fits(value, spec: dict) -> bool:
    kind = spec["type"]
    if kind == "boolean":
        return isinstance(value, bool) or value == schema.UNSURE
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "enum":
        return value in spec["enum"]
    if kind == "date_or_null":
        return value is None
    return False


@st.composite
def invalid_cases(draw):
    """A valid case broken in exactly one way the contract calls invalid."""
    case = draw(valid_cases())
    province, profession, action = case["province"], case["profession"], case["action"]
    specs = {spec["id"]: spec for spec in schema.form(province, profession, action)}
    ways = ["province", "profession", "action", "unknown_answer", "not_object", "answers_not_object"]
    if any(specs[k]["required"] for k in case["answers"]):
        ways.append("missing_required")
    if case["answers"]:
        ways.append("wrong_type")
    dates = [k for k in case["answers"] if specs[k]["type"] in ("date", "date_or_null")]
    if dates:
        ways.append("impossible_date")
    past = [k for k in specs if specs[k].get("not_after_today")]
    if past:
        ways.append("future_past_event")
    numbers = [k for k in specs if specs[k]["type"] == "number"]
    if numbers:
        ways.append("negative_number")
    if "application_submitted_date" in specs and "acceptance_date" in specs:
        ways.append("accepted_before_submitted")
    way = draw(st.sampled_from(ways))
    answers = case["answers"]
    if way == "province":
        case["province"] = draw(st.sampled_from(["shanghai", "Zhejiang", "", "zj", None, 1]))
    elif way == "profession":
        case["profession"] = draw(st.sampled_from(["engineer", "", None, "COST_ENGINEER", 3]
                                                  + (["constructor", "architect"] if province == "zhejiang" else [])))
    elif way == "action":
        case["action"] = draw(st.sampled_from(["register", "", None, ["initial"]]
                                              + (["renewal", "withdraw"] if province == "zhejiang" else [])))
    elif way == "unknown_answer":
        foreign = [k for k in SPECS["zhejiang"] | SPECS["jiangsu"] if k not in specs]
        answers[draw(st.sampled_from(foreign + ["favourite_colour", "employer_city", "employer_district", ""]))] = True
    elif way == "not_object":
        return draw(st.sampled_from([[case], "case", 1, None, True]))
    elif way == "answers_not_object":
        case["answers"] = draw(st.sampled_from([[], "x", 1, True]))  # null means "not given", which may be valid
    elif way == "missing_required":
        del answers[draw(st.sampled_from([k for k in answers if specs[k]["required"]]))]
    elif way == "wrong_type":
        name = draw(st.sampled_from(sorted(answers)))
        answers[name] = draw(WRONG_TYPES.filter(lambda v: not _fits(v, specs[name])))
    elif way == "impossible_date":
        answers[draw(st.sampled_from(dates))] = draw(IMPOSSIBLE_DATES)
    elif way == "future_past_event":
        today = dt.date.fromisoformat(case["today"])
        answers[draw(st.sampled_from(past))] = iso(today + dt.timedelta(days=draw(st.integers(1, 4000))))
    elif way == "negative_number":
        answers[draw(st.sampled_from(numbers))] = draw(st.one_of(st.integers(-1000, -1), st.floats(-1000, -0.001)))
    else:
        today = dt.date.fromisoformat(case["today"])
        submitted = today - dt.timedelta(days=draw(st.integers(1, 30)))
        answers.update(application_submitted_date=iso(submitted), applicant_confirmed=True,
                       acceptance_date=iso(submitted - dt.timedelta(days=draw(st.integers(1, 30)))))
    return case


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
KNOWN_KEYS = sorted(set(SPECS["zhejiang"]) | set(SPECS["jiangsu"]))


@st.composite
def shaped_garbage(draw):
    """Objects with the real top-level keys and real answer names but arbitrary values."""
    def maybe(values):
        return st.one_of(st.sampled_from(values), JSON)
    case = {
        "province": draw(maybe(["zhejiang", "jiangsu"])),
        "profession": draw(maybe(list(QUESTIONS["professions"]))),
        "action": draw(maybe(list(QUESTIONS["actions"]))),
        "answers": draw(st.dictionaries(st.sampled_from(KNOWN_KEYS), JSON | st.dates().map(iso), max_size=6)),
    }
    if draw(st.booleans()):
        case["today"] = draw(st.one_of(st.dates().map(iso), JSON))
    return case


SURROGATE = st.integers(0xD800, 0xDFFF).map(lambda c: f'"\\u{c:04x}"')


@st.composite
def extremes(draw):
    """Inputs at the edges of what JSON and the calendar allow, as bytes."""
    case = draw(valid_cases())
    kind = draw(st.sampled_from(["surrogate_key", "surrogate_value", "huge_integer", "deep", "early_date", "late_date"]))
    text = json.dumps(case, ensure_ascii=False)
    if kind == "surrogate_key":
        return ("{" + draw(SURROGATE) + ": 1, " + text[1:]).encode()
    if kind == "surrogate_value":
        return text.replace(f'"{case["province"]}"', draw(SURROGATE), 1).encode()
    if kind == "huge_integer":
        digits = draw(st.sampled_from([400, 4300, 5000]))
        return text.replace('"answers": {', f'"answers": {{"continuing_education_hours": {"9" * digits}, ', 1).encode()
    if kind == "deep":
        depth = draw(st.sampled_from([100, 2000, 100_000]))
        return text.replace('"answers": {', '"answers": {"realname_l4": ' + "[" * depth + "]" * depth + ", ", 1).encode()
    if kind == "early_date":
        day = draw(st.dates(dt.date(1, 1, 1), dt.date(3, 12, 31)))
    else:  # the last accepted year and the two after it, which are refused
        day = draw(st.dates(dt.date(MAX_YEAR, 1, 1), dt.date(9999, 12, 31)))
    case["today"] = iso(day)
    for key, value in case["answers"].items():
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            case["answers"][key] = case["today"]
    return encode(case)


ANY_INPUT = st.one_of(valid_cases().map(encode), invalid_cases().map(encode), JSON.map(encode),
                      shaped_garbage().map(encode), extremes(), st.binary(max_size=200))


# --- in process ------------------------------------------------------------------------------------------
@budget(600)
@given(valid_cases())
def test_valid_cases_generated_from_the_question_data_always_give_a_well_formed_report(case):
    data = encode(case)
    assert_contract(data, respond(data), expect=0)


@budget(80)
@given(valid_cases())
def test_explain_accounts_for_every_date_of_the_report(case):
    code, explained = respond(encode(case), explain=True)
    assert code == 0
    assert explained["report"] == wizard.check(case)
    assert set(explained["dates"]) == set(explained["report"]["dates"])
    for key, entry in explained["dates"].items():
        assert entry["value"] == explained["report"]["dates"][key]
        if entry["period"]["unit"] == "working_days":
            assert sum(day["counted"] for day in entry["days"]) == entry["period"]["amount"]


@budget(600)
@given(invalid_cases())
def test_cases_broken_in_one_way_always_exit_2_with_a_message_in_both_languages(case):
    data = encode(case)
    assert_contract(data, respond(data), expect=2)


@budget(300)
@given(JSON)
def test_random_json_never_gives_a_traceback(value):
    data = encode(value)
    assert_contract(data, respond(data))


@budget(300)
@given(shaped_garbage())
def test_real_keys_with_random_values_never_give_a_traceback(case):
    data = encode(case)
    assert_contract(data, respond(data))


@budget(250)
@given(st.one_of(st.binary(max_size=300), st.text().map(lambda s: s.encode("utf-16")),
                 st.binary(max_size=50).map(lambda b: b'{"province": "' + b + b'"}')))
def test_random_bytes_never_give_a_traceback(data):
    assert_contract(data, respond(data))


@budget(300)
@given(extremes())
def test_surrogates_huge_numbers_deep_nesting_and_dates_near_0001_and_9999_keep_the_contract(data):
    assert_contract(data, respond(data))


# --- through the real command ------------------------------------------------------------------------------
def run_subprocess(data: bytes) -> tuple[int, bytes, bytes]:
    proc = subprocess.run([sys.executable, "-m", "wizard", "check", "-"], input=data, capture_output=True,
                          cwd=ROOT, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def test_a_sample_of_200_generated_inputs_through_the_real_subprocess_prints_what_respond_returns():
    inputs: list[bytes] = []

    @settings(max_examples=200, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(ANY_INPUT)
    def collect(data):
        inputs.append(data)

    collect()
    assert len(inputs) >= 200
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(run_subprocess, inputs))
    seen = set()
    for data, (code, out, err) in zip(inputs, results):
        expected_code, payload = respond(data)
        assert b"Traceback" not in err, err[-2000:]
        assert code == expected_code, (data[:200], err[-500:])
        assert json.loads(out if code == 0 else err) == payload
        seen.add(code)
    assert seen == {0, 2}
