"""Command line: ``python -m wizard check FILE|-``.

Exit 0 with the report (JSON) on standard output for any valid case; exit 2 with
``{"error": "invalid_case", "field": ..., "message": {"zh", "en"}}`` on standard error for an invalid
one (including unparsable JSON, bytes that are not UTF-8, and non-objects); exit 2 with a plain
usage message for bad arguments. Never a traceback.
"""
from __future__ import annotations

import json
import sys

USAGE = "usage: python -m wizard check FILE|-\n"


def decode(data: bytes):
    """Bytes -> JSON value, or ``InvalidCase`` (field null)."""
    from .errors import InvalidCase
    from .text import render

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidCase(None, render("error.not_utf8")) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return json.loads(text)  # NaN/Infinity parse to floats; validation rejects them by field
    except (ValueError, RecursionError):
        raise InvalidCase(None, render("error.invalid_json")) from None


def _emit(stream, obj) -> None:
    """Write JSON as UTF-8 whatever the locale says."""
    data = (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(data)
        buffer.flush()
    else:
        stream.write(data.decode("utf-8"))
        stream.flush()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0] != "check":
        sys.stderr.write(USAGE)
        return 2
    try:
        if argv[1] == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(argv[1], "rb") as handle:
                data = handle.read()
    except OSError as exc:
        sys.stderr.write(f"cannot read {argv[1]}: {exc.strerror or exc}\n{USAGE}")
        return 2
    from . import check
    from .errors import InvalidCase

    try:
        report = check(decode(data))
    except InvalidCase as exc:
        _emit(sys.stderr, exc.to_json())
        return 2
    except Exception as exc:  # a bug, not the user's fault: still no traceback
        _emit(sys.stderr, {"error": "internal_error", "detail": type(exc).__name__})
        return 1
    _emit(sys.stdout, report)
    return 0
