"""The one reader of the case tables, tests/cases/*.json: the staff tools (`check`, `outcomes`) and the
engine's and browser's tests read them through here.

A table file holds a list of entries ``{"name", "case" | "raw" | "raw_hex", "expect"}``; an entry whose
``expect`` names an ``exit`` code is a case the engine must reject.
"""
from __future__ import annotations

import json
from pathlib import Path

TABLES = Path("tests") / "cases"  # inside a tree (the repository, or a staff tool's copy of a revision)
ROOT = Path(__file__).resolve().parent.parent


def table_files(tree: Path = ROOT) -> list[Path]:
    folder = tree / TABLES
    return sorted(folder.rglob("*.json")) if folder.is_dir() else []


def entries(data: object) -> list | None:
    """The entries of one decoded table file: a list, ``{"cases": [...]}``, or one case; None if neither."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and isinstance(data.get("cases"), list):
        return data["cases"]
    if isinstance(data, dict) and "case" in data:
        return [data]
    return None


def read_entries(tree: Path = ROOT) -> list[dict]:
    """Every entry of every table file, each with ``file`` (its path under tests/cases/); raises on a file
    that is not valid JSON (``check`` reports such a file with its line)."""
    found = []
    for path in table_files(tree):
        for entry in entries(json.loads(path.read_text(encoding="utf-8"))) or []:
            found.append(dict(entry, file=path.relative_to(tree / TABLES).as_posix()))
    return found


def load_cases(tree: Path = ROOT) -> tuple[list[dict], list[dict]]:
    """(cases the engine answers, cases it must reject)."""
    valid: list[dict] = []
    invalid: list[dict] = []
    for entry in read_entries(tree):
        (invalid if "exit" in entry["expect"] else valid).append(entry)
    return valid, invalid


def input_bytes(entry: dict) -> bytes:
    """The bytes an entry feeds to ``python -m wizard check -``."""
    if "raw_hex" in entry:
        return bytes.fromhex(entry["raw_hex"])
    if "raw" in entry:
        return entry["raw"].encode("utf-8")
    return json.dumps(entry["case"], ensure_ascii=False).encode("utf-8")
