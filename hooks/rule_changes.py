"""MkDocs hook: expand `{{ staff: rule-changes }}` markers from the rule data at build time.

docs/changes.md and docs/changes.en.md hold the marker; it becomes the table of every dated rule value in
wizard/data/parameters (value, effective date, status, reference) and the list of holiday files.
An unknown `{{ staff: … }}` marker fails the build. `mkdocs serve` also reloads when wizard/data changes.
The rendering lives in hooks/sitebuild/changes_page.py (`python -m staff check` reads its MARKERS).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild import changes_page

ROOT = Path(__file__).resolve().parent.parent


def on_config(config, **kwargs):
    data = ROOT / "wizard" / "data"
    if data.exists() and str(data) not in config["watch"]:
        config["watch"].append(str(data))
    return config


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    if "{{" not in markdown:
        return markdown
    src = page.file.src_uri
    lang = "en" if src.endswith(".en.md") or getattr(page.file, "locale", None) == "en" else "zh"
    try:
        return changes_page.expand_markers(markdown, ROOT, lang)
    except ValueError as error:
        raise PluginError(f"docs/{src}: {error}") from None
