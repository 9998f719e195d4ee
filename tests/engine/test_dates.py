"""Civil Code periods and working days, checked against dates counted by hand."""
from __future__ import annotations

from datetime import date

import pytest

from wizard.periods import add_days, add_months
from wizard.workdays import Calendar, add_working_days, day_info

D = date.fromisoformat


@pytest.mark.parametrize("start, months, end", [
    ("2025-08-31", 18, "2027-02-28"),
    ("2024-02-29", 18, "2025-08-29"),
    ("2022-08-31", 18, "2024-02-29"),
    ("2025-11-30", 3, "2026-02-28"),
    ("2023-11-30", 3, "2024-02-29"),
    ("2026-11-21", 3, "2027-02-21"),
    ("2025-12-31", 1, "2026-01-31"),
    ("2026-01-31", 1, "2026-02-28"),
    ("2025-10-15", 18, "2027-04-15"),
])
def test_a_period_of_months_ends_on_the_corresponding_day_or_the_month_end(start, months, end):
    assert add_months(D(start), months) == D(end)


@pytest.mark.parametrize("start, days, end", [
    ("2026-11-16", 5, "2026-11-21"), ("2024-02-25", 5, "2024-03-01"), ("2025-12-30", 5, "2026-01-04"),
])
def test_a_period_of_days_starts_the_day_after(start, days, end):
    assert add_days(D(start), days) == D(end)


@pytest.mark.parametrize("start, n, end", [
    ("2026-02-06", 20, "2026-03-12"),  # Spring Festival 15-23 Feb, make-up 14 and 28 Feb
    ("2025-01-24", 20, "2025-02-27"),  # Spring Festival 28 Jan-4 Feb, make-up 26 Jan and 8 Feb
    ("2026-04-28", 10, "2026-05-14"),  # Labour Day 1-5 May, make-up 9 May
    ("2026-09-18", 20, "2026-10-22"),  # Mid-Autumn 25-27 Sep, National Day 1-7 Oct, make-up 20 Sep, 10 Oct
    ("2025-09-26", 10, "2025-10-16"),  # National Day + Mid-Autumn 1-8 Oct, make-up 28 Sep, 11 Oct
    ("2026-11-20", 10, "2026-12-04"),
])
def test_working_days_skip_holidays_and_count_make_up_days(start, n, end):
    count = add_working_days(D(start), n)
    assert count.end == D(end) and not count.estimated
    assert sum(day.working for day in count.days) == n


def test_the_spring_festival_count_lists_what_it_skipped_and_counted():
    count = add_working_days(D("2026-02-06"), 20)
    holidays = [d.day for d in count.days if d.kind == "holiday"]
    assert holidays == [D("2026-02-15") + (D("2026-02-16") - D("2026-02-15")) * i for i in range(9)]
    assert [d.day for d in count.days if d.kind == "makeup_workday"] == [D("2026-02-14"), D("2026-02-28")]
    assert {d.name for d in count.days if d.kind == "holiday"} == {"spring_festival"}


def test_a_year_without_a_schedule_is_estimated_not_an_error():
    count = add_working_days(D("2026-12-18"), 20)
    assert count.end == D("2027-01-18") and count.estimated
    new_year = day_info(D("2027-01-01"))
    assert (new_year.kind, new_year.name, new_year.estimated) == ("holiday", "new_years_day", True)
    assert day_info(D("2027-10-01")).kind == "holiday" and day_info(D("2027-05-06")).kind == "workday"
    assert (day_info(D("2027-05-03")).kind, day_info(D("2027-05-03")).name) == ("makeup_rest_day", "labour_day")


def test_a_repo_schedule_overrides_the_estimate_for_its_year():
    schedule = {"year": 2027, "reference": "test", "holidays": {"2027-01-04": "new_years_day"},
                "workdays": {"2027-01-09": "new_years_day"}}
    calendar = Calendar({2027: schedule})
    assert calendar.day(D("2027-01-04")).kind == "holiday"
    assert calendar.day(D("2027-01-09")).kind == "makeup_workday"
    assert calendar.day(D("2027-01-01")).kind == "workday"  # the file says so, not the estimate
    assert not calendar.day(D("2027-01-04")).estimated


def test_a_year_before_chinesecalendar_s_data_is_estimated():
    assert day_info(D("2003-10-01")).estimated
