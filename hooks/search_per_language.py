"""Give each language its own search index, so the zh site only finds zh pages and /en/ only en pages.

mkdocs-static-i18n builds every language and merges all search entries into one site/search/search_index.json
(Material loads a single index from ``<base>/search/search_index.json``). After the last language is built this
hook splits that index by language: site/search/search_index.json keeps the default-language entries,
site/<lang>/search/search_index.json gets that language's entries with locations relative to /<lang>/
(the base URL of its pages). Runs last (priority -200), after the i18n plugin wrote the merged index.
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority


def _i18n(config):
    return config.plugins.get("i18n")


@event_priority(-200)
def on_post_build(config, **kwargs):
    i18n = _i18n(config)
    if i18n is None or getattr(i18n, "building", False):
        return  # a nested per-language build: the merged index is written after it
    site = Path(config.site_dir)
    merged_path = site / "search" / "search_index.json"
    if not merged_path.exists():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    others = [lang.locale for lang in i18n.config.languages if not lang.default and lang.build]
    by_lang = {lang: [] for lang in others}
    default_docs = []
    for doc in merged.get("docs", []):
        for lang in others:
            if doc["location"].startswith(f"{lang}/"):
                by_lang[lang].append({**doc, "location": doc["location"][len(lang) + 1:]})
                break
        else:
            default_docs.append(doc)
    _write(merged_path, {**merged, "docs": default_docs})
    for lang, docs in by_lang.items():
        _write(site / lang / "search" / "search_index.json", {**merged, "docs": docs})


def _write(path: Path, index: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
