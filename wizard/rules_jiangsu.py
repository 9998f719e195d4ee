"""Jiangsu rules for second-class constructors, cost engineers, architects and structural engineers.

Pure functions over a parsed ``Case``; they add ``Finding``s, dates and their workings to an
``Outcome``. Which rules a procedure runs, and with which options, is data
(``wizard/data/procedures/jiangsu.json``). Source: 江苏省职业资格注册办事指南 (004_6b6b954dcd5456b7.txt).

An answer the reader did not give (left out, null or ``"unsure"``: ``None`` here) is never read as "no":
the finding then says what follows either way.
"""
from __future__ import annotations

from datetime import date

from . import deadlines, procedures
from .case import Case
from .findings import Finding, Outcome, Working
from .parameters import hotline_numbers, value
from .periods import add_days, add_months
from .schema import questions
from .statutory_holidays import lunar_holidays_known
from .workdays import add_working_days

PROVINCE = "jiangsu"


def _param(case: Case, name: str):
    return value(PROVINCE, name, case.today)


def hotlines(case: Case) -> str:
    """The registration hotlines the notice directs open questions to (办事指南查阅建议 3)."""
    return hotline_numbers(PROVINCE, case.today)


def confirmation_last_day(case: Case, submitted: date) -> deadlines.LastDay:
    """二（三）3: the last day to confirm an application started on ``submitted`` (the day it was started
    is not counted, Civil Code art. 201)."""
    return deadlines.last_day(add_days(submitted, _param(case, "confirmation_window")))


def confirmed(case: Case) -> bool | None:
    """Whether the applicant confirmed: their answer, else yes when the application was accepted (an
    application is accepted only after it was confirmed), else unknown."""
    answer = case.answers.get("applicant_confirmed")
    if answer is None and case.answers.get("acceptance_date") is not None:
        return True
    return answer


def realname(case: Case, out: Outcome, options: dict) -> None:
    """二（三）1: L4 real-name authentication in the 江苏政务服务 app comes first."""
    answer = case.answers["realname_l4"]
    if answer is None:
        out.add("js.realname", "action", "unsure")
    else:
        out.add("js.realname", "pass" if answer else "action")


def qualification_province(case: Case, out: Outcome, options: dict) -> None:
    """二（二）1: a qualification from another province needs the out-of-province entry, which the
    notice describes for architects and structural engineers only. It never says how, or whether,
    constructors and cost engineers qualified elsewhere register: ``unclear``."""
    if case.answers["qualification_province"] == "jiangsu":
        out.add("js.qualification_province", "pass")
    elif case.profession not in _param(case, "out_of_province_entry_professions"):
        out.add("js.qualification_province", "unclear", hotlines=hotlines(case))
    elif case.answers.get("out_of_province_entry_approved"):
        out.add("js.qualification_province", "pass", "entry_approved")
    else:
        unknown = case.answers.get("out_of_province_entry_approved") is None
        out.add("js.qualification_province", "action", "entry_unknown" if unknown else None)
        out.changes.append(Finding("js.qualification_province", "change", "entry", {}))


def out_of_province_entry_scope(case: Case, out: Outcome, options: dict) -> None:
    """二（二）1: the entry is only for architects and structural engineers qualified elsewhere."""
    if case.profession not in _param(case, "out_of_province_entry_professions"):
        out.add("js.out_of_province_entry_scope", "fail", "profession")
    elif case.answers["qualification_province"] == "jiangsu":
        out.add("js.out_of_province_entry_scope", "fail", "jiangsu")
    else:
        out.add("js.out_of_province_entry_scope", "pass")


def delta_scope(case: Case, out: Outcome, options: dict) -> None:
    """二（三）3（3）: demonstration zone registration is for constructors whose employer is
    registered in Wujiang District, Suzhou."""
    in_wujiang = case.answers["employer_in_wujiang"]
    if case.profession not in _param(case, "delta_professions"):
        out.add("js.delta_scope", "fail", "profession")
    elif in_wujiang is None:
        out.add("js.delta_scope", "unclear", "district_unknown", hotlines=hotlines(case))
    elif not in_wujiang:
        out.add("js.delta_scope", "fail", "district")
    else:
        out.add("js.delta_scope", "pass")


def change_employer(case: Case, out: Outcome, options: dict) -> None:
    """三 4: to change employer, cancel the registration first, then apply for initial registration."""
    out.add("js.change_employer", "action")


def withdrawal(case: Case, out: Outcome, options: dict) -> None:
    """二（三）3（2）: an application can be withdrawn until its review is completed."""
    status = case.answers["application_status"]
    out.add("js.withdrawal", "fail" if status == "completed" else "pass", status, hotlines=hotlines(case))


