"""Answers that contradict each other are invalid cases, like a wrong type: the report would otherwise
rest on events that cannot both have happened.

* ``acceptance_date`` before ``application_submitted_date``: an application is accepted after it is sent.
* an ``acceptance_date`` for an application that lapsed unconfirmed: 二（三）3 says the platform deletes
  an application the applicant has not confirmed within 5 days, so it cannot then have been accepted.
"""
from __future__ import annotations

from . import deadlines
from .case import Case, question
from .errors import InvalidCase
from .parameters import value
from .periods import add_days
from .text import render

FIELD = "answers.acceptance_date"


def _fail(case: Case, key: str, **params) -> None:
    raise InvalidCase(FIELD, render(f"error.{key}", dict(params, field=question(FIELD, case.province))))


def check(case: Case) -> None:
    """Raise ``InvalidCase`` naming ``answers.acceptance_date`` when it contradicts the other answers."""
    accepted = case.answers.get("acceptance_date")
    submitted = case.answers.get("application_submitted_date")
    if accepted is None or submitted is None:
        return
    if accepted < submitted:
        _fail(case, "accepted_before_submitted", acceptance_date=accepted, submitted=submitted)
    if case.answers.get("applicant_confirmed"):
        return
    days = value(case.province, "confirmation_window", case.today)
    last = deadlines.last_day(add_days(submitted, days))
    if last.passed(case.today):
        _fail(case, "accepted_after_lapse", acceptance_date=accepted, submitted=submitted, days=days,
              deadline=last.literal)
