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
UNSURE = "unsure"  # the third answer of every yes/no question (the page's 不确定 / Not sure)


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
    from .procedures import professions as procedure_professions

    limited = procedure_professions(province, action)
    return (profession in provinces()[province]["professions"]
            and (limited is None or profession in limited)
            and form_key(province, action) in questions()["forms"])


def form(province: str, profession: str, action: str) -> list[dict]:
    """Ordered full answer specs (``id``, ``required`` and the province's spec) for one combination."""
    data = questions()
    specs = data["answers"][province]
    return [dict(specs[entry["id"]], id=entry["id"], required=entry["required"], when=entry.get("when", {}))
            for entry in data["forms"][form_key(province, action)]
            if profession in entry.get("professions", [profession])]


def shown(entry: dict, answers: dict) -> bool:
    """Whether a form entry's question is asked given the other answers (its ``when``: answer id -> a value
    or a list of values, ``None`` standing for "not answered" and "not sure")."""
    for other, wanted in entry.get("when", {}).items():
        values = wanted if isinstance(wanted, list) else [wanted]
        if answers.get(other) not in values:
            return False
    return True


def help_values(spec: dict, on) -> dict:
    """The rule values a question's help text names (``help_params``: placeholder -> "<province>/<name>")."""
    from .parameters import value

    values = {}
    for key, ref in spec.get("help_params", {}).items():
        province, name = ref.split("/")
        values[key] = value(province, name, on)
    return values


def page_questions(on) -> dict:
    """The questions file as the page reads it: help texts filled in with the rule values in force ``on``
    (the build date), and each procedure's professions (``procedure_professions``)."""
    import copy

    from .procedures import table

    data = copy.deepcopy(questions())
    for specs in data["answers"].values():
        for spec in specs.values():
            values = help_values(spec, on)
            if values and "help" in spec:
                spec["help"] = {lang: text.format(**values) for lang, text in spec["help"].items()}
            spec.pop("help_params", None)
    data["procedure_professions"] = {
        form_key(province, action): entry["professions"]
        for province in data["provinces"] for action, entry in table(province).items() if "professions" in entry}
    return data
