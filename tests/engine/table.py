"""Load the table cases in tests/cases/*.json (shared by the engine and browser tests)."""
from __future__ import annotations

import json
from pathlib import Path

CASES_DIR = Path(__file__).resolve().parent.parent / "cases"
REPORT_KEYS = ["verdict", "findings", "dates", "estimated", "checklist"]
FINDING_KEYS = {"rule", "status", "basis", "text", "source"}


def load_cases() -> tuple[list[dict], list[dict]]:
    """(valid cases, invalid cases) from every file in tests/cases."""
    valid, invalid = [], []
    for path in sorted(CASES_DIR.glob("*.json")):
        for entry in json.loads(path.read_text(encoding="utf-8")):
            entry = dict(entry, file=path.name)
            (invalid if "exit" in entry["expect"] else valid).append(entry)
    return valid, invalid


def input_bytes(entry: dict) -> bytes:
    """The bytes a table entry feeds to the command line."""
    if "raw_hex" in entry:
        return bytes.fromhex(entry["raw_hex"])
    if "raw" in entry:
        return entry["raw"].encode("utf-8")
    return json.dumps(entry["case"], ensure_ascii=False).encode("utf-8")


def summary(report: dict) -> dict:
    """The parts of a report a table entry states: verdict, rule -> status, dates, estimated."""
    return {"verdict": report["verdict"],
            "findings": {finding["rule"]: finding["status"] for finding in report["findings"]},
            "dates": report["dates"], "estimated": report["estimated"]}
