"""Fixtures for the staff-tool tests (helpers live in staff_fixtures.py, a name no other conftest shares)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The build package (hooks/sitebuild) and the hook modules, importable as MkDocs makes them while loading hooks.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hooks"))
from staff_fixtures import GOOD_TREE, write_tree  # noqa: E402


@pytest.fixture
def good_tree(tmp_path: Path) -> Path:
    """A small valid repository: two Jiangsu pages in both languages, rules.json, one rule value, a case table."""
    return write_tree(tmp_path / "repo", GOOD_TREE)
