"""The command under hostile conditions: closed, full and broken streams, endless or oversize input, a FIFO
that nobody writes to, and text files that cannot be read. Every run ends in exit 0 or 2; whatever stream
still works carries JSON with the contract's shape; no traceback.

Each condition is a real ``python -m wizard check`` run (through ``bash`` where a redirection says it best).
"""
from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wizard import cli, text
from wizard.cli import MAX_INPUT_BYTES, NO_DATA_MESSAGE, respond

ROOT = Path(__file__).resolve().parents[2]
COMMAND = f"{shlex.quote(sys.executable)} -m wizard check"
CASE = {"province": "jiangsu", "profession": "constructor", "action": "cancellation", "today": "2026-11-21",
        "answers": {"realname_l4": True}}
CASE_BYTES = json.dumps(CASE).encode()
HANG_GUARD = 120  # seconds: a run that blocks for ever fails instead of hanging the suite


def shell(script: str, data: bytes = CASE_BYTES, **env) -> subprocess.CompletedProcess:
    """``script`` in bash with $WIZARD the command and ``data`` on its standard input."""
    return subprocess.run(["bash", "-c", script], input=data, capture_output=True, cwd=ROOT, timeout=HANG_GUARD,
                          env={**os.environ, "WIZARD": COMMAND, **env})


def error_object(stream: bytes) -> dict:
    payload = json.loads(stream)
    assert set(payload) >= {"error", "field", "message"}, payload
    assert payload["message"]["zh"] and payload["message"]["en"], payload
    return payload


def too_long(payload: dict) -> bool:
    return payload["error"] == "invalid_case" and payload["message"] == text.render(
        "error.input_too_long", {"limit": MAX_INPUT_BYTES})


# (sentence, bash script, exit code, what standard error holds: an error kind, or None for nothing)
OUTPUT_CONDITIONS = [
    ("a report for a closed standard output is reported on standard error", "$WIZARD - >&-", "unwritable_output"),
    ("a report for a full disk is reported on standard error", "$WIZARD - >/dev/full", "unwritable_output"),
    ("an error on a full standard error still exits 2, silently", "echo '{' | $WIZARD - 2>/dev/full", None),
    ("a report with both output streams closed still exits 2, silently", "$WIZARD - >&- 2>&-", None),
    ("an error with standard error closed still exits 2, silently", "echo '{' | $WIZARD - 2>&-", None),
    ("a closed standard input is an unreadable file", "$WIZARD - <&-", "unreadable_file"),
    ("a directory given as the file is an unreadable file", "$WIZARD /", "unreadable_file"),
]


@pytest.mark.parametrize("script, kind", [c[1:] for c in OUTPUT_CONDITIONS], ids=[c[0] for c in OUTPUT_CONDITIONS])
def test_streams_that_fail(script, kind):
    run = shell(script)
    assert run.returncode == 2, run.stderr[-2000:]
    assert b"Traceback" not in run.stderr and not run.stdout
    if kind is None:
        assert not run.stderr
    else:
        assert error_object(run.stderr)["error"] == kind


def test_a_reader_that_closed_its_end_of_the_pipe_gets_exit_2_and_the_reason_on_standard_error():
    read_end, write_end = os.pipe()
    os.close(read_end)  # closed before the command starts: its first write meets a broken pipe
    try:
        run = subprocess.run([sys.executable, "-m", "wizard", "check", "-"], input=CASE_BYTES, stdout=write_end,
                             stderr=subprocess.PIPE, cwd=ROOT, timeout=HANG_GUARD)
    finally:
        os.close(write_end)
    assert run.returncode == 2
    payload = error_object(run.stderr)
    assert payload["error"] == "unwritable_output" and "Broken pipe" in payload["message"]["en"]


@pytest.mark.parametrize("script", ["$WIZARD /dev/zero", "$WIZARD - </dev/zero"], ids=["as the file", "on standard input"])
def test_endless_input_from_dev_zero_is_cut_at_the_cap_and_named_too_long(script):
    run = shell(script)
    assert run.returncode == 2 and too_long(error_object(run.stderr))


