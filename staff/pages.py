"""Read a Markdown page of the guide: language, twin, front matter, headings, anchors and links (with line numbers)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

EN_SUFFIX = ".en.md"


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML loader that keeps dates as text, so `check` can say what is wrong with a bad date."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_ATTR_LIST = re.compile(r"\{:?\s*([^{}]*?)\s*\}\s*$")
_ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
_BLOCK_ATTR = re.compile(r"\{:?\s*[^{}]*?#([^\s{}]+)[^{}]*\}")
_HTML_ID = re.compile(r"""<[a-zA-Z][^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']""")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1")
_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_REF_DEF = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_MARKER = re.compile(r"\{\{\s*staff:\s*([^}]*?)\s*\}\}")


@dataclass
class Heading:
    line: int
    level: int
    text: str          # without the attribute list
    explicit_id: str | None


@dataclass
class Link:
    line: int
    target: str        # as written, e.g. "faq.md#faq-8"
    image: bool = False


@dataclass
class Page:
    path: Path
    rel: str                          # e.g. "docs/jiangsu/renewal.en.md"
    key: str                          # language-neutral path under docs/, e.g. "jiangsu/renewal"
    lang: str                         # "zh" or "en"
    lines: list[str] = field(default_factory=list)
    front_matter: dict | None = None  # None when absent
    front_matter_error: tuple[int, str] | None = None
    front_matter_lines: dict[str, int] = field(default_factory=dict)
    body_start: int = 1               # first line after the front matter
    headings: list[Heading] = field(default_factory=list)
    explicit_ids: list[tuple[int, str]] = field(default_factory=list)  # (line, id), in order
    links: list[Link] = field(default_factory=list)
    markers: list[tuple[int, str]] = field(default_factory=list)

    def anchors(self) -> set[str]:
        """Every id a link may point to: explicit ids first, plus the automatic ids of headings."""
        ids = {anchor for _, anchor in self.explicit_ids}
        seen: dict[str, int] = {}
        for heading in self.headings:
            if heading.explicit_id:
                continue
            for slug in slug_candidates(heading.text):
                count = seen.get(slug, 0)
                ids.add(slug if count == 0 else f"{slug}_{count}")
                seen[slug] = count + 1
        return ids


def page_key(rel_to_docs: str) -> tuple[str, str]:
    """('jiangsu/renewal', 'en') for 'jiangsu/renewal.en.md'; ('jiangsu/renewal', 'zh') for 'jiangsu/renewal.md'."""
    if rel_to_docs.endswith(EN_SUFFIX):
        return rel_to_docs[: -len(EN_SUFFIX)], "en"
    return rel_to_docs[: -len(".md")], "zh"


def page_file(key: str, lang: str) -> str:
    """File name under docs/ of the page `key` in language `lang`."""
    return key + (EN_SUFFIX if lang == "en" else ".md")


def strip_inline_markup(text: str) -> str:
    """Heading text as the table of contents sees it: links, emphasis and code marks removed."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = _INLINE_CODE.sub(lambda m: m.group(2), text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(\*\*|__|\*|_|~~)(.+?)\1", r"\2", text)
    return text.strip()


def slug_candidates(text: str) -> set[str]:
    """The automatic ids a heading may get, under the default toc slugify and pymdownx's unicode slugify."""
    text = strip_inline_markup(text)
    ascii_slug = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_slug = re.sub(r"[^\w\s-]", "", ascii_slug).strip().lower()
    ascii_slug = re.sub(r"[-\s]+", "-", ascii_slug)
    unicode_slug = re.sub(r"[^\w\s-]", "", text, flags=re.UNICODE).strip().lower()
    unicode_slug = re.sub(r"[-\s]+", "-", unicode_slug)
    return {slug for slug in (ascii_slug, unicode_slug) if slug}


def read_page(path: Path, root: Path) -> Page:
    docs = root / "docs"
    key, lang = page_key(path.relative_to(docs).as_posix())
    page = Page(path=path, rel=path.relative_to(root).as_posix(), key=key, lang=lang)
    page.lines = path.read_text(encoding="utf-8").splitlines()
    _read_front_matter(page)
    _read_body(page)
    return page


def _read_front_matter(page: Page) -> None:
    lines = page.lines
    if not lines or lines[0].strip() != "---":
        return
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        page.front_matter_error = (1, 'the front matter starting with "---" on line 1 is never closed')
        return
    page.body_start = end + 2
    block = "\n".join(lines[1:end])
    for number in range(1, end):
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", lines[number])
        if match:
            page.front_matter_lines.setdefault(match.group(1), number + 1)
    try:
        data = yaml.load(block, Loader=_FrontMatterLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        page.front_matter_error = (line, f"the front matter is not valid YAML ({problem})")
        return
    if data is None:
        data = {}
    if not isinstance(data, dict):
        page.front_matter_error = (2, "the front matter is not a list of `key: value` lines")
        return
    page.front_matter = data


def _read_body(page: Page) -> None:
    fence: str | None = None
    for number in range(page.body_start, len(page.lines) + 1):
        line = page.lines[number - 1]
        fence_match = _FENCE.match(line)
        if fence:
            if fence_match and fence_match.group(2).startswith(fence) and not fence_match.group(3).strip():
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(2)
            continue
        code_free = _INLINE_CODE.sub("", line)
        heading = _HEADING.match(code_free)
        if heading and not line.startswith((" ", "\t")):
            text = heading.group(2).rstrip("#").rstrip()
            explicit = None
            attrs = _ATTR_LIST.search(text)
            if attrs:
                id_match = _ATTR_ID.search(attrs.group(1))
                explicit = id_match.group(1) if id_match else None
                text = text[: attrs.start()].rstrip()
            page.headings.append(Heading(number, len(heading.group(1)), text, explicit))
            if explicit:
                page.explicit_ids.append((number, explicit))
        else:
            for match in _BLOCK_ATTR.finditer(code_free):
                page.explicit_ids.append((number, match.group(1)))
        for match in _HTML_ID.finditer(code_free):
            page.explicit_ids.append((number, match.group(1)))
        for match in _LINK.finditer(code_free):
            page.links.append(Link(number, match.group(3), image=bool(match.group(1))))
        ref = _REF_DEF.match(code_free)
        if ref:
            page.links.append(Link(number, ref.group(2)))
        for match in _MARKER.finditer(code_free):
            page.markers.append((number, match.group(1)))
