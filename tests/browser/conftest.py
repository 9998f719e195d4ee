"""Fixtures of the in-browser wizard tests: the built assets, a wizard page with the engine loaded.

The site (with build/wizard-assets copied in by hooks/wizard_assets.py) comes from the shared fixtures in
tests/conftest.py: built_site, site_url, browser, page. `engine` (Chromium, WebKit, Firefox: tests/browser/engines.py)
runs a test once in each engine readers' phones run; `reader_page` is a fresh page of it.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from engines import ENGINES, EngineMissing, launch
from quality.browser import CHROMIUM  # scripts/quality, put on sys.path by tests/conftest.py
from wizard_helpers import open_wizard, visit_wizard


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


@pytest.fixture(scope="session", params=ENGINES)
def engine(request):
    """Each engine in turn; a browser that is not installed fails the test, naming its Debian package."""
    if request.param == "chromium" and not Path(CHROMIUM).exists():
        pytest.fail(f"chromium: Chromium is not installed at {CHROMIUM}: apt-get install chromium")
    try:
        launched = launch(request.param, request.getfixturevalue("browser") if request.param == "chromium" else None)
    except EngineMissing as missing:
        pytest.fail(f"{request.param}: {missing}")
    yield launched
    launched.close()


@pytest.fixture
def reader_page(engine):
    """A fresh page (its own profile: no cache, storage or service worker) of the engine."""
    page = engine.new_page()
    yield page
    page.close()


@pytest.fixture(scope="module")
def ready_engine_page(engine, site_url):
    """One wizard page of the engine with the engine loaded, shared by a module's tests."""
    page = engine.new_page()
    visit_wizard(page, site_url)
    yield page
    page.close()
