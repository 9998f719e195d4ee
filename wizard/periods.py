"""Calendar periods under the PRC Civil Code (民法典), arts. 201–203.

* Art. 201: a period counted in days or months starts on the day after the starting event;
  the day of the event itself is not counted.
* Art. 202: a period of N months ends on the day of the last month that corresponds to the
  starting day; if that month has no such day, on the last day of that month.
* Art. 203: the period ends at 24:00 of its last day. (Art. 203 would move a last day that is a
  statutory holiday to the next day; the applicant-side deadlines here are platform limits that
  do not move, so the engine keeps the date and adds an ``info`` finding instead.)
* Art. 1259: 以上 / 以下 / 以内 / 届满 include the stated number, so "within 18 months" includes
  the last day and "three months or more" is met by a contract ending exactly on that day.

>>> from datetime import date
>>> add_months(date(2025, 8, 31), 18)
datetime.date(2027, 2, 28)
>>> add_days(date(2026, 11, 16), 5)
datetime.date(2026, 11, 21)
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta


def last_day_of_month(year: int, month: int) -> int:
    """Number of the last day of that month (28–31)."""
    return calendar.monthrange(year, month)[1]


def add_months(start: date, months: int) -> date:
    """Last day of a period of ``months`` months that starts the day after ``start`` (arts. 201–202)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, last_day_of_month(year, month)))


def add_days(start: date, days: int) -> date:
    """Last day of a period of ``days`` days that starts the day after ``start`` (art. 201)."""
    return start + timedelta(days=days)
