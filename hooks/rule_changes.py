"""MkDocs hook (owner: staff-tools): expand `{{ staff: rule-changes }}` markers from the rule data at build time.

docs/changes.md and docs/changes.en.md hold the marker; it becomes the table of every dated rule value in
wizard/data/parameters (value, effective date, status, reference) and the list of holiday files.
An unknown `{{ staff: … }}` marker fails the build. `mkdocs serve` also reloads when wizard/data changes.
The rendering lives in scripts/staff/rule_changes.py, shared with `python scripts/staff.py check`.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent


def _load_renderer():
    package_dir = ROOT / "scripts" / "staff"
    name = "_staff_tools_for_hooks"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, package_dir / "__init__.py",
                                                      submodule_search_locations=[str(package_dir)])
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return importlib.import_module(f"{name}.rule_changes")


rule_changes = _load_renderer()


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
        return rule_changes.expand_markers(markdown, ROOT, lang)
    except ValueError as error:
        raise PluginError(f"docs/{src}: {error}") from None
