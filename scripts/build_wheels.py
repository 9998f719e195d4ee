"""Build the in-browser wizard's assets into build/wizard-assets/ (copied into the site by hooks/wizard_assets.py).

What it writes::

    build/wizard-assets/
      manifest.json              file names, sizes, sha256, Pyodide version, RULE_DATA_VERSION
      pyodide/                   the runtime from node_modules/pyodide (version pinned in package.json)
      wheels/<hash>/*.whl        the `wizard` wheel and the wheels of its pinned run-time dependencies, py-compiled for Pyodide
                                 (the hash in the folder name changes with the content: no stale browser cache)
      questions.json             wizard/data/questions.json, so the form renders before Python is ready
      app/                       the page's JavaScript, CSS and per-language texts, copied from web/

The Pyodide version is read from package.json (one place). The wheels are compiled with
`pyodide py-compile` from pyodide-build of the same version, installed in its own venv
(build/.pyodide-venv) because its dependencies differ from the site's. The compiling Python's minor
version must equal the runtime's (checked). A second run with nothing changed only compares hashes.

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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "wizard-assets"
CACHE = ROOT / "build" / "wizard-cache"
PYODIDE_VENV = ROOT / "build" / ".pyodide-venv"
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
WEB = ROOT / "web"
# Runtime files the page needs (no package wheels are shipped by npm `pyodide`; we load our own two).
# pyodide.js.map is fetched only by developer tools; shipping it keeps pyodide.js's sourceMappingURL valid.
RUNTIME_FILES = ["pyodide.js", "pyodide.js.map", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]
# wheel<0.42: pyodide-build 0.25.x imports wheel internals removed in 0.42.
PYODIDE_BUILD_EXTRA_PINS = ["wheel==0.41.3", "setuptools==65.5.0"]


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


def runtime_python(version: str) -> str:
    lock = json.loads((NODE_PYODIDE / "pyodide-lock.json").read_text())
    python = lock["info"]["python"]
    mine = f"{sys.version_info.major}.{sys.version_info.minor}"
    if ".".join(python.split(".")[:2]) != mine:
        raise BuildError(f"Pyodide {version} runs Python {python} but this is Python {mine}: the wheels are "
                         f"compiled for this interpreter's minor version, so run the build with Python "
                         f"{'.'.join(python.split('.')[:2])}")
    return python


def runtime_dependencies() -> list[tuple[str, str]]:
    """(name, version) of every run-time dependency; each must be pinned ``name==X.Y.Z`` (pure Python)."""
    pins = []
    for dep in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]:
        match = re.fullmatch(r"([\w.-]+)\s*==\s*([\w.]+)", dep.strip())
        if not match:
            raise BuildError(f"pyproject.toml: run-time dependency {dep!r} must be pinned as name==X.Y.Z")
        pins.append((match.group(1), match.group(2)))
    return pins


def pyodide_cli(version: str) -> Path:
    """The `pyodide` command from pyodide-build==version, in its own venv (created once)."""
    pins = [f"pyodide-build=={version}", *PYODIDE_BUILD_EXTRA_PINS]
    marker = PYODIDE_VENV / "pins.txt"
    cli = PYODIDE_VENV / "bin" / "pyodide"
    if cli.exists() and marker.exists() and marker.read_text() == "\n".join(pins):
        return cli
    print(f"wizard assets: creating {PYODIDE_VENV.relative_to(ROOT)} with {' '.join(pins)} (once)")
    shutil.rmtree(PYODIDE_VENV, ignore_errors=True)
    run([sys.executable, "-m", "venv", str(PYODIDE_VENV)], "creating the pyodide-build venv")
    run([str(PYODIDE_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", *pins],
        "installing pyodide-build (needs PyPI)")
    marker.write_text("\n".join(pins))
    return cli


def py_compile(cli: Path, wheel: Path) -> Path:
    """Run `pyodide py-compile` on a wheel; returns the compiled wheel (tagged cp3XX)."""
    before = set(wheel.parent.glob("*.whl"))
    run([str(cli), "py-compile", "--silent", str(wheel)], f"pyodide py-compile {wheel.name}")
    after = set(wheel.parent.glob("*.whl")) - (before - {wheel})
    compiled = [p for p in after if p.exists() and "-cp3" in p.name]
    if len(compiled) != 1:
        raise BuildError(f"pyodide py-compile left no single compiled wheel next to {wheel.name}")
    return compiled[0]


def build_wizard_wheel(cli: Path) -> Path:
    """Wheel of the `wizard` package, rebuilt only when wizard/** or pyproject.toml changed."""
    key = tree_hash([ROOT / "wizard", ROOT / "pyproject.toml"])[:16]
    done = CACHE / f"wizard-{key}"
    existing = list(done.glob("*-cp3*.whl")) if done.exists() else []
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
        python = str(PYODIDE_VENV / "bin" / "python")  # has setuptools + wheel pinned: no build isolation needed
        run([python, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(done), str(src)],
            "building the wizard wheel")
    wheels = list(done.glob("*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"expected one wizard wheel in {done}, found {[w.name for w in wheels]}")
    return py_compile(cli, wheels[0])


def fetch_dependency(cli: Path, name: str, version: str) -> Path:
    """The pure-Python wheel of one pinned run-time dependency from PyPI, py-compiled (cached)."""
    done = CACHE / f"{name}-{version}"
    existing = list(done.glob("*-cp3*.whl")) if done.exists() else []
    if existing:
        return existing[0]
    shutil.rmtree(done, ignore_errors=True)
    done.mkdir(parents=True)
    run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
         "-d", str(done), f"{name}=={version}"], f"downloading {name}=={version} from PyPI")
    wheels = list(done.glob("*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"pip download gave {[w.name for w in wheels]} for {name}=={version}")
    return py_compile(cli, wheels[0])


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


def sync_file(src: Path, dest: Path) -> bool:
    """Copy src to dest unless an identical file is already there; True when copied."""
    if dest.exists() and dest.stat().st_size == src.stat().st_size and sha256(dest) == sha256(src):
        return False
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dest)
    return True


def build(force: bool = False) -> dict:
    version = pyodide_version()
    python = runtime_python(version)
    if force:
        shutil.rmtree(CACHE, ignore_errors=True)
    cli = pyodide_cli(version)
    wheels = [build_wizard_wheel(cli), *(fetch_dependency(cli, name, version) for name, version in runtime_dependencies())]
    data_version = rule_data_version()

    wanted: dict[str, Path] = {f"pyodide/{name}": NODE_PYODIDE / name for name in RUNTIME_FILES}
    wheel_dir = "wheels/" + hashlib.sha256("".join(sha256(w) for w in wheels).encode()).hexdigest()[:12]
    for wheel in wheels:
        wanted[f"{wheel_dir}/{wheel.name}"] = wheel
    wanted["questions.json"] = ROOT / "wizard" / "data" / "questions.json"
    if WEB.exists():
        for file in sorted(WEB.rglob("*")):
            if file.is_file():
                wanted[f"app/{file.relative_to(WEB).as_posix()}"] = file
    for rel, src in wanted.items():
        if not src.exists():
            raise BuildError(f"{src.relative_to(ROOT)} missing" + (": run npm ci" if "node_modules" in src.parts else ""))

    OUT.mkdir(parents=True, exist_ok=True)
    copied = [rel for rel, src in wanted.items() if sync_file(src, OUT / rel)]
    for stale in [p for p in OUT.rglob("*") if p.is_file()]:
        rel = stale.relative_to(OUT).as_posix()
        if rel not in wanted and rel != "manifest.json":
            stale.unlink()
    for folder in sorted((p for p in OUT.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()

    manifest = {
        "pyodide_version": version,
        "python_version": python,
        "rule_data_version": data_version,
        "runtime": "pyodide/",
        "wheels": [f"{wheel_dir}/{w.name}" for w in wheels],
        "files": {rel: {"size": (OUT / rel).stat().st_size, "sha256": sha256(OUT / rel)} for rel in sorted(wanted)},
    }
    text = json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    manifest_path = OUT / "manifest.json"
    if not manifest_path.exists() or manifest_path.read_text() != text:
        manifest_path.write_text(text)
    total = sum(f["size"] for f in manifest["files"].values())
    print(f"wizard assets: Pyodide {version} (Python {python}), rule data {data_version}, "
          f"{len(wanted)} files, {total / 1e6:.1f} MB, {len(copied)} updated -> {OUT.relative_to(ROOT)}/")
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
