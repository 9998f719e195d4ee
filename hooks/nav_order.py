"""Order the navigation as a reader goes through the procedures, whatever pages exist yet.

The nav is generated from docs/ (no explicit `nav:` in mkdocs.yml, so a page that is not written yet never
breaks the build); this hook sorts it by READING_ORDER (the page paths fixed in CONVENTIONS.md). Pages not in
the list follow, by path. Sections sort by their first page. Previous/next links follow the new order.
Section titles are translated by the i18n plugin's nav_translations in mkdocs.yml.
"""
from __future__ import annotations

import re

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

READING_ORDER = [
    "index",
    "zhejiang/index", "zhejiang/exam", "zhejiang/employer-record", "zhejiang/personnel-form",
    "zhejiang/apply", "zhejiang/electronic-seal", "zhejiang/faq", "zhejiang/contacts",
    "jiangsu/index", "jiangsu/employer-setup", "jiangsu/realname", "jiangsu/out-of-province-entry",
    "jiangsu/initial", "jiangsu/renewal", "jiangsu/cancellation", "jiangsu/personal-change",
    "jiangsu/company-rename", "jiangsu/withdraw", "jiangsu/delta-registration",
    "jiangsu/employer-confirmation", "jiangsu/review-and-certificates", "jiangsu/faq", "jiangsu/contacts",
    "wizard/index",
    "glossary",
]
_RANK = {path: rank for rank, path in enumerate(READING_ORDER)}
_SUFFIX = re.compile(r"(\.[a-z]{2})?\.md$")


def page_key(src_uri: str) -> str:
    """'jiangsu/renewal.en.md' -> 'jiangsu/renewal'."""
    return _SUFFIX.sub("", src_uri)


def _rank(item) -> tuple:
    if isinstance(item, Page) and item.file is not None:
        key = page_key(item.file.src_uri)
        return (_RANK.get(key, len(_RANK)), key)
    if isinstance(item, Section):
        ranks = [_rank(child) for child in item.children] or [(len(_RANK), item.title or "")]
        return min(ranks)
    return (len(_RANK) + 1, getattr(item, "title", "") or "")


def _sort(items: list) -> list:
    for item in items:
        if isinstance(item, Section):
            item.children = _sort(item.children)
    return sorted(items, key=_rank)


def _pages(items: list) -> list[Page]:
    out: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            out.append(item)
        elif isinstance(item, Section):
            out.extend(_pages(item.children))
    return out


def on_nav(nav, config, files, **kwargs):
    nav.items = _sort(nav.items)
    nav.pages = _pages(nav.items)
    previous = None
    for page in nav.pages:
        page.previous_page = previous
        page.next_page = None
        if previous is not None:
            previous.next_page = page
        previous = page
    return nav
