"""Jiangsu rules for second-class constructors, cost engineers, architects and structural engineers.

Pure functions over a parsed ``Case``; they add ``Finding``s, dates and their workings to an
``Outcome``. Source: 江苏省职业资格注册办事指南 (004_6b6b954dcd5456b7.txt).
"""
from __future__ import annotations

from .case import Case
from .findings import Finding, Outcome
from .parameters import value
from .periods import add_days, add_months
from .workdays import add_working_days, day_info

PROVINCE = "jiangsu"
REGISTRATION_ACTIONS = ("initial", "additional", "delta_registration", "change_employer")
CONFIRMATION_ACTIONS = REGISTRATION_ACTIONS + ("renewal",)


def _param(case: Case, name: str):
    return value(PROVINCE, name, case.today)


def realname(case: Case, out: Outcome) -> None:
    """二（三）1: L4 real-name authentication in the 江苏政务服务 app comes first."""
    out.add("js.realname", "pass" if case.answers["realname_l4"] else "action")


def qualification_province(case: Case, out: Outcome) -> None:
    """二（二）1: a qualification from another province needs the out-of-province entry, which
    exists for architects and structural engineers only."""
    if case.answers["qualification_province"] == "jiangsu":
        out.add("js.qualification_province", "pass")
    elif case.profession not in _param(case, "out_of_province_entry_professions"):
        out.add("js.qualification_province", "fail")
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
    district = case.answers["employer_district"].strip().lower()
    if case.profession not in _param(case, "delta_professions"):
        out.add("js.delta_scope", "fail", "profession")
    elif district not in _param(case, "delta_districts"):
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
    deadline = add_days(submitted, days)
    out.dates["confirmation_deadline"] = deadline
    last_day = day_info(deadline)
    out.workings["confirmation_deadline"] = {
        "rule": "js.confirmation_window", "start": submitted, "start_field": "application_submitted_date",
        "amount": days, "unit": "days", "parameter": f"{PROVINCE}/confirmation_window", "last_day": last_day,
    }
    params = dict(submitted=submitted, deadline=deadline, days=days, today=case.today)
    if case.answers["applicant_confirmed"]:
        out.add("js.confirmation_window", "pass", "confirmed", **params)
    elif case.today <= deadline:
        out.add("js.confirmation_window", "pass", "open", **params)
        out.changes.append(Finding("js.confirmation_window", "change", "open", params))
    else:
        out.add("js.confirmation_window", "action", **params)
    if not last_day.working:
        out.add("js.deadline_non_working_day", "info", "estimated" if last_day.estimated else None,
                deadline=deadline, day=last_day, year=deadline.year)


def contract_term(case: Case, out: Outcome) -> None:
    """二（三）3（1）② c: the contract must run three months or more from the application date
    (以上 includes the boundary, Civil Code art. 1259; end day per art. 202)."""
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
                  contract_end=end or application_date)
    if end is None:
        out.add("js.contract_term", "pass", "open_ended", **params)
    elif end >= minimum:
        out.add("js.contract_term", "pass", **params)
    else:
        out.add("js.contract_term", "action", **params)
    out.changes.append(Finding("js.contract_term", "change", "minimum", params))


def decision_time(case: Case, out: Outcome) -> None:
    """二（二）2, 三 3: a decision within 20 working days (initial, additional; also demonstration
    zone registration and the initial registration that ends a change of employer), 10 for renewal."""
    accepted = case.answers.get("acceptance_date")
    if accepted is None:
        return
    name = "decision_time_renewal" if case.action == "renewal" else "decision_time_initial"
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
        out.add("js.working_days_estimated", "info", decision_due=count.end,
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
    if action in REGISTRATION_ACTIONS:
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
    if action in REGISTRATION_ACTIONS:
        contract_term(case, out)
    if action in CONFIRMATION_ACTIONS:
        decision_time(case, out)
    return out
