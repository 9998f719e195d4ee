"""Working days: Monday–Friday, minus statutory holidays, plus make-up workdays (调休).

Where a day's schedule comes from, in order:

1. ``wizard/data/holidays/<year>.json`` in the repo (staff add a year's published schedule; a file
   overrides ``chinesecalendar`` for that year);
2. ``chinesecalendar`` 1.11.0 (its data ends with 2026; later years raise ``NotImplementedError``,
   which is caught here);
3. otherwise an estimate: weekends plus the statutory holidays that 《全国年节及纪念日放假办法》
   (2024 revision, State Council Decree No. 795, art. 2) fixes by solar date, lunar date or solar term
   (``statutory_holidays``), and for each of them that falls on a weekend a weekday off right after it
   (art. 6, 补假; where it falls is our reading). Make-up workdays (调休) and where the annual notice puts
   the days off cannot be known before the year's schedule is published, so such a day is marked ``estimated``.

>>> from datetime import date
>>> add_working_days(date(2026, 9, 24), 1).end      # Mid-Autumn 25-27 Sep 2026
datetime.date(2026, 9, 28)
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import datafiles
from .statutory_holidays import HOLIDAY_NAMES as HOLIDAY_NAMES  # re-exported: the holidays schema names them
from .statutory_holidays import makeup_rest_days, statutory_holidays

try:  # pragma: no cover - import guard only
    import chinese_calendar
    from chinese_calendar.constants import Holiday as _Holiday

    _CC_NAMES = {member.value: member.name for member in _Holiday}
except ImportError:  # pragma: no cover
    chinese_calendar = None
    _CC_NAMES = {}

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Day:
    """One calendar day and why it is or is not a working day.

    ``kind`` is ``workday``, ``weekend``, ``holiday``, ``makeup_workday`` or ``makeup_rest_day`` (an
    estimated art. 6 weekday off); ``name`` is the holiday name (``spring_festival``) for holidays, make-up
    workdays and make-up rest days, else the weekday name;
    ``estimated`` is true when no published schedule covered the day.
    """

    day: date
    kind: str
    name: str
    estimated: bool

    @property
    def working(self) -> bool:
        return self.kind in ("workday", "makeup_workday")


@functools.lru_cache(maxsize=None)
def repo_schedule(year: int) -> dict | None:
    """The repo's holidays file for ``year``, or ``None``. Its shape is checked before it ships, by
    ``python -m staff check`` and the tests (wizard/schemas/holidays.schema.json), not at run time."""
    if f"{year}.json" not in datafiles.list_json("data", "holidays"):
        return None
    return datafiles.load("data", "holidays", f"{year}.json")


class Calendar:
    """Answers "is this a working day?"; ``schedules`` maps year -> holidays-file dict (overrides)."""

    def __init__(self, schedules: dict[int, dict] | None = None):
        self._schedules = schedules
        self._days: dict[date, Day] = {}  # a day's classification never changes for one calendar

    def _schedule(self, year: int) -> dict | None:
        if self._schedules is not None:
            return self._schedules.get(year)
        return repo_schedule(year)

    def day(self, day: date) -> Day:
        """Classify ``day`` (remembered: answering re-counts the same weeks again and again)."""
        if day not in self._days:
            self._days[day] = self._classify(day)
        return self._days[day]

    def _classify(self, day: date) -> Day:
        weekend = day.weekday() >= 5
        weekday_name = WEEKDAY_NAMES[day.weekday()]
        schedule = self._schedule(day.year)
        if schedule is not None:
            key = day.isoformat()
            if key in schedule.get("holidays", {}):
                return Day(day, "holiday", schedule["holidays"][key], False)
            if key in schedule.get("workdays", {}):
                return Day(day, "makeup_workday" if weekend else "workday", schedule["workdays"][key], False)
            return Day(day, "weekend" if weekend else "workday", weekday_name, False)
        if chinese_calendar is not None:
            try:
                on_holiday, cc_name = chinese_calendar.get_holiday_detail(day)
            except NotImplementedError:
                pass
            else:
                name = _CC_NAMES.get(cc_name, cc_name) if cc_name else None
                if on_holiday:
                    return Day(day, "holiday" if name else "weekend", name or weekday_name, False)
                if weekend:  # a weekend day that is a working day: make-up workday
                    return Day(day, "makeup_workday", name or weekday_name, False)
                return Day(day, "workday", weekday_name, False)
        statutory = statutory_holidays(day.year).get(day)
        if statutory:
            return Day(day, "holiday", statutory, True)
        makeup = makeup_rest_days(day.year).get(day)
        if makeup:
            return Day(day, "makeup_rest_day", makeup, True)
        return Day(day, "weekend" if weekend else "workday", weekday_name, True)


DEFAULT_CALENDAR = Calendar()


@dataclass
class WorkingDayCount:
    """Result of counting working days: the last day and every day looked at on the way."""

    start: date
    working_days: int
    end: date
    days: list[Day] = field(default_factory=list)

    @property
    def estimated(self) -> bool:
        return any(d.estimated for d in self.days)


def add_working_days(start: date, working_days: int, calendar: Calendar | None = None) -> WorkingDayCount:
    """The ``working_days``-th working day after ``start`` (the start day is not counted, art. 201)."""
    calendar = calendar or DEFAULT_CALENDAR
    count = WorkingDayCount(start, working_days, start)
    current, counted = start, 0
    while counted < working_days:
        current += timedelta(days=1)
        info = calendar.day(current)
        count.days.append(info)
        if info.working:
            counted += 1
    count.end = current
    return count


def day_info(day: date, calendar: Calendar | None = None) -> Day:
    """Classification of a single day (for deadlines that may fall on a non-working day)."""
    return (calendar or DEFAULT_CALENDAR).day(day)
