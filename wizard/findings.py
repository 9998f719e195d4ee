"""What a rule returns: a ``Finding`` (rule id, status, text variant, typed parameters).

Rules never format text; ``report`` turns a finding into ``{"rule", "status", "basis", "text", "source"}``
by looking up ``<rule>.<status>[.<variant>]`` in the text files, and the basis and guide anchor in
``wizard/data/rules.json``.

Statuses: ``pass`` (the point is met), ``action`` (something to do first), ``fail`` (the notice rules
the case out), ``info`` (a fact to know), ``unclear`` (the notices do not settle this point for this case).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

STATUSES = ("pass", "action", "fail", "info", "unclear")
BASES = ("notice", "law", "reading")


@dataclass(frozen=True)
class Finding:
    rule: str
    status: str
    variant: str | None = None
    params: dict = field(default_factory=dict)

    @property
    def text_key(self) -> str:
        return f"{self.rule}.{self.status}" + (f".{self.variant}" if self.variant else "")


@dataclass(frozen=True)
class Working:
    """How one date of the report was computed (for ``wizard.explain``): the rule, the start day and the answer
    it came from, the period (``amount`` of ``unit``: months, days, working_days or rest_days) and the rule data
    it used; ``month_end`` when art. 202 moved the end to a month's last day, ``last_day`` the classified last
    day, ``count`` a working-day count (``workdays.WorkingDayCount``), ``rest_days`` the days an art. 203
    extension skipped."""

    rule: str
    start: date
    start_field: str
    amount: int
    unit: str
    parameter: str | None = None
    month_end: bool = False
    last_day: Any = None
    count: Any = None
    rest_days: tuple = ()
    estimated: bool = False


@dataclass
class Outcome:
    """Everything the rules of one province produce for a case.

    ``dates`` maps a date key (``registration_deadline``) to a ``date``; ``estimated`` lists the
    keys computed over a year without a published holiday schedule; ``workings`` keeps, per date,
    how it was computed (for ``wizard.explain``).
    """

    findings: list[Finding] = field(default_factory=list)
    dates: dict = field(default_factory=dict)
    estimated: list[str] = field(default_factory=list)
    workings: dict[str, Working] = field(default_factory=dict)
    changes: list[Finding] = field(default_factory=list)

    def add(self, rule: str, status: str, variant: str | None = None, **params) -> None:
        self.findings.append(Finding(rule, status, variant, params))
