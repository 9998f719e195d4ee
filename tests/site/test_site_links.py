"""Every internal link and anchor of the built site resolves, in both languages."""
from __future__ import annotations

from collections import defaultdict

from sitehtml import html_pages, language_of, parse_html, resolve, url_path_of


def test_every_internal_link_and_anchor_resolves_in_both_languages(built_site):
    pages = html_pages(built_site)
    parsed = {p: parse_html(p.read_text(encoding="utf-8")) for p in pages}
    checked = defaultdict(int)
    broken = []
    for path, info in parsed.items():
        here = url_path_of(built_site, path)
        lang = language_of(built_site, path)
        for href in info.links:
            target = resolve(built_site, here, href)
            if target is None:
                continue  # external (edit link, official sites), mailto:, tel:
            file, fragment, url = target
            checked[lang] += 1
            if file is None:
                broken.append(f"[{lang}] {here}: {href} -> {url} does not exist")
                continue
            if fragment and file.suffix == ".html":
                ids = parsed[file].ids if file in parsed else parse_html(file.read_text(encoding="utf-8")).ids
                if fragment not in ids:
                    broken.append(f"[{lang}] {here}: {href} -> #{fragment} is not an anchor of {url}")
    assert checked["zh"] > 0 and checked["en"] > 0, f"links checked per language: {dict(checked)}"
    assert broken == [], f"{len(broken)} broken links:\n" + "\n".join(broken)
