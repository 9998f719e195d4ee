"""Pages in the order of the work: the navigation lists each province's pages so that a prerequisite comes before
the step that needs it, and every page of a province (but its contacts page) ends with a 下一步 / Next line whose
first link is the next step of the work, the same in both languages."""
from __future__ import annotations

import re
import sys

import pytest
import yaml
from staff_fixtures import ROOT

sys.path.insert(0, str(ROOT))  # the staff package
from staff.pages import read_page  # noqa: E402

ORDER = {
    "Zhejiang": ["index", "exam", "employer-record", "personnel-form",
                 "electronic-seal",  # the seal is applied in step 3 and its review takes a working day: before apply
                 "apply", "faq", "contacts"],
    "Jiangsu": ["index", "employer-setup", "realname", "out-of-province-entry", "initial",
                "employer-confirmation",  # the second step of every personal application
                "review-and-certificates", "renewal", "personal-change", "cancellation", "company-rename",
                "delta-registration", "withdraw", "faq", "contacts"],
}
# page -> the page its 下一步 line links to first. Procedures that an employer confirms lead to the confirmation page.
NEXT = {
    "zhejiang/index": "zhejiang/exam", "zhejiang/exam": "zhejiang/employer-record",
    "zhejiang/employer-record": "zhejiang/electronic-seal", "zhejiang/personnel-form": "zhejiang/electronic-seal",
    "zhejiang/electronic-seal": "zhejiang/apply", "zhejiang/apply": "zhejiang/faq", "zhejiang/faq": "zhejiang/contacts",
    "jiangsu/index": "jiangsu/employer-setup", "jiangsu/employer-setup": "jiangsu/realname",
    "jiangsu/realname": "jiangsu/out-of-province-entry", "jiangsu/out-of-province-entry": "jiangsu/initial",
    "jiangsu/initial": "jiangsu/employer-confirmation", "jiangsu/employer-confirmation": "jiangsu/review-and-certificates",
    "jiangsu/review-and-certificates": "jiangsu/renewal", "jiangsu/renewal": "jiangsu/employer-confirmation",
    "jiangsu/personal-change": "jiangsu/employer-confirmation", "jiangsu/cancellation": "jiangsu/employer-confirmation",
    "jiangsu/company-rename": "jiangsu/faq", "jiangsu/delta-registration": "jiangsu/faq", "jiangsu/withdraw": "jiangsu/faq",
    "jiangsu/faq": "jiangsu/contacts",
}
NEXT_LINE = {"zh": re.compile(r"^下一步："), "en": re.compile(r"^Next: ")}


class _Loader(yaml.SafeLoader):
    """mkdocs.yml uses !ENV and python tags; the nav needs neither."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def _nav() -> dict[str, list[str]]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    sections = {}
    for entry in config["nav"]:
        if isinstance(entry, dict):
            (name, pages), = entry.items()
            sections[name] = pages
    return sections


@pytest.mark.parametrize("province", sorted(ORDER))
def test_the_navigation_lists_each_province_in_the_order_of_the_work(province: str):
    folder = province.lower()
    assert _nav()[province] == [f"{folder}/{page}.md" for page in ORDER[province]]


def test_every_province_page_but_the_contacts_is_named_in_the_next_step_table():
    pages = {f"{province.lower()}/{page}" for province, names in ORDER.items() for page in names}
    assert set(NEXT) == {page for page in pages if not page.endswith("/contacts")}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("key", sorted(NEXT))
def test_each_page_ends_with_a_next_step_line_linking_to_the_next_step_of_the_work(key: str, lang: str):
    page = read_page(ROOT / "docs" / (key + (".en.md" if lang == "en" else ".md")), ROOT)
    last = next(line for line in reversed(page.lines) if line.strip())
    assert NEXT_LINE[lang].match(last), f"{page.rel} ends with {last!r}, not a 下一步 / Next line"
    first = next(link for link in page.links if link.line == len(page.lines) - page.lines[::-1].index(last))
    folder = key.split("/")[0]
    assert f"{folder}/{first.target.split('#')[0].removesuffix('.md')}" == NEXT[key]
