"""Every FAQ item of both sources is on its page, by its anchor, in both languages."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from sitehtml import parse_html

EXPECT = tomllib.loads((Path(__file__).parent / "expectations.toml").read_text(encoding="utf-8"))
CASES = [(page, count, lang) for page, count in EXPECT["faq"].items() for lang in EXPECT["languages"]]


@pytest.mark.parametrize("page, count, lang", CASES, ids=[f"{lang}:{page}" for page, _, lang in CASES])
def test_every_faq_item_has_its_own_heading_and_anchor(built_site, page, count, lang):
    path = built_site / ("en" if lang == "en" else "") / page / "index.html"
    assert path.is_file(), f"{path.relative_to(built_site)} was not built"
    info = parse_html(path.read_text(encoding="utf-8"))
    expected = {f"faq-{n}" for n in range(1, count + 1)}
    found = {i for i in info.heading_ids if i.startswith("faq-")}
    assert sorted(expected - found, key=lambda a: int(a[4:])) == [], "FAQ anchors missing (or not on a heading)"
    assert sorted(found - expected) == [], "unexpected FAQ anchors (the source has exactly %d items)" % count
