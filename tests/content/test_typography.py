"""Chinese typography (`python -m staff typography`, AutoCorrect): the site's own words pass; a planted "5日" or a full-width
bracket in English fails with the file and line; a quotation of the notice is left as the notice writes it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from staff_fixtures import ROOT, run_staff


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    for folder in ("docs", "site_words"):
        shutil.copytree(ROOT / folder, copy / folder)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    return copy


def _lint(root: Path, *files: str):
    return run_staff("--root", str(root), "typography", *files, cwd=root)


def test_the_site_s_own_words_pass():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout
    assert "typography: all passed" in result.stdout


def test_a_planted_5_ri_on_an_english_page_fails_with_the_file_and_the_line(repo_copy: Path):
    page = repo_copy / "docs" / "jiangsu" / "renewal.en.md"
    lines = page.read_text(encoding="utf-8").splitlines() + ["", "Confirm within 5日 of applying."]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _lint(repo_copy)
    assert result.returncode == 1
    assert f"docs/jiangsu/renewal.en.md:{len(lines)}: Chinese typography: Confirm within 5日 of applying." in result.stdout
    assert "Fix: write Confirm within 5 日 of applying." in result.stdout


def test_a_planted_full_width_bracket_in_the_english_page_words_fails(repo_copy: Path):
    words = repo_copy / "site_words" / "en.json"
    text = words.read_text(encoding="utf-8")
    assert '" ({section})"' in text
    words.write_text(text.replace('" ({section})"', '"（{section}）"'), encoding="utf-8")
    result = _lint(repo_copy)
    assert result.returncode == 1
    assert 'site_words/en.json:9: full-width "（" in English text' in result.stdout


def test_a_quotation_of_the_notice_is_left_alone_but_the_site_s_own_sentence_is_not(repo_copy: Path):
    page = repo_copy / "docs" / "jiangsu" / "renewal.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines += ["", "通知写道：“我中心在10个工作日内审核完毕”。", "", "本站：审核在10个工作日内完成。"]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _lint(repo_copy)
    assert f"docs/jiangsu/renewal.md:{len(lines) - 2}:" not in result.stdout
    assert f"docs/jiangsu/renewal.md:{len(lines)}: Chinese typography: 本站：审核在10个工作日内完成。" in result.stdout
