"""Read a JSON file for staff: syntax errors in plain words with line and column, duplicate keys, line lookup."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding

_HINTS = [
    ("Expecting property name enclosed in double quotes",
     "a name is not in double quotes, or there is a comma after the last item of a {…} block"),
    ("Expecting ',' delimiter", "a comma is missing between two items (or a quote or bracket is not closed)"),
    ("Expecting ':' delimiter", "a colon is missing between a name and its value"),
    ("Expecting value", "a value is missing or not valid JSON (extra comma? single quotes? a word without quotes?)"),
    ("Extra data", "there is text after the end of the JSON (an extra bracket or a second object)"),
    ("Unterminated string", "a text value is missing its closing double quote"),
    ("Invalid control character", "a line break or tab inside a text value; write it as \\n or remove it"),
]


@dataclass
class JsonFile:
    """A parsed JSON file: `data` is None when the file has a syntax error (reported in `findings`)."""

    path: Path
    rel: str
    text: str
    data: object = None
    findings: list[Finding] = field(default_factory=list)

    def line_of(self, needle: str, after_line: int = 0) -> int:
        """1-based line of the first line after `after_line` containing `needle`; `after_line` or 1 if none."""
        for number, line in enumerate(self.text.splitlines(), start=1):
            if number > after_line and needle in line:
                return number
        return after_line or 1

    def line_of_key(self, key: str, after_line: int = 0) -> int:
        """Line where the object key `"key":` appears (first after `after_line`)."""
        pattern = re.compile(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:")
        for number, line in enumerate(self.text.splitlines(), start=1):
            if number > after_line and pattern.search(line):
                return number
        return self.line_of(json.dumps(key, ensure_ascii=False), after_line)


def load(path: Path, root: Path) -> JsonFile:
    """Parse `path`; syntax errors and duplicate keys become findings.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); (d / "x.json").write_text('{"a": 1,}')
    9
    >>> print(load(d / "x.json", d).findings[0])
    x.json:1: this file is not valid JSON (line 1, column 9: Expecting property name enclosed in double quotes; a name is not in double quotes, or there is a comma after the last item of a {…} block). Fix: correct the JSON at line 1, column 9; an editor with JSON highlighting shows the spot.
    """
    rel = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        result = JsonFile(path, rel, "")
        result.findings.append(Finding(rel, 0, f"this file is not UTF-8 text ({error.reason})",
                                       "save the file as UTF-8 (without BOM) in your editor"))
        return result
    result = JsonFile(path, rel, text)
    if text.startswith("\ufeff"):
        result.findings.append(Finding(rel, 1, "the file starts with a byte-order mark (BOM)",
                                       "save the file as UTF-8 without BOM"))
        text = text[1:]
    duplicates: list[str] = []

    def pairs_hook(pairs):
        seen: dict = {}
        for key, value in pairs:
            if key in seen:
                duplicates.append(key)
            seen[key] = value
        return seen

    try:
        result.data = json.loads(text, object_pairs_hook=pairs_hook)
    except json.JSONDecodeError as error:
        hint = next((h for prefix, h in _HINTS if error.msg.startswith(prefix)), "")
        detail = f"{error.msg}; {hint}" if hint else error.msg
        result.findings.append(Finding(
            rel, error.lineno,
            f"this file is not valid JSON (line {error.lineno}, column {error.colno}: {detail})",
            f"correct the JSON at line {error.lineno}, column {error.colno}; "
            "an editor with JSON highlighting shows the spot"))
        return result
    for key in duplicates:
        result.findings.append(Finding(
            rel, result.line_of_key(key, result.line_of_key(key)), f'the name "{key}" appears twice in the same {{…}} block, '
            "so the first one is silently ignored",
            "keep one entry per name (for a new dated value, add a new date instead of repeating one)"))
    return result
