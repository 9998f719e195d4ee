"""In headless Chromium, the search box finds the right page, and only pages of the language being read."""
from __future__ import annotations

import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest

EXPECT = tomllib.loads((Path(__file__).parent / "expectations.toml").read_text(encoding="utf-8"))
CASES = [(case, lang) for case in EXPECT["search"] for lang in EXPECT["languages"]]


def search(page, site_url: str, lang: str, query: str) -> list[str]:
    """Type `query` into the search box of the `lang` home page; return the result pages' paths, best first."""
    root = "/en/" if lang == "en" else "/"
    page.goto(site_url + root)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    page.keyboard.press("End")  # Material reads the query on key events
    page.wait_for_selector(".md-search-result__list > li", timeout=20_000)
    # One <li> per page; its first link is the page itself, the others are sections of it.
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > li", "items => items.map(li => li.querySelector('a').href)"
    )
    return [urlsplit(h).path for h in hrefs]


@pytest.mark.parametrize(
    "case, lang", CASES, ids=[f"{lang}:{case['query']}" for case, lang in CASES]
)
def test_searching_finds_the_right_page_in_the_language_being_read(page, site_url, case, lang):
    results = search(page, site_url, lang, case["query"])
    root = "/en/" if lang == "en" else "/"
    assert results, f"no results for {case['query']!r} on the {lang} site"
    other_language = [r for r in results if r.startswith("/en/") != (lang == "en")]
    assert other_language == [], f"results from the other language: {other_language}"
    top = [r[len(root):] for r in results[: case["within"]]]
    if "page" in case:
        assert case["page"] in top, f"{case['page']} not in the first {case['within']} results: {top}"
    else:
        assert any(t.startswith(case["prefix"]) for t in top), (
            f"no {case['prefix']} page in the first {case['within']} results: {top}"
        )


@pytest.mark.parametrize("lang", EXPECT["languages"])
def test_each_language_has_its_own_search_index_holding_only_its_own_pages(built_site, lang):
    import html
    import json

    root = built_site / ("en" if lang == "en" else "")
    index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = [d for d in index["docs"] if "#" not in d["location"]]
    assert pages, f"the {lang} search index is empty"
    wrong = []
    for doc in pages:
        target = root / doc["location"] / "index.html"
        if doc["location"].startswith("en/") or not target.is_file():
            wrong.append(f"{doc['location']} is not a {lang} page")
            continue
        title = html.unescape(doc["title"]).replace("\u200b", "")
        if title and title not in html.unescape(target.read_text(encoding="utf-8")):
            wrong.append(f"{doc['location']}: indexed title {title!r} is not on the {lang} page")
    assert wrong == []
