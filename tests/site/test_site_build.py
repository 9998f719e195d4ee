"""The site built by `make build` (`mkdocs build --strict`) is complete and its build printed no WARNING line.

No second build: the build's output is kept in build/mkdocs-build.log by `make build` (and by the built_site
fixture when it has to build). Strict mode already fails on a logged warning; the log also shows printed ones.
"""
from __future__ import annotations

from pathlib import Path

import pytest

BUILD_LOG = Path(__file__).resolve().parents[2] / "build" / "mkdocs-build.log"  # as in tests/conftest.py


def test_the_site_builds_in_strict_mode_without_a_single_warning_line(built_site):
    if not BUILD_LOG.exists():
        pytest.skip("site/ was not built by `make build` or the test fixture: no build/mkdocs-build.log to read")
    output = BUILD_LOG.read_text(encoding="utf-8")
    warnings = [line for line in output.splitlines() if "WARNING" in line]
    assert "Documentation built in" in output, f"the last build did not finish:\n{output[-4000:]}"
    assert warnings == [], "build printed warnings:\n" + "\n".join(warnings)


def test_the_built_site_has_both_languages_and_both_404_pages(built_site):
    for page in ("index.html", "en/index.html", "404.html", "en/404.html", "wizard/index.html", "en/wizard/index.html"):
        assert (built_site / page).is_file(), page
