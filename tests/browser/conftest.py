"""Fixtures of the in-browser wizard tests: the built assets, a wizard page with the engine loaded.

The site (with build/wizard-assets copied in by hooks/wizard_assets.py) comes from the shared fixtures in
tests/conftest.py: built_site, site_url, browser, page.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from wizard_helpers import open_wizard


@pytest.fixture(scope="session")
def built_site(built_site: Path) -> Path:
    """The shared built site, or WIZARD_SITE_DIR (a site built elsewhere, e.g. `mkdocs build -d /tmp/x`)."""
    return Path(os.environ["WIZARD_SITE_DIR"]) if os.environ.get("WIZARD_SITE_DIR") else built_site


@pytest.fixture(scope="session", autouse=True)
def wizard_assets_built(built_site: Path) -> Path:
    manifest = built_site / "wizard-assets" / "manifest.json"
    if not manifest.exists():
        pytest.fail("site/wizard-assets/manifest.json missing: run `make build` (sitebuild/assets.py, then mkdocs build)")
    return manifest


@pytest.fixture(scope="module")
def ready_page(browser, site_url):
    """One wizard page with the engine loaded, shared by a module's tests (booting Pyodide once)."""
    context = browser.new_context()
    page = context.new_page()
    open_wizard(page, site_url)
    yield page
    context.close()
