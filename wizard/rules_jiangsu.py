"""Jiangsu rules for second-class constructors, cost engineers, architects and structural engineers.

Pure functions over a parsed ``Case``; they add ``Finding``s, dates and their workings to an
``Outcome``. Source: 江苏省职业资格注册办事指南 (004_6b6b954dcd5456b7.txt).
"""
from __future__ import annotations

from . import deadlines
from .case import Case
from .findings import Finding, Outcome
from .parameters import value
from .periods import add_days, add_months
from .statutory_holidays import lunar_holidays_known
from .workdays import add_working_days

PROVINCE = "jiangsu"
# 二（三）3 个人发起申请: its note (5-day confirmation) heads every application the applicant starts there.
CONFIRMATION_ACTIONS = ("initial", "additional", "renewal", "delta_registration", "change_employer")
# Where the qualification was obtained matters for a first registration in Jiangsu (二（二）1), not
# for a change of employer: that person is registered in Jiangsu already.
QUALIFICATION_ACTIONS = ("initial", "additional", "delta_registration")
# 二（三）3（1）② c: the contract term note of 注册申报 (initial, additional, renewal; the initial
# registration that ends a change of employer); for demonstration zone registration only as our reading.
CONTRACT_ACTIONS = ("initial", "additional", "renewal", "change_employer", "delta_registration")
# 三 3: the decision times; the notice gives none for demonstration zone registration.
DECISION_TIMES = {"initial": "decision_time_initial", "additional": "decision_time_initial",
                  "change_employer": "decision_time_initial", "renewal": "decision_time_renewal"}


def _param(case: Case, name: str):
    return value(PROVINCE, name, case.today)


def realname(case: Case, out: Outcome) -> None:
    """二（三）1: L4 real-name authentication in the 江苏政务服务 app comes first."""
    out.add("js.realname", "pass" if case.answers["realname_l4"] else "action")


def hotlines(case: Case) -> str:
    """The registration hotlines the notice directs open questions to (办事指南查阅建议 3)."""
    return "、".join(line["number"] for line in _param(case, "hotlines"))


def qualification_province(case: Case, out: Outcome) -> None:
    """二（二）1: a qualification from another province needs the out-of-province entry, which the
    notice describes for architects and structural engineers only. It never says how, or whether,
    constructors and cost engineers qualified elsewhere register: ``unclear``."""
    if case.answers["qualification_province"] == "jiangsu":
        out.add("js.qualification_province", "pass")
    elif case.profession not in _param(case, "out_of_province_entry_professions"):
        out.add("js.qualification_province", "unclear", hotlines=hotlines(case))
    elif case.answers["out_of_province_entry_approved"]:
        out.add("js.qualification_province", "pass", "entry_approved")
    else:
        out.add("js.qualification_province", "action")
        out.changes.append(Finding("js.qualification_province", "change", "entry", {}))


def out_of_province_entry_scope(case: Case, out: Outcome) -> None:
    """二（二）1: the entry is only for architects and structural engineers qualified elsewhere."""
    if case.profession not in _param(case, "out_of_province_entry_professions"):
        out.add("js.out_of_province_entry_scope", "fail", "profession")
    elif case.answers["qualification_province"] == "jiangsu":
        out.add("js.out_of_province_entry_scope", "fail", "jiangsu")
    else:
        out.add("js.out_of_province_entry_scope", "pass")


def delta_scope(case: Case, out: Outcome) -> None:
    """二（三）3（3）: demonstration zone registration is for constructors whose employer is
    registered in Wujiang District, Suzhou."""
    if case.profession not in _param(case, "delta_professions"):
        out.add("js.delta_scope", "fail", "profession")
    elif not case.answers["employer_in_wujiang"]:
        out.add("js.delta_scope", "fail", "district")
    else:
        out.add("js.delta_scope", "pass")


def change_employer(case: Case, out: Outcome) -> None:
    """三 4: to change employer, cancel the registration first, then apply for initial registration."""
    out.add("js.change_employer", "action")


def withdrawal(case: Case, out: Outcome) -> None:
    """二（三）3（2）: an application can be withdrawn until its review is completed."""
    status = case.answers["application_status"]
    out.add("js.withdrawal", "fail" if status == "completed" else "pass", status)


