"""The runtime set of the wizard page: Pyodide's files, python_stdlib.zip reduced to what the engine imports
(with the engine and its dependencies in it, compiled by the runtime's own CPython), and the lock file.

The kept standard-library list is generated, not written by hand: pyodide_node.cjs runs the engine on every
form it offers (``probe_cases``: the engine's own questions, nothing from the tests) in the stock runtime under
Node with the engine's wheels on sys.path and reports sys.modules; the modules that came from
python_stdlib.zip are kept (build/wizard-cache/stdlib-*/kept.json). tests/browser/test_runtime_set.py runs the
whole case table again in the built set, so a module the probe missed fails a test, not a reader's phone.

The Pyodide version is read from package.json (one place). Python files are compiled to .pyc by the
runtime's own CPython, in Pyodide under Node (pyodide_compile.cjs running runtime_compile.py), so the bytecode
matches the browser's Python whatever Python runs this build, and the same sources give the same bytes
(hash-based .pyc, fixed zip times).
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CACHE = ROOT / "build" / "wizard-cache"
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
NODE_RUNNER = HERE / "pyodide_node.cjs"
NODE_COMPILER = HERE / "pyodide_compile.cjs"
RUNTIME_COMPILER = HERE / "runtime_compile.py"
# Runtime files copied as they are from npm `pyodide`; python_stdlib.zip and pyodide-lock.json are made here.
# pyodide.js.map is fetched only by developer tools; shipping it keeps pyodide.js's sourceMappingURL valid.
RUNTIME_FILES = ["pyodide.js", "pyodide.js.map", "pyodide.asm.js", "pyodide.asm.wasm"]
STDLIB_ZIP = "python_stdlib.zip"


class BuildError(Exception):
    """A plain-language reason the build cannot go on."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def tree_hash(paths: list[Path]) -> str:
    """Hash of file names and contents under the given files/folders (caches ignored)."""
    digest = hashlib.sha256()
    for base in paths:
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for file in files:
            if "__pycache__" in file.parts or file.suffix in {".pyc", ".pyo"}:
                continue
            digest.update(str(file.relative_to(ROOT)).encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


def run(cmd: list[str], what: str, **kwargs) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise BuildError(f"{what} failed (exit {result.returncode}):\n  $ {' '.join(map(str, cmd))}\n"
                         f"{result.stdout[-2000:]}{result.stderr[-3000:]}")


def pyodide_version() -> str:
    package = json.loads((ROOT / "package.json").read_text())
    version = {**package.get("devDependencies", {}), **package.get("dependencies", {})}.get("pyodide")
    if not version or not re.fullmatch(r"\d+\.\d+\.\d+", version):
        raise BuildError(f"package.json must pin pyodide to an exact version (found {version!r})")
    installed = NODE_PYODIDE / "package.json"
    if not installed.exists():
        raise BuildError("node_modules/pyodide missing: run npm ci")
    found = json.loads(installed.read_text())["version"]
    if found != version:
        raise BuildError(f"node_modules/pyodide is {found} but package.json pins {version}: run npm ci")
    return version


def runtime_python() -> str:
    """The Python version of the Pyodide runtime (its lock file's "info")."""
    return json.loads((NODE_PYODIDE / "pyodide-lock.json").read_text())["info"]["python"]


def runtime_dependencies() -> list[tuple[str, str]]:
    """(name, version) of every run-time dependency; each must be pinned ``name==X.Y.Z`` (pure Python)."""
    pins = []
    for dep in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]:
        match = re.fullmatch(r"([\w.-]+)\s*==\s*([\w.]+)", dep.strip())
        if not match:
            raise BuildError(f"pyproject.toml: run-time dependency {dep!r} must be pinned as name==X.Y.Z")
        pins.append((match.group(1), match.group(2)))
    return pins


# Every .pyc is compiled without column positions (PEP 657: PYTHONNODEBUGRANGES): tracebacks keep their line
# numbers and lose only the ^^^ markers under the failing expression. The column tables compress badly:
# without them the standard library's brotli size fell by a quarter (905 -> 678 KB, measured on the kept list).
COMPILE_ENV = {"PYTHONNODEBUGRANGES": "1"}
COMPILE_KEY = json.dumps(COMPILE_ENV, sort_keys=True)  # part of every compiled file's cache key


