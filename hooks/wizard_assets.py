"""MkDocs hook: the wizard's assets in the site, and the wizard form's data in the wizard pages.

- post-build: copy build/wizard-assets/ (made by scripts/build_wheels.py) into the site as /wizard-assets/
  (one folder per asset version, /wizard-assets/<version>/, plus the current manifest.json), and its
  service worker as /wizard-sw.js at the site root. Only the wizard pages reference these files. Unchanged
  files are not copied again; files of other versions are removed. If the assets were never built, the
  wizard pages show their "could not load" message; the build says how to fix it but does not fail
  (guide pages still work).
- post-page: on a wizard page (the element ``<div id="wizard" data-lang="…">``), point the page's
  ``wizard-assets/app/`` links at the current version's folder, write questions.json, the page language's
  texts (app/i18n/<lang>.json) and manifest.json into a ``<script type="application/json" id="wizard-data">``
  block before the page's script (app/wizard.js, the bundle of web/main.js), so the form renders without
  waiting for three requests (web/boot.js fetches the same files when the block is missing).
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "build" / "wizard-assets"
TARGET = "wizard-assets"
SERVICE_WORKER = "wizard-sw.js"  # at the site root: a service worker controls only URLs under its folder
WIZARD_ROOT = re.compile(r'<div id="wizard"[^>]*\bdata-lang="(zh|en)"')
# The wizard page's one script, the bundle of web/main.js (scripts/build_wheels.py).
WIZARD_SCRIPT = re.compile(r'<script type="module" async src="[^"]*wizard-assets/(?:[0-9a-f]{12}/)?app/wizard\.js"></script>')
APP_LINK = re.compile(r'((?:src|href)="[^"]*wizard-assets/)app/')


def current_version() -> str | None:
    """The asset version build/wizard-assets/manifest.json names, or None when the assets are not built."""
    manifest = ASSETS / "manifest.json"
    if not manifest.exists():
        return None
    version = json.loads(manifest.read_text(encoding="utf-8")).get("version")
    return version if version and (ASSETS / version).is_dir() else None


def _same(src: Path, dest: Path) -> bool:
    if not dest.exists():
        return False
    a, b = src.stat(), dest.stat()
    return a.st_size == b.st_size and int(a.st_mtime) == int(b.st_mtime)


def on_post_build(config, **kwargs) -> None:
    target = Path(config["site_dir"]) / TARGET
    if current_version() is None:  # printed, not logged: `--strict` guide builds stay green
        print("wizard_assets: build/wizard-assets/manifest.json missing; run `make build` "
              "(or `python scripts/build_wheels.py`) so the wizard pages can load the engine")
        return
    site = Path(config["site_dir"])
    for src in ASSETS.rglob("*"):
        if src.is_file():
            rel = src.relative_to(ASSETS)
            dest = site / rel if rel.name.startswith(SERVICE_WORKER) else target / rel
            if not _same(src, dest):
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest)
    wanted = {p.relative_to(ASSETS) for p in ASSETS.rglob("*") if p.is_file()}
    for dest in [p for p in target.rglob("*") if p.is_file()]:
        if dest.relative_to(target) not in wanted:
            dest.unlink()
    for folder in sorted((p for p in target.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


def _inline_json(value) -> str:
    """JSON safe inside a <script> element: no "<" (so no "</script>" or "<!--"), compact."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def form_data(lang: str) -> dict | None:
    """What web/boot.js needs before it can render the form, or None if the assets are not built."""
    version = current_version()
    if version is None:
        return None
    folder = ASSETS / version
    files = {"questions": folder / "questions.json", "texts": folder / "app" / "i18n" / f"{lang}.json",
             "manifest": folder / "manifest.json"}
    if not all(path.exists() for path in files.values()):
        return None
    return {key: json.loads(path.read_text(encoding="utf-8")) for key, path in files.items()}


def on_post_page(output: str, page, config, **kwargs) -> str:
    root = WIZARD_ROOT.search(output)
    script = WIZARD_SCRIPT.search(output)
    if not root or not script or 'id="wizard-data"' in output:
        return output
    data = form_data(root.group(1))
    if data is None:
        return output
    version = data["manifest"]["version"]
    output = APP_LINK.sub(lambda m: f"{m.group(1)}{version}/app/", output)
    block = f'<script type="application/json" id="wizard-data">{_inline_json(data)}</script>'
    script = WIZARD_SCRIPT.search(output)
    return output[: script.start()] + block + output[script.start():]
