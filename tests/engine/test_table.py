"""Every table case in tests/cases/*.json, through ``wizard.check`` and through the command line."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import wizard
from wizard.cli import decode
from table import input_bytes, load_cases, summary

ROOT = Path(__file__).resolve().parents[2]
VALID, INVALID = load_cases()


def run_cli(data: bytes) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wizard", "check", "-"], input=data, capture_output=True,
                          cwd=ROOT, timeout=60)


@pytest.mark.parametrize("entry", VALID, ids=[e["name"] for e in VALID])
def test_valid_table_case_gives_the_expected_report(entry):
    report = wizard.check(entry["case"])
    assert set(report) == {"verdict", "findings", "dates", "estimated"}
    assert summary(report) == entry["expect"]


@pytest.mark.parametrize("entry", INVALID, ids=[e["name"] for e in INVALID])
def test_invalid_table_case_is_rejected_naming_the_field(entry):
    with pytest.raises(wizard.InvalidCase) as caught:
        wizard.check(decode(input_bytes(entry)))
    assert caught.value.field == entry["expect"]["field"]
    assert caught.value.message["zh"] and caught.value.message["en"]


@pytest.mark.parametrize("entry", INVALID, ids=[e["name"] for e in INVALID])
def test_invalid_table_case_exits_2_on_the_command_line(entry):
    result = run_cli(input_bytes(entry))
    assert result.returncode == 2
    assert result.stdout == b""
    error = json.loads(result.stderr.decode("utf-8"))
    assert error == {"error": "invalid_case", "field": entry["expect"]["field"], "message": error["message"]}
    assert set(error["message"]) == {"zh", "en"} and all(error["message"].values())
    assert b"Traceback" not in result.stderr


BATCH_DRIVER = r"""
import io, json, sys
from wizard.cli import main
out = []
for line in sys.stdin.buffer.read().splitlines():
    stdout, stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    sys.stdin = io.TextIOWrapper(io.BytesIO(line), encoding="utf-8")
    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr
    try:
        code = main(["check", "-"])
    finally:
        sys.stdout, sys.stderr = real
    out.append({"code": code, "stdout": stdout.buffer.getvalue().decode("utf-8")})
print(json.dumps(out))
"""


def test_every_valid_table_case_prints_the_same_report_through_the_cli_main():
    lines = b"\n".join(json.dumps(e["case"], ensure_ascii=False).encode("utf-8") for e in VALID)
    result = subprocess.run([sys.executable, "-c", BATCH_DRIVER], input=lines, capture_output=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    for entry, outcome in zip(VALID, json.loads(result.stdout), strict=True):
        assert outcome["code"] == 0, entry["name"]
        assert json.loads(outcome["stdout"]) == wizard.check(entry["case"]), entry["name"]


@pytest.mark.parametrize("entry", VALID[::9], ids=[e["name"] for e in VALID[::9]])
def test_valid_table_case_through_python_m_wizard_exits_0_with_the_report(entry):
    result = run_cli(input_bytes(entry))
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert summary(json.loads(result.stdout)) == entry["expect"]


def test_a_case_file_path_works_like_standard_input(tmp_path):
    path = tmp_path / "case.json"
    path.write_bytes(input_bytes(VALID[0]))
    result = subprocess.run([sys.executable, "-m", "wizard", "check", str(path)], capture_output=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0
    assert summary(json.loads(result.stdout)) == VALID[0]["expect"]


@pytest.mark.parametrize("argv", [[], ["check"], ["verify", "-"], ["check", "a", "b"]])
def test_bad_arguments_print_usage_and_exit_2(argv):
    result = subprocess.run([sys.executable, "-m", "wizard", *argv], capture_output=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2
    assert b"usage" in result.stderr and b"Traceback" not in result.stderr


def test_an_unreadable_file_is_a_usage_error_without_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "wizard", "check", str(tmp_path / "missing.json")],
                            capture_output=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2 and b"Traceback" not in result.stderr
