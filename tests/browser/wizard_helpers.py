"""Shared helpers of the browser tests: a reference run of the CLI in CPython, opening the wizard page."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT_MS = 60_000  # the machine is shared; the benchmark, not the tests, judges speed


def cli_reference(data: bytes) -> tuple[int, object]:
    """Run `python -m wizard check -` in this CPython process: (exit code, parsed stdout or stderr JSON)."""
    from wizard import cli

    stdin, stdout, stderr = sys.stdin, sys.stdout, sys.stderr
    out, err = io.BytesIO(), io.BytesIO()
    streams = (io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"), io.TextIOWrapper(out, encoding="utf-8"),
               io.TextIOWrapper(err, encoding="utf-8"))
    sys.stdin, sys.stdout, sys.stderr = streams
    try:
        code = cli.main(["check", "-"])
        streams[1].flush()
        streams[2].flush()
        text = (out if code == 0 else err).getvalue().decode("utf-8")
    finally:
        sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
    return code, json.loads(text)


def open_wizard(page, site_url: str, lang: str = "zh", fragment: str = "", wait_ready: bool = True):
    prefix = "" if lang == "zh" else "/en"
    page.goto(f"{site_url}{prefix}/wizard/{fragment}")
    page.wait_for_selector("#wizard[data-form-ready]", timeout=10_000)
    if wait_ready:
        page.wait_for_selector("#wizard[data-wizard-state=ready]", timeout=READY_TIMEOUT_MS)
    return page
