"""Fixtures for the staff-tool tests (helpers live in staff_fixtures.py, a name no other conftest shares)."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

# The build package (hooks/sitebuild) and the hook modules, importable as MkDocs makes them while loading hooks.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hooks"))
from staff_fixtures import GOOD_TREE, ROOT, write_tree  # noqa: E402


@pytest.fixture
def good_tree(tmp_path: Path) -> Path:
    """A small valid repository: two Jiangsu pages in both languages, rules.json, one rule value, a case table."""
    return write_tree(tmp_path / "repo", GOOD_TREE)


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """The real pages and glossary (docs/ and mkdocs.yml) in a temporary folder, to plant mistakes in."""
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "docs", copy / "docs")
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    return copy