def confirmation_window(case: Case, out: Outcome, options: dict) -> None:
    """二（三）3: an application not confirmed within 5 days is deleted by the platform (Civil Code
    art. 201: the day it was started is not counted). Deletion is stated as a fact only when the reader
    said they have not confirmed; unanswered, the finding says what follows either way."""
    submitted = case.answers.get("application_submitted_date")
    if submitted is None:
        return
    days = _param(case, "confirmation_window")
    last = confirmation_last_day(case, submitted)
    deadline = last.literal
    out.workings["confirmation_deadline"] = Working(
        rule="js.confirmation_window", start=submitted, start_field="application_submitted_date",
        amount=days, unit="days", parameter=f"{PROVINCE}/confirmation_window", last_day=last.day,
    )
    params = dict(submitted=submitted, deadline=deadline, days=days, today=case.today,
                  extended=last.shown_extended, hotlines=hotlines(case))
    answer, is_confirmed = case.answers.get("applicant_confirmed"), confirmed(case)
    if answer:
        out.add("js.confirmation_window", "pass", "confirmed", **params)
    elif is_confirmed:
        out.add("js.confirmation_window", "pass", "accepted", **params)
    elif case.today <= deadline:
        if answer is None:
            out.add("js.confirmation_window", "info", "open_unanswered", **params)
        else:
            out.add("js.confirmation_window", "pass", "open", **params)
        out.changes.append(Finding("js.confirmation_window", "change", "open", params))
    elif not last.passed(case.today):
        out.add("js.confirmation_window", "unclear", "extended", **params)
    else:
        out.add("js.confirmation_window", "action", "unanswered" if answer is None else None, **params)
    deadlines.record(out, "confirmation_deadline", "js.deadline_non_working_day", last,
                     moot=bool(is_confirmed) or case.today > deadline)


def contract_term(case: Case, out: Outcome, options: dict) -> None:
    """二（三）3（1）② c: the contract must run three months or more from the application date
    (以上 includes the boundary, Civil Code art. 1259; end day per art. 202). Asked only where the
    form asks for the contract's end. Written for 注册申报; where a procedure applies it by our reading
    (``basis: reading``: renewal, demonstration zone registration), a short contract is ``unclear``."""
    if "employment_contract_end" not in case.given:
        return
    submitted = case.answers.get("application_submitted_date")
    application_date = submitted or case.today
    months = _param(case, "contract_min_term")
    minimum = add_months(application_date, months)
    end = case.answers["employment_contract_end"]
    reading = options.get("basis") == "reading"
    action_label = questions()["actions"][case.action]["label"]
    params = dict(application_date=application_date, contract_min_end=minimum, months=months,
                  contract_end=end or application_date, hotlines=hotlines(case), action=action_label)
    if end is None:  # open-ended: no earliest end date to show
        out.add("js.contract_term", "pass", "reading_open_ended" if reading else "open_ended", **params)
        return
    out.dates["contract_min_end"] = minimum
    out.workings["contract_min_end"] = Working(
        rule="js.contract_term", start=application_date,
        start_field="application_submitted_date" if submitted else "today",
        amount=months, unit="months", parameter=f"{PROVINCE}/contract_min_term",
        month_end=minimum.day != application_date.day,
    )
    if end >= minimum:
        out.add("js.contract_term", "pass", "reading" if reading else None, **params)
    else:
        out.add("js.contract_term", "unclear" if reading else "action", "reading" if reading else None, **params)
    out.changes.append(Finding("js.contract_term", "change", "minimum", params))


def decision_time(case: Case, out: Outcome, options: dict) -> None:
    """二（二）2, 三 3: a decision within 20 working days (initial, additional, and the initial
    registration that ends a change of employer), 10 for renewal. The notice does not say from which
    day: counting from the day after acceptance is our reading (Civil Code art. 201). With an expected
    acceptance date instead (planning), the same count is a plan."""
    accepted = case.answers.get("acceptance_date")
    expected = case.answers.get("expected_acceptance_date")
    start = accepted or expected
    if start is None:
        return
    working_days = _param(case, options["parameter"])
    count = add_working_days(start, working_days)
    out.dates["decision_due"] = count.end
    out.workings["decision_due"] = Working(
        rule="js.decision_time", start=start,
        start_field="acceptance_date" if accepted else "expected_acceptance_date",
        amount=working_days, unit="working_days", parameter=f"{PROVINCE}/{options['parameter']}",
        count=count,
    )
    variant = "_".join(part for part in (options.get("text"), None if accepted else "plan") if part)
    out.add("js.decision_time", "info", variant or None,
            acceptance_date=start, decision_due=count.end, working_days=working_days)
    if count.estimated:
        out.estimated.append("decision_due")
        years = sorted({d.day.year for d in count.days if d.estimated})
        lunar_known = all(lunar_holidays_known(year) for year in years)
        out.add("js.working_days_estimated", "info", None if lunar_known else "fixed_only", decision_due=count.end,
                years={"zh": "、".join(map(str, years)), "en": ", ".join(map(str, years))})


def company_rename(case: Case, out: Outcome, options: dict) -> None:
    """二（三）5: the employer applies for the name change; registrations update after approval."""
    out.add("js.company_rename", "info")


RULES = {
    "js.realname": realname, "js.qualification_province": qualification_province,
    "js.out_of_province_entry_scope": out_of_province_entry_scope, "js.delta_scope": delta_scope,
    "js.change_employer": change_employer, "js.withdrawal": withdrawal,
    "js.confirmation_window": confirmation_window, "js.contract_term": contract_term,
    "js.decision_time": decision_time, "js.company_rename": company_rename,
}


def evaluate(case: Case) -> Outcome:
    """Run the rules of the case's procedure, in the table's order."""
    out = Outcome()
    for step in procedures.steps(PROVINCE, case.action):
        RULES[step.rule](case, out, step.options)
    return out
