"""Nothing an applicant reads or types leaves for another host, and answering sends nothing at all.

A complete wizard session may only request the site's own host (every built page is swept once, in
tests/site/test_site_privacy.py); once the wizard is ready and its one background step has run (the engine's
memory snapshot, web/engine-snapshot.js: a throwaway engine whose files the service worker answers, carrying
nothing, tests/browser/test_offline.py), answering makes no request of any kind (the browser's own request log through
Playwright, which also sees requests answered from the HTTP cache, so a request that a real host might
revalidate over the network is caught even when this test's server happens to answer it from cache).
"""
from __future__ import annotations

import pytest

from quality_helpers import ENGINE_TIMEOUT_MS, RESULT_FRAGMENT, open_wizard, own_host, wait_for_result


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_complete_wizard_session_stays_on_the_site_and_answering_sends_no_request(
        browser, revalidating_site_url, lang):
    site_url = revalidating_site_url
    context = browser.new_context(accept_downloads=True)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        open_wizard(page, site_url, lang)
        # the first visit's background work (the engine's snapshot) is over before answering
        page.wait_for_selector("#wizard[data-engine-snapshot]", state="attached", timeout=ENGINE_TIMEOUT_MS)
        before_ready = list(requests)
        requests.clear()

        # Answer as a person would: the case, then every question of it, then change answers.
        page.select_option("#q-province", "zhejiang")
        page.select_option("#q-action", "initial")
        page.check("#q-qualification_province-zhejiang")
        page.check("#q-specialty-civil")
        page.fill("#q-certificate_issue_date", "2025-04-30")
        page.dispatch_event("#q-certificate_issue_date", "change")
        page.select_option("#q-employer_type", "cost_consulting")
        page.fill("#q-continuing_education_hours", "12")
        verdict = wait_for_result(page)
        assert verdict in ("eligible", "action_needed", "not_eligible")
        page.check("#q-specialty-installation")
        page.check("#q-registered_with_other_employer-true")
        wait_for_result(page)
        for summary in page.query_selector_all("#wizard .wizard-how summary"):
            summary.click()
        if page.query_selector("#wizard .wizard-actions button:has-text('.ics')"):
            with page.expect_download() as download:
                page.click("#wizard .wizard-actions button:has-text('.ics')")
            assert download.value.suggested_filename.endswith(".ics")
        page.wait_for_timeout(500)
        during_answers = list(requests)
        page.reload(wait_until="load")  # the fragment restores the session; still only the own host
        wait_for_result(page)
        after_reload = list(requests)
    finally:
        context.close()

    foreign = sorted({u for u in before_ready + after_reload if not own_host(u, site_url)})
    assert not foreign, f"the wizard requested another host: {foreign}"
    assert not during_answers, (f"answering after the wizard was ready made {len(during_answers)} requests "
                                f"(must be none): {sorted(set(during_answers))}")


def test_the_wizard_result_page_from_a_shared_link_requests_only_the_own_host(browser, site_url):
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        page.goto(site_url + "/wizard/" + RESULT_FRAGMENT, wait_until="load")
        wait_for_result(page)
    finally:
        context.close()
    assert all(own_host(u, site_url) for u in requests), [u for u in requests if not own_host(u, site_url)]
