"""Fixtures of the quality gates (the shared ones, built_site, site_url, browser and page, are in tests/conftest.py)."""
from __future__ import annotations

import pytest
from quality.server import StaticSite  # scripts/quality, put on sys.path by tests/conftest.py

from quality_helpers import built_pages


@pytest.fixture(scope="session")
def pages_of_site(built_site) -> list[str]:
    pages = built_pages(built_site)
    assert any(p.startswith("/en/") for p in pages) and "/" in pages, f"both languages expected, got {pages[:5]}"
    return pages


@pytest.fixture(scope="session")
def revalidating_site_url(built_site, site_server):
    """The built site served like hosts that send `Cache-Control: no-cache` (Netlify's default revalidates
    every time): any request the page makes, even for a cached file, reaches the network. (Asks for
    site_server first, so a missing nginx is reported the same way.)"""
    with StaticSite(built_site, cache_control="no-cache") as server:
        yield server.base
