"""The runtime set the site ships (reduced standard library, engine precompiled) answers every case of the table.

scripts/build_wheels.py keeps only the standard-library modules that running the case table imported; here
the whole table (check and explain, raw-byte cases included) runs in the built files under Node
(scripts/pyodide_node.cjs), so a module missing from site/wizard-assets/<version>/pyodide/python_stdlib.zip
fails this test rather than a reader's phone. Answers are compared with CPython's.
"""
from __future__ import annotations

import json
import marshal
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
                                   "cases": [[name, input_bytes(entry).hex()] for name, entry in ENTRIES]}))
    done = subprocess.run(["node", str(ROOT / "scripts" / "pyodide_node.cjs"), str(request)],
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
    assert lock["packages"] == {} and lock["info"]["python"].startswith("3.11")
    assert not list(runtime.glob("*.whl")) and not (runtime / "micropip").exists()


def test_the_runtime_set_keeps_line_numbers_but_no_column_positions(runtime: Path):
    # PYTHONNODEBUGRANGES at compile time (scripts/build_wheels.py COMPILE_ENV): a quarter fewer brotli bytes.
    with zipfile.ZipFile(runtime / "python_stdlib.zip") as stdlib:
        for name in ("wizard/engine.pyc", "chinese_calendar/utils.pyc", "json/decoder.pyc"):
            code = marshal.loads(stdlib.read(name)[16:])  # after the 16-byte .pyc header
            positions = [p for c in [code, *[k for k in code.co_consts if hasattr(k, "co_positions")]]
                         for p in c.co_positions()]
            assert any(line for line, _, _, _ in positions), f"{name}: no line numbers"
            assert all(col is None and end_col is None for _, _, col, end_col in positions), f"{name}: has columns"


def test_the_engine_comes_from_the_runtime_set_and_python_errors_reach_javascript(node_results):
    modules = node_results["modules"]
    assert modules["wizard"].startswith("/lib/python311.zip/wizard/"), modules["wizard"]
    assert modules["chinese_calendar"].startswith("/lib/python311.zip/")
    assert modules["lunardate"].startswith("/lib/python311.zip/")
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
