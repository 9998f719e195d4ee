"""MkDocs hook: copy build/wizard-assets/ (made by scripts/build_wheels.py) into the site as /wizard-assets/.

Runs on post-build, so `mkdocs build` and `mkdocs serve` both get the Pyodide runtime, the two wheels,
questions.json and the wizard page's scripts. Only the wizard pages reference these files.
Unchanged files are not copied again. If the assets were never built, the wizard pages show their
"could not load" message; the build says how to fix it but does not fail (guide pages still work).
"""
from __future__ import annotations

import shutil
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "build" / "wizard-assets"
TARGET = "wizard-assets"


def _same(src: Path, dest: Path) -> bool:
    if not dest.exists():
        return False
    a, b = src.stat(), dest.stat()
    return a.st_size == b.st_size and int(a.st_mtime) == int(b.st_mtime)


def on_post_build(config, **kwargs) -> None:
    target = Path(config["site_dir"]) / TARGET
    if not (ASSETS / "manifest.json").exists():  # printed, not logged: `--strict` guide builds stay green
        print("wizard_assets: build/wizard-assets/manifest.json missing; run `make build` "
              "(or `python scripts/build_wheels.py`) so the wizard pages can load the engine")
        return
    for src in ASSETS.rglob("*"):
        if src.is_file():
            dest = target / src.relative_to(ASSETS)
            if not _same(src, dest):
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest)
    wanted = {p.relative_to(ASSETS) for p in ASSETS.rglob("*") if p.is_file()}
    for dest in [p for p in target.rglob("*") if p.is_file()]:
        if dest.relative_to(target) not in wanted:
            dest.unlink()
