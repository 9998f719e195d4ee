"""Every page exists in both languages, with its meta description, hreflang links and source note."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitehtml import html_pages, language_of, parse_html, resolve, url_path_of

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
EN_SUFFIX = re.compile(r"\.en\.md$")


def _markdown_pages():
    return [p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if "assets" not in p.relative_to(DOCS).parts]


def test_every_chinese_page_has_an_english_twin_and_every_english_page_a_chinese_one():
    pages = _markdown_pages()
    zh = {p[: -len(".md")] for p in pages if not EN_SUFFIX.search(p)}
    en = {EN_SUFFIX.sub("", p) for p in pages if EN_SUFFIX.search(p)}
    assert zh, "no Chinese pages in docs/"
    assert sorted(zh - en) == [], "Chinese pages without an English twin (.en.md)"
    assert sorted(en - zh) == [], "English pages without a Chinese original (.md)"


def test_every_page_is_built_in_both_languages(built_site):
    missing = []
    for page in _markdown_pages():
        if EN_SUFFIX.search(page):
            continue
        stem = page[: -len(".md")]
        url = "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
        for prefix in ("", "en/"):
            if not (built_site / prefix / url / "index.html").is_file():
                missing.append(f"{prefix}{url}")
    assert missing == []


def test_both_languages_have_a_404_page_in_their_own_language(built_site):
    for path, lang in ((built_site / "404.html", "zh"), (built_site / "en" / "404.html", "en")):
        assert path.is_file(), f"missing {path.relative_to(built_site)}"
        assert parse_html(path.read_text(encoding="utf-8")).lang == lang


@pytest.fixture(scope="module")
def parsed_pages(built_site):
    return [(p, parse_html(p.read_text(encoding="utf-8"))) for p in html_pages(built_site) if p.name != "404.html"]


def test_every_page_has_its_own_meta_description(parsed_pages):
    bad = [str(p) for p, info in parsed_pages if not (info.description or "").strip()]
    assert bad == []


def test_every_page_links_its_translations_with_absolute_hreflang_urls_that_exist(built_site, parsed_pages):
    problems = []
    for path, info in parsed_pages:
        if set(info.alternates) != {"zh", "en", "x-default"}:
            problems.append(f"{url_path_of(built_site, path)}: hreflang {sorted(info.alternates)}")
            continue
        for lang, href in info.alternates.items():
            if not href.startswith(("http://", "https://")):
                problems.append(f"{url_path_of(built_site, path)}: relative hreflang {lang}={href}")
                continue
            origin = "/".join(href.split("/")[:3])
            target = resolve(built_site, "/", href, site_origin=origin)
            if target is None or target[0] is None:
                problems.append(f"{url_path_of(built_site, path)}: hreflang {lang} -> {href} does not exist")
        own = language_of(built_site, path)
        if not info.alternates.get(own, "").endswith(url_path_of(built_site, path)):
            problems.append(f"{url_path_of(built_site, path)}: hreflang {own} does not point to itself")
    assert problems == []


def test_every_page_with_a_source_shows_it_and_the_checked_date_under_the_h1(built_site, parsed_pages):
    missing = []
    for path, info in parsed_pages:
        text = path.read_text(encoding="utf-8")
        front_source = _front_matter_source(built_site, path)
        if front_source in (None, "none"):
            continue
        if "page-source__doc" not in info.classes or "page-source__checked" not in info.classes:
            missing.append(url_path_of(built_site, path))
            continue
        h1_end, note = text.find("</h1>"), text.find('class="page-source"')
        if not (0 <= h1_end < note):
            missing.append(url_path_of(built_site, path) + " (note not right after the H1)")
    assert missing == []


def _front_matter_source(site: Path, path: Path):
    """The `source:` of the Markdown file a built page came from (None when there is no such file)."""
    rel = url_path_of(site, path).strip("/")
    lang = "zh"
    if rel == "en" or rel.startswith("en/"):
        lang, rel = "en", rel[3:] if rel.startswith("en/") else ""
    suffix = ".en.md" if lang == "en" else ".md"
    stems = ["index"] if not rel else [rel, f"{rel}/index"]
    for stem in stems:
        md = DOCS / f"{stem}{suffix}"
        if md.is_file():
            front = md.read_text(encoding="utf-8").split("\n---", 1)[0]
            match = re.search(r"^source:\s*(.+)$", front, re.M)
            return match.group(1).strip() if match else None
    return None
