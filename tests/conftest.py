"""Shared fixtures: the built site, a loopback HTTP server for it, and Debian's Chromium via Playwright.

The browser is the system's /usr/bin/chromium (no browser download). Tests that need it are skipped with
a plain message only when it is missing *outside* CI; in CI (CI=true) a missing browser is an error.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE_DIR = ROOT / "site"
BUILD_LOG = ROOT / "build" / "mkdocs-build.log"  # output of the build that made site/
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".whl": "application/zip",
    }

    def log_message(self, *args):  # keep test output readable
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """Base URL (no trailing slash) of the built site served on 127.0.0.1 at a free port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium driven by Playwright."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is not installed at {CHROMIUM}: .ci/run must install Debian's chromium package")
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
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
