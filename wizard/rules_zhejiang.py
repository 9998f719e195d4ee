"""Zhejiang rules for second-class cost engineers (initial and additional registration).

Pure functions over a parsed ``Case``; they add ``Finding``s, dates and their workings to an
``Outcome``. Which rules a procedure runs is data (``wizard/data/procedures/zhejiang.json``).
Source: 浙江省二级造价工程师注册流程图解 and 答疑 1–13 (000_4200c17166c9ce50.txt).

An answer the reader did not give (left out, null or ``"unsure"``: ``None`` here) is never read as "no":
the finding then says what follows either way, and is never ``pass`` or ``fail`` on that answer alone.
"""
from __future__ import annotations

from . import deadlines, procedures
from .case import Case
from .findings import Finding, Outcome, Working
from .parameters import value
from .periods import add_months
from .schema import questions

PROVINCE = "zhejiang"


def _param(case: Case, name: str):
    return value(PROVINCE, name, case.today)


def qualification_province(case: Case, out: Outcome, options: dict) -> None:
    """FAQ 7: a qualification obtained in another province cannot be registered in Zhejiang (for now)."""
    if case.answers["qualification_province"] in _param(case, "qualification_provinces"):
        out.add("zj.qualification_province", "pass")
    else:
        out.add("zj.qualification_province", "fail")


def specialty(case: Case, out: Outcome, options: dict) -> None:
    """Step 1: the examination covers civil engineering (土建) and installation (安装) only."""
    chosen = case.answers["specialty"]
    label = questions()["answers"][PROVINCE]["specialty"]["enum_labels"][chosen]
    if chosen in _param(case, "specialties"):
        out.add("zj.specialty", "pass", specialty=label)
    else:
        out.add("zj.specialty", "fail")


def exam_exemption(case: Case, out: Outcome, options: dict) -> None:
    """FAQ 12: choosing the one-subject exemption without meeting its conditions voids the result. Step 1:
    those exempted pass the exemption review (免考一门审核), which is what the form asks."""
    chosen, approved = case.answers["exemption_chosen"], case.answers["exemption_eligible"]
    if chosen is False:
        out.add("zj.exam_exemption", "pass")
    elif approved:  # with the choice unanswered the point rests on the review alone: information, not a pass
        out.add("zj.exam_exemption", "pass", "exempted") if chosen else out.add("zj.exam_exemption", "info", "approved")
    elif chosen and approved is False:
        out.add("zj.exam_exemption", "fail")
    elif chosen:
        out.add("zj.exam_exemption", "action", "review_unknown")
    else:
        out.add("zj.exam_exemption", "info", "unanswered")


def registration_window(case: Case, out: Outcome, options: dict) -> None:
    """FAQ 8: apply for initial registration within 18 months of the certificate's issue (Civil Code
    arts. 201–202, 1259); later, only after the current year's 20 hours of continuing education.
    FAQ 8 speaks of initial registration only: for additional registration (增项) inside the 18 months
    we read it as no obstacle; after them the notice does not say (``unclear``). FAQ 8 binds "逾期未申请者";
    FAQ 6 sends someone whose registration was cancelled back through initial registration without a new
    exam, and does not say whether FAQ 8's late rule applies to them (``unclear``)."""
    issued = case.answers["certificate_issue_date"]
    months = _param(case, "registration_window")
    required_hours = _param(case, "late_registration_education_hours")
    hours = case.answers["continuing_education_hours"]
    cancelled = case.answers["previously_cancelled"] or case.answers["cancelled_for_violation"]
    last = deadlines.last_day(add_months(issued, months))
    deadline = last.literal
    out.workings["registration_deadline"] = Working(
        rule="zj.registration_window", start=issued, start_field="certificate_issue_date",
        amount=months, unit="months", parameter=f"{PROVINCE}/registration_window",
        month_end=deadline.day != issued.day, last_day=last.day,
    )
    common = dict(certificate_issue_date=issued, deadline=deadline, months=months, today=case.today,
                  required_hours=required_hours, hours=hours if hours is not None else 0,
                  extended=last.shown_extended, year=case.today.year,
                  year_end=case.today.replace(month=12, day=31))
    unknown = "hours_unknown" if hours is None else None
    in_window = case.today <= deadline
    if case.action == "additional":
        out.add("zj.registration_window", "pass" if in_window else "unclear", "additional", **common)
    elif in_window:
        out.add("zj.registration_window", "pass", **common)
        out.changes.append(Finding("zj.registration_window", "change", "in_window", common))
    elif cancelled:
        out.add("zj.registration_window", "unclear", "after_cancellation", **common)
    elif hours is not None and hours >= required_hours:
        out.add("zj.registration_window", "pass", "late_with_education", **common)
    else:
        needed = required_hours - (hours or 0)
        if not last.passed(case.today):
            out.add("zj.registration_window", "unclear", "_".join(p for p in ("extended", unknown) if p),
                    hours_needed=needed, **common)
        else:
            out.add("zj.registration_window", "action", unknown, hours_needed=needed, **common)
            out.changes.append(Finding("zj.registration_window", "change", "late", dict(common, hours_needed=needed)))
    deadlines.record(out, "registration_deadline", "zj.deadline_non_working_day", last, moot=not in_window)


