"""MkDocs hook: render a page's front matter ``essentials`` (the 办事要素 block) right under its H1.

The fields, their order and the check are in hooks/sitebuild/essentials.py; the field names a reader sees are
in site_words/<lang>.json ``essentials``. A block with a missing, empty or unknown field fails the build with
the file's name (typos must not pass silently); a procedure page without any block is reported by
``python -m staff check`` and by tests/site/test_site_essentials.py.
"""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from sitebuild import essentials, words

_H1 = re.compile(r"^# .*$", re.MULTILINE)
_WHAT = {"missing": "is missing", "empty": "is empty", "unknown": "is not a field of the block",
         "not a mapping": "is not a list of `field: value` lines"}


def _language(page) -> str:
    locale = getattr(page.file, "locale", None)
    return str(locale) if locale else ("en" if page.file.src_uri.endswith(".en.md") else "zh")


def on_page_markdown(markdown, page, config, files, **kwargs):
    block = page.meta.get(essentials.FRONT_MATTER_KEY)
    if block is None:
        return markdown
    found = essentials.problems(block)
    if found:
        listed = "; ".join(f"{name or essentials.FRONT_MATTER_KEY} {_WHAT[kind]}" for name, kind in found)
        raise PluginError(f"docs/{page.file.src_uri}: front matter `essentials`: {listed} "
                          f"(fields: {', '.join(essentials.FIELDS)}; see CONTRIBUTING.md)")
    table = essentials.render(block, words.load(_language(page))["essentials"])
    h1 = _H1.search(markdown)
    if not h1:
        return table + "\n" + markdown
    return markdown[:h1.end()] + "\n\n" + table + "\n" + markdown[h1.end():]
