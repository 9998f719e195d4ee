"""Zhejiang rules for second-class cost engineers (initial and additional registration).

Pure functions over a parsed ``Case``; they add ``Finding``s, dates and their workings to an
``Outcome``. Source: 浙江省二级造价工程师注册流程图解 and 答疑 1–13 (000_4200c17166c9ce50.txt).
"""
from __future__ import annotations

from . import deadlines
from .case import Case
from .findings import Finding, Outcome
from .parameters import value
from .periods import add_months
from .schema import questions

PROVINCE = "zhejiang"


def _param(case: Case, name: str):
    return value(PROVINCE, name, case.today)


def qualification_province(case: Case, out: Outcome) -> None:
    """FAQ 7: a qualification obtained in another province cannot be registered in Zhejiang (for now)."""
    if case.answers["qualification_province"] in _param(case, "qualification_provinces"):
        out.add("zj.qualification_province", "pass")
    else:
        out.add("zj.qualification_province", "fail")


def specialty(case: Case, out: Outcome) -> None:
    """Step 1: the examination covers civil engineering (土建) and installation (安装) only."""
    chosen = case.answers["specialty"]
    label = questions()["answers"][PROVINCE]["specialty"]["enum_labels"][chosen]
    if chosen in _param(case, "specialties"):
        out.add("zj.specialty", "pass", specialty=label)
    else:
        out.add("zj.specialty", "fail")


def exam_exemption(case: Case, out: Outcome) -> None:
    """FAQ 12: choosing the one-subject exemption without being eligible voids the result."""
    chosen, eligible = case.answers["exemption_chosen"], case.answers["exemption_eligible"]
    if chosen and not eligible:
        out.add("zj.exam_exemption", "fail")
    else:
        out.add("zj.exam_exemption", "pass", "exempted" if chosen else None)


def registration_window(case: Case, out: Outcome) -> None:
    """FAQ 8: apply for initial registration within 18 months of the certificate's issue (Civil Code
    arts. 201–202, 1259); later, only after the current year's 20 hours of continuing education.
    FAQ 8 speaks of initial registration only: for additional registration (增项) inside the 18 months
    we read it as no obstacle; after them the notice does not say (``unclear``)."""
    issued = case.answers["certificate_issue_date"]
    months = _param(case, "registration_window")
    required_hours = _param(case, "late_registration_education_hours")
    hours = case.answers["continuing_education_hours"]
    last = deadlines.last_day(add_months(issued, months))
    deadline = last.literal
    out.workings["registration_deadline"] = {
        "rule": "zj.registration_window", "start": issued, "start_field": "certificate_issue_date",
        "amount": months, "unit": "months", "parameter": f"{PROVINCE}/registration_window",
        "month_end": deadline.day != issued.day, "last_day": last.day,
    }
    common = dict(certificate_issue_date=issued, deadline=deadline, months=months, today=case.today,
                  required_hours=required_hours, hours=hours, extended=last.extended or deadline)
    in_window = case.today <= deadline
    if case.action == "additional":
        out.add("zj.registration_window", "pass" if in_window else "unclear", "additional", **common)
    elif in_window:
        out.add("zj.registration_window", "pass", **common)
        out.changes.append(Finding("zj.registration_window", "change", "in_window", common))
    elif hours >= required_hours:
        out.add("zj.registration_window", "pass", "late_with_education", **common)
    elif not last.passed(case.today):
        out.add("zj.registration_window", "unclear", "extended", hours_needed=required_hours - hours, **common)
    else:
        needed = required_hours - hours
        out.add("zj.registration_window", "action", hours_needed=needed, **common)
        out.changes.append(Finding("zj.registration_window", "change", "late", dict(common, hours_needed=needed)))
    deadlines.record(out, "registration_deadline", "zj.deadline_non_working_day", last, moot=not in_window)


def employer_type(case: Case, out: Outcome) -> None:
    """FAQ 4: the employer types a second-class cost engineer may register with. The list ends in 等
    ("and other"), so a type it does not name is not ruled out: ``unclear``."""
    if case.answers["employer_type"] in _param(case, "employer_types"):
        out.add("zj.employer_type", "pass")
    else:
        out.add("zj.employer_type", "unclear")


def single_employer(case: Case, out: Outcome) -> None:
    """FAQ 4: registering with two or more employers is forbidden."""
    out.add("zj.single_employer", "action" if case.answers["registered_with_other_employer"] else "pass")


def employer_filing(case: Case, out: Outcome) -> None:
    """FAQ 1: the employer must be filed on the credit platform; Ningbo employers push from Ningbo's."""
    filed = case.answers["employer_on_credit_platform"]
    ningbo = "ningbo" if case.answers["employer_in_ningbo"] else None
    if filed is None:
        out.add("zj.employer_filing", "info", ningbo)
    elif filed:
        out.add("zj.employer_filing", "pass")
    else:
        out.add("zj.employer_filing", "action", ningbo)


def photo(case: Case, out: Outcome) -> None:
    """Step 2, personnel form: the photo must be JPG and at most 50 KB (以内 includes 50)."""
    fmt, size = case.answers["photo_format"], case.answers["photo_size_kb"]
    formats, max_kb = _param(case, "photo_formats"), _param(case, "photo_max_size")
    bad_format = fmt is not None and fmt not in formats
    bad_size = size is not None and size > max_kb
    params = dict(max_kb=max_kb, size_kb=size if size is not None else 0)
    if bad_format and bad_size:
        out.add("zj.photo", "action", "format_and_size", **params)
    elif bad_format:
        out.add("zj.photo", "action", "format", **params)
    elif bad_size:
        out.add("zj.photo", "action", "size", **params)
    elif fmt is not None and size is not None:
        out.add("zj.photo", "pass", **params)
    else:
        out.add("zj.photo", "info", **params)


def prior_cancellation(case: Case, out: Outcome) -> None:
    """FAQ 6: after cancellation the qualification remains (initial registration, no new exam);
    after a cancellation for a violation, the applicable conditions must be met first."""
    if case.answers["cancelled_for_violation"]:
        out.add("zj.prior_cancellation", "action")
    elif case.answers["previously_cancelled"]:
        out.add("zj.prior_cancellation", "info")
    else:
        out.add("zj.prior_cancellation", "pass")


RULES = (qualification_province, specialty, exam_exemption, registration_window, employer_type,
         single_employer, employer_filing, photo, prior_cancellation)


def evaluate(case: Case) -> Outcome:
    """Run every Zhejiang rule, in a stable order."""
    out = Outcome()
    for rule in RULES:
        rule(case, out)
    return out
