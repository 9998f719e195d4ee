"""The runtime set the site ships (reduced standard library, engine precompiled) answers every case of the table.

hooks/sitebuild/runtime_set.py keeps only the standard-library modules that running the engine on its own forms
imported; here the whole case table (check and explain, raw-byte cases included) runs in the built files under
Node (hooks/sitebuild/pyodide_node.cjs), so a module missing from site/wizard-assets/<version>/pyodide/python_stdlib.zip
fails this test rather than a reader's phone. Answers are compared with CPython's.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from wizard_helpers import ROOT, cli_reference

sys.path.insert(0, str(ROOT / "tests" / "engine"))
from table import input_bytes, load_cases  # noqa: E402

sys.path.pop(0)

VALID, INVALID = load_cases()
ENTRIES = [(f"{entry['file']}: {entry['name']}", entry) for entry in VALID + INVALID]


# Modules whose compiled code is inspected inside the runtime (its Python reads its own .pyc files; the
# host's Python may be another version).
COMPILED_SAMPLES = ("wizard/engine.pyc", "chinese_calendar/utils.pyc", "json/decoder.pyc")


def runtime_zip_prefix(runtime: Path) -> str:
    """Where the runtime mounts python_stdlib.zip: /lib/python3XY.zip/ for the Python of its lock file."""
    python = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]["python"]
    return "/lib/python{}{}.zip/".format(*python.split(".")[:2])


@pytest.fixture(scope="module")
def runtime(built_site: Path) -> Path:
    manifest = json.loads((built_site / "wizard-assets" / "manifest.json").read_text(encoding="utf-8"))
    return built_site / "wizard-assets" / manifest["version"] / "pyodide"


@pytest.fixture(scope="module")
def node_results(runtime: Path, tmp_path_factory) -> dict:
    if not shutil.which("node"):
        pytest.fail("node is not on PATH (it is needed by `make build` too)")
    request = tmp_path_factory.mktemp("runtime") / "request.json"
    request.write_text(json.dumps({"runtime": str(runtime), "stdlib": None, "lock": None, "wheels": [],
                                   "cases": [[name, input_bytes(entry).hex()] for name, entry in ENTRIES],
                                   "pyc_positions": list(COMPILED_SAMPLES)}))
    done = subprocess.run(["node", str(ROOT / "hooks" / "sitebuild" / "pyodide_node.cjs"), str(request)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"the built runtime set failed under Node:\n{done.stderr[-3000:]}"
    return json.loads(done.stdout)


def test_the_runtime_set_is_reduced_precompiled_and_stored(runtime: Path):
    with zipfile.ZipFile(runtime / "python_stdlib.zip") as stdlib:
        infos = stdlib.infolist()
    names = [info.filename for info in infos]
    assert not [n for n in names if n.endswith(".py")], "the standard library should hold .pyc files only"
    assert {i.compress_type for i in infos} == {zipfile.ZIP_STORED}, "stored, so HTTP compression works on it"
    assert {"wizard/__init__.pyc", "chinese_calendar/__init__.pyc", "lunardate.pyc"} <= set(names)
    assert "encodings/cp437.pyc" in names, "zipfile decodes names without the UTF-8 flag with cp437"
    assert len([n for n in names if not n.startswith(("wizard/", "chinese_calendar/", "lunardate"))]) < 200
    lock = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))
    manifest = json.loads((runtime.parent / "manifest.json").read_text(encoding="utf-8"))
    assert lock["packages"] == {} and lock["info"]["python"] == manifest["python_version"]
    assert not list(runtime.glob("*.whl")) and not (runtime / "micropip").exists()


def test_the_compiled_files_depend_only_on_their_sources(runtime: Path):
    # Unchecked hash-based .pyc (PEP 552, flags word = 1): no build time inside, so the same sources give the
    # same python_stdlib.zip and the same asset version on every machine.
    with zipfile.ZipFile(runtime / "python_stdlib.zip") as stdlib:
        infos = stdlib.infolist()
        flags = {int.from_bytes(stdlib.read(info)[4:8], "little") for info in infos if info.filename.endswith(".pyc")}
    assert flags == {1}
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_the_runtime_set_keeps_line_numbers_but_no_column_positions(node_results):
    # PYTHONNODEBUGRANGES at compile time (hooks/sitebuild/runtime_set.py COMPILE_ENV): a quarter fewer brotli bytes.
    for name in COMPILED_SAMPLES:
        positions = node_results["pyc_positions"][name]
        assert positions["lines"], f"{name}: no line numbers"
        assert not positions["columns"], f"{name}: has columns"


def test_the_engine_comes_from_the_runtime_set_and_python_errors_reach_javascript(runtime: Path, node_results):
    modules = node_results["modules"]
    prefix = runtime_zip_prefix(runtime)
    assert modules["wizard"].startswith(prefix + "wizard/"), modules["wizard"]
    assert modules["chinese_calendar"].startswith(prefix)
    assert modules["lunardate"].startswith(prefix)
    assert node_results["error_seen"], "a Python exception raised into JavaScript should name its type"


@pytest.mark.parametrize("index", range(len(ENTRIES)), ids=[name for name, _ in ENTRIES])
def test_every_case_gives_the_command_line_answer_in_the_runtime_set(node_results, index):
    name, entry = ENTRIES[index]
    code, text = node_results["check"][name]
    expected_code, expected = cli_reference(input_bytes(entry))
    assert code == expected_code
    assert json.loads(text) == expected
    explain_code, explain_text = node_results["explain"][name]
    assert explain_code == expected_code
    explained = json.loads(explain_text)
    assert (explained["report"] if explain_code == 0 else explained) == expected
