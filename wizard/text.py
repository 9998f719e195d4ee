"""The sentences users read, one file per language (``wizard/text/zh.json``, ``en.json``).

Keys read ``<rule>.<status>[.<variant>]`` (``zj.registration_window.action``) plus ``error.*``,
``explain.*`` and ``calendar.*``; values are ``str.format`` templates. ``render()`` formats typed
values per language: dates, numbers, and calendar days (``workdays.Day``) are written out here, so
rules never build strings.
"""
from __future__ import annotations

from datetime import date

from . import datafiles
from .deadlines import EstimatedDate
from .workdays import Day

LANGUAGES = ("zh", "en")


def texts(language: str) -> dict[str, str]:
    return datafiles.load("text", f"{language}.json")


def format_date(day: date, language: str) -> str:
    """"2027年2月28日" / "28 February 2027": the pattern and month names are in the text files."""
    table = texts(language)
    return table["format.date"].format(year=day.year, month_name=table[f"format.month.{day.month}"], day=day.day)


NUMBER_LIMIT = 24  # digits shown of an answer echoed in a finding (a 4,000-digit number is valid JSON)


def format_number(number: float | int) -> str:
    """``12.5`` -> "12.5", ``20.0`` -> "20"; a number longer than NUMBER_LIMIT is cut, marked "…"."""
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e15:
        number = int(number)
    text = f"{number:g}" if isinstance(number, float) else str(number)
    return text if len(text) <= NUMBER_LIMIT else text[:NUMBER_LIMIT] + "…"


def describe_day(day: Day, language: str) -> str:
    """"星期六" / "a Saturday", "法定节假日（春节）" / "a public holiday (Spring Festival)"."""
    table = texts(language)
    if day.kind in ("holiday", "makeup_workday", "makeup_rest_day"):
        name = table.get(f"calendar.holiday.{day.name}", day.name)
        return table[f"calendar.kind.{day.kind}"].format(name=name)
    return table.get(f"calendar.weekday.{day.name}", day.name)


def _value(value, language: str):
    if isinstance(value, bool):
        return value
    if isinstance(value, date):
        shown = format_date(value, language)
        if isinstance(value, EstimatedDate):
            return texts(language)["format.date_estimated"].format(date=shown)
        return shown
    if isinstance(value, (int, float)):
        return format_number(value)
    if isinstance(value, Day):
        return describe_day(value, language)
    if isinstance(value, dict) and set(value) == set(LANGUAGES):
        return value[language]
    return value


def render(key: str, params: dict | None = None) -> dict[str, str]:
    """``{"zh": ..., "en": ...}`` for ``key`` with ``params`` formatted per language."""
    params = params or {}
    return {language: texts(language)[key].format(**{k: _value(v, language) for k, v in params.items()})
            for language in LANGUAGES}
