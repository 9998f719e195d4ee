"""Every table case in tests/cases/*.json, through ``wizard.cli.respond`` (what the command, the browser
worker and these tests share) and through the real ``python -m wizard check``."""
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


def run_cli(*args: str, data: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wizard", *args], input=data, capture_output=True,
                          cwd=ROOT, timeout=60)


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


@pytest.mark.parametrize("entry", VALID[::12] + INVALID[::10], ids=[e["name"] for e in VALID[::12] + INVALID[::10]])
def test_a_sample_of_table_cases_through_python_m_wizard_check(entry):
    result = run_cli("check", "-", data=input_bytes(entry))
    code, payload = respond(input_bytes(entry))
    assert result.returncode == code
    assert json.loads(result.stdout if code == 0 else result.stderr) == payload
    assert b"Traceback" not in result.stderr


def test_a_case_file_path_works_like_standard_input(tmp_path):
    path = tmp_path / "case.json"
    path.write_bytes(input_bytes(VALID[0]))
    result = run_cli("check", str(path))
    assert result.returncode == 0
    assert summary(json.loads(result.stdout)) == VALID[0]["expect"]


@pytest.mark.parametrize("argv", [[], ["check"], ["verify", "-"], ["check", "a", "b"]])
def test_bad_arguments_give_the_usage_as_a_bilingual_error_and_exit_2(argv):
    result = run_cli(*argv)
    assert result.returncode == 2 and result.stdout == b""
    error = json.loads(result.stderr)
    assert_error_object(error, "usage", None)
    assert "python -m wizard check" in error["message"]["zh"] and "Usage" in error["message"]["en"]


def test_an_unreadable_file_is_a_bilingual_error_naming_the_file(tmp_path):
    missing = tmp_path / "missing.json"
    result = run_cli("check", str(missing))
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    error = json.loads(result.stderr)
    assert_error_object(error, "unreadable_file", None)
    assert "missing.json" in error["message"]["zh"] and "missing.json" in error["message"]["en"]


def test_an_unknown_key_of_two_megabytes_is_echoed_cut_to_a_readable_length():
    key = "k" * 2_000_000
    code, error = respond(json.dumps({key: 1}).encode())
    assert code == 2
    assert len(json.dumps(error, ensure_ascii=False)) < 1000
    assert error["field"].startswith("kkk") and error["field"].endswith("…")
