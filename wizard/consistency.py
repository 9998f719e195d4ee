"""Answers that contradict each other are invalid cases, like a wrong type: the report would otherwise
rest on events that cannot both have happened.

* ``acceptance_date`` (or ``expected_acceptance_date``) before ``application_submitted_date``: an
  application is accepted after it is started.
* ``acceptance_date`` with ``applicant_confirmed`` false: 二（三）3 says the platform deletes an application
  the applicant has not confirmed within 5 days, and the applicant's confirmation of the application form
  (二（三）3（1）② d) comes before it is submitted for review, so an accepted application was confirmed.
  With the confirmation unanswered, an acceptance date means it was confirmed.
* both ``acceptance_date`` and ``expected_acceptance_date``: an application is either accepted or not yet.
"""
from __future__ import annotations

from .case import Case, question
from .errors import InvalidCase
from .text import render


def _fail(case: Case, field: str, key: str, **params) -> None:
    raise InvalidCase(field, render(f"error.{key}", dict(params, field=question(field, case.province),
                                                         other=question(f"answers.{params.pop('other', '')}",
                                                                        case.province))))


def check(case: Case) -> None:
    """Raise ``InvalidCase`` naming the answer that contradicts the others."""
    accepted = case.answers.get("acceptance_date")
    expected = case.answers.get("expected_acceptance_date")
    submitted = case.answers.get("application_submitted_date")
    if accepted is not None and expected is not None:
        _fail(case, "answers.expected_acceptance_date", "accepted_and_expected", other="acceptance_date")
    for field, day in (("acceptance_date", accepted), ("expected_acceptance_date", expected)):
        if day is not None and submitted is not None and day < submitted:
            _fail(case, f"answers.{field}", "accepted_before_submitted", acceptance_date=day, submitted=submitted,
                  other="application_submitted_date")
    if accepted is not None and case.answers.get("applicant_confirmed") is False:
        _fail(case, "answers.acceptance_date", "accepted_unconfirmed", acceptance_date=accepted,
              other="applicant_confirmed")
