"""`python -m staff check`: the real repository passes, and broken fixture trees fail with the file, the line and the fix."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from staff_fixtures import ROOT, TODAY, run_staff, write_tree

BROKEN = json.loads((Path(__file__).with_name("broken_trees.json")).read_text(encoding="utf-8"))


def test_the_real_repository_passes_every_content_check():
    result = run_staff("check")
    assert result.returncode == 0, "python -m staff check found problems in the repository:\n" + result.stdout + result.stderr


def test_the_fixture_tree_passes_so_each_broken_variant_fails_for_one_reason(good_tree: Path):
    result = run_staff("--root", str(good_tree), "check", "--today", TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "check: all passed" in result.stdout


@pytest.mark.parametrize("case", BROKEN, ids=[case["name"] for case in BROKEN])
def test_a_broken_tree_fails_check_naming_the_file_and_the_fix(good_tree: Path, case: dict):
    write_tree(good_tree, case.get("write", {}))
    for rel, (old, new) in case.get("replace", {}).items():
        path = good_tree / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture text to replace not found in {rel}: {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_staff("--root", str(good_tree), "check", "--today", TODAY)
    assert result.returncode == 1, result.stdout + result.stderr
    for expected in case["expect"]:
        assert expected in result.stdout, f"expected {expected!r} in:\n{result.stdout}"
    for misleading in case.get("not_expected", []):
        assert misleading not in result.stdout, f"did not expect {misleading!r} in:\n{result.stdout}"
    assert "Fix: " in result.stdout
    assert "problem(s) in" in result.stdout.splitlines()[-1]


def test_every_finding_line_names_a_file_and_a_fix(good_tree: Path):
    write_tree(good_tree, {"docs/jiangsu/faq.en.md": None, "tests/cases/broken.json": "[", "docs/x.md": "# no front matter\n"})
    result = run_staff("--root", str(good_tree), "check", "--today", TODAY)
    findings = [line for line in result.stdout.splitlines() if line and not line.startswith("check:")]
    assert findings
    for line in findings:
        assert line.split(":", 1)[0].startswith(("docs/", "wizard/", "tests/")), line
        assert ". Fix: " in line, line


def test_the_help_is_in_plain_words_with_the_chinese_terms():
    result = run_staff("--help")
    assert result.returncode == 0
    for words in ("check", "outdated", "new-page", "outcomes", "内容检查"):
        assert words in result.stdout
    check_help = run_staff("check", "--help").stdout
    assert "调休上班" in check_help and "生效日期" in check_help
