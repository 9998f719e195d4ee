"""What a phone reader meets around the result: the share button in each browser's means (share sheet,
clipboard, neither), text at 200 % without sideways scrolling, the closed menu out of the Tab order, the
printed copy dated by the reader's own day with whole link addresses."""
from __future__ import annotations

import json
import re

import pytest
from wizard_helpers import ROOT, open_wizard, prepare_share, share_result, wait_for_result

CASE = {"province": "jiangsu", "profession": "constructor", "action": "initial", "today": "2026-12-07",
        "answers": {"realname_l4": True, "qualification_province": "jiangsu", "employment_contract_end": "2027-03-01"}}
FRAGMENT = ("#province=jiangsu&profession=constructor&action=initial&today=2026-12-07&realname_l4=true"
            "&qualification_province=jiangsu&employment_contract_end=2027-03-01")
WORDS = {lang: json.loads((ROOT / "web" / "i18n" / f"{lang}.json").read_text(encoding="utf-8")) for lang in ("zh", "en")}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.mark.parametrize("mode, how", [("share", "shared"), ("clipboard", "copied"), ("none", "manual")])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_share_button_hands_on_the_result_s_link_and_says_what_happened(browser, site_url, lang, mode, how):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        prepare_share(page, mode)
        open_wizard(page, site_url, lang, FRAGMENT)
        wait_for_result(page, CASE)
        shared = share_result(page)
        assert shared["how"] == how
        assert shared["text"] == page.evaluate("location.href") and "employment_contract_end=2027-03-01" in shared["text"]
        assert shared["said"] == WORDS[lang]["share_done"][how]
        if mode == "none":  # the link is in a selected field the reader copies by hand
            field = page.locator(".wizard-share-field")
            assert field.is_visible()
            assert page.evaluate("() => { const f = document.querySelector('.wizard-share-field');"
                                 " return document.activeElement === f && f.selectionEnd - f.selectionStart === f.value.length; }")
    finally:
        context.close()


def overflow(page) -> dict:
    """The page's width and scroll width, and elements past its right edge, apart from those inside a box that
    scrolls or clips them: a wide table's own scroller, the closed menu, the language list (clipped by the header)."""
    return page.evaluate("""() => ({width: document.documentElement.clientWidth,
        scroll: document.documentElement.scrollWidth,
        wide: [...document.querySelectorAll('body *')].filter(n => { const r = n.getBoundingClientRect();
            return r.width && r.right > document.documentElement.clientWidth + 1 && !n.closest('.md-typeset__scrollwrap, .md-sidebar, .md-select'); })
          .slice(0, 5).map(n => n.tagName + '.' + n.className)})""")


@pytest.mark.parametrize("path", ["/wizard/" + FRAGMENT, "/en/wizard/" + FRAGMENT, "/jiangsu/initial/", "/en/jiangsu/initial/"])
def test_at_390_px_with_text_at_200_percent_nothing_runs_off_the_screen(browser, site_url, path):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        cdp = context.new_cdp_session(page)  # the browser's own text-size setting: 16 px -> 32 px
        cdp.send("Page.enable")
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
        page.goto(site_url + path)
        if "wizard" in path:
            page.wait_for_selector("#wizard[data-form-ready]")
            page.wait_for_selector(".wizard-result[data-state=result]", timeout=90_000)
        assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") >= 38  # Material's 125 % of 32
        found = overflow(page)
        assert found["scroll"] <= found["width"] and not found["wide"], found
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tab_reaches_the_form_without_walking_the_closed_menu_and_the_open_menu_still_takes_focus(browser, site_url, lang):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        open_wizard(page, site_url, lang, wait_ready=False)
        stops = []
        for _ in range(40):
            page.keyboard.press("Tab")
            where = page.evaluate("""() => { const a = document.activeElement;
                return {id: a.id, menu: !!a.closest('.md-sidebar--primary')}; }""")
            stops.append(where)
            if where["id"] == "q-province":
                break
        assert stops[-1]["id"] == "q-province", stops
        assert not [s for s in stops if s["menu"]], "a closed menu's link took focus"
        assert len(stops) <= 15, f"{len(stops)} Tab stops before the form"
        page.click(".md-header label[for=__drawer]")  # open the menu: its links are reachable again
        page.wait_for_function("getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility === 'visible'")
        page.locator(".md-sidebar--primary a.md-nav__link").first.focus()
        assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    finally:
        context.close()


