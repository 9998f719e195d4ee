"""No input breaks `python -m wizard check`: hypothesis drives well over 2000 generated inputs through it.

Valid cases are built from the engine's own question data (wizard/data/questions.json), invalid ones by
breaking a valid case one way at a time, plus random JSON, random structures with the real keys and random
bytes. Each input must end in exit 0 (a report) or exit 2 (an error naming the field with a message in
Chinese and in English), never a traceback. Most inputs run through the command's ``main()`` in this
process (fast); a sample of 200 runs through the real ``python -m wizard check -`` subprocess.
"""
from __future__ import annotations

import concurrent.futures
import datetime as dt
import io
import json
import re
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = json.loads((ROOT / "wizard" / "data" / "questions.json").read_text(encoding="utf-8"))
FORMS = QUESTIONS["forms"]  # "province/profession/action" -> [{"id", "required"}]
SPECS = QUESTIONS["answers"]  # province -> answer id -> spec
CJK = re.compile(r"[\u4e00-\u9fff]")
VERDICTS = {"eligible", "action_needed", "not_eligible"}
STATUSES = {"pass", "action", "fail", "info"}

def budget(examples: int) -> settings:
    """Hypothesis settings for one test: `examples` inputs, no deadline (the machine may be busy)."""
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))


# --- running the command ----------------------------------------------------------------------------------
def run_in_process(data: bytes) -> tuple[int, str, str]:
    """`python -m wizard check -` with `data` on standard input, inside this process."""
    from wizard.cli import main

    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
    try:
        code = main(["check", "-"])
    except SystemExit as exc:  # sys.exit inside main counts like the process's exit
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # an escaping exception is what a traceback would have shown
        code = None
        sys.stderr.write(traceback.format_exc())
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    stdout.flush()
    stderr.flush()
    out = stdout.buffer.getvalue().decode("utf-8", "replace")
    err = stderr.buffer.getvalue().decode("utf-8", "replace")
    return code, out, err


def run_subprocess(data: bytes) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "wizard", "check", "-"], input=data, capture_output=True,
                          cwd=ROOT, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def why_internal(data: bytes) -> str:
    """For exit 1 (the CLI hides a bug behind internal_error): the traceback of the engine itself."""
    from wizard import check
    from wizard.cli import decode

    try:
        check(decode(data))
    except Exception:
        return traceback.format_exc()
    return "(no exception when called directly)"


def assert_contract(data: bytes, result: tuple[int, str, str], expect: int | None = None) -> None:
    code, out, err = result
    shown = data[:300]
    assert "Traceback (most recent call last)" not in out + err, f"traceback for input {shown!r}:\n{err}"
    if code == 1 and "internal_error" in err:
        pytest.fail(f"internal error for input {shown!r}:\n{why_internal(data)}")
    assert code in (0, 2), f"exit {code} (only 0 or 2 allowed) for input {shown!r}\nstderr: {err[:500]}"
    if expect is not None:
        assert code == expect, (f"exit {code}, expected {expect} for input {shown!r}\n"
                                f"stdout: {out[:300]}\nstderr: {err[:500]}")
    if code == 0:
        report = json.loads(out)
        assert report["verdict"] in VERDICTS, report
        for finding in report["findings"]:
            assert finding["status"] in STATUSES, finding
            assert finding["text"]["zh"] and finding["text"]["en"], finding
    else:
        try:
            error = json.loads(err)
        except ValueError:
            pytest.fail(f"exit 2 without a JSON error on stderr for input {shown!r}: {err[:300]!r}")
        message = error.get("message") or {}
        assert "field" in error, f"error names no field for input {shown!r}: {error}"
        assert isinstance(message.get("zh"), str) and CJK.search(message["zh"]), \
            f"no Chinese message for input {shown!r}: {error}"
        assert isinstance(message.get("en"), str) and re.search(r"[A-Za-z]{3}", message["en"]) \
            and message["en"] != message["zh"], f"no English message for input {shown!r}: {error}"


def encode(case) -> bytes:
    return json.dumps(case, ensure_ascii=False).encode("utf-8")


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
        return draw(st.booleans())
    if kind == "number":
        low = spec.get("min", 0)
        return draw(st.one_of(st.integers(low, 500), st.floats(low, 500, allow_nan=False, allow_infinity=False)))
    if kind == "date":
        high = today if spec.get("not_after_today") else TODAY_MAX
        return iso(draw(st.dates(dt.date(2010, 1, 1), high)))
    if kind == "date_or_null":
        return draw(st.one_of(st.none(), st.dates(dt.date(2010, 1, 1), dt.date(2040, 12, 31)).map(iso)))
    if kind == "text":
        return draw(st.sampled_from(["ningbo", "hangzhou", "wenzhou", "wujiang", "kunshan", "gusu"]))
    raise AssertionError(f"answer type {kind!r} unknown to this test: extend answer_value()")


