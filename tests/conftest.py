"""Shared fixtures: the built site, served by nginx with the deployed config, and Debian's Chromium via Playwright.

The server is scripts/quality/server.py (nginx with deploy/nginx/site.conf, the file staff deploy); the browser
is the system's /usr/bin/chromium with the flags of scripts/quality/browser.py (no browser download). Tests
that need either are skipped with a plain message only when it is missing *outside* CI; in CI (CI=true) a
missing one is an error (.ci/run installs both from Debian).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE_DIR = ROOT / "site"
BUILD_LOG = ROOT / "build" / "mkdocs-build.log"  # output of the build that made site/
sys.path.insert(0, str(ROOT / "scripts"))
from quality.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402,F401  (re-exported for the tests)
from quality.server import StaticSite, missing  # noqa: E402

sys.path.remove(str(ROOT / "scripts"))


def require(reason: str | None) -> None:
    """Fail in CI, skip elsewhere, when a system package the test needs is missing."""
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: .ci/run installs it from Debian")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The static site in site/. `make test` builds it first; a bare `pytest` builds it if missing."""
    if not (SITE_DIR / "index.html").exists():
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        BUILD_LOG.parent.mkdir(exist_ok=True)
        with BUILD_LOG.open("w", encoding="utf-8") as log:  # as `make build` keeps it (tests/site/test_site_build.py)
            result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=ROOT, env=env,
                                    stdout=log, stderr=subprocess.STDOUT)
        assert result.returncode == 0, f"mkdocs build --strict failed:\n{BUILD_LOG.read_text(encoding='utf-8')[-4000:]}"
    return SITE_DIR


@pytest.fixture(scope="session")
def site_server(built_site: Path):
    """The built site served by nginx (deploy/nginx/site.conf) on a free loopback port."""
    require(missing())
    server = StaticSite(built_site)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def site_url(site_server: StaticSite) -> str:
    """Base URL (no trailing slash) of the built site."""
    return site_server.base


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium driven by Playwright."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        require(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page per test (no shared cache or storage)."""
    context = browser.new_context()
    new_page = context.new_page()
    yield new_page
    context.close()
