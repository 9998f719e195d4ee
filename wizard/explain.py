"""How each date of a report was computed, and what would change the outcome (for the browser).

``explain(case)`` returns ``{"rule_data_version", "rule_data_date", "report", "dates", "what_would_change"}``
(``rule_data_date``: the newest effective date among the rule values, for the printed result):
for each date the start date and field, the period and its unit, the rule data reference, the
Civil Code articles applied and, for working-day counts, every day looked at (counted working
days, skipped weekends and holidays, counted make-up workdays) with their names in both languages.
"""
from __future__ import annotations

import functools

from . import datafiles, parameters, report
from .engine import run
from .findings import Working
from .text import LANGUAGES, describe_day, render
from .workdays import Day


def _day_json(day: Day) -> dict:
    return {"date": day.day.isoformat(), "kind": day.kind, "name": day.name, "counted": day.working,
            "estimated": day.estimated, "label": {lang: describe_day(day, lang) for lang in LANGUAGES}}


def _extension(working: Working, value) -> dict:
    """A last day moved past rest days by Civil Code art. 203."""
    return {
        "value": value.isoformat(), "rule": working.rule, "start": working.start.isoformat(),
        "start_field": working.start_field, "period": {"amount": working.amount, "unit": "rest_days"},
        "parameter": None, "reference": None, "law": render("explain.law.rest_days"),
        "how": render("explain.how.rest_days", {"start": working.start, "end": value}),
        "skipped": [_day_json(day) for day in working.rest_days], "estimated": working.estimated,
    }


def _working(key: str, working: Working, value) -> dict:
    if working.unit == "rest_days":
        return _extension(working, value)
    assert working.parameter is not None  # every period but an art. 203 extension comes from rule data
    province, name = working.parameter.split("/")
    entry = {
        "value": value.isoformat(), "rule": working.rule, "start": working.start.isoformat(),
        "start_field": working.start_field, "period": {"amount": working.amount, "unit": working.unit},
        "parameter": working.parameter, "reference": parameters.reference(province, name),
        "law": render(f"explain.law.{working.unit}"),
        "how": render(f"explain.how.{working.unit}" + (".month_end" if working.month_end else ""),
                      {"start": working.start, "amount": working.amount, "end": value}),
        "estimated": False,
    }
    if working.last_day is not None:
        entry["last_day"] = _day_json(working.last_day)
    if working.count is not None:
        count = working.count
        entry["days"] = [_day_json(day) for day in count.days]
        entry["skipped"] = [_day_json(day) for day in count.days if not day.working]
        entry["makeup_workdays"] = [_day_json(day) for day in count.days if day.kind == "makeup_workday"]
        entry["estimated"] = count.estimated
    return entry


@functools.lru_cache(maxsize=None)  # the data files do not change while the engine runs
def rule_data_date() -> str:
    """The newest date a rule value took (or takes) effect, YYYY-MM-DD."""
    return max(key for data in parameters.all_parameters().values() for key in data["values"])


def explain(raw) -> dict:
    """Explain a case (raises ``InvalidCase`` like ``check``)."""
    case, outcome = run(raw)
    return {
        "rule_data_version": datafiles.data_version(),
        "rule_data_date": rule_data_date(),
        "report": report.build(case, outcome),
        "dates": {key: _working(key, outcome.workings[key], value) for key, value in outcome.dates.items()},
        "what_would_change": [
            {"rule": change.rule, "text": render(f"explain.change.{change.rule}.{change.variant}", change.params)}
            for change in outcome.changes
        ],
    }
