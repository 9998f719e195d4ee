"""Which rules a procedure runs: the tables in ``wizard/data/procedures/<province>.json``.

Each province's rule module registers its rule functions by id (``RULES``); a procedure lists rule ids,
in order, each either a bare id or ``{"rule": id, ...options}``. The options reach the rule function
(``basis: reading`` where a rule written for another procedure is applied by our reading, ``parameter``,
``text``). So a new business type is data: its entry here, its form, texts, pages and cases.

>>> [step.rule for step in steps("jiangsu", "withdraw")]
['js.realname', 'js.withdrawal']
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import datafiles


@dataclass(frozen=True)
class Step:
    rule: str
    options: dict = field(default_factory=dict)


def table(province: str) -> dict:
    return {key: entry for key, entry in datafiles.load("data", "procedures", f"{province}.json").items()
            if key != "description"}


def professions(province: str, action: str) -> list[str] | None:
    """The professions a procedure is limited to, or ``None`` (all of the province's)."""
    entry = table(province).get(action)
    return None if entry is None else entry.get("professions")


def steps(province: str, action: str) -> list[Step]:
    result = []
    for item in table(province)[action]["rules"]:
        if isinstance(item, str):
            result.append(Step(item))
        else:
            result.append(Step(item["rule"], {k: v for k, v in item.items() if k != "rule"}))
    return result
