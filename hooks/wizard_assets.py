"""MkDocs hook: the wizard's assets in the site, and the wizard form's data in the wizard pages.

- post-build: copy build/wizard-assets/ (made by sitebuild/assets.py) into the site as /wizard-assets/
  (one folder per asset version, /wizard-assets/<version>/, plus the current manifest.json), and write the
  service worker, web/sw.js, as /wizard-sw.js at the site root (its one writer), with the asset version,
  the version's files it precaches, the files the two wizard pages load besides the wizard's own (the
  theme's CSS and script) and a revision of those pages and files filled in: a change to the assets or to
  either page changes the worker's bytes, which is how a reader's browser notices it. Only the
  wizard pages reference these files. Unchanged files are not copied again; files of other versions are
  removed. If the assets were never built, the wizard pages show their "could not load" message; the build
  says how to fix it but does not fail (guide pages still work).
- post-page: on a wizard page (the element ``<div id="wizard" data-lang="…">``), point the page's
  ``wizard-assets/app/`` links at the current version's folder, write questions.json, the page language's
  texts (app/i18n/<lang>.json) and manifest.json into a ``<script type="application/json" id="wizard-data">``
  block before the page's script (app/wizard.js, the bundle of web/main.js), so the form renders without
  waiting for three requests (web/boot.js fetches the same files when the block is missing), and write
  the SVG favicon into the page as a data: URL: Chromium re-requests the favicon on every same-document URL
  change, i.e. on every answer the wizard writes to the fragment, and the service worker's repeat visit
  makes no request at all. The theme's ``<link rel="next">`` is dropped from a wizard page: Firefox
  prefetches the page it names (its ``network.prefetch-next``), a guide page the service worker does not
  answer, so every visit, offline or on a slow network, sent a request alongside the engine's start (the
  footer's "next" link stays).
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "build" / "wizard-assets"
SW_SOURCE = ROOT / "web" / "sw.js"
TARGET = "wizard-assets"
SERVICE_WORKER = "wizard-sw.js"  # at the site root: a service worker controls only URLs under its folder
WIZARD_ROOT = re.compile(r'<div id="wizard"[^>]*\bdata-lang="(zh|en)"')
# The wizard page's one script, the bundle of web/main.js (sitebuild/assets.py).
WIZARD_SCRIPT = re.compile(r'<script type="module" async src="[^"]*wizard-assets/(?:[0-9a-f]{12}/)?app/wizard\.js"></script>')
APP_LINK = re.compile(r'((?:src|href)="[^"]*wizard-assets/)app/')
WIZARD_PAGES = ("wizard/index.html", "en/wizard/index.html")  # web/sw.js's PAGES
# What a page loads at once: stylesheets and scripts (the search worker and images are left to the network).
PAGE_FILE = re.compile(r'<link rel="stylesheet" href="([^"]+)"|<script\b[^>]*\bsrc="([^"]+)"')
SVG_ICON = re.compile(r'<link rel="icon" href="([^"]+\.svg)" type="image/svg\+xml">')
NEXT_LINK = re.compile(r'\s*<link rel="next" href="[^"]*">')


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


@event_priority(-100)  # after mkdocs-static-i18n built the other languages, before hooks/precompress.py
def on_post_build(config, **kwargs) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested per-language build: the last call, with every page written, does the work
    target = Path(config["site_dir"]) / TARGET
    if current_version() is None:  # printed, not logged: `--strict` guide builds stay green
        print("wizard_assets: build/wizard-assets/manifest.json missing; run `make build` "
              "(or `PYTHONPATH=hooks python -m sitebuild.assets`) so the wizard pages can load the engine")
        return
    site = Path(config["site_dir"])
    for src in ASSETS.rglob("*"):
        if src.is_file():
            dest = target / src.relative_to(ASSETS)
            if not _same(src, dest):
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest)
    worker = service_worker(site)
    if not (site / SERVICE_WORKER).exists() or (site / SERVICE_WORKER).read_text(encoding="utf-8") != worker:
        (site / SERVICE_WORKER).write_text(worker, encoding="utf-8")  # hooks/precompress.py compresses it
    wanted = {p.relative_to(ASSETS) for p in ASSETS.rglob("*") if p.is_file()}
    for dest in [p for p in target.rglob("*") if p.is_file()]:
        if dest.relative_to(target) not in wanted:
            dest.unlink()
    for folder in sorted((p for p in target.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


def built_pages(site: Path) -> list[str]:
    """The wizard pages this build wrote (a partial build, e.g. the staff link check's copy, may lack them)."""
    return [page for page in WIZARD_PAGES if (site / page).is_file()]


def page_files(site: Path) -> list[str]:
    """The site-root-relative paths of the stylesheets and scripts the wizard pages load, other than the
    wizard's own versioned assets (which the service worker lists already)."""
    found = set()
    for page in built_pages(site):
        html = (site / page).read_text(encoding="utf-8")
        for match in PAGE_FILE.finditer(html):
            link = urljoin("/" + page, match.group(1) or match.group(2))
            parts = urlsplit(link)
            path = parts.path.lstrip("/")
            if not parts.scheme and not parts.netloc and not path.startswith(TARGET + "/") and (site / path).is_file():
                found.add(path)
    return sorted(found)


def precached(version: str) -> list[str]:
    """The version's files the service worker precaches: what the engine's worker and the page fetch, not the
    source map, not questions.json or the texts (on_post_page writes them into the page)."""
    manifest = json.loads((ASSETS / version / "manifest.json").read_text(encoding="utf-8"))
    return [f"{version}/{rel}" for rel in sorted(manifest["files"])
            if not rel.endswith(".map") and rel != "questions.json" and not rel.startswith("app/i18n/")]


def service_worker(site: Path, version: str | None = None) -> str:
    """web/sw.js with VERSION (the current asset version unless given), FILES, PAGE_FILES and REVISION filled in."""
    version = version or current_version()
    if version is None:
        raise RuntimeError("build/wizard-assets/manifest.json missing: run `make build`")
    source = SW_SOURCE.read_text(encoding="utf-8")
    placeholders = ('"__VERSION__"', '["__FILES__"]', '["__PAGE_FILES__"]', '"__REVISION__"')
    if not all(placeholder in source for placeholder in placeholders):
        raise RuntimeError(f"web/sw.js must contain the placeholders {', '.join(placeholders)}")
    files = page_files(site)
    digest = hashlib.sha256()
    for path in [*built_pages(site), *files]:
        digest.update(path.encode() + b"\0" + (site / path).read_bytes() + b"\0")
    values = (version, precached(version), files, digest.hexdigest()[:12])
    for placeholder, value in zip(placeholders, values, strict=True):
        source = source.replace(placeholder, json.dumps(value))
    return source


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


def _inline_icon(match: re.Match, svg: Path) -> str:
    if not svg.is_file():
        return match.group(0)
    data = quote(svg.read_text(encoding="utf-8").strip(), safe="=:/;,'")
    return match.group(0).replace(f'href="{match.group(1)}"', f'href="data:image/svg+xml,{data}"')


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
    output = NEXT_LINK.sub("", output, count=1)
    output = SVG_ICON.sub(lambda m: _inline_icon(m, Path(config["docs_dir"]) / config["theme"]["favicon"]), output)
    block = f'<script type="application/json" id="wizard-data">{_inline_json(data)}</script>'
    script = WIZARD_SCRIPT.search(output)  # again: the links before it were rewritten
    if script is None:
        return output
    return output[: script.start()] + block + output[script.start():]
