"""Rule values (18 months, 5 days, 20 working days, lists, ...) as dated data, OpenFisca style.

Each file ``wizard/data/parameters/<province>/<name>.json`` holds ``values`` keyed by the date a value
takes effect; a value stays in force until the next key. ``value(province, name, on)`` returns the
value in force on ``on``; a day before the first key gets the first value (the Zhejiang notice is
undated, so its keys are the dates the values were checked).

>>> from datetime import date
>>> value("zhejiang", "registration_window", date(2026, 11, 21))
18
"""
from __future__ import annotations

from datetime import date

from . import datafiles


def parameter(province: str, name: str) -> dict:
    """The whole parameter file (description, unit, reference, values)."""
    return datafiles.load("data", "parameters", province, f"{name}.json")


def value(province: str, name: str, on: date):
    """The value in force on ``on``."""
    values = parameter(province, name)["values"]
    keys = sorted(values)
    chosen = keys[0]
    for key in keys:
        if date.fromisoformat(key) <= on:
            chosen = key
    return values[chosen]["value"]


def hotline_numbers(province: str, on: date) -> str:
    """The province's registration hotlines, joined as the texts quote them ("025-83666746、025-83666203")."""
    return "、".join(line["number"] for line in value(province, "hotlines", on))


def reference(province: str, name: str) -> str:
    """Where in the sources the value comes from (document, section)."""
    return parameter(province, name)["reference"]


def all_parameters() -> dict[str, dict]:
    """Every parameter file, keyed ``<province>/<name>``."""
    found = {}
    for province in ("zhejiang", "jiangsu"):
        for filename in datafiles.list_json("data", "parameters", province):
            found[f"{province}/{filename[:-5]}"] = parameter(province, filename[:-5])
    return found
