"""English queries still find the Chinese pages: every English search term in a Chinese page's `tags:` finds that page.

Chinese pages carry no English glosses in their sentences (`python -m staff check` fails them); the English terms live in the
front matter `tags:` list, which the search index holds. This runs the built site's own search worker (Material's
lunr worker) in Node against the Chinese search index, so it needs the built site/ and Node (the build uses it too),
not a browser.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from staff_fixtures import ROOT

HARNESS = Path(__file__).with_name("search_query.cjs")
WITHIN = 3  # the tagged page must be among the first three result pages


def _tagged_chinese_pages() -> dict[str, list[str]]:
    """{page URL under the zh root: its English search terms} for every Chinese page with `tags:`."""
    pages = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        if path.name.endswith(".en.md"):
            continue
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        meta = yaml.safe_load(text.split("---\n", 2)[1]) or {}
        if meta.get("tags"):
            key = path.relative_to(ROOT / "docs").as_posix()[: -len(".md")]
            url = "" if key == "index" else (key[: -len("index")] if key.endswith("/index") else key + "/")
            pages[url] = [str(tag) for tag in meta["tags"]]
    return pages


TAGGED = _tagged_chinese_pages()


def _search(site: Path, queries: list[str]) -> dict[str, list[str]]:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("Node is not installed: the build needs it (npm ci), and so does this test")
        pytest.skip("Node is not installed")
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    run = subprocess.run([node, str(HARNESS), str(worker), str(site / "search" / "search_index.json"), *queries],
                         capture_output=True, text=True, check=True, timeout=120)
    return {query: [location.split("#")[0] for location in found or []]
            for query, found in json.loads(run.stdout).items()}


def test_the_chinese_pages_that_lost_their_english_glosses_have_search_terms():
    for url in ("jiangsu/renewal/", "jiangsu/initial/", "zhejiang/apply/", "jiangsu/realname/", "jiangsu/withdraw/"):
        assert url in TAGGED, f"the Chinese page {url or 'home'} has no English search terms (tags:)"


def test_each_english_search_term_of_a_chinese_page_finds_that_page_on_the_chinese_site(built_site: Path):
    queries = sorted({tag for tags in TAGGED.values() for tag in tags})
    results = _search(built_site, queries)
    missed = []
    for url, tags in TAGGED.items():
        for tag in tags:
            pages = list(dict.fromkeys(results[tag]))  # result groups of one page may repeat after dropping #anchors
            if url not in pages[:WITHIN]:
                missed.append(f"{tag!r} should find {url or 'the home page'} in the first {WITHIN}; found {pages[:5]}")
    assert missed == []
