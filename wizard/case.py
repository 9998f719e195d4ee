"""Parse and validate a case against the answer specs in ``questions.json``.

A case is ``{"province", "profession", "action", "today"?, "answers"?}``. ``parse_case`` returns a
``Case`` whose ``answers`` holds every answer of that form: the given value, else the default,
else ``None`` (not given). Anything else raises ``InvalidCase`` naming the field, in this order:
the case itself, unknown top-level keys, province, profession, action (and their combination),
``today``, ``answers``, unknown answer keys, then each answer in form order.

Rules (the command-line contract v3, and our reading where it is silent): null for an optional answer means
"not given"; null for a required answer means missing, except ``date_or_null`` (``employment_contract_end``),
where null means open-ended. A yes/no answer is ``true``, ``false`` or ``"unsure"``; "unsure" and "not
given" both parse to ``None``, which the rules never read as "no". Numbers are finite, not booleans, within
the question's ``min``/``max`` (``min_exclusive``: above ``min``) and rounded to its ``decimals``; dates
strictly ``YYYY-MM-DD`` from the question's ``min_date`` (else year 1) to ``MAX_YEAR``; enum values exact;
events in the past may not be after ``today``. Messages name an answer by its question, in each language; whatever they echo of the
input is cut to ``ECHO_LIMIT`` characters and has lone surrogates replaced, so it can always be printed.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from . import schema
from .errors import InvalidCase
from .schema import UNSURE
from .text import format_date, render

TOP_LEVEL_KEYS = ("province", "profession", "action", "today", "answers")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
MAX_YEAR = 9997  # the longest period (18 months, then a rest-day extension) must end before year 10000
ECHO_LIMIT = 60


@dataclass(frozen=True)
class Case:
    """A validated case."""

    province: str
    profession: str
    action: str
    today: date
    answers: dict
    given: frozenset = frozenset()  # the answer ids the case gave (null included)


def echo(value, keep_end: bool = False) -> str:
    """Input shown back in a message: printable (lone surrogates replaced) and at most ECHO_LIMIT long,
    cut at the end (or, ``keep_end``, at the start: a file path keeps its file name)."""
    text = str(value).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    if len(text) <= ECHO_LIMIT:
        return text
    return "…" + text[-ECHO_LIMIT:] if keep_end else text[:ECHO_LIMIT] + "…"


def question(field: str | None, province: str | None) -> dict | str:
    """How a message names ``field``: an answer by its question in each language, else the field."""
    if province and field and field.startswith("answers."):
        spec = schema.questions()["answers"][province].get(field[len("answers."):])
        if spec:
            return {language: f"“{spec['label'][language]}”" for language in ("zh", "en")}
    return echo(field or "")


def _fail(field, key, province=None, **params):
    raise InvalidCase(field and echo(field), render(f"error.{key}", dict(params, field=question(field, province))))


def parse_date(value, field: str, province: str | None = None, earliest: date | None = None) -> date:
    """A strict ``YYYY-MM-DD`` date (not before ``earliest``), else ``InvalidCase``."""
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        _fail(field, "type.date", province)
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        _fail(field, "impossible_date", province, value=value)
    if parsed.year > MAX_YEAR or parsed.year < 1:
        _fail(field, "date_range", province, value=value, max_year=MAX_YEAR)
    if earliest is not None and parsed < earliest:
        _fail(field, "too_early", province, value=parsed, earliest=earliest)
    return parsed


def _choices(values) -> str:
    return ", ".join(values)


def _enum_choices(spec: dict) -> dict:
    """The allowed values of an enum answer by their labels, with the value to send in brackets."""
    return {"zh": "、".join(f"{spec['enum_labels'][v]['zh']}（{v}）" for v in spec["enum"]),
            "en": "; ".join(f"{spec['enum_labels'][v]['en']} ({v})" for v in spec["enum"])}


def _parse_answer(spec: dict, value, field: str, today: date, province: str):
    kind = spec["type"]
    if kind == "boolean":
        if value == UNSURE:
            return None
        if not isinstance(value, bool):
            _fail(field, "type.boolean", province)
        return value
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            _fail(field, "type.number", province)
        if isinstance(value, float) and not math.isfinite(value):
            _fail(field, "type.number", province)
        if "min" in spec and (value <= spec["min"] if spec.get("min_exclusive") else value < spec["min"]):
            _fail(field, "above" if spec.get("min_exclusive") else "negative", province, minimum=spec["min"])
        if "max" in spec and value > spec["max"]:
            _fail(field, "too_large", province, maximum=spec["max"])
        if "decimals" in spec:  # 19.999999999999996 hours are 20 hours, not "3.55271e-15 more needed"
            value = round(float(value), spec["decimals"])
        return value
    if kind == "enum":
        if not isinstance(value, str) or value not in spec["enum"]:
            _fail(field, "type.enum", province, allowed=_enum_choices(spec))
        return value
    if kind == "text":
        if not isinstance(value, str):
            _fail(field, "type.text", province)
        if not value.strip():
            _fail(field, "empty", province)
        return value
    if kind in ("date", "date_or_null"):
        if value is None and kind == "date_or_null":
            return None
        earliest = date.fromisoformat(spec["min_date"]) if "min_date" in spec else None
        parsed = parse_date(value, field, province, earliest)
        if spec.get("not_after_today") and parsed > today:
            _fail(field, "future", province, value=parsed, today=today)
        return parsed
    raise AssertionError(f"unknown answer type {kind}")  # guarded by the data test


def parse_case(raw) -> Case:
    """Validate ``raw`` (already decoded JSON) and return a ``Case``."""
    if not isinstance(raw, dict):
        _fail(None, "not_object")
    for key in raw:
        if key not in TOP_LEVEL_KEYS:
            _fail(str(key), "unknown_key", allowed=_choices(TOP_LEVEL_KEYS))
    provinces = schema.provinces()
    province = raw.get("province")
    if not isinstance(province, str) or province not in provinces:
        _fail("province", "enum_top", allowed=_choices(provinces))
    profession = raw.get("profession")
    if not isinstance(profession, str) or profession not in schema.all_professions():
        _fail("profession", "enum_top", allowed=_choices(schema.all_professions()))
    if profession not in provinces[province]["professions"]:
        _fail("profession", "combination", allowed=_choices(provinces[province]["professions"]))
    action = raw.get("action")
    if not isinstance(action, str) or action not in schema.all_actions():
        _fail("action", "enum_top", allowed=_choices(schema.all_actions()))
    if action not in provinces[province]["actions"] or not schema.has_form(province, profession, action):
        _fail("action", "combination", allowed=_choices(provinces[province]["actions"]))
    today = raw.get("today")
    today = date.today() if today is None else parse_date(today, "today")
    answers = raw.get("answers")
    if answers is None:
        answers = {}
    if not isinstance(answers, dict):
        _fail("answers", "answers_not_object")
    specs = schema.form(province, profession, action)
    known = {spec["id"] for spec in specs}
    for key in answers:
        if key not in known:
            _fail(f"answers.{key}", "unknown_answer", allowed=_choices(sorted(known)) or "—")
    parsed: dict[str, object] = {}
    for spec in specs:
        field = f"answers.{spec['id']}"
        given = spec["id"] in answers
        value = answers.get(spec["id"])
        if value is None and not (given and spec["type"] == "date_or_null"):
            if spec["required"]:
                _fail(field, "missing", province)
            parsed[spec["id"]] = None
            continue
        parsed[spec["id"]] = _parse_answer(spec, value, field, today, province)
    return Case(province, profession, action, today, parsed, frozenset(key for key in answers if key in known))


__all__ = ["Case", "parse_case", "parse_date", "format_date"]
