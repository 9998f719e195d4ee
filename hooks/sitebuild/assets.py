"""Build the in-browser wizard's assets into build/wizard-assets/ (copied into the site by hooks/wizard_assets.py,
which also writes the service worker, /wizard-sw.js, from web/sw.js and the manifest written here).

Run by `make build` and `make serve`:  PYTHONPATH=hooks python -m sitebuild.assets [--force]

What it writes::

    build/wizard-assets/
      manifest.json              a copy of <version>/manifest.json: which version is current (never cached long)
      <version>/                 everything the wizard page loads; <version> is a hash of the contents, so a
                                 URL never changes meaning (long cache lifetimes, a service worker cache-first)
        manifest.json            file names, sizes, sha256, Pyodide version, RULE_DATA_VERSION
        pyodide/                 the runtime set (sitebuild/runtime_set.py): pyodide.js, pyodide.asm.js,
                                 pyodide.asm.wasm from node_modules/pyodide, python_stdlib.zip reduced to the
                                 modules the engine imports plus the engine, pyodide-lock.json without packages
        questions.json           wizard/data/questions.json with its help texts filled in, so the form renders
                                 before Python is ready
        app/                     the page's JavaScript, CSS and per-language texts from web/: wizard.js is
                                 web/main.js with every module it imports, bundled by esbuild (npm) into
                                 one ES module; the engine's worker script (worker.js), wizard.css and
                                 i18n/ are copied as they are
      every file above also as <file>.gz and <file>.br (precompressed for nginx's gzip_static/brotli_static)

A second run with nothing changed only compares hashes.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from precompress import (
    precompress,  # hooks/precompress.py: the site's and the assets' one compressor
)

from .runtime_set import (
    CACHE,
    NODE_PYODIDE,
    ROOT,
    RUNTIME_FILES,
    STDLIB_ZIP,
    BuildError,
    _engine,
    build_wizard_wheel,
    fetch_dependency,
    pyodide_version,
    reduced_stdlib,
    rule_data_version,
    run,
    runtime_dependencies,
    runtime_python,
    sha256,
    tree_hash,
    trimmed_lock,
)

OUT = ROOT / "build" / "wizard-assets"
WEB = ROOT / "web"
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
# The page's ES modules (web/*.js but the two below) reach the browser as one bundle: on HTTP/1.1 with a
# phone's round-trip times a dozen module requests delayed the engine's start (scripts/bench.py).
PAGE_ENTRY, PAGE_BUNDLE = "main.js", "wizard.js"
COPIED_SCRIPTS = {"worker.js"}  # the classic Web Worker script, loaded by its own URL
# sw.js is written at the site root by hooks/wizard_assets.py; package.json tells Node the files are modules.
NOT_SERVED = {"sw.js", "package.json"}


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


def page_questions() -> Path:
    """questions.json as the page reads it: help texts filled in with today's rule values, each procedure's
    professions added (``wizard.schema.page_questions``)."""
    import datetime

    _engine()  # the source tree's engine
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
    for src in wanted.values():
        if not src.exists():
            raise BuildError(f"{src.relative_to(ROOT)} missing" + (": run npm ci" if "node_modules" in src.parts else ""))
    hashes = {rel: sha256(src) for rel, src in wanted.items()}
    asset_version = hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()[:12]
    folder = OUT / asset_version

    OUT.mkdir(parents=True, exist_ok=True)
    copied = [rel for rel, src in wanted.items() if sync_file(src, folder / rel)]
    manifest: dict[str, Any] = {
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
    compressed = precompress(OUT)  # hooks/precompress.py: .gz and .br beside each file
    keep = {"manifest.json", "manifest.json.gz", "manifest.json.br"}
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
