"""Every table case in tests/cases/*.json, through ``wizard.cli.respond`` (what the command, the browser
worker and these tests share) and through the command's ``main`` in a fresh process (``python -m wizard`` itself
is run by tests/engine/test_cli_contract.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from table import REPORT_KEYS, input_bytes, load_cases, summary
from wizard.cli import respond

ROOT = Path(__file__).resolve().parents[2]
VALID, INVALID = load_cases()


def assert_error_object(error: dict, kind: str, field) -> None:
    assert error == {"error": kind, "field": field, "message": error["message"]}
    assert set(error["message"]) == {"zh", "en"} and all(error["message"].values())


@pytest.mark.parametrize("entry", VALID, ids=[e["name"] for e in VALID])
def test_valid_table_case_gives_the_expected_report(entry):
    code, report = respond(input_bytes(entry))
    assert code == 0, report
    assert list(report) == REPORT_KEYS
    assert summary(report) == entry["expect"]


@pytest.mark.parametrize("entry", INVALID, ids=[e["name"] for e in INVALID])
def test_invalid_table_case_is_rejected_naming_the_field(entry):
    code, error = respond(input_bytes(entry))
    assert code == 2
    assert_error_object(error, "invalid_case", entry["expect"]["field"])


def test_every_table_case_prints_through_the_real_command_what_respond_returns():
    """One subprocess per case would take minutes: a driver runs `main` on each line in a fresh process."""
    driver = ("import io, json, sys\nfrom wizard.cli import main\nout = []\n"
              "for line in sys.stdin.buffer.read().split(b'\\n\\0\\n'):\n"
              "    sys.stdin = io.TextIOWrapper(io.BytesIO(line)); o, e = io.BytesIO(), io.BytesIO()\n"
              "    sys.stdout, sys.stderr = io.TextIOWrapper(o, encoding='utf-8'), io.TextIOWrapper(e, encoding='utf-8')\n"
              "    code = main(['check', '-']); sys.stdout.flush(); sys.stderr.flush()\n"
              "    out.append([code, o.getvalue().decode(), e.getvalue().decode()])\n"
              "sys.__stdout__.write(json.dumps(out))\n")
    entries = VALID + INVALID
    data = b"\n\0\n".join(input_bytes(e) for e in entries)
    result = subprocess.run([sys.executable, "-c", driver], input=data, capture_output=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    for entry, (code, out, err) in zip(entries, json.loads(result.stdout), strict=True):
        expected_code, payload = respond(input_bytes(entry))
        assert code == expected_code, entry["name"]
        assert json.loads(out if code == 0 else err) == payload, entry["name"]
        assert (err if code == 0 else out) == "", entry["name"]
