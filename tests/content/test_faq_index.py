"""The Zhejiang FAQ pages open with the list of their 13 questions, each linked to its anchor (faq-1 .. faq-13)."""
from __future__ import annotations

import sys

import pytest
from staff_fixtures import ROOT

sys.path.insert(0, str(ROOT))  # the staff package
from staff.pages import read_page  # noqa: E402


@pytest.mark.parametrize("file", ["zhejiang/faq.md", "zhejiang/faq.en.md"])
def test_the_zhejiang_faq_lists_its_13_questions_at_the_top(file: str):
    page = read_page(ROOT / "docs" / file, ROOT)
    first_question = next(h.line for h in page.headings if h.explicit_id == "faq-1")
    listed = [link.target for link in page.links if link.line < first_question and link.target.startswith("#faq-")]
    assert listed == [f"#faq-{n}" for n in range(1, 14)]
    titles = {h.explicit_id: h.text for h in page.headings if h.explicit_id}
    for link in (l for l in page.links if l.line < first_question and l.target.startswith("#faq-")):
        number = link.target.removeprefix("#faq-")
        assert titles[f"faq-{number}"].split(". ", 1)[1].replace("[", "").replace("]", "") in \
            page.lines[link.line - 1].replace("\\[", "[").replace("\\]", "]").replace("[", "").replace("]", "")
