"""Turn an ``Outcome`` into the report of the command-line contract (v2).

``{"verdict", "findings", "dates", "estimated", "checklist"}``. The verdict: ``not_eligible`` if any
finding is ``fail``, else ``action_needed`` if any is ``action``, else ``unclear`` if any is
``unclear``, else ``eligible``. Each finding is ``{"rule", "status", "basis", "text": {"zh", "en"},
"source"}`` with ``basis`` and ``source`` (the guide anchor) from ``wizard/data/rules.json``; dates
are ``YYYY-MM-DD``; the checklist is ``[{"text": {"zh", "en"}, "source"}]`` (``wizard.checklist``).
"""
from __future__ import annotations

from . import checklist, datafiles
from .case import Case
from .findings import Finding, Outcome
from .text import render

VERDICTS = (("fail", "not_eligible"), ("action", "action_needed"), ("unclear", "unclear"))


def verdict(findings: list[Finding]) -> str:
    statuses = {finding.status for finding in findings}
    for status, outcome in VERDICTS:
        if status in statuses:
            return outcome
    return "eligible"


def rule_entry(rule: str) -> dict:
    return datafiles.load("data", "rules.json")[rule]


def guide(rule: str, action: str) -> str:
    """The guide anchor for ``rule`` (an action may have its own page)."""
    entry = rule_entry(rule)
    return entry.get("guide_by_action", {}).get(action, entry["guide"])


def basis(finding: Finding) -> str:
    """``notice``, ``law`` or ``reading``: per text variant where declared, else per rule."""
    entry = rule_entry(finding.rule)
    by_text = entry.get("basis_by_text", {})
    variant = f"{finding.status}.{finding.variant}" if finding.variant else None
    return by_text.get(variant) or by_text.get(finding.status) or entry["basis"]


def finding_json(finding: Finding, case: Case) -> dict:
    return {"rule": finding.rule, "status": finding.status, "basis": basis(finding),
            "text": render(finding.text_key, finding.params), "source": guide(finding.rule, case.action)}


def build(case: Case, outcome: Outcome) -> dict:
    return {
        "verdict": verdict(outcome.findings),
        "findings": [finding_json(finding, case) for finding in outcome.findings],
        "dates": {key: day.isoformat() for key, day in outcome.dates.items()},
        "estimated": list(outcome.estimated),
        "checklist": checklist.build(case, outcome),
    }
