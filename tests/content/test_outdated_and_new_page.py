"""`python -m staff outdated` by git history, and `python -m staff new-page` scaffolding both languages."""
from __future__ import annotations

import re

import datetime as dt
from pathlib import Path

from staff_fixtures import GOOD_TREE, TODAY, git, run_staff, write_tree


def _repo(tmp_path: Path) -> Path:
    repo = write_tree(tmp_path / "repo", GOOD_TREE)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Both languages of the Jiangsu pages")
    return repo


def test_a_chinese_page_changed_after_its_english_twin_is_listed_with_the_commits_since(tmp_path: Path):
    repo = _repo(tmp_path)
    faq = repo / "docs/jiangsu/faq.md"
    faq.write_text(faq.read_text(encoding="utf-8") + "\n补充一句。\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "FAQ 2: hotline moved")
    result = run_staff("--root", str(repo), "outdated")
    assert result.returncode == 0, result.stderr
    assert "1 English page(s) may need updating" in result.stdout
    assert "docs/jiangsu/faq.en.md  (Chinese changed " in result.stdout
    assert "FAQ 2: hotline moved" in result.stdout
    assert "Both languages of the Jiangsu pages" not in result.stdout
    assert "renewal.en.md" not in result.stdout


def test_updating_the_english_twin_clears_the_listing(tmp_path: Path):
    repo = _repo(tmp_path)
    for name, text in (("faq.md", "\n补充。\n"), ("faq.en.md", "\nAddition.\n")):
        page = repo / "docs/jiangsu" / name
        page.write_text(page.read_text(encoding="utf-8") + text, encoding="utf-8")
        git(repo, "commit", "-q", "-am", f"edit {name}")
    result = run_staff("--root", str(repo), "outdated")
    assert "All English pages are up to date" in result.stdout


def test_an_uncommitted_chinese_edit_is_listed_too(tmp_path: Path):
    repo = _repo(tmp_path)
    faq = repo / "docs/jiangsu/faq.md"
    faq.write_text(faq.read_text(encoding="utf-8") + "\n未提交。\n", encoding="utf-8")
    result = run_staff("--root", str(repo), "outdated")
    assert "(uncommitted changes in docs/jiangsu/faq.md)" in result.stdout


def test_new_page_creates_both_languages_with_front_matter_and_reminds_about_nav(good_tree: Path):
    result = run_staff("--root", str(good_tree), "new-page", "jiangsu/appeal", "--title-zh", "申诉：处理意见",
                       "--title-en", "Appeal", "--source", "js-notice")
    assert result.returncode == 0, result.stderr
    assert "nav" in result.stdout and "mkdocs.yml" in result.stdout
    zh = (good_tree / "docs/jiangsu/appeal.md").read_text(encoding="utf-8")
    en = (good_tree / "docs/jiangsu/appeal.en.md").read_text(encoding="utf-8")
    today = dt.date.today().isoformat()
    assert f"checked: {today}" in zh and f"checked: {today}" in en
    assert "title: 申诉：处理意见" in zh and "# 申诉：处理意见" in zh
    assert "title: Appeal" in en and "source: js-notice" in en
    # The placeholders keep `check` failing until the staff member writes the description and section.
    check = run_staff("--root", str(good_tree), "check", "--today", today if today > TODAY else TODAY)
    assert check.returncode == 1
    assert 'docs/jiangsu/appeal.en.md:3: front matter "description" is still a placeholder' in check.stdout
    assert "docs/jiangsu/appeal.md: this page has no" not in check.stdout


def _fill_essentials(root: Path, key: str) -> None:
    """What a staff member does next on a new procedure page: replace the 办事要素 TODO lines."""
    for suffix, text in ((".md", "通知未说明"), (".en.md", "The notice does not say")):
        page = root / "docs" / f"{key}{suffix}"
        lines = page.read_text(encoding="utf-8").splitlines()
        page.write_text("\n".join(re.sub(r"^(  [a-z_]+: )'?TODO.*$", rf"\g<1>{text}", line) for line in lines) + "\n",
                        encoding="utf-8")


def test_new_page_with_descriptions_passes_check_once_its_essentials_are_filled(good_tree: Path):
    result = run_staff("--root", str(good_tree), "new-page", "docs/jiangsu/appeal.md", "--title-zh", "申诉",
                       "--title-en", "Appeal", "--description-zh", "如何申诉。", "--description-en", "How to appeal.")
    assert result.returncode == 0, result.stderr
    today = max(dt.date.today().isoformat(), TODAY)
    check = run_staff("--root", str(good_tree), "check", "--today", today)
    assert 'docs/jiangsu/appeal.md:7: the 办事要素 field "who" is still a placeholder (TODO)' in check.stdout
    assert 'docs/jiangsu/appeal.en.md:7: the 办事要素 field "contact" is still a placeholder (TODO)' in check.stdout
    _fill_essentials(good_tree, "jiangsu/appeal")
    check = run_staff("--root", str(good_tree), "check", "--today", today)
    assert check.returncode == 0, check.stdout


def test_new_page_never_overwrites_an_existing_page(good_tree: Path):
    result = run_staff("--root", str(good_tree), "new-page", "jiangsu/faq", "--title-zh", "x", "--title-en", "x")
    assert result.returncode == 1
    assert "docs/jiangsu/faq.md already exists" in result.stderr


def test_new_page_then_the_nav_line_it_prints_is_all_check_needs(good_tree: Path):
    """CONTRIBUTING's steps for a new page, as a staff member follows them: new-page, add the line it prints."""
    config = "site_name: x\nnav:\n  - Jiangsu:\n      - jiangsu/renewal.md\n      - jiangsu/faq.md\n"
    write_tree(good_tree, {"mkdocs.yml": config})
    today = max(dt.date.today().isoformat(), TODAY)
    result = run_staff("--root", str(good_tree), "new-page", "jiangsu/appeal", "--title-zh", "申诉", "--title-en", "Appeal",
                       "--description-zh", "如何申诉。", "--description-en", "How to appeal.",
                       "--section-zh", "二（二）3", "--section-en", "2(2)3")
    assert result.returncode == 0, result.stderr
    nav_line = next(line for line in result.stdout.splitlines() if line.strip().endswith("- jiangsu/appeal.md"))
    assert 'in the "Jiangsu:" section' in result.stdout
    check = run_staff("--root", str(good_tree), "check", "--today", today)
    assert "docs/jiangsu/appeal.md: the page is not in `nav:` in mkdocs.yml" in check.stdout
    write_tree(good_tree, {"mkdocs.yml": config + "      " + nav_line.split("   ")[-1].strip() + "\n"})
    _fill_essentials(good_tree, "jiangsu/appeal")
    check = run_staff("--root", str(good_tree), "check", "--today", today)
    assert check.returncode == 0, check.stdout
