"""The one validator of the engine's data files: a JSON Schema per kind (wizard/schemas/), plus the few rules
a schema cannot state. `python -m staff check` prints its findings; tests/engine/test_data.py runs it on the
repository and on planted bad files. (Not to be confused with wizard/datafiles.py, which reads them at run time.)

Kinds and their files (paths relative to the repository root):
    parameter   wizard/data/parameters/<province>/<name>.json    wizard/schemas/parameter.schema.json
    holidays    wizard/data/holidays/<year>.json (optional)     wizard/schemas/holidays.schema.json
    rules       wizard/data/rules.json                           wizard/schemas/rules.schema.json

Every finding names the file, the line and the fix in plain words: each schema node carries its problem and fix
under ``x-messages`` (by failing keyword, or ``*``). The engine does not use this module: it runs in Pyodide,
where ``jsonschema`` is not installed, and reads files that passed this check before they were shipped.

>>> sorted(KINDS)
['holidays', 'parameter', 'rules']
>>> "working_days" in units()
True
"""
from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path

import jsonschema

from wizard.workdays import HOLIDAY_NAMES

from . import jsonfile
from .findings import Finding

SCHEMAS = Path(__file__).resolve().parents[1] / "wizard" / "schemas"
KINDS = {  # kind -> (schema file, folder under the repository root, glob in that folder)
    "parameter": ("parameter.schema.json", "wizard/data/parameters", "*/*.json"),
    "holidays": ("holidays.schema.json", "wizard/data/holidays", "*.json"),
    "rules": ("rules.schema.json", "wizard/data", "rules.json"),
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@functools.lru_cache(maxsize=None)
def schema(kind: str) -> dict:
    """The JSON Schema of one kind of data file; the holiday names come from wizard.workdays.HOLIDAY_NAMES."""
    loaded = json.loads((SCHEMAS / KINDS[kind][0]).read_text(encoding="utf-8"))
    if kind == "holidays":
        loaded = copy.deepcopy(loaded)
        loaded["$defs"]["holiday_name"]["enum"] = list(HOLIDAY_NAMES)
    return loaded


def units() -> tuple[str, ...]:
    """The units a rule value may have (the one list, in parameter.schema.json)."""
    return tuple(schema("parameter")["properties"]["unit"]["enum"])


@functools.lru_cache(maxsize=None)
def _validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(kind), format_checker=jsonschema.FormatChecker())


def files_of(root: Path, kind: str) -> list[Path]:
    """The data files of ``kind`` under ``root`` (none when the folder does not exist)."""
    _, folder, pattern = KINDS[kind]
    base = root / folder
    return sorted(base.glob(pattern)) if base.is_dir() else []


def check_kind(root: Path, kind: str) -> tuple[list[Finding], int]:
    """Findings for every file of ``kind`` under ``root``, and how many files there are."""
    files = files_of(root, kind)
    findings: list[Finding] = []
    for path in files:
        findings += check_file(path, root, kind)
    return findings, len(files)


def check_file(path: Path, root: Path, kind: str) -> list[Finding]:
    """Every problem of one data file: JSON syntax and duplicate keys, the schema, then the rules a schema cannot state."""
    file = jsonfile.load(path, root)
    findings = list(file.findings)
    if file.data is None:
        return findings
    findings += [finding for error in _validator(kind).iter_errors(file.data)
                 for finding in _findings(file, error, schema(kind))]
    findings += list(_EXTRA[kind](file, path))
    return sorted(set(findings))


# ---------------------------------------------------------------- schema errors in plain words


def _resolve(root_schema: dict, ref: str) -> dict:
    assert ref.startswith("#/"), f"the data-file schemas use local $refs only: {ref}"
    node = root_schema
    for name in ref[2:].split("/"):
        node = node[name]
    return node


def _nodes(root_schema: dict, schema_path: list) -> list[dict]:
    """The schema nodes from the root down to the failing keyword's node. jsonschema's schema_path goes
    through a $ref as if the referenced schema were written in place, so a step missing from a node that
    has a $ref is looked up in the referenced schema."""
    node, nodes = root_schema, [root_schema]
    for part in schema_path[:-1]:  # the last part is the failing keyword itself
        if isinstance(node, dict) and part not in node and "$ref" in node:
            node = _resolve(root_schema, node["$ref"])
            nodes.append(node)
        node = node[part]
        if isinstance(node, dict):
            nodes.append(node)
    if isinstance(node, dict) and schema_path and schema_path[-1] not in node and "$ref" in node:
        nodes.append(_resolve(root_schema, node["$ref"]))
    return nodes


def _line(file: jsonfile.JsonFile, path: list) -> int:
    line = 0
    for part in path:
        if isinstance(part, str):
            line = file.line_of_key(part, line)
    return line or 1


def _fill(text: str, fields: dict[str, str]) -> str:
    for name, value in fields.items():
        text = text.replace("{" + name + "}", value)
    return text


def _message(nodes: list[dict], keyword: str, name: str | None) -> tuple[str, str]:
    for node in reversed(nodes):
        messages = node.get("x-messages", {})
        chosen = messages.get(keyword, messages.get("*"))
        if isinstance(chosen, dict):
            chosen = chosen.get(name or "")
        if chosen:
            return chosen[0], chosen[1]
    return "the file does not have the documented shape", "see ARCHITECTURE.md for the shape of this file"