def test_the_printed_copy_is_dated_by_the_reader_s_day_and_its_links_are_whole_addresses(browser, site_url):
    context = browser.new_context(timezone_id="Asia/Shanghai")
    page = context.new_page()
    try:
        # 07:30 in Shanghai on 8 December 2026 is still 7 December in UTC.
        page.clock.set_fixed_time("2026-12-07T23:30:00Z")
        open_wizard(page, site_url, "zh", FRAGMENT)
        wait_for_result(page, CASE)
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        printed = page.inner_text(".wizard-print-only")
        assert "打印于 2026年12月8日" in printed, printed
        hrefs = page.eval_on_selector_all(".wizard-result a[href]", "as => as.map(a => a.dataset.printHref)")
        assert hrefs and all(re.match(r"https?://", h) for h in hrefs), hrefs
        after = page.evaluate("getComputedStyle(document.querySelector('.wizard-result a[data-print-href]'), '::after').content")
        assert "http" in after
    finally:
        context.close()


def test_a_later_answer_updates_the_result_where_the_reader_is_without_moving_the_page_again(browser, site_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        open_wizard(page, site_url, "zh", FRAGMENT)
        wait_for_result(page, CASE)
        assert page.evaluate("scrollY") > 400  # a complete link opens at its result
        page.locator("#q-application_submitted_date").scroll_into_view_if_needed()
        before = page.evaluate("scrollY")
        page.fill("#q-application_submitted_date", "2026-12-05")
        later = {**CASE, "answers": {**CASE["answers"], "application_submitted_date": "2026-12-05"}}
        wait_for_result(page, later)
        assert page.evaluate("scrollY") == before
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_see_the_result_button_moves_to_the_result_and_focuses_its_heading(browser, site_url, lang):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        open_wizard(page, site_url, lang, "#province=jiangsu&profession=constructor&action=initial&realname_l4=true")
        page.wait_for_selector(".wizard-result[data-state=missing]")
        assert page.evaluate("scrollY") < 400
        page.get_by_role("button", name=WORDS[lang]["see_result"]).click()
        assert page.evaluate("document.activeElement.id") == "wizard-result-heading"
        top = page.evaluate("document.querySelector('.wizard-result').getBoundingClientRect().top")
        assert 0 <= top < page.evaluate("innerHeight") - 100  # on screen (a short result near the page's end sits lower)
        assert WORDS[lang]["missing_heading"] in page.inner_text(".wizard-result")
    finally:
        context.close()


@pytest.mark.parametrize("case, question, shown_when", [
    ({"province": "jiangsu", "profession": "architect", "action": "initial"}, "out_of_province_entry_approved",
     ("qualification_province", "other")),
    ({"province": "zhejiang", "profession": "cost_engineer", "action": "initial"}, "employer_in_ningbo",
     ("employer_on_credit_platform", "false")),
    ({"province": "zhejiang", "profession": "cost_engineer", "action": "initial"}, "cancelled_for_violation",
     ("previously_cancelled", "true")),
], ids=["the out-of-province entry is asked only of a qualification from another province",
        "Ningbo is asked only of an employer not on the credit platform",
        "a cancellation for violation is asked only after a cancellation"])
def test_a_question_is_asked_only_where_its_answer_can_matter(page, site_url, case, question, shown_when):
    open_wizard(page, site_url, "zh", "#" + "&".join(f"{k}={v}" for k, v in case.items()), wait_ready=False)
    other, value = shown_when
    page.wait_for_selector(f"#q-{other}")
    wrong = {"other": "jiangsu", "false": "true", "true": "false"}[value]
    page.check(f"#q-{other}-{wrong}")
    assert page.locator(f"[data-question={question}]").is_hidden()
    page.check(f"#q-{other}-{value}")
    assert page.locator(f"[data-question={question}]").is_visible()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_loading_line_is_a_share_of_the_download_not_megabytes_before_compression(browser, site_url, lang):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    held = []
    page.route("**/python_stdlib.zip", lambda route: held.append(route))  # hold the last big file a while
    try:
        open_wizard(page, site_url, lang, wait_ready=False)
        page.wait_for_selector(".wizard-status progress", timeout=60_000)
        line = page.inner_text(".wizard-status")
        assert re.search(r"\d+%", line) and "MB" not in line, line
        assert re.fullmatch(WORDS[lang]["loading"].replace("{percent}", r"\d+"), line.strip()), line
    finally:
        for route in held:
            route.continue_()
        context.close()
