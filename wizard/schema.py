"""Which answers each (province, profession, action) takes, read from ``wizard/data/questions.json``.

The browser form and the validator both read this one file, so they cannot disagree. The file has
``provinces`` (their professions and actions), labels for ``professions`` and ``actions``, answer
specs per province in ``answers`` and, in ``forms`` keyed ``"<province>/<action>"``, the ordered
question ids with ``required`` (an entry that applies to some professions only names them in
``professions``: each form is written once). ``form()`` joins the two into full specs for one profession.

>>> [spec["id"] for spec in form("jiangsu", "constructor", "withdraw")]
['realname_l4', 'application_status']
"""
from __future__ import annotations

from . import datafiles

ANSWER_TYPES = ("boolean", "date", "number", "enum", "text", "date_or_null")


def questions() -> dict:
    """The whole questions file."""
    return datafiles.load("data", "questions.json")


def provinces() -> dict:
    return questions()["provinces"]


def all_professions() -> list[str]:
    return list(questions()["professions"])


def all_actions() -> list[str]:
    return list(questions()["actions"])


def form_key(province: str, action: str) -> str:
    return f"{province}/{action}"


def has_form(province: str, profession: str, action: str) -> bool:
    return (profession in provinces()[province]["professions"]
            and form_key(province, action) in questions()["forms"])


def form(province: str, profession: str, action: str) -> list[dict]:
    """Ordered full answer specs (``id``, ``required`` and the province's spec) for one combination."""
    data = questions()
    specs = data["answers"][province]
    return [dict(specs[entry["id"]], id=entry["id"], required=entry["required"])
            for entry in data["forms"][form_key(province, action)]
            if profession in entry.get("professions", [profession])]
