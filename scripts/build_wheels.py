"""Build the in-browser wizard's assets into build/wizard-assets/ (copied into the site by hooks/wizard_assets.py).

What it writes::

    build/wizard-assets/
      manifest.json              a copy of <version>/manifest.json: which version is current (never cached long)
      wizard-sw.js               the service worker (web/sw.js with this version's file list), served from the
                                 site root by hooks/wizard_assets.py
      <version>/                 everything the wizard page loads; <version> is a hash of the contents, so a
                                 URL never changes meaning (long cache lifetimes, a service worker cache-first)
        manifest.json            file names, sizes, sha256, Pyodide version, RULE_DATA_VERSION
        pyodide/                 the runtime set:
          pyodide.js, pyodide.asm.js, pyodide.asm.wasm   from node_modules/pyodide (version pinned in package.json)
          python_stdlib.zip      the standard library reduced to the modules the engine's case table imports
                                 (their docstrings dropped, except Pyodide's own), plus the `wizard` package
                                 and its run-time dependencies (chinesecalendar, lunardate), all compiled to .pyc without column
                                 positions (COMPILE_ENV below), stored uncompressed (HTTP compression then works on it)
          pyodide-lock.json      the lock file without its package list (no micropip, no packages)
        questions.json           wizard/data/questions.json with its help texts filled in, so the form renders before Python is ready
        app/                     the page's JavaScript, CSS and per-language texts from web/: wizard.js is
                                 web/main.js with every module it imports, bundled by esbuild (npm) into
                                 one ES module; the two worker scripts (worker.js, the engine's;
                                 code-cache-worker.js), wizard.css and i18n/ are copied as they are
      every file above also as <file>.gz and <file>.br (precompressed for nginx's gzip_static/brotli_static)

The kept standard-library list is generated, not written by hand: scripts/pyodide_node.cjs runs every case of
tests/cases/*.json (check and explain) in the stock runtime under Node with the engine's wheels on sys.path
and reports sys.modules; the modules that came from python_stdlib.zip are kept (build/wizard-cache/stdlib-*/
kept.json). tests/site/test_runtime_set.py runs the table again in the built set.

The Pyodide version is read from package.json (one place). Python files are compiled to .pyc by the
runtime's own CPython, in Pyodide under Node (scripts/pyodide_compile.cjs running scripts/runtime_compile.py),
so the bytecode matches the browser's Python whatever Python runs this build, and the same sources give the
same bytes (hash-based .pyc, fixed zip times). A second run with nothing changed only compares hashes.

Usage: python scripts/build_wheels.py [--force]
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "wizard-assets"
CACHE = ROOT / "build" / "wizard-cache"
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
WEB = ROOT / "web"
sys.path.insert(0, str(ROOT / "hooks"))
from precompress import precompress  # noqa: E402  (the site's and the assets' one compressor)

sys.path.pop(0)
NODE_RUNNER = ROOT / "scripts" / "pyodide_node.cjs"
NODE_COMPILER = ROOT / "scripts" / "pyodide_compile.cjs"
RUNTIME_COMPILER = ROOT / "scripts" / "runtime_compile.py"
CASES = ROOT / "tests" / "cases"
# Runtime files copied as they are from npm `pyodide`; python_stdlib.zip and pyodide-lock.json are made here.
# pyodide.js.map is fetched only by developer tools; shipping it keeps pyodide.js's sourceMappingURL valid.
RUNTIME_FILES = ["pyodide.js", "pyodide.js.map", "pyodide.asm.js", "pyodide.asm.wasm"]
STDLIB_ZIP = "python_stdlib.zip"
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
# The page's ES modules (web/*.js but the two below) reach the browser as one bundle: on HTTP/1.1 with a
# phone's round-trip times a dozen module requests delayed the engine's start (scripts/bench.py).
PAGE_ENTRY, PAGE_BUNDLE = "main.js", "wizard.js"
COPIED_SCRIPTS = {"worker.js", "code-cache-worker.js"}  # classic Web Worker scripts, loaded by their own URLs
# sw.js is served from the site root (below), wasm-early.js is written into the wizard pages
# (hooks/wizard_assets.py); package.json tells Node the files are modules.
NOT_SERVED = {"sw.js", "wasm-early.js", "package.json"}


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


def table_cases() -> list[list[str]]:
    """[name, hex of the bytes] for every entry of tests/cases/*.json (valid and invalid)."""
    sys.path.insert(0, str(ROOT / "tests" / "engine"))
    try:
        from table import input_bytes, load_cases  # noqa: PLC0415  (the one reader of the case table)
    finally:
        sys.path.pop(0)
    valid, invalid = load_cases()
    return [[f"{entry['file']}: {entry['name']}", input_bytes(entry).hex()] for entry in valid + invalid]


def run_in_node(runtime: Path, wheels: list[Path], stdlib: Path | None = None, lock: Path | None = None) -> dict:
    """Run the whole case table in Pyodide under Node (scripts/pyodide_node.cjs); returns its JSON result."""
    node = shutil.which("node")
    if not node:
        raise BuildError("node is not on PATH (Node 20 runs Pyodide to find the modules the engine imports)")
    with tempfile.TemporaryDirectory() as tmp:
        request = Path(tmp) / "request.json"
        request.write_text(json.dumps({"runtime": str(runtime), "stdlib": stdlib and str(stdlib),
                                       "lock": lock and str(lock), "wheels": [str(w) for w in wheels],
                                       "cases": table_cases()}))
        result = subprocess.run([node, str(NODE_RUNNER), str(request)], capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"running the case table in Pyodide under Node failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def stdlib_kept(wheels: list[Path]) -> list[str]:
    """Files of the stock python_stdlib.zip that running the case table imported (generated, cached)."""
    key = hashlib.sha256("".join([sha256(w) for w in wheels] + [tree_hash([CASES, NODE_RUNNER]),
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
    (scripts/pyodide_compile.cjs), the docstrings of the files named in strip dropped; returns its report."""
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


def rule_data_version() -> str:
    """RULE_DATA_VERSION as the engine states it (imported from the source tree)."""
    sys.path.insert(0, str(ROOT))
    try:
        import wizard  # noqa: PLC0415
    except Exception as exc:  # the engine is being written; say what is wrong
        raise BuildError(f"cannot import wizard to read RULE_DATA_VERSION: {exc!r}") from exc
    finally:
        sys.path.pop(0)
    version = getattr(wizard, "RULE_DATA_VERSION", None)
    if not version:  # until the engine exports it, the same hash it computes over its data files
        from wizard.datafiles import data_version  # noqa: PLC0415
        version = data_version()
    return str(version)


def page_bundle() -> Path:
    """web/main.js and everything it imports as one ES module, not minified (readable in the browser's
    developer tools; brotli makes the difference small). Cached by the sources' hash."""
    sources = sorted(p for p in WEB.glob("*.js") if p.name not in COPIED_SCRIPTS | NOT_SERVED)
    key = tree_hash([*sources, ROOT / "package-lock.json"])[:16]
    bundle = CACHE / f"bundle-{key}" / PAGE_BUNDLE
    if not bundle.exists():
        if not ESBUILD.exists():
            raise BuildError("node_modules/.bin/esbuild missing: run npm ci")
        run([str(ESBUILD), str(WEB / PAGE_ENTRY), "--bundle", "--format=esm", "--target=es2020", "--charset=utf8",
             "--log-level=warning", f"--outfile={bundle}"], f"esbuild web/{PAGE_ENTRY} -> app/{PAGE_BUNDLE}")
    return bundle


def sync_file(src: Path, dest: Path) -> bool:
    """Copy src to dest unless an identical file is already there; True when copied."""
    if dest.exists() and dest.stat().st_size == src.stat().st_size and sha256(dest) == sha256(src):
        return False
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dest)
    return True


def service_worker(version: str, files: list[str]) -> str:
    """web/sw.js with this version and its files filled in (the served script changes with every version,
    which is how browsers notice an update)."""
    source = (WEB / "sw.js").read_text(encoding="utf-8")
    if "__VERSION__" not in source or "__FILES__" not in source:
        raise BuildError("web/sw.js must contain the __VERSION__ and __FILES__ placeholders")
    return source.replace('"__VERSION__"', json.dumps(version)).replace('["__FILES__"]', json.dumps(files))


def page_questions() -> Path:
    """questions.json as the page reads it: help texts filled in with today's rule values, each procedure's
    professions added (``wizard.schema.page_questions``)."""
    import datetime

    from wizard.schema import page_questions as rendered

    path = CACHE / "questions.json"
    text = json.dumps(rendered(datetime.date.today()), ensure_ascii=False, indent=1) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path


def build(force: bool = False) -> dict:
    version = pyodide_version()
    python = runtime_python()
    if force:
        shutil.rmtree(CACHE, ignore_errors=True)
    wheels = [build_wizard_wheel(), *(fetch_dependency(name, version) for name, version in runtime_dependencies())]
    stdlib, stdlib_modules = reduced_stdlib(wheels)
    data_version = rule_data_version()
    lock = CACHE / "pyodide-lock.json"
    if not lock.exists() or lock.read_bytes() != trimmed_lock():
        lock.write_bytes(trimmed_lock())

    wanted: dict[str, Path] = {f"pyodide/{name}": NODE_PYODIDE / name for name in RUNTIME_FILES}
    wanted[f"pyodide/{STDLIB_ZIP}"] = stdlib
    wanted["pyodide/pyodide-lock.json"] = lock
    wanted["questions.json"] = page_questions()
    for file in sorted(WEB.rglob("*")):
        if file.is_file() and file.name not in NOT_SERVED and (file.suffix != ".js" or file.name in COPIED_SCRIPTS):
            wanted[f"app/{file.relative_to(WEB).as_posix()}"] = file
    wanted[f"app/{PAGE_BUNDLE}"] = page_bundle()
    for rel, src in wanted.items():
        if not src.exists():
            raise BuildError(f"{src.relative_to(ROOT)} missing" + (": run npm ci" if "node_modules" in src.parts else ""))
    hashes = {rel: sha256(src) for rel, src in wanted.items()}
    asset_version = hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()[:12]
    folder = OUT / asset_version

    OUT.mkdir(parents=True, exist_ok=True)
    copied = [rel for rel, src in wanted.items() if sync_file(src, folder / rel)]
    manifest = {
        "version": asset_version,
        "pyodide_version": version,
        "python_version": python,
        "rule_data_version": data_version,
        "runtime": "pyodide/",
        "stdlib_modules": stdlib_modules,
        "wheels": [],  # the engine and its dependencies are in pyodide/python_stdlib.zip
        "files": {rel: {"size": (folder / rel).stat().st_size, "sha256": hashes[rel]} for rel in sorted(wanted)},
    }
    text = json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    for path in (folder / "manifest.json", OUT / "manifest.json"):
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
    # The service worker precaches what the worker and the page fetch: not the source map, not questions.json
    # or the texts (hooks/wizard_assets.py writes them into the page).
    precached = sorted(rel for rel in wanted
                       if not rel.endswith(".map") and rel != "questions.json" and not rel.startswith("app/i18n/"))
    sw = service_worker(asset_version, [f"{asset_version}/{rel}" for rel in precached])
    if not (OUT / "wizard-sw.js").exists() or (OUT / "wizard-sw.js").read_text() != sw:
        (OUT / "wizard-sw.js").write_text(sw)
    compressed = precompress(OUT)  # hooks/precompress.py: .gz and .br beside each file
    keep = {"manifest.json", "wizard-sw.js", "wizard-sw.js.gz", "wizard-sw.js.br", "manifest.json.gz", "manifest.json.br"}
    for stale in [p for p in OUT.iterdir() if p.name != asset_version and p.name not in keep]:
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    for stale in [p for p in folder.rglob("*") if p.is_file()]:
        rel = stale.relative_to(folder).as_posix()
        base = rel[:-3] if rel.endswith(".gz") else rel[:-3] if rel.endswith(".br") else rel
        if base not in wanted and base != "manifest.json":
            stale.unlink()
    for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
        if not any(sub.iterdir()):
            sub.rmdir()
    total = sum(f["size"] for f in manifest["files"].values())
    print(f"wizard assets {asset_version}: Pyodide {version} (Python {python}), rule data {data_version}, "
          f"{stdlib_modules} stdlib modules kept, {len(wanted)} files, {total / 1e6:.1f} MB, {len(copied)} updated, "
          f"{compressed} compressed -> {OUT.relative_to(ROOT)}/")
    return manifest


def main(argv: list[str]) -> int:
    os.chdir(ROOT)
    try:
        build(force="--force" in argv)
    except BuildError as exc:
        print(f"wizard assets: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
