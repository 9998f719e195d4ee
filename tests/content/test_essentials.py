"""The 办事要素 block: every procedure page has all seven fields in both languages, and `python -m staff check` fails a
procedure page without it (or with a field missing, empty or left as TODO) in plain words."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from staff_fixtures import ROOT, run_staff

from sitebuild import essentials  # noqa: E402  (hooks/ is on sys.path: tests/content/conftest.py)

# The pages of the two provinces that are not procedures (an overview, the FAQ, contacts, a field reference).
NOT_PROCEDURES = {"zhejiang/index", "zhejiang/personnel-form", "zhejiang/faq", "zhejiang/contacts",
                  "jiangsu/index", "jiangsu/faq", "jiangsu/contacts"}
PROCEDURES = {
    "zhejiang/exam", "zhejiang/employer-record", "zhejiang/electronic-seal", "zhejiang/apply",
    "jiangsu/employer-setup", "jiangsu/realname", "jiangsu/out-of-province-entry", "jiangsu/initial",
    "jiangsu/employer-confirmation", "jiangsu/review-and-certificates", "jiangsu/renewal", "jiangsu/personal-change",
    "jiangsu/cancellation", "jiangsu/company-rename", "jiangsu/delta-registration", "jiangsu/withdraw",
}


def _front_matter(key: str, lang: str) -> dict:
    import yaml
    text = (ROOT / "docs" / (key + (".en.md" if lang == "en" else ".md"))).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---\n"))


def test_the_procedure_pages_are_every_province_page_but_the_overviews_faqs_contacts_and_field_reference():
    keys = {p.relative_to(ROOT / "docs").as_posix().removesuffix(".md")
            for folder in essentials.PROVINCES for p in (ROOT / "docs" / folder).glob("*.md") if not p.name.endswith(".en.md")}
    assert essentials.NOT_PROCEDURES == NOT_PROCEDURES
    assert {key for key in keys if essentials.is_procedure(key)} == PROCEDURES


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("key", sorted(PROCEDURES))
def test_every_procedure_page_has_all_seven_fields_filled(key: str, lang: str):
    block = _front_matter(key, lang).get("essentials")
    assert block is not None, f"{key} ({lang}) has no essentials block"
    assert essentials.problems(block) == []
    assert list(block) == list(essentials.FIELDS), "fields in the table's order, so pages read alike"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_silence_is_one_short_line_and_each_page_points_to_its_diagram(lang: str):
    for key in PROCEDURES:
        block = _front_matter(key, lang)["essentials"]
        assert "](#flow)" in block["process"], f"{key} ({lang}): 办理流程 should link to the diagram below"
        for name, value in block.items():
            for item in value if isinstance(value, list) else [value]:
                assert "!!!" not in item and "\n" not in item.strip(), f"{key} ({lang}) {name}: one line, no box"


def _drop_essentials(page: Path) -> None:
    lines = page.read_text(encoding="utf-8").splitlines()
    start = lines.index("essentials:")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    page.write_text("\n".join(lines[:start] + lines[end:]) + "\n", encoding="utf-8")


def test_a_planted_procedure_page_without_the_block_fails_check_in_plain_words(repo_copy: Path):
    page = repo_copy / "docs" / "jiangsu" / "withdraw.en.md"
    _drop_essentials(page)
    result = run_staff("--root", str(repo_copy), "check", "--today", dt.date.today().isoformat())
    assert result.returncode == 1
    assert ("docs/jiangsu/withdraw.en.md:1: this procedure page has no 办事要素 block (front matter `essentials`), "
            "so readers do not see who may apply, what to prepare") in result.stdout
    assert "docs/jiangsu/withdraw.md:" not in result.stdout, "only the page that lost its block is reported"


def test_a_planted_empty_or_unknown_field_fails_check_naming_the_field(repo_copy: Path):
    page = repo_copy / "docs" / "zhejiang" / "apply.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("  fees: 通知未提及申请费用", "  cost: 通知未提及申请费用", 1)
    page.write_text(text.replace("\n  result:", "\n  result: ''\n  old_result:", 1), encoding="utf-8")
    result = run_staff("--root", str(repo_copy), "check", "--today", dt.date.today().isoformat())
    assert result.returncode == 1
    assert 'docs/zhejiang/apply.md:8: the 办事要素 field "fees" is missing' in result.stdout
    assert 'docs/zhejiang/apply.md:8: the 办事要素 field "result" is empty' in result.stdout
    assert 'docs/zhejiang/apply.md:8: front matter `essentials` has a field "cost" the block does not know' in result.stdout
