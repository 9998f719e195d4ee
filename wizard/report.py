"""Turn an ``Outcome`` into the report of the command-line contract.

``{"verdict", "findings", "dates", "estimated"}``: ``not_eligible`` if any finding is ``fail``,
else ``action_needed`` if any is ``action``, else ``eligible``. Each finding is
``{"rule", "status", "text": {"zh", "en"}, "source"}`` with ``source`` the guide anchor from
``wizard/data/rules.json``; dates are ``YYYY-MM-DD``.
"""
from __future__ import annotations

from . import datafiles
from .case import Case
from .findings import Finding, Outcome
from .text import render


def verdict(findings: list[Finding]) -> str:
    statuses = {finding.status for finding in findings}
    if "fail" in statuses:
        return "not_eligible"
    if "action" in statuses:
        return "action_needed"
    return "eligible"


def guide(rule: str, action: str) -> str:
    """The guide anchor for ``rule`` (an action may have its own page)."""
    entry = datafiles.load("data", "rules.json")[rule]
    return entry.get("guide_by_action", {}).get(action, entry["guide"])


def finding_json(finding: Finding, case: Case) -> dict:
    return {"rule": finding.rule, "status": finding.status,
            "text": render(finding.text_key, finding.params), "source": guide(finding.rule, case.action)}


def build(case: Case, outcome: Outcome) -> dict:
    return {
        "verdict": verdict(outcome.findings),
        "findings": [finding_json(finding, case) for finding in outcome.findings],
        "dates": {key: day.isoformat() for key, day in outcome.dates.items()},
        "estimated": list(outcome.estimated),
    }
