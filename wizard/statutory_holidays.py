"""The statutory public holidays of a year, as fixed by law, for years without a published schedule.

《全国年节及纪念日放假办法》(2024 revision, State Council Decree No. 795, in force 2025-01-01), art. 2:
New Year's Day 1 January; Spring Festival the lunar New Year's Eve and the first three days of the first
lunar month; Tomb-sweeping Day the day of the Qingming solar term; Labour Day 1–2 May; Dragon Boat
Festival the 5th day of the 5th lunar month; Mid-Autumn Festival the 15th day of the 8th lunar month;
National Day 1–3 October.

Art. 6: a holiday of all citizens that falls on a Saturday or Sunday gets a weekday off instead (补假). Every
holiday of art. 2 is one of all citizens. The law fixes how many such days a year has, not where they fall:
the year's notice of the State Council General Office places them, and adds make-up workdays (调休). So far
each notice put them right after the holiday; ``makeup_rest_days`` assumes that, which is our reading, and an
estimate built from this module is marked ``estimated``. Lunar dates come from ``lunardate`` (1900–2099), the Qingming solar term from
``chinesecalendar``'s solar-term formula; outside 1900–2099 only the fixed solar dates are known.

>>> from datetime import date
>>> sorted(d.isoformat() for d, name in statutory_holidays(2027).items() if name == "spring_festival")
['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']
>>> sorted(d.isoformat() for d in makeup_rest_days(2027))
['2027-02-09', '2027-02-10', '2027-05-03', '2027-05-04', '2027-10-04', '2027-10-05']
"""
from __future__ import annotations

import functools
from datetime import date, timedelta

HOLIDAY_NAMES = (
    "new_years_day", "spring_festival", "tomb_sweeping_day", "labour_day",
    "dragon_boat_festival", "mid_autumn_festival", "national_day",
)
FIXED_DATE_HOLIDAYS = {  # Decree No. 795, art. 2: the holidays on fixed solar dates
    (1, 1): "new_years_day",
    (5, 1): "labour_day", (5, 2): "labour_day",
    (10, 1): "national_day", (10, 2): "national_day", (10, 3): "national_day",
}
LUNAR_YEARS = range(1900, 2100)  # what lunardate and the solar-term formula cover

try:  # pragma: no cover - import guard only
    from lunardate import LunarDate
except ImportError:  # pragma: no cover
    LunarDate = None
try:  # pragma: no cover
    from chinese_calendar import get_solar_terms
except ImportError:  # pragma: no cover
    get_solar_terms = None


def lunar_holidays_known(year: int) -> bool:
    """Whether this module can place the lunar and solar-term holidays of ``year``."""
    return year in LUNAR_YEARS and LunarDate is not None and get_solar_terms is not None


def _lunar(year: int, month: int, day: int) -> date:
    return LunarDate(year, month, day).to_solar_date()


def _qingming(year: int) -> date:
    for day, name in get_solar_terms(date(year, 4, 1), date(year, 4, 10)):
        if name == "清明":
            return day
    raise LookupError(f"no Qingming solar term found in April {year}")  # the formula always has one


@functools.lru_cache(maxsize=None)
def statutory_holidays(year: int) -> dict[date, str]:
    """Every statutory holiday of ``year`` under Decree No. 795 art. 2 that can be computed, by date."""
    days = {date(year, month, day): name for (month, day), name in FIXED_DATE_HOLIDAYS.items()}
    if not lunar_holidays_known(year):
        return days
    # Spring Festival: the eve (the day before 1/1 of lunar year `year`) and days 1-3. Lunar year
    # `year + 1` can start in late January of `year + 1` only, so its eve never falls in `year`, but
    # lunar year `year`'s eve can: both ends are inside the Gregorian year.
    new_year = _lunar(year, 1, 1)
    for offset in (-1, 0, 1, 2):
        days[new_year + timedelta(days=offset)] = "spring_festival"
    days[_qingming(year)] = "tomb_sweeping_day"
    days[_lunar(year, 5, 5)] = "dragon_boat_festival"
    days[_lunar(year, 8, 15)] = "mid_autumn_festival"
    return {day: name for day, name in days.items() if day.year == year}


@functools.lru_cache(maxsize=None)
def makeup_rest_days(year: int) -> dict[date, str]:
    """Decree No. 795 art. 6: one weekday off (补假) for each holiday of ``year`` that falls on a Saturday
    or Sunday, by date, with the festival's name. Placed on the first weekdays after the holiday that are
    not holidays themselves (our reading: where they fall is the annual notice's choice). The last
    holidays of a year are in October, so a make-up day never falls in the next year."""
    holidays = statutory_holidays(year)
    taken: dict[date, str] = {}
    for name in HOLIDAY_NAMES:
        days = sorted(day for day, holiday in holidays.items() if holiday == name)
        owed = sum(1 for day in days if day.weekday() >= 5)
        if not owed:
            continue
        current = days[-1]
        while owed:
            current += timedelta(days=1)
            if current.weekday() >= 5 or current in taken or statutory_holidays(current.year).get(current):
                continue
            taken[current] = name
            owed -= 1
    return taken
