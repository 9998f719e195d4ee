"""The site's page words, one file per language: site_words/<lang>.json (zh.json, en.json).

Hooks and templates take every word a reader sees from here instead of holding strings or language `if`s:
source titles and the source note (overrides/partials/source-note.html), the 404 page (overrides/404.html),
swimlane labels (hooks/swimlane.py), the rule-changes page (sitebuild/changes_page.py). hooks/page_words.py
hands them to the templates as ``site_words[lang]``. The wizard's own texts live elsewhere (wizard/text/,
web/i18n/). Both files have the same keys and the same ``{placeholders}`` (tests/site/test_site_words.py).

>>> load("en")["swimlane"]["applicant"]
'Applicant'
>>> load("zh")["date"]["format"].format(y=2026, month=load("zh")["date"]["months"][10], d=21)
'2026年11月21日'
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[2] / "site_words"


def languages() -> list[str]:
    """Languages that have a words file, e.g. ['en', 'zh']."""
    return sorted(path.stem for path in FOLDER.glob("*.json"))


@functools.lru_cache(maxsize=None)
def load(lang: str) -> dict:
    """The page words of ``lang``; a language without a file raises FileNotFoundError (the build fails)."""
    return json.loads((FOLDER / f"{lang}.json").read_text(encoding="utf-8"))


def all_words() -> dict[str, dict]:
    """{lang: words} for every language with a file."""
    return {lang: load(lang) for lang in languages()}


def format_date(value: object, lang: str) -> str | None:
    """'2026-11-21' (or a date) in ``lang``'s words, e.g. '21 November 2026'; None if it is not a date."""
    text = str(value)[:10]
    parts = text.split("-")
    if len(parts) != 3 or len(parts[0]) != 4 or not all(part.isdigit() for part in parts):
        return None
    date = load(lang)["date"]
    year, month, day = (int(part) for part in parts)
    if not 1 <= month <= 12:
        return None
    return date["format"].format(y=year, month=date["months"][month - 1], d=day)
