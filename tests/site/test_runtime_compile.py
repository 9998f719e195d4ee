"""hooks/sitebuild/runtime_compile.py, the compiler the build runs inside Pyodide, run here by the host's Python on a
small archive: what it writes does not depend on which Python runs it."""
from __future__ import annotations

import marshal
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks" / "sitebuild"))
import runtime_compile  # noqa: E402  (run as a plain file inside Pyodide, so imported here as one)

sys.path.pop(0)

SOURCES = {
    "pkg/__init__.py": b'"""Package doc."""\nVALUE = 1\n',
    "pkg/mod.py": b'def f():\n    """Function doc."""\n    return 2\n',
    "pkg/data/rules.json": b'{"a": 1}\n',
}


def compiled(tmp_path: Path, strip: frozenset[str]) -> dict[str, bytes]:
    source, output = tmp_path / "src.zip", tmp_path / "out.zip"
    with zipfile.ZipFile(source, "w") as archive:
        for name, body in SOURCES.items():
            archive.writestr(name, body)
    report = runtime_compile.compile_archive(str(source), str(output), strip)
    assert report == {"modules": 2, "data_files": 1}
    with zipfile.ZipFile(output) as archive:
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_STORED}
        assert {info.date_time for info in archive.infolist()} == {runtime_compile.FIXED_TIME}
        return {name: archive.read(name) for name in archive.namelist()}


def load(pyc: bytes) -> dict:
    """The globals of a module run from its .pyc (after the 16-byte header)."""
    namespace: dict = {}
    exec(marshal.loads(pyc[16:]), namespace)
    return namespace


def test_modules_become_sourceless_unchecked_hash_pyc_and_data_files_are_copied(tmp_path):
    files = compiled(tmp_path, frozenset())
    assert sorted(files) == ["pkg/__init__.pyc", "pkg/data/rules.json", "pkg/mod.pyc"]
    assert files["pkg/data/rules.json"] == SOURCES["pkg/data/rules.json"]
    # hash-based and unchecked (PEP 552) with fixed zip times: no build time inside, the same bytes every build
    assert int.from_bytes(files["pkg/mod.pyc"][4:8], "little") == 1
    assert load(files["pkg/mod.pyc"])["f"].__code__.co_filename == "pkg/mod.py"


def test_only_the_named_files_lose_their_docstrings(tmp_path):
    files = compiled(tmp_path, frozenset({"pkg/mod.py"}))
    assert load(files["pkg/mod.pyc"])["f"].__doc__ is None
    assert load(files["pkg/__init__.pyc"])["__doc__"] == "Package doc."

