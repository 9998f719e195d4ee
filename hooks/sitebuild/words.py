"""The site's page words, one file per language: site_words/<lang>.json (zh.json, en.json).

Hooks and templates take every word a reader sees from here instead of holding strings or language `if`s:
source titles and the source note (overrides/partials/source-note.html), the 404 page (overrides/404.html),
swimlane labels (hooks/swimlane.py), the rule-changes page (sitebuild/changes_page.py). hooks/page_words.py
hands them to the templates as ``site_words[lang]``. The wizard's own texts live elsewhere (wizard/text/,
web/i18n/). Dates are written by the engine's formatter (``format_date``). Both files have the same keys and the same ``{placeholders}`` (tests/site/test_site_words.py).

>>> load("en")["swimlane"]["applicant"]
'Applicant'
>>> format_date("2026-11-21", "zh")
'2026年11月21日'
"""
from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path

from wizard import text

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
    """'2026-11-21' (or a date) in ``lang``, e.g. '21 November 2026', as the wizard writes dates (one
    formatter, wizard.text.format_date, for the site and the engine); None if it is not a date."""
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return text.format_date(day, lang)
