"""The key dates download as a valid iCalendar file; a runtime that cannot load gives a clear message in time."""
from __future__ import annotations

import datetime
import json
import time

from wizard_helpers import cli_reference, open_wizard, wait_for_result

CASE = {"province": "jiangsu", "profession": "constructor", "action": "initial",
        "answers": {"realname_l4": True, "qualification_province": "jiangsu", "employment_contract_end": "2030-01-01",
                    "application_submitted_date": "2026-11-16", "acceptance_date": "2026-11-20"}}


def unfold(text: str) -> list[str]:
    """RFC 5545 3.1: lines end in CRLF; a line starting with a space continues the previous one."""
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines: list[str] = []
    for raw in text.split("\r\n")[:-1]:
        assert len(raw.encode("utf-8")) <= 75
        if raw.startswith(" "):
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    return lines


def parse_events(lines: list[str]) -> list[dict]:
    events, stack, current = [], [], None
    for line in lines:
        name, _, value = line.partition(":")
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = {"alarms": 0}
            if value == "VALARM":
                current["alarms"] += 1
        elif name == "END":
            assert stack.pop() == value
            if value == "VEVENT":
                events.append(current)
        elif current is not None and stack[-1] == "VEVENT":
            current[name] = value
    assert stack == []
    return events


def test_the_key_dates_download_as_an_ics_file_with_reminders(page, site_url):
    fragment = "#" + "&".join(f"{k}={json.dumps(v) if v is True else v}" for k, v in
                              {"province": "jiangsu", "profession": "constructor", "action": "initial",
                               "today": "2026-11-21", **CASE["answers"]}.items())
    open_wizard(page, site_url, "en", fragment)
    wait_for_result(page, {**CASE, "today": "2026-11-21"})
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the key dates (.ics calendar file)").click()
    text = open(info.value.path(), encoding="utf-8", newline="").read()
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and "VERSION:2.0" in lines and any(l.startswith("PRODID:") for l in lines)
    events = parse_events(lines)
    code, report = cli_reference(json.dumps({**CASE, "today": "2026-11-21"}).encode())
    assert code == 0
    # One event per deadline, on its literal (safe) day; the art. 203 day is only named in its description.
    assert "confirmation_deadline_extended" in report["dates"]  # 16 Nov + 5 days is a Saturday: its art. 203 day too
    planned = {k: v for k, v in report["dates"].items() if not k.endswith("_extended")}
    assert [e["DTSTART;VALUE=DATE"] for e in events] == [v.replace("-", "") for v in planned.values()]
    confirm = next(e for e in events if e["DTSTART;VALUE=DATE"] == planned["confirmation_deadline"].replace("-", ""))
    assert "Civil Code art. 203" in confirm["DESCRIPTION"]
    uids = [e["UID"] for e in events]
    assert len(set(uids)) == len(uids) == len(planned)
    for event in events:
        start = datetime.datetime.strptime(event["DTSTART;VALUE=DATE"], "%Y%m%d").date()
        end = datetime.datetime.strptime(event["DTEND;VALUE=DATE"], "%Y%m%d").date()
        assert end - start == datetime.timedelta(days=1)  # an all-day event
        datetime.datetime.strptime(event["DTSTAMP"], "%Y%m%dT%H%M%SZ")
        assert event["alarms"] >= 1 and event["SUMMARY"]


def test_a_blocked_runtime_shows_a_message_with_the_guide_checklist_within_10_seconds(page, site_url):
    page.route("**/*.wasm", lambda route: route.abort())
    started = time.monotonic()
    open_wizard(page, site_url, "zh", "#province=zhejiang&profession=cost_engineer&action=initial", wait_ready=False)
    page.wait_for_selector("#wizard[data-wizard-state=failed]", timeout=10_000)
    assert time.monotonic() - started < 10
    status = page.inner_text(".wizard-status")
    assert "无法" in status or "较长" in status
    links = page.eval_on_selector_all(".wizard-fallback a", "as => as.map(a => a.getAttribute('href'))")
    assert "../zhejiang/" in links and "../jiangsu/" in links
    assert page.is_visible(".wizard-fallback")


def test_without_webassembly_the_page_says_so_in_english(page, site_url):
    page.add_init_script("delete window.WebAssembly")
    open_wizard(page, site_url, "en", wait_ready=False)
    page.wait_for_selector("#wizard[data-wizard-state=failed]", timeout=10_000)
    assert "does not support WebAssembly" in page.inner_text(".wizard-status")
    rejected = page.evaluate("registrationWizard.check({}).then(() => null, e => e)")
    assert rejected["error"] == "runtime_unavailable"