def build_wizard_wheel() -> Path:
    """Wheel of the `wizard` package (sources), rebuilt only when wizard/** or pyproject.toml changed."""
    key = tree_hash([ROOT / "wizard", ROOT / "pyproject.toml"])[:16]
    done = CACHE / f"wizard-{key}"
    existing = list(done.glob("*.whl")) if done.exists() else []
    if existing:
        return existing[0]
    if not (ROOT / "wizard" / "__init__.py").exists():
        raise BuildError("wizard/__init__.py missing: the engine package is not there yet")
    shutil.rmtree(done, ignore_errors=True)
    done.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        # Build from a clean copy: an in-tree build would leave build/lib with stale modules.
        shutil.copy2(ROOT / "pyproject.toml", src)
        (src / "README.md").write_text((ROOT / "README.md").read_text() if (ROOT / "README.md").exists() else "")
        shutil.copytree(ROOT / "wizard", src / "wizard", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        # pip builds it with the [build-system] of pyproject.toml, installed in an isolated environment (PyPI).
        run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(done), str(src)],
            "building the wizard wheel")
    wheels = list(done.glob("*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"expected one wizard wheel in {done}, found {[w.name for w in wheels]}")
    return wheels[0]


def fetch_dependency(name: str, version: str) -> Path:
    """The pure-Python wheel of one pinned run-time dependency from PyPI (cached)."""
    done = CACHE / f"{name}-{version}"
    existing = list(done.glob("*.whl")) if done.exists() else []
    if existing:
        return existing[0]
    shutil.rmtree(done, ignore_errors=True)
    done.mkdir(parents=True)
    run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
         "-d", str(done), f"{name}=={version}"], f"downloading {name}=={version} from PyPI")
    wheels = list(done.glob("*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"pip download gave {[w.name for w in wheels]} for {name}=={version}")
    return wheels[0]


def _engine():
    """The engine of the source tree (wizard/), imported by the Python that runs the build."""
    sys.path.insert(0, str(ROOT))
    try:
        import wizard  # noqa: PLC0415
    except Exception as exc:  # the engine is being written; say what is wrong
        raise BuildError(f"cannot import wizard: {exc!r}") from exc
    finally:
        sys.path.pop(0)
    return wizard


def rule_data_version() -> str:
    """RULE_DATA_VERSION as the engine states it."""
    return str(_engine().RULE_DATA_VERSION)



# A date inside the years chinesecalendar covers and one in a year without a published holiday schedule (the
# engine then estimates: statutory_holidays, lunardate), so both calendars' code runs.
PROBE_DAYS = ("2026-11-21", "2031-06-02")


def _answer(spec: dict, day: str):
    """A value of the answer's type (valid or not for the rules: both paths import what they need)."""
    kind = spec.get("type")
    if kind in ("date", "date_or_null"):
        return day
    if kind == "boolean":
        return True
    if kind == "number":
        return spec.get("min", 1)
    if kind == "enum":
        values = spec.get("values") or spec.get("enum") or []
        first = values[0] if values else None
        return first.get("value", first.get("id")) if isinstance(first, dict) else first
    return None


def probe_cases() -> list[list[str]]:
    """[name, hex of the bytes] the engine is run on to find the standard-library modules it imports: every
    province, profession and action of the engine's own form (wizard/data/questions.json, through
    ``wizard.form``), unanswered and with every question answered, on each PROBE_DAYS; and input the engine
    must reject (bad JSON, bytes that are not UTF-8, a case that is not an object)."""
    engine = _engine()
    questions = json.loads((ROOT / "wizard" / "data" / "questions.json").read_text(encoding="utf-8"))
    cases = []
    for province, spec in sorted(questions["provinces"].items()):
        for profession in spec["professions"]:
            for action in spec["actions"]:
                try:
                    form = engine.form(province, profession, action)
                except Exception:  # noqa: BLE001  (no such form for this profession: nothing to probe)
                    continue
                for day in PROBE_DAYS:
                    base = {"province": province, "profession": profession, "action": action, "today": day}
                    answered = {q["id"]: _answer(q, day) for q in form if _answer(q, day) is not None}
                    for answers in ({}, answered):
                        cases.append(json.dumps({**base, "answers": answers}, ensure_ascii=False).encode())
    cases += [b"{", b"\xff\xfe", b"[]"]
    return [[f"probe {index}", data.hex()] for index, data in enumerate(cases)]


def run_in_node(runtime: Path, wheels: list[Path], stdlib: Path | None = None, lock: Path | None = None) -> dict:
    """Run the probe cases in Pyodide under Node (pyodide_node.cjs); returns its JSON result."""
    node = shutil.which("node")
    if not node:
        raise BuildError("node is not on PATH (Node 20 runs Pyodide to find the modules the engine imports)")
    with tempfile.TemporaryDirectory() as tmp:
        request = Path(tmp) / "request.json"
        request.write_text(json.dumps({"runtime": str(runtime), "stdlib": stdlib and str(stdlib),
                                       "lock": lock and str(lock), "wheels": [str(w) for w in wheels],
                                       "cases": probe_cases()}))
        result = subprocess.run([node, str(NODE_RUNNER), str(request)], capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"running the engine in Pyodide under Node failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def stdlib_kept(wheels: list[Path]) -> list[str]:
    """Files of the stock python_stdlib.zip that running the probe cases imported (generated, cached)."""
    key = hashlib.sha256("".join([sha256(w) for w in wheels] + [tree_hash([NODE_RUNNER]),
                                  hashlib.sha256(json.dumps(probe_cases()).encode()).hexdigest(),
                                  sha256(NODE_PYODIDE / STDLIB_ZIP)]).encode()).hexdigest()[:16]
    cached = CACHE / f"stdlib-{key}" / "kept.json"
    if cached.exists():
        return json.loads(cached.read_text())
    result = run_in_node(NODE_PYODIDE, wheels)
    prefix = f"/lib/python{''.join(runtime_python().split('.')[:2])}.zip/"
    files = sorted({path[len(prefix):] for path in result["modules"].values() if path and path.startswith(prefix)})
    with zipfile.ZipFile(NODE_PYODIDE / STDLIB_ZIP) as stock:
        names = set(stock.namelist())
    missing = [f for f in files if f not in names]
    if missing or not files:
        raise BuildError(f"the modules the engine imported are not all in {STDLIB_ZIP}: {missing[:5]}")
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(files, indent=1) + "\n")
    return files


# Pyodide's own packages read their docstrings at run time (_pyodide/docstring.py builds C method docs).
KEEP_DOCSTRINGS = ("_pyodide/", "pyodide/")


def compile_in_runtime(source: Path, output: Path, strip: list[str]) -> dict:
    """source (a zip of .py files and package data) compiled to output by the runtime's own CPython
    (pyodide_compile.cjs), the docstrings of the files named in strip dropped; returns its report."""
    node = shutil.which("node")
    if not node:
        raise BuildError("node is not on PATH (Node 20 runs Pyodide to compile the Python files)")
    with tempfile.TemporaryDirectory() as tmp:
        request = Path(tmp) / "request.json"
        request.write_text(json.dumps({"runtime": str(NODE_PYODIDE), "source": str(source), "output": str(output),
                                       "strip_docstrings": strip, "env": COMPILE_ENV}))
        result = subprocess.run([node, str(NODE_COMPILER), str(request)], capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"compiling the Python files in Pyodide under Node failed:\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout)
    if report["debug_ranges"]:
        raise BuildError(f"the runtime did not take {COMPILE_ENV}: the .pyc files would keep their column tables")
    return report


def reduced_stdlib(wheels: list[Path]) -> tuple[Path, int]:
    """python_stdlib.zip with only the kept modules, plus the packages of the wheels; all .pyc, stored.

    Returns (zip path, number of standard-library modules kept)."""
    kept = stdlib_kept(wheels)
    key = hashlib.sha256(json.dumps(kept).encode() + "".join(sha256(w) for w in wheels).encode()
                         + sha256(NODE_PYODIDE / STDLIB_ZIP).encode() + sha256(NODE_PYODIDE / "pyodide.asm.wasm").encode()
                         + (RUNTIME_COMPILER.read_bytes() + NODE_COMPILER.read_bytes()) + COMPILE_KEY.encode()).hexdigest()[:16]
    done = CACHE / f"stdlib-zip-{key}" / STDLIB_ZIP
    if not done.exists():
        shutil.rmtree(done.parent, ignore_errors=True)
        done.parent.mkdir(parents=True)
        sources = done.parent / "sources.zip"
        with zipfile.ZipFile(NODE_PYODIDE / STDLIB_ZIP) as stock, zipfile.ZipFile(sources, "w", zipfile.ZIP_STORED) as out:
            for name in kept:
                out.writestr(name, stock.read(name))
            # The engine and its dependencies in the same file (one request instead of two wheels); their
            # packages only: nothing reads the wheels' metadata.
            for wheel in wheels:
                with zipfile.ZipFile(wheel) as whl:
                    for info in whl.infolist():
                        if ".dist-info/" not in info.filename and not info.is_dir():
                            out.writestr(info.filename, whl.read(info))
        # docstrings are 15 % of the compiled standard library and nothing here reads them
        compile_in_runtime(sources, done, [name for name in kept if not name.startswith(KEEP_DOCSTRINGS)])
        sources.unlink()
    with zipfile.ZipFile(done) as check:
        names = check.namelist()
    if any(n.endswith(".py") for n in names) or any(i.compress_type != zipfile.ZIP_STORED for i in check.infolist()):
        raise BuildError(f"{done}: expected only .pyc files, stored uncompressed")
    return done, len(kept)


def trimmed_lock() -> bytes:
    """pyodide-lock.json without packages: the wizard loads none (no micropip), only the runtime reads "info"."""
    lock = json.loads((NODE_PYODIDE / "pyodide-lock.json").read_text())
    return (json.dumps({"info": lock["info"], "packages": {}}, indent=1) + "\n").encode()