def test_50_mb_of_empty_objects_on_standard_input_is_named_too_long_without_being_parsed():
    run = shell("$WIZARD -", data=b"[" + b"{}," * (50 * 1024 * 1024 // 3) + b"{}]")
    assert run.returncode == 2 and too_long(error_object(run.stderr))


def padded(size: int) -> bytes:
    """The valid case, padded with trailing spaces to exactly ``size`` bytes."""
    return CASE_BYTES + b" " * (size - len(CASE_BYTES))


def test_a_case_of_exactly_the_cap_is_read_and_one_byte_more_is_too_long(tmp_path):
    at_cap, over = tmp_path / "at-cap.json", tmp_path / "over.json"
    at_cap.write_bytes(padded(MAX_INPUT_BYTES))
    over.write_bytes(padded(MAX_INPUT_BYTES + 1))
    run = shell(f"$WIZARD {shlex.quote(str(at_cap))}")
    assert run.returncode == 0 and json.loads(run.stdout) == respond(CASE_BYTES)[1]
    run = shell(f"$WIZARD {shlex.quote(str(over))}")
    assert run.returncode == 2 and too_long(error_object(run.stderr))
    assert respond(padded(MAX_INPUT_BYTES + 1)) == (2, json.loads(run.stderr)), "the same answer in process"


def test_a_fifo_that_nobody_writes_to_reads_as_empty_input_instead_of_blocking(tmp_path):
    fifo = tmp_path / "case.fifo"
    os.mkfifo(fifo)
    run = shell(f"$WIZARD {shlex.quote(str(fifo))}")
    assert run.returncode == 2
    assert error_object(run.stderr)["message"] == text.render("error.invalid_json")


def opened_by(pid: int, path: Path) -> bool:
    fds = Path(f"/proc/{pid}/fd")
    try:
        return any(os.readlink(fd) == str(path) for fd in fds.iterdir())
    except OSError:  # a descriptor closed while we looked
        return False


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see when the command opened the FIFO")
def test_a_fifo_with_a_writer_is_read_in_blocking_mode_to_its_end(tmp_path):
    fifo = tmp_path / "case.fifo"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR)  # a writer before the command starts (O_RDWR does not wait for a reader)
    os.write(writer, CASE_BYTES[:20])
    command = subprocess.Popen([sys.executable, "-m", "wizard", "check", str(fifo)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=ROOT)
    try:
        deadline = time.monotonic() + HANG_GUARD
        while not opened_by(command.pid, fifo) and command.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        os.write(writer, CASE_BYTES[20:])  # the rest arrives while the command waits on its read
    finally:
        os.close(writer)
    out, err = command.communicate(timeout=HANG_GUARD)
    assert command.returncode == 0, err[-2000:]
    assert json.loads(out) == respond(CASE_BYTES)[1]


# --- respond() when the engine's own files cannot be read ---------------------------------------------------
def test_the_fallback_message_says_what_the_text_files_say():
    assert NO_DATA_MESSAGE == text.render("error.internal")


def test_respond_answers_internal_error_without_any_text_file_when_they_cannot_be_read(monkeypatch):
    def unreadable(language):
        raise FileNotFoundError(f"wizard/text/{language}.json")

    monkeypatch.setattr(text, "texts", unreadable)
    fallback = {"error": "internal_error", "field": None, "message": NO_DATA_MESSAGE, "detail": "FileNotFoundError"}
    for data in (b"{", b"\xff", CASE_BYTES, padded(MAX_INPUT_BYTES + 1)):  # errors and a report alike
        assert respond(data) == (2, fallback), data[:20]

def test_the_command_prints_the_fallback_when_the_text_files_cannot_be_read(monkeypatch, capsys):
    monkeypatch.setattr(text, "texts", lambda language: {}[language])
    assert cli.main(["check"]) == 2
    assert json.loads(capsys.readouterr().err) == {"error": "usage", "field": None, "message": NO_DATA_MESSAGE}

