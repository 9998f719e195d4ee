"""The site's page words (site_words/<lang>.json): same keys and placeholders in every language, a word for
everything the hooks and templates show, and no words left in the templates or hooks."""
from __future__ import annotations

import re
import string
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))  # as MkDocs does while loading a hook
import swimlane  # noqa: E402  (hooks/swimlane.py)
from sitebuild import changes_page, words  # noqa: E402  (hooks/sitebuild/)


def _flatten(value, prefix=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, f"{prefix}{key}.")
    elif isinstance(value, list):
        yield prefix.rstrip("."), f"list of {len(value)}"
        for index, item in enumerate(value):
            yield from _flatten(item, f"{prefix}{index}.")
    else:
        yield prefix.rstrip("."), value


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_there_is_a_words_file_for_each_site_language():
    assert words.languages() == ["en", "zh"]


def test_every_language_has_the_same_keys_and_the_same_placeholders():
    flat = {lang: dict(_flatten(words.load(lang))) for lang in words.languages()}
    zh = flat["zh"]
    for lang, other in flat.items():
        assert set(other) == set(zh), f"{lang}: keys differ from zh: {sorted(set(other) ^ set(zh))}"
        for key, text in zh.items():
            assert isinstance(other[key], type(text)), f"{lang}.{key}"
            if isinstance(text, str):
                assert other[key].strip(), f"{lang}.{key} is empty"
                assert _placeholders(other[key]) == _placeholders(text), f"{lang}.{key}"


def test_every_source_in_mkdocs_yml_has_a_title_in_every_language():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = config[config.index("\n  sources:\n"):]
    keys = re.findall(r"^    ([a-z][a-z-]*):\s*$", block, flags=re.M)
    assert keys == ["zj-notice", "js-notice"]
    for lang in words.languages():
        assert set(words.load(lang)["sources"]) == set(keys), lang


def test_every_swimlane_actor_and_every_rule_data_unit_with_a_number_has_a_word():
    for lang in words.languages():
        assert set(swimlane.ACTORS) <= set(words.load(lang)["swimlane"])
        assert changes_page.format_value(10, "working_days", lang) != "10"


@pytest.mark.parametrize("path", ["overrides/404.html", "overrides/partials/source-note.html", "hooks/swimlane.py",
                                  "hooks/sitebuild/changes_page.py", "hooks/essentials.py",
                                  "hooks/sitebuild/essentials.py"])
def test_templates_and_hooks_hold_no_chinese_words_and_no_language_ifs(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    # Chinese in comments, docstrings (examples) and regular expressions (the swimlane syntax accepts "：") is fine;
    # anywhere else it would be a word that belongs in site_words/.
    code = re.sub(r'\{#.*?#\}|""".*?"""|#[^\n]*|\br"[^"\n]*"', "", text, flags=re.S)
    assert not re.search(r"[\u4e00-\u9fff\uff01-\uff5e]", code), f"{path} holds words: move them to site_words/"
    assert not re.search(r"""(lang|en)\s*==\s*["'](zh|en)["']|\bif en\b""", code), f"{path} switches on the language"


def test_dates_read_in_each_language():
    assert words.format_date("2026-11-21", "zh") == "2026年11月21日"
    assert words.format_date("2026-11-21", "en") == "21 November 2026"
    assert words.format_date("soon", "en") is None