@st.composite
def valid_cases(draw):
    key = draw(st.sampled_from(sorted(FORMS)))
    province, profession, action = key.split("/")
    today = draw(st.dates(TODAY_MIN, TODAY_MAX))
    answers = {}
    for entry in FORMS[key]:
        if entry["required"] or draw(st.booleans()):
            answers[entry["id"]] = draw(answer_value(SPECS[province][entry["id"]], today))
    return {"province": province, "profession": profession, "action": action, "today": iso(today),
            "answers": answers}


WRONG_TYPES = st.one_of(st.just([]), st.just({}), st.integers(-5, 5), st.text(max_size=5), st.booleans(),
                        st.just(1.5), st.just([1, 2]))
IMPOSSIBLE_DATES = st.sampled_from(["2023-02-29", "2024-02-30", "2023-13-01", "2023-00-10", "2023-04-31",
                                    "20230101", "2023/01/01", "", "yesterday", "2023-1-1", "0000-01-01"])


@st.composite
def invalid_cases(draw):
    """A valid case broken in exactly one way the contract calls invalid."""
    case = draw(valid_cases())
    province = case["province"]
    specs = {e["id"]: dict(SPECS[province][e["id"]], required=e["required"])
             for e in FORMS[f"{province}/{case['profession']}/{case['action']}"]}
    ways = ["province", "profession", "action", "unknown_answer", "not_object", "answers_not_object"]
    if any(specs[k]["required"] for k in case["answers"]):
        ways.append("missing_required")
    typed = [k for k in case["answers"] if specs[k]["type"] != "text"]
    if typed:
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
    way = draw(st.sampled_from(ways))
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
        name = draw(st.sampled_from(foreign + ["favourite_colour", "answers", ""]))
        case["answers"][name] = True
    elif way == "not_object":
        return draw(st.sampled_from([[case], "case", 1, None, True]))
    elif way == "answers_not_object":
        # Not null: like every optional field, `"answers": null` means "not given", which is valid for
        # company_rename (no answers) and a missing-answer error elsewhere.
        case["answers"] = draw(st.sampled_from([[], "x", 1, True]))
    elif way == "missing_required":
        required = [k for k in case["answers"] if specs[k]["required"]]
        del case["answers"][draw(st.sampled_from(required))]
    elif way == "wrong_type":
        name = draw(st.sampled_from(typed))
        kind = specs[name]["type"]
        bad = draw(WRONG_TYPES.filter(lambda v: not _fits(v, kind, specs[name])))
        case["answers"][name] = bad
    elif way == "impossible_date":
        case["answers"][draw(st.sampled_from(dates))] = draw(IMPOSSIBLE_DATES)
    elif way == "future_past_event":
        today = dt.date.fromisoformat(case["today"])
        case["answers"][draw(st.sampled_from(past))] = iso(today + dt.timedelta(days=draw(st.integers(1, 4000))))
        # the answer may not belong to this form if it was optional; it is in `specs`, so it does
    elif way == "negative_number":
        case["answers"][draw(st.sampled_from(numbers))] = draw(st.one_of(st.integers(-1000, -1),
                                                                         st.floats(-1000, -0.001)))
    return case


def _fits(value, kind: str, spec: dict) -> bool:
    """Would `value` be acceptable for an answer of this type? (then it is not a wrong type)"""
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "enum":
        return value in spec["enum"]
    if kind == "date_or_null":
        return value is None
    return False


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


ANY_INPUT = st.one_of(
    valid_cases().map(encode),
    invalid_cases().map(encode),
    JSON.map(encode),
    shaped_garbage().map(encode),
    st.binary(max_size=200),
)


# --- the tests (2400 in-process inputs + 200 through the real subprocess) --------------------------------
@budget(700)
@given(valid_cases())
def test_valid_cases_generated_from_the_question_data_always_give_a_report(case):
    data = encode(case)
    assert_contract(data, run_in_process(data), expect=0)


@budget(700)
@given(invalid_cases())
def test_cases_broken_in_one_way_always_exit_2_with_a_message_in_both_languages(case):
    data = encode(case)
    assert_contract(data, run_in_process(data), expect=2)


@budget(400)
@given(JSON)
def test_random_json_never_gives_a_traceback(value):
    data = encode(value)
    assert_contract(data, run_in_process(data))


@budget(350)
@given(shaped_garbage())
def test_real_keys_with_random_values_never_give_a_traceback(case):
    data = encode(case)
    assert_contract(data, run_in_process(data))


@budget(250)
@given(st.one_of(st.binary(max_size=300), st.text().map(lambda s: s.encode("utf-16")),
                 st.binary(max_size=50).map(lambda b: b'{"province": "' + b + b'"}')))
def test_random_bytes_never_give_a_traceback(data):
    assert_contract(data, run_in_process(data))


def test_a_sample_of_200_inputs_through_the_real_subprocess_keeps_the_contract():
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
    for data, result in zip(inputs, results):
        assert_contract(data, result)
