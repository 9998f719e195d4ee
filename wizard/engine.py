"""Validate a case and run the rules of its province: the one entry point behind ``check`` and ``explain``."""
from __future__ import annotations

from . import consistency, rules_jiangsu, rules_zhejiang
from .case import Case, parse_case
from .findings import Outcome

EVALUATORS = {"zhejiang": rules_zhejiang.evaluate, "jiangsu": rules_jiangsu.evaluate}


def run(raw) -> tuple[Case, Outcome]:
    case = parse_case(raw)
    consistency.check(case)
    return case, EVALUATORS[case.province](case)
