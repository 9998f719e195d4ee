"""Eligibility and deadline checks for second-class professional registration in Zhejiang and Jiangsu.

>>> report = check({"province": "jiangsu", "profession": "constructor", "action": "cancellation",
...                 "today": "2026-11-21", "answers": {"realname_l4": True}})
>>> report["verdict"]
'eligible'

Public API: ``check(case) -> report``, ``explain(case) -> dict``, ``form(province, profession,
action) -> [answer spec]``, ``InvalidCase``, ``RULE_DATA_VERSION``. Command line: ``python -m wizard
check FILE|-`` (see ``wizard.cli``).
"""
from __future__ import annotations

from . import datafiles, report
from .engine import run
from .errors import InvalidCase, WizardError
from .explain import explain
from .schema import form

RULE_DATA_VERSION: str = datafiles.data_version()


def check(case) -> dict:
    """The report for ``case`` (a decoded JSON object); raises ``InvalidCase`` if it is not valid."""
    parsed, outcome = run(case)
    return report.build(parsed, outcome)


__all__ = ["check", "explain", "form", "InvalidCase", "WizardError", "RULE_DATA_VERSION"]
