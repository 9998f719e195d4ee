"""The report's checklist: the steps of the case's procedure, in order, from ``wizard/data/checklists.json``.

Each item is ``{"text": {"zh", "en"}, "source"}``. Which items apply depends on the province, action,
profession, answers and findings (see the data file's description); every number in the words (20 学时,
50 KB, 5 日, 20 个工作日) comes from the rule data in force on the case's ``today``.
"""
from __future__ import annotations

from . import datafiles, parameters, schema
from .case import Case
from .findings import Outcome
from .text import render


def _holds(condition: dict, case: Case, outcome: Outcome) -> bool:
    if "answer" in condition:
        value = case.answers.get(condition["answer"])
        return value == condition["is"] if "is" in condition else value != condition["is_not"]
    return any(f.rule == condition["rule"] and f.status == condition["status"] for f in outcome.findings)


def _applies(item: dict, case: Case, outcome: Outcome) -> bool:
    return (case.action in item.get("actions", [case.action])
            and case.profession in item.get("professions", [case.profession])
            and all(_holds(condition, case, outcome) for condition in item.get("when", [])))


def _param(spec: dict, case: Case):
    if "parameter" in spec:
        province, name = spec["parameter"].split("/")
        return parameters.value(province, name, case.today)
    if "action_label" in spec:
        action = case.action if spec["action_label"] == "case" else spec["action_label"]
        return schema.questions()["actions"][action]["label"]
    if spec.get("certificate"):
        return render(f"certificate.{case.province}.{case.profession}")
    if spec.get("hotlines"):
        return parameters.hotline_numbers(case.province, case.today)
    raise ValueError(f"unknown checklist parameter {spec}")  # tests/engine/test_contract_v2.py checks every spec


def build(case: Case, outcome: Outcome) -> list[dict]:
    items = datafiles.load("data", "checklists.json")[case.province]
    return [{"text": render(f"checklist.{item['id']}", {k: _param(v, case) for k, v in item.get("params", {}).items()}),
             "source": item["source"]}
            for item in items if _applies(item, case, outcome)]
