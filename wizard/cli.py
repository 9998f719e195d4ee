"""Command line: ``python -m wizard check FILE|-``, and ``respond``, the one in-process entry behind it.

Exit 0 with the report (JSON) on standard output for any valid case. Exit 2 with an error object on
standard error for everything else: ``{"error": "invalid_case", "field", "message": {"zh", "en"}}`` for a
case that cannot be checked (unparsable JSON, bytes that are not UTF-8, a non-object, contradicting
answers, ...); the same shape with ``"error": "usage"`` (bad arguments) or ``"error": "unreadable_file"``
(``field`` null). Never a traceback, never another exit code.

The browser worker and the tests call ``respond`` directly, so they see exactly what the command prints.
"""
from __future__ import annotations

import json
import sys

EXIT_OK, EXIT_ERROR = 0, 2


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
    except (ValueError, RecursionError):  # ValueError covers integers past Python's digit limit too
        raise InvalidCase(None, render("error.invalid_json")) from None


def _error(kind: str, key: str, **params) -> dict:
    from .text import render

    return {"error": kind, "field": None, "message": render(f"error.{key}", params)}


def respond(data: bytes, explain: bool = False) -> tuple[int, dict]:
    """``(exit code, payload)`` for the bytes of one case: the report (or ``wizard.explain``'s answer
    when ``explain``) with 0, an error object with 2. Never raises."""
    from . import check, explain as explain_case
    from .errors import InvalidCase

    try:
        value = decode(data)
        return EXIT_OK, (explain_case(value) if explain else check(value))
    except InvalidCase as exc:
        return EXIT_ERROR, exc.to_json()
    except RecursionError:  # a case nested too deeply to walk: still the user's input
        return EXIT_ERROR, _error("invalid_case", "invalid_json")
    except Exception as exc:  # a bug, not the user's fault: still no traceback, still the contract
        return EXIT_ERROR, dict(_error("internal_error", "internal"), detail=type(exc).__name__)


def dumps(payload: dict) -> bytes:
    """The JSON the command prints, as UTF-8 whatever the locale says."""
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8", "backslashreplace")


def _emit(stream, payload: dict) -> None:
    data = dumps(payload)
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(data)
        buffer.flush()
    else:
        stream.write(data.decode("utf-8"))
        stream.flush()


def _read(argv: list[str]) -> tuple[bytes | None, dict | None]:
    if len(argv) != 2 or argv[0] != "check":
        return None, _error("usage", "usage")
    if argv[1] == "-":
        return sys.stdin.buffer.read(), None
    try:
        with open(argv[1], "rb") as handle:
            return handle.read(), None
    except OSError as exc:
        from .case import echo

        return None, _error("unreadable_file", "unreadable_file", path=echo(argv[1], keep_end=True),
                            reason=echo(exc.strerror or type(exc).__name__))


def main(argv: list[str] | None = None) -> int:
    data, problem = _read(sys.argv[1:] if argv is None else argv)
    if problem is not None:
        _emit(sys.stderr, problem)
        return EXIT_ERROR
    code, payload = respond(data)
    _emit(sys.stdout if code == EXIT_OK else sys.stderr, payload)
    return code
