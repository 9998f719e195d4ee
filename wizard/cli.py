"""Command line: ``python -m wizard check FILE|-``, and ``respond``, the one in-process entry behind it.

Exit 0 with the report (JSON) on standard output for any valid case. Exit 2 with an error object on
standard error for everything else: ``{"error": "invalid_case", "field", "message": {"zh", "en"}}`` for a
case that cannot be checked (unparsable JSON, bytes that are not UTF-8, more than MAX_INPUT_BYTES, a
non-object, contradicting answers, ...); the same shape with ``"error": "usage"`` (bad arguments),
``"unreadable_file"`` (the file or standard input cannot be read), ``"unwritable_output"`` (the report
could not be written to standard output) or ``"internal_error"`` (a bug, with ``detail``), ``field`` null.
When standard error cannot be written either, the command still exits 2, silently. Never a traceback, never
another exit code.

The browser worker and the tests call ``respond`` directly, so they see exactly what the command prints.
"""
from __future__ import annotations

import json
import os
import sys

EXIT_OK, EXIT_ERROR = 0, 2
MAX_INPUT_BYTES = 1024 * 1024  # a case is a few hundred bytes; the command reads at most one byte more

# The message when the engine's own text files cannot be read: it must need no data file. The same words as
# error.internal in wizard/text/ (tests/engine/test_hostile_input.py keeps them equal).
NO_DATA_MESSAGE = {
    "zh": "计算出错。这是本站的问题，不是您的输入有误；请改用本站各页的办理说明。",
    "en": "The calculation failed. This is a fault of this site, not of your input; please use the guide's pages instead.",
}


def decode(data: bytes):
    """Bytes -> JSON value, or ``InvalidCase`` (field null)."""
    from .errors import InvalidCase
    from .text import render

    if len(data) > MAX_INPUT_BYTES:
        raise InvalidCase(None, render("error.input_too_long", {"limit": MAX_INPUT_BYTES}))
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
    try:
        from .text import render

        message = render(f"error.{key}", params)
    except Exception:  # the text files themselves cannot be read
        message = dict(NO_DATA_MESSAGE)
    return {"error": kind, "field": None, "message": message}


def respond(data: bytes, explain: bool = False) -> tuple[int, dict]:
    """``(exit code, payload)`` for the bytes of one case: the report (or ``wizard.explain``'s answer
    when ``explain``) with 0, an error object with 2. Never raises (an engine whose data files cannot be
    read answers ``internal_error`` with NO_DATA_MESSAGE)."""
    try:
        from . import check
        from . import explain as explain_case
        from .errors import InvalidCase

        try:
            value = decode(data)
            return EXIT_OK, (explain_case(value) if explain else check(value))
        except InvalidCase as exc:
            return EXIT_ERROR, exc.to_json()
        except RecursionError:  # a case nested too deeply to walk: still the user's input
            return EXIT_ERROR, _error("invalid_case", "invalid_json")
    except Exception as exc:  # a bug, not the user's fault: still no traceback, still the contract
        return EXIT_ERROR, _internal(exc)


def dumps(payload: dict) -> bytes:
    """The JSON the command prints, as UTF-8 whatever the locale says."""
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8", "backslashreplace")


def _emit(stream, data: bytes) -> str | None:
    """Write ``data`` to ``stream``; None once it is written, else why not (the stream is then silenced)."""
    try:
        if stream is None:  # the descriptor was closed when Python started (`>&-`)
            raise OSError(9, os.strerror(9))
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            stream.flush()
            buffer.write(data)
            buffer.flush()
        else:
            stream.write(data.decode("utf-8"))
            stream.flush()
        return None
    except (OSError, ValueError) as exc:  # full disk, broken pipe, closed file (ValueError)
        _silence(stream)
        return getattr(exc, "strerror", None) or type(exc).__name__


def _silence(stream) -> None:
    """Point a stream that failed at the null device, so Python's own flush at exit finds nothing to
    complain about (it would print "Exception ignored … BrokenPipeError" and exit 120)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (AttributeError, OSError, ValueError):
        pass


def _read_stream(source) -> bytes:
    return source.read(MAX_INPUT_BYTES + 1)  # one byte past the cap: respond() names the input too long


def _read_file(path: str) -> bytes:
    # O_NONBLOCK only for the open: opening a FIFO that no program writes to would wait for ever; once open,
    # the descriptor blocks again and a FIFO without a writer reads as empty.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        return _read_stream(handle)


def _read(argv: list[str]) -> tuple[bytes | None, dict | None]:
    if len(argv) != 2 or argv[0] != "check":
        return None, _error("usage", "usage")
    path = argv[1]
    try:
        if path != "-":
            return _read_file(path), None
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:  # closed when Python started (`<&-`)
            raise OSError(9, os.strerror(9))
        return _read_stream(stdin), None
    except (OSError, ValueError) as exc:
        from .case import echo

        return None, _error("unreadable_file", "unreadable_file", path=echo(path, keep_end=True),
                            reason=echo(getattr(exc, "strerror", None) or type(exc).__name__))


def _internal(exc: Exception) -> dict:
    return dict(_error("internal_error", "internal"), detail=type(exc).__name__)


def main(argv: list[str] | None = None) -> int:
    data, problem = _read(sys.argv[1:] if argv is None else argv)
    if problem is not None or data is None:
        code, payload = EXIT_ERROR, problem or _error("usage", "usage")
    else:
        code, payload = respond(data)
    try:
        text = dumps(payload)
    except Exception as exc:  # a payload that is not JSON is a bug: still the contract
        code, text = EXIT_ERROR, dumps(_internal(exc))
    if code != EXIT_OK:
        _emit(sys.stderr, text)
        return EXIT_ERROR
    reason = _emit(sys.stdout, text)
    if reason is None:
        return EXIT_OK
    from .case import echo

    _emit(sys.stderr, dumps(_error("unwritable_output", "unwritable_output", reason=echo(reason))))
    return EXIT_ERROR
