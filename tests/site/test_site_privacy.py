"""No built page, in either language, requests anything from a host other than the site's own;
and no page logs a console error or a failed request (404s included).

The one sweep over every page's hosts (tests/quality/test_privacy.py checks a whole wizard session). Each page
is watched after `load` until no request has been in flight for QUIET_S, so a request made later (the wizard's
runtime) is seen too; Playwright's own "networkidle" would wait 500 ms of silence on each of ~56 pages.
"""
from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest

from sitehtml import html_pages, url_path_of

QUIET_S = 0.1  # no request in flight for this long: the page has settled
SETTLE_TIMEOUT_S = 10  # a page that keeps the network busy is still checked for what it requested by then


def _settle(page, in_flight: set) -> None:
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    quiet_since = time.monotonic()
    while time.monotonic() < deadline:
        page.wait_for_timeout(25)
        if in_flight:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= QUIET_S:
            return


@pytest.fixture(scope="module")
def page_loads(browser, built_site, site_url):
    """Load every page once (both languages); record requests, failures and console errors per page."""
    own = urlsplit(site_url).netloc
    context = browser.new_context()
    log = {}
    current = {"url": None}

    in_flight: set = set()

    def on_request(request):
        in_flight.add(request)
        log[current["url"]]["requests"].append(request.url)

    def on_route(route):
        host = urlsplit(route.request.url).netloc
        if route.request.url.startswith(("data:", "blob:")) or host == own:
            route.continue_()
        else:
            route.abort()  # never wait on (or leak to) another host; the request is still logged

    context.route("**/*", on_route)
    context.on("request", on_request)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and log[current["url"]]["errors"].append(m.text))
    page.on("pageerror", lambda e: log[current["url"]]["errors"].append(str(e)))
    def on_failed(request):
        in_flight.discard(request)
        failure = request.failure or ""
        # Leaving a page cancels its pending requests (the wizard keeps loading its runtime): not a failure.
        if urlsplit(request.url).netloc == own and "ERR_ABORTED" in failure:
            return
        log[current["url"]]["failed"].append(f"{failure} {request.url}")

    context.on("requestfailed", on_failed)
    context.on("requestfinished", lambda request: in_flight.discard(request))
    context.on("response", lambda r: r.status >= 400 and log[current["url"]]["failed"].append(f"{r.status} {r.url}"))
    for path in html_pages(built_site):
        url = site_url + url_path_of(built_site, path)
        current["url"] = url
        log[url] = {"requests": [], "errors": [], "failed": []}
        # 404.html is opened by its own address (the test server does not serve it for missing paths).
        page.goto(url, wait_until="load")
        _settle(page, in_flight)
        in_flight.clear()
    context.close()
    return own, log


def test_no_page_in_either_language_requests_another_host(page_loads):
    own, log = page_loads
    foreign = {
        url: sorted({r for r in entry["requests"] if urlsplit(r).netloc not in ("", own)})
        for url, entry in log.items()
    }
    foreign = {url: reqs for url, reqs in foreign.items() if reqs}
    assert any("/en/" in url for url in log) and any("/en/" not in url for url in log)
    assert any(url.endswith("/404.html") for url in log) and any(url.endswith("/wizard/") for url in log)
    assert foreign == {}


def test_no_page_logs_a_console_error_or_a_failed_request(page_loads):
    _, log = page_loads
    problems = {url: entry["errors"] + entry["failed"] for url, entry in log.items()}
    assert {url: p for url, p in problems.items() if p} == {}
