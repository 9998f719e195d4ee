"""Read the built site: list its HTML pages per language, and pull ids, links and meta out of a page.

Standard library only (html.parser), so the link and anchor tests need no browser.

>>> page = parse_html('<h2 id="faq-1">Q</h2><a href="../x/#faq-2">x</a>')
>>> page.ids, page.links
({'faq-1'}, ['../x/#faq-2'])
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

SKIP_DIRS = {"assets", "search", "wizard-assets"}


@dataclass
class PageInfo:
    ids: set[str] = field(default_factory=set)
    heading_ids: dict[str, str] = field(default_factory=dict)   # id -> tag (h1..h6)
    links: list[str] = field(default_factory=list)              # <a href>
    alternates: dict[str, str] = field(default_factory=dict)    # hreflang -> href
    canonical: str | None = None
    description: str | None = None
    lang: str | None = None
    classes: set[str] = field(default_factory=set)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.info = PageInfo()

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if "id" in a:
            self.info.ids.add(a["id"])
            if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                self.info.heading_ids[a["id"]] = tag
        if "name" in a and tag == "a":
            self.info.ids.add(a["name"])
        for cls in a.get("class", "").split():
            self.info.classes.add(cls)
        if tag == "html":
            self.info.lang = a.get("lang")
        elif tag == "a" and "href" in a:
            self.info.links.append(a["href"])
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.info.alternates[a["hreflang"]] = a.get("href", "")
        elif tag == "link" and a.get("rel") == "canonical":
            self.info.canonical = a.get("href")
        elif tag == "meta" and a.get("name") == "description":
            self.info.description = a.get("content")


def parse_html(text: str) -> PageInfo:
    parser = _Parser()
    parser.feed(text)
    return parser.info


def html_pages(site: Path) -> list[Path]:
    """Every HTML page of the built site (both languages), without theme and wizard assets."""
    return sorted(p for p in site.rglob("*.html") if not set(p.relative_to(site).parts[:-1]) & SKIP_DIRS)


def language_of(site: Path, path: Path) -> str:
    return "en" if path.relative_to(site).parts[0] == "en" else "zh"


def url_path_of(site: Path, path: Path) -> str:
    """site/en/jiangsu/renewal/index.html -> /en/jiangsu/renewal/ ; site/404.html -> /404.html"""
    rel = path.relative_to(site).as_posix()
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return "/" + rel


def resolve(site: Path, page_url_path: str, href: str, site_origin: str | None = None):
    """Where an internal href lands: (file in site/ or None if missing, fragment) ; None for external links."""
    if href.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None
    base = "http://site.invalid"
    if site_origin and href.startswith(site_origin):
        href = href[len(site_origin.rstrip("/")):] or "/"
    target = urlsplit(urljoin(base + page_url_path, href))
    if f"{target.scheme}://{target.netloc}" != base:
        return None
    path = unquote(target.path)
    candidate = site / path.lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return (candidate if candidate.is_file() else None, unquote(target.fragment), path)
