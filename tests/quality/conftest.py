"""Fixtures of the quality gates (the shared ones, built_site, site_url, browser and page, are in tests/conftest.py)."""
from __future__ import annotations

import sys

import pytest

from quality_helpers import ROOT, built_pages


@pytest.fixture(scope="session")
def pages_of_site(built_site) -> list[str]:
    pages = built_pages(built_site)
    assert any(p.startswith("/en/") for p in pages) and "/" in pages, f"both languages expected, got {pages[:5]}"
    return pages


@pytest.fixture(scope="session")
def revalidating_site_url(built_site):
    """The built site served like hosts that send `Cache-Control: no-cache` (Netlify's default revalidates
    every time): any request the page makes, even for a cached file, reaches the network."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from quality.server import StaticSite
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    server = StaticSite(built_site, gzip_enabled=True, cache_control="no-cache")
    yield server.start()
    server.stop()