def employer_type(case: Case, out: Outcome, options: dict) -> None:
    """FAQ 4: the employer types a second-class cost engineer may register with. The list ends in 等
    ("and other"), so a type it does not name is not ruled out: ``unclear``."""
    if case.answers["employer_type"] in _param(case, "employer_types"):
        out.add("zj.employer_type", "pass")
    else:
        out.add("zj.employer_type", "unclear")


def single_employer(case: Case, out: Outcome, options: dict) -> None:
    """FAQ 4: registering with two or more employers is forbidden (FAQ 5: a first-class registration in the
    same specialty does not count)."""
    answer = case.answers["registered_with_other_employer"]
    if answer is None:
        out.add("zj.single_employer", "info", "unanswered")
    else:
        out.add("zj.single_employer", "action" if answer else "pass")


def employer_filing(case: Case, out: Outcome, options: dict) -> None:
    """FAQ 1: the employer must be filed on the credit platform; except in Ningbo (whose employers push from
    Ningbo's platform), a never-filed employer enters its data there."""
    filed = case.answers["employer_on_credit_platform"]
    ningbo = {True: "ningbo", False: None, None: None}[case.answers["employer_in_ningbo"]]
    if filed is None:
        out.add("zj.employer_filing", "info", ningbo)
    elif filed:
        out.add("zj.employer_filing", "pass")
    else:
        out.add("zj.employer_filing", "action", ningbo)


def photo(case: Case, out: Outcome, options: dict) -> None:
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


def prior_cancellation(case: Case, out: Outcome, options: dict) -> None:
    """FAQ 6: after cancellation the qualification remains (initial registration, no new exam);
    after a cancellation for a violation, "需满足相应条件": the notice lists no conditions (``unclear``)."""
    cancelled, violation = case.answers["previously_cancelled"], case.answers["cancelled_for_violation"]
    if violation:
        out.add("zj.prior_cancellation", "unclear")
    elif cancelled:
        out.add("zj.prior_cancellation", "info", "violation_unknown" if violation is None else None)
    elif cancelled is False:
        out.add("zj.prior_cancellation", "pass")
    else:
        out.add("zj.prior_cancellation", "info", "unanswered")


RULES = {
    "zj.qualification_province": qualification_province, "zj.specialty": specialty,
    "zj.exam_exemption": exam_exemption, "zj.registration_window": registration_window,
    "zj.employer_type": employer_type, "zj.single_employer": single_employer,
    "zj.employer_filing": employer_filing, "zj.photo": photo, "zj.prior_cancellation": prior_cancellation,
}


def evaluate(case: Case) -> Outcome:
    """Run the rules of the case's procedure, in the table's order."""
    out = Outcome()
    for step in procedures.steps(PROVINCE, case.action):
        RULES[step.rule](case, out, step.options)
    return out