def _findings(file: jsonfile.JsonFile, error: jsonschema.ValidationError, root_schema: dict) -> Iterator[Finding]:
    path = list(error.absolute_path)
    schema_path = list(error.schema_path)
    nodes = _nodes(root_schema, schema_path)
    keyword = error.validator
    line = _line(file, path)
    key = next((part for part in reversed(path) if isinstance(part, str)), "")
    enum: list = next((node["enum"] for node in reversed(nodes) if "enum" in node), [])
    fields = {"key": key, "instance": str(error.instance), "instance_repr": repr(error.instance),
              "enum": ", ".join(map(str, enum)), "rule": str(path[0]) if path else ""}
    if "propertyNames" in schema_path:  # the failing thing is a key of the object at `path`
        fields["instance"], fields["instance_repr"] = str(error.instance), repr(error.instance)
        problem, fix = _message(nodes, keyword, None)
        yield Finding(file.rel, file.line_of_key(str(error.instance), line if path else 0),
                      _fill(problem, fields), _fill(fix, fields))
        return
    if keyword == "required":
        absent = [name for name in error.validator_value if name not in error.instance]
        missing = next((name for name in absent if repr(name) in error.message), absent[0] if absent else "")
        problem, fix = _message(nodes, keyword, missing)
        yield Finding(file.rel, line, _fill(problem, {**fields, "missing": missing}), _fill(fix, fields))
        return
    if keyword == "additionalProperties":
        known = set(nodes[-1].get("properties", {}))
        for extra in [name for name in error.instance if name not in known]:
            problem, fix = _message(nodes, keyword, None)
            extra_fields = {**fields, "key": extra}
            yield Finding(file.rel, file.line_of_key(extra, line if path else 0), _fill(problem, extra_fields),
                          _fill(fix, extra_fields))
        return
    problem, fix = _message(nodes, keyword, None)
    yield Finding(file.rel, line, _fill(problem, fields), _fill(fix, fields))


# ---------------------------------------------------------------- what a schema cannot state


def _date(text: object) -> dt.date | None:
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _parameter_extra(file: jsonfile.JsonFile, path: Path) -> Iterator[Finding]:
    """Dated values earliest first, each date once (JSON Schema does not see the order of keys)."""
    values = file.data.get("values") if isinstance(file.data, dict) else None
    if not isinstance(values, dict):
        return
    values_line = file.line_of_key("values")
    previous: tuple[str, dt.date] | None = None
    for key in values:
        date = _date(key)
        if date is None:
            continue  # reported by the schema
        if previous and date <= previous[1]:
            yield Finding(file.rel, file.line_of_key(key, values_line),
                          f"effective date {key} comes after {previous[0]} in the file but is not later",
                          "list the dated values earliest first, each date once; the newest goes last")
        previous = (key, date)


def _holidays_extra(file: jsonfile.JsonFile, path: Path) -> Iterator[Finding]:
    """The file is named after its year, every day is in it, make-up workdays are weekend days, no day is in both lists."""
    data = file.data
    name_year = int(path.stem) if re.fullmatch(r"\d{4}", path.stem) else None
    if name_year is None:
        yield Finding(file.rel, 0, "a holiday file must be named after its year, e.g. 2027.json",
                      "rename the file to <year>.json")
    if not isinstance(data, dict):
        return
    year = data.get("year")
    if isinstance(year, int) and not isinstance(year, bool):
        if name_year is not None and year != name_year:
            yield Finding(file.rel, file.line_of_key("year"), f'"year" is {year} but the file is named {path.name}',
                          f"make them the same: the file for {year} is {year}.json")
    else:
        year = name_year
    days: dict[str, dict] = {}
    for kind in ("holidays", "workdays"):
        block = data.get(kind)
        if not isinstance(block, dict):
            continue
        days[kind] = block
        block_line = file.line_of_key(kind)
        for key in block:
            date = _date(key)
            if date is None:
                continue  # reported by the schema
            line = file.line_of_key(key, block_line)
            if year is not None and date.year != year:
                yield Finding(file.rel, line, f'{key} in "{kind}" is not in {year}',
                              f"list only days of {year}; days of another year go in that year's file")
            if kind == "workdays" and date.weekday() < 5:
                yield Finding(file.rel, line,
                              f"make-up workday (调休上班) {key} is a {WEEKDAYS[date.weekday()]}, already a working day",
                              "list only the Saturdays and Sundays the notice says are working days")
    for key in sorted(set(days.get("holidays", {})) & set(days.get("workdays", {}))):
        yield Finding(file.rel, file.line_of_key(key, file.line_of_key("workdays")),
                      f"{key} is listed both as a holiday (放假) and as a make-up workday (调休上班)",
                      "check the notice and keep the day in one list only")


def _rules_extra(file: jsonfile.JsonFile, path: Path) -> Iterator[Finding]:
    return iter(())  # the pages and anchors a guide names are checked with the pages (checks.check_rules)


_EXTRA = {"parameter": _parameter_extra, "holidays": _holidays_extra, "rules": _rules_extra}
