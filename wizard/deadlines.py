"""A deadline's literal last day and, when that day is a rest day, the day Civil Code art. 203 moves it to.

《民法典》第二百零三条: if the last day of a period is a statutory rest day (法定休假日), the day after the
rest ends is the last day. The notices never say whether their platforms count this way, so the report
keeps the literal day under ``<key>`` and adds ``<key>_extended`` with a ``law`` finding that says so;
acting by the literal day is always safe.

>>> from datetime import date
>>> last_day(date(2026, 10, 3)).extended          # National Day holidays run 1-7 October 2026
datetime.date(2026, 10, 8)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from .findings import Outcome, Working
from .workdays import Day, day_info


class EstimatedDate(date):
    """A date computed over a year without a published holiday schedule; the text module writes it with
    "估算，至早" / "estimated, at the earliest" (the real art. 203 day can only be later)."""


@dataclass(frozen=True)
class LastDay:
    """``literal`` as written; ``extended`` the art. 203 day (``None`` when ``literal`` is a working day)."""

    literal: date
    day: Day
    extended: date | None = None
    rest_days: tuple[Day, ...] = field(default_factory=tuple)

    @property
    def estimated(self) -> bool:
        """True when a day on the way was classified without a published holiday schedule."""
        return self.day.estimated or any(d.estimated for d in self.rest_days)

    @property
    def shown_extended(self) -> date:
        """The art. 203 day as the texts show it: an ``EstimatedDate`` ("at the earliest") when estimated."""
        day = self.extended or self.literal
        return EstimatedDate(day.year, day.month, day.day) if self.extended and self.estimated else day

    def passed(self, today: date) -> bool:
        """True once even the extended last day is over."""
        return today > (self.extended or self.literal)


def last_day(deadline: date) -> LastDay:
    info = day_info(deadline)
    if info.working:
        return LastDay(deadline, info)
    rest, current = [info], deadline
    while True:
        current += timedelta(days=1)
        following = day_info(current)
        if following.working:
            return LastDay(deadline, info, current, tuple(rest))
        rest.append(following)


def record(out: Outcome, key: str, rule: str, last: LastDay, moot: bool) -> None:
    """Put the deadline (and its art. 203 extension) into ``out``; ``moot``: the step is done or the
    literal day is over, so the finding states the dates without advice to act by that day."""
    out.dates[key] = last.literal
    if last.extended is None:
        return
    out.dates[f"{key}_extended"] = last.extended
    out.workings[f"{key}_extended"] = Working(rule=rule, start=last.literal, start_field=key,
                                       amount=len(last.rest_days), unit="rest_days", rest_days=last.rest_days,
                                       estimated=last.estimated)
    if last.estimated:
        out.estimated.append(f"{key}_extended")
    variant = "_".join(part for part in ("past" if moot else "", "estimated" if last.estimated else "") if part)
    out.add(rule, "info", variant or None, deadline=last.literal, day=last.day, extended=last.shown_extended,
            year=last.literal.year)