def confirmation_window(case: Case, out: Outcome) -> None:
    """二（三）3: an application not confirmed within 5 days is deleted by the platform
    (Civil Code art. 201: the day of submission is not counted)."""
    submitted = case.answers.get("application_submitted_date")
    if submitted is None:
        return
    days = _param(case, "confirmation_window")
    last = deadlines.last_day(add_days(submitted, days))
    deadline = last.literal
    out.workings["confirmation_deadline"] = {
        "rule": "js.confirmation_window", "start": submitted, "start_field": "application_submitted_date",
        "amount": days, "unit": "days", "parameter": f"{PROVINCE}/confirmation_window", "last_day": last.day,
    }
    params = dict(submitted=submitted, deadline=deadline, days=days, today=case.today,
                  extended=last.extended or deadline, hotlines=hotlines(case))
    confirmed = case.answers["applicant_confirmed"]
    if confirmed:
        out.add("js.confirmation_window", "pass", "confirmed", **params)
    elif case.today <= deadline:
        out.add("js.confirmation_window", "pass", "open", **params)
        out.changes.append(Finding("js.confirmation_window", "change", "open", params))
    elif not last.passed(case.today):
        out.add("js.confirmation_window", "unclear", "extended", **params)
    else:
        out.add("js.confirmation_window", "action", **params)
    deadlines.record(out, "confirmation_deadline", "js.deadline_non_working_day", last,
                     moot=confirmed or case.today > deadline)


def contract_term(case: Case, out: Outcome) -> None:
    """二（三）3（1）② c: the contract must run three months or more from the application date
    (以上 includes the boundary, Civil Code art. 1259; end day per art. 202). Asked only where the
    form asks for the contract's end; for demonstration zone registration it is our reading."""
    if "employment_contract_end" not in case.given:
        return
    submitted = case.answers.get("application_submitted_date")
    application_date = submitted or case.today
    months = _param(case, "contract_min_term")
    minimum = add_months(application_date, months)
    out.dates["contract_min_end"] = minimum
    out.workings["contract_min_end"] = {
        "rule": "js.contract_term", "start": application_date,
        "start_field": "application_submitted_date" if submitted else "today",
        "amount": months, "unit": "months", "parameter": f"{PROVINCE}/contract_min_term",
        "month_end": minimum.day != application_date.day,
    }
    end = case.answers["employment_contract_end"]
    params = dict(application_date=application_date, contract_min_end=minimum, months=months,
                  contract_end=end or application_date, hotlines=hotlines(case))
    delta = case.action == "delta_registration"
    if end is None:
        out.add("js.contract_term", "pass", "delta_open_ended" if delta else "open_ended", **params)
    elif end >= minimum:
        out.add("js.contract_term", "pass", "delta" if delta else None, **params)
    else:
        out.add("js.contract_term", "unclear" if delta else "action", "delta" if delta else None, **params)
    out.changes.append(Finding("js.contract_term", "change", "minimum", params))


def decision_time(case: Case, out: Outcome) -> None:
    """二（二）2, 三 3: a decision within 20 working days (initial, additional, and the initial
    registration that ends a change of employer), 10 for renewal. The notice does not say from which
    day: counting from the day after acceptance is our reading (Civil Code art. 201)."""
    accepted = case.answers.get("acceptance_date")
    name = DECISION_TIMES.get(case.action)
    if accepted is None or name is None:
        return
    working_days = _param(case, name)
    count = add_working_days(accepted, working_days)
    out.dates["decision_due"] = count.end
    out.workings["decision_due"] = {
        "rule": "js.decision_time", "start": accepted, "start_field": "acceptance_date",
        "amount": working_days, "unit": "working_days", "parameter": f"{PROVINCE}/{name}", "count": count,
    }
    out.add("js.decision_time", "info", "renewal" if case.action == "renewal" else None,
            acceptance_date=accepted, decision_due=count.end, working_days=working_days)
    if count.estimated:
        out.estimated.append("decision_due")
        years = sorted({d.day.year for d in count.days if d.estimated})
        lunar_known = all(lunar_holidays_known(year) for year in years)
        out.add("js.working_days_estimated", "info", None if lunar_known else "fixed_only", decision_due=count.end,
                years={"zh": "、".join(map(str, years)), "en": ", ".join(map(str, years))})


def company_rename(case: Case, out: Outcome) -> None:
    """二（三）5: the employer applies for the name change; registrations update after approval."""
    out.add("js.company_rename", "info")


def evaluate(case: Case) -> Outcome:
    """Run the Jiangsu rules that apply to the case's action, in a stable order."""
    out = Outcome()
    action = case.action
    if action == "company_rename":
        company_rename(case, out)
        return out
    realname(case, out)
    if action in QUALIFICATION_ACTIONS:
        qualification_province(case, out)
    if action == "out_of_province_entry":
        out_of_province_entry_scope(case, out)
    if action == "delta_registration":
        delta_scope(case, out)
    if action == "change_employer":
        change_employer(case, out)
    if action == "withdraw":
        withdrawal(case, out)
    if action in CONFIRMATION_ACTIONS:
        confirmation_window(case, out)
    if action in CONTRACT_ACTIONS:
        contract_term(case, out)
    decision_time(case, out)
    return out
