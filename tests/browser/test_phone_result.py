"""On a 390x844 phone the answer comes first: once the last answer is given the page moves to the result, and its
first screen holds the verdict and the findings that decide it; one date per deadline (the .ics too), a passed
deadline says so, a plan says it is one. Personas in phone_personas.json."""
from __future__ import annotations

import json
import re

import pytest
from wizard_helpers import ROOT, answer_place, cli_reference, open_wizard, wait_for_result

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
PERSONAS = json.loads((ROOT / "tests" / "browser" / "phone_personas.json").read_text(encoding="utf-8"))["personas"]
WORDS = {lang: json.loads((ROOT / "web" / "i18n" / f"{lang}.json").read_text(encoding="utf-8")) for lang in ("zh", "en")}


def fragment(case: dict) -> str:
    values = {k: case[k] for k in ("province", "profession", "action", "today")} | case["answers"]
    return "#" + "&".join(f"{k}={'null' if v is None else str(v).lower() if isinstance(v, bool) else v}" for k, v in values.items())


def give(page, last: dict) -> object:
    """Give the last answer by hand; the value as the case holds it."""
    if "select" in last:
        page.select_option(f"#q-{last['select']}", value=last["value"])
        return last["value"]
    if "fill" in last:
        page.fill(f"#q-{last['fill']}", last["value"])
        return last["value"]
    page.check(f"#q-{last['radio']}-{last['value']}")
    return {"true": True, "false": False}.get(last["value"], last["value"])


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE, accept_downloads=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("persona", PERSONAS, ids=[p["name"] for p in PERSONAS])
def test_the_first_screen_of_the_result_holds_the_verdict_and_what_decides_it(phone, site_url, persona, tmp_path):
    page, lang = phone, persona["lang"]
    open_wizard(page, site_url, lang, fragment(persona["case"]))
    page.wait_for_selector(".wizard-result[data-state=missing]")
    assert page.evaluate("scrollY") < 400, "an incomplete form keeps the reader at the questions"
    case = json.loads(json.dumps(persona["case"]))
    key = next(k for k in ("select", "fill", "radio") if k in persona["last"])
    case["answers"][persona["last"][key]] = give(page, persona["last"])
    wait_for_result(page, case)
    code, report = cli_reference(json.dumps(case).encode())
    assert code == 0 and report["verdict"] == persona["verdict"]

    place = answer_place(page)
    assert place["deciding"] == persona["deciding"]
    bottom = place["deciders_bottom"] if persona["deciding"] else place["verdict_bottom"]
    # The page has moved to the result: its top is on screen (below the sticky header, or lower when the page
    # ends first), and the verdict and its deciding findings end within the first 844 px of it, on screen.
    assert page.evaluate("scrollY") > 400 and 0 <= place["result_top"] <= 0.5 * place["viewport"], place
    assert bottom - place["result_top"] <= 844 and bottom <= place["viewport"], place
    print(f"\n{persona['name']}: {place}")
    assert page.inner_text(".wizard-verdict") == WORDS[lang]["verdict"][persona["verdict"]]

    shown = page.eval_on_selector_all(".wizard-dates dd", "dds => dds.map(d => [d.dataset.date, d.dataset.passed || ''])")
    planned = [k for k in report["dates"] if not (k.endswith("_extended") and k[: -len("_extended")] in report["dates"])]
    assert [k for k, _ in shown] == planned, "one date per deadline: the art. 203 day is a note, not a second date"
    assert [k for k, passed in shown if passed] == persona.get("passed", [])
    for key in persona.get("passed", []):
        assert WORDS[lang]["passed"] in page.inner_text(f".wizard-dates dd[data-date={key}]")
    for key, iso in persona.get("plan", {}).items():
        dd = page.locator(f".wizard-dates dd[data-date={key}]")
        assert dd.locator("time").get_attribute("datetime") == iso
        assert dd.locator(".wizard-plan").inner_text() == WORDS[lang]["plan"]
        assert dd.locator(".wizard-estimated").is_visible()
        assert page.locator(".wizard-plan-note").is_visible()
    how = " ".join(page.eval_on_selector_all(".wizard-how", "ds => ds.map(d => d.textContent)"))
    twice = re.search(r"(星期[一二三四五六日])）?\s*\1|(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\)?\s*a \2", how)
    assert twice is None, f"a day's weekday named twice in 'how it was computed': {twice and twice.group(0)}"
    if "checklist_first" in persona:
        assert persona["checklist_first"] in page.inner_text(".wizard-checklist li >> nth=0")
    text = page.inner_text(".wizard-result")
    for number in persona.get("hotlines", []):
        assert number in text
    assert all(re.match(r"[^。]*\d{3}-\d{8}", rest) for rest in text.split("请拨打")[1:]), "every 请拨打 gives its numbers"

    if planned:
        with page.expect_download() as download:
            page.click(".wizard-actions button:has-text('.ics')")
        ics = (tmp_path / "dates.ics")
        download.value.save_as(ics)
        starts = re.findall(r"DTSTART;VALUE=DATE:(\d{8})", ics.read_text(encoding="utf-8"))
        assert starts == [report["dates"][k].replace("-", "") for k in planned]
