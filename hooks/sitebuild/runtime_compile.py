"""Compile a zip of Python sources to .pyc inside the runtime the browser runs (pyodide_compile.cjs
runs this file in Pyodide under Node), so the bytecode is always that runtime's CPython's, whatever Python
the build machine has.

What it does to each entry of the source zip, in name order:
- ``name.py``: its docstrings dropped (``strip_docstrings``) if the name is in ``strip``, compiled with
  ``dfile=name`` and written as ``name.pyc`` (sourceless: zipimport loads it without the ``.py``). The .pyc is hash-based and unchecked (PEP 552), so the bytes depend only on the
  source and the compiler, not on file times: two builds of the same sources give the same file.
- any other file (package data): copied as it is.
The output zip is stored uncompressed (HTTP compression then works on it) with fixed entry times.
"""
from __future__ import annotations

import ast
import importlib.util
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc  # type: ignore[attr-defined]  # private, no stub

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def strip_docstrings(source: bytes) -> bytes:
    """The source with each module, class and function docstring replaced by ``...`` (an expression statement
    the compiler drops), keeping every other line where it was, so line numbers in tracebacks stay right.

    >>> strip_docstrings(b"def f():\\n    'Doc.'\\n    return 1\\n")
    b'def f():\\n    ...\\n    return 1\\n'
    """
    tree = ast.parse(source)
    spans: list[tuple[int, int, int, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                end_line, end_col = first.end_lineno or first.lineno, first.end_col_offset or 0  # set by ast.parse
                spans.append((first.lineno, first.col_offset, end_line, end_col))
    lines = source.splitlines(keepends=True)
    for start, start_col, end, end_col in sorted(spans, reverse=True):  # col offsets are UTF-8 byte offsets
        head, tail = lines[start - 1][:start_col], lines[end - 1][end_col:]
        lines[start - 1:end] = [head + b"..." + tail] + [b"\n"] * (end - start)
    return b"".join(lines)


def pyc_bytes(source: bytes, name: str) -> bytes:
    """The .pyc of one module: unchecked hash-based, so it does not depend on when it was built."""
    code = compile(source, name, "exec", dont_inherit=True)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))


def compile_archive(source_zip: str, output_zip: str, strip: frozenset[str] = frozenset()) -> dict:
    """Write output_zip from source_zip as the module docstring says; returns counts for the build's log."""
    modules = data = 0
    with zipfile.ZipFile(source_zip) as src, zipfile.ZipFile(output_zip, "w", zipfile.ZIP_STORED) as out:
        for name in sorted(src.namelist()):
            if name.endswith("/") or name.endswith(".pyc"):
                continue
            body = src.read(name)
            if name.endswith(".py"):
                if name in strip:
                    body = strip_docstrings(body)
                name, body = name + "c", pyc_bytes(body, name)
                modules += 1
            else:
                data += 1
            out.writestr(zipfile.ZipInfo(name, date_time=FIXED_TIME), body, compress_type=zipfile.ZIP_STORED)
    return {"modules": modules, "data_files": data}
