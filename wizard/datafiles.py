"""Read the JSON files packaged with the engine (works from a wheel, a checkout and Pyodide).

Data lives in ``wizard/data/**.json`` and ``wizard/text/*.json`` and is read through
``importlib.resources`` so nothing depends on a file system path. ``data_version()`` is a short
hash over every data file, so a link made under older rule data can be recognised.
"""
from __future__ import annotations

import functools
import hashlib
import json
from importlib import resources
from importlib.abc import Traversable


@functools.lru_cache(maxsize=None)
def _root() -> Traversable:
    # Once: from a zip (Pyodide's python_stdlib.zip, a wheel on sys.path) each files() call opens the
    # archive again and re-reads its whole directory, which was most of the first answer's time in the browser.
    return resources.files("wizard")


def release_open_files() -> None:
    """Close what ``_root`` holds open (from a zip, an open ``ZipFile``); the next read opens it again.

    The browser's worker calls this before it saves a memory snapshot of the interpreter (web/worker.js): the
    snapshot keeps Python's memory but not the runtime's open files, so a file object in it would point at
    nothing after the restore ("Bad file descriptor" on the first read)."""
    _root.cache_clear()


def _node(*parts: str) -> Traversable:
    node = _root()
    for part in parts:
        node = node / part
    return node


@functools.lru_cache(maxsize=None)
def load(*parts: str):
    """Parse one packaged JSON file, e.g. ``load("data", "rules.json")``; cached."""
    return json.loads(_node(*parts).read_text(encoding="utf-8"))


def list_json(*parts: str) -> list[str]:
    """Names of the ``.json`` files in one packaged folder (sorted; empty if it does not exist)."""
    node = _node(*parts)
    try:
        if not node.is_dir():
            return []
        return sorted(child.name for child in node.iterdir() if child.name.endswith(".json") and child.is_file())
    except (FileNotFoundError, NotADirectoryError):
        return []


def _walk(node: Traversable, prefix: str):
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        path = f"{prefix}/{child.name}"
        if child.is_dir():
            yield from _walk(child, path)
        elif child.name.endswith(".json"):
            yield path, child.read_bytes()


@functools.lru_cache(maxsize=None)
def data_version() -> str:
    """First 12 hex digits of a SHA-256 over every packaged data file (path and bytes)."""
    digest = hashlib.sha256()
    for path, content in _walk(_node("data"), "data"):
        digest.update(path.encode("utf-8") + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()[:12]
