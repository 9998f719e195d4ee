"""What the engine's and browser's tests state about the case tables in tests/cases/*.json; the tables are read
by the one reader, staff/cases.py (`load_cases`, `input_bytes`, re-exported here)."""
from __future__ import annotations

from staff.cases import input_bytes, load_cases  # noqa: F401  (the one case reader)

REPORT_KEYS = ["verdict", "findings", "dates", "estimated", "checklist"]
FINDING_KEYS = {"rule", "status", "basis", "text", "source"}


def summary(report: dict) -> dict:
    """The parts of a report a table entry states: verdict, rule -> status, dates, estimated."""
    return {"verdict": report["verdict"],
            "findings": {finding["rule"]: finding["status"] for finding in report["findings"]},
            "dates": report["dates"], "estimated": report["estimated"]}
