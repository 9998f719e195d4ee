"""Built pages: every procedure page, in both languages, opens with the 办事要素 table (seven rows, none empty,
field names in the page's language) and its 办理流程 row links to a diagram that exists on the page."""
from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))
from sitebuild import essentials, words  # noqa: E402

PROCEDURES = sorted(p.relative_to(ROOT / "docs").as_posix().removesuffix(".md")
                    for folder in essentials.PROVINCES for p in (ROOT / "docs" / folder).glob("*.md")
                    if not p.name.endswith(".en.md") and essentials.is_procedure(
                        p.relative_to(ROOT / "docs").as_posix().removesuffix(".md")))


class _Table(HTMLParser):
    """The rows of the table inside <div class="essentials">, as lists of cell texts; and every id on the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0          # <div> depth inside the block (0: outside)
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.heading = ""
        self.in_heading = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "div" and (self.depth or "essentials" in (a.get("class") or "").split()):
            self.depth += 1
        if not self.depth:
            return
        if tag == "h2":
            self.in_heading = True
        elif tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self.cell = []
        elif tag == "a" and self.cell is not None:
            self.links.append(a.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "div" and self.depth:
            self.depth -= 1
        elif tag == "td" and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None
        elif tag == "h2":
            self.in_heading = False

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)
        elif self.in_heading:
            self.heading += data


def _page(built_site: Path, key: str, lang: str) -> _Table:
    parser = _Table()
    parser.feed((built_site / ("en/" if lang == "en" else "") / key / "index.html").read_text(encoding="utf-8"))
    return parser


def test_there_are_sixteen_procedure_pages():
    assert len(PROCEDURES) == 16, PROCEDURES


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("key", PROCEDURES)
def test_every_procedure_page_opens_with_the_seven_fields_none_empty(built_site: Path, key: str, lang: str):
    labels = words.load(lang)["essentials"]
    page = _page(built_site, key, lang)
    assert labels["heading"] in page.heading, f"{lang}/{key}: no 办事要素 block"
    body = [row for row in page.rows if row]  # the header row has <th> cells only
    assert [row[0] for row in body] == [labels["fields"][name] for name in essentials.FIELDS]
    assert all(len(row) == 2 and row[1] for row in body), f"{lang}/{key}: an empty field"
    assert "#flow" in page.links and "flow" in page.ids, f"{lang}/{key}: 办理流程 does not link to the diagram"


def test_the_block_comes_right_under_the_source_note_before_the_page_text(built_site: Path):
    html = (built_site / "jiangsu" / "initial" / "index.html").read_text(encoding="utf-8")
    note, block, diagram = html.find('class="page-source"'), html.find('class="essentials"'), html.find('id="flow"')
    assert 0 <= note < block < diagram


def test_a_block_with_an_empty_field_fails_the_build_naming_the_file_and_the_field():
    import essentials as hook  # hooks/essentials.py
    from mkdocs.exceptions import PluginError
    from types import SimpleNamespace

    block = dict.fromkeys(essentials.FIELDS, "通知未说明") | {"fees": " "}
    page = SimpleNamespace(meta={"essentials": block}, file=SimpleNamespace(src_uri="jiangsu/renewal.md", locale="zh"))
    with pytest.raises(PluginError, match=r"docs/jiangsu/renewal\.md: front matter `essentials`: fees is empty"):
        hook.on_page_markdown("# 办理延续注册\n", page, None, None)
    page.meta["essentials"] = dict.fromkeys(essentials.FIELDS, "通知未说明")
    rendered = hook.on_page_markdown("# 办理延续注册\n\n正文\n", page, None, None)
    assert rendered.index("# 办理延续注册") < rendered.index("## 办事要素 { #essentials }") < rendered.index("正文")
