"""What a reader sees of contract v2: an "ask first" verdict in its own words and colour, the basis of
each point, choices named by their labels, and a message for every failure (each injected here)."""
from __future__ import annotations

import json
import re

import pytest
from wizard_helpers import ROOT, open_wizard, wait_for_result

OTHER_PROVINCE_CONSTRUCTOR = {"province": "jiangsu", "profession": "constructor", "action": "initial",
                              "answers": {"realname_l4": True, "qualification_province": "other",
                                          "employment_contract_end": None}}
WORDS = {lang: json.loads((ROOT / "web" / "i18n" / f"{lang}.json").read_text(encoding="utf-8")) for lang in ("zh", "en")}


def fragment(case: dict) -> str:
    values = {"province": case["province"], "profession": case["profession"], "action": case["action"], **case["answers"]}
    return "#" + "&".join(f"{k}={'null' if v is None else str(v).lower() if isinstance(v, bool) else v}" for k, v in values.items())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_point_the_notice_leaves_open_gives_the_unclear_verdict_in_its_own_words_and_colour(page, site_url, lang):
    open_wizard(page, site_url, lang, fragment(OTHER_PROVINCE_CONSTRUCTOR))
    wait_for_result(page, OTHER_PROVINCE_CONSTRUCTOR)
    verdict = page.locator(".wizard-verdict-unclear")
    assert verdict.inner_text() == WORDS[lang]["verdict"]["unclear"]
    badge = page.locator(".wizard-finding[data-status=unclear] .wizard-badge")
    assert badge.inner_text() == WORDS[lang]["status"]["unclear"]
    assert "025-83666746" in page.locator(".wizard-finding[data-status=unclear]").inner_text()
    colours = verdict.evaluate("""e => {
        const probe = document.createElement('p');
        probe.className = 'wizard-verdict wizard-verdict-not_eligible';
        e.parentNode.append(probe);
        const colours = [getComputedStyle(e).borderLeftColor, getComputedStyle(probe).borderLeftColor];
        probe.remove();
        return colours;
    }""")
    assert colours[0] != colours[1], "unclear has its own colour, not the red of not eligible"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_point_shows_its_basis_and_readings_say_so(page, site_url, lang):
    case = {"province": "jiangsu", "profession": "architect", "action": "renewal",
            "answers": {"realname_l4": True, "application_submitted_date": "2026-11-02", "acceptance_date": "2026-11-06"}}
    open_wizard(page, site_url, lang, fragment(case))
    wait_for_result(page, case)
    findings = page.eval_on_selector_all(".wizard-finding", """lis => lis.map(li => ({basis: li.dataset.basis,
        label: li.querySelector('.wizard-basis').textContent, text: li.textContent}))""")
    assert findings and all(f["label"] == WORDS[lang]["basis_labels"][f["basis"]] for f in findings)
    reading = [f for f in findings if f["basis"] == "reading"]
    assert reading and all(("本站理解：" if lang == "zh" else "Our reading:") in f["text"] for f in reading)


def test_an_invalid_choice_in_a_link_is_named_by_its_question_and_the_choices_labels(page, site_url):
    open_wizard(page, site_url, "zh", "#province=zhejiang&profession=cost_engineer&action=initial"
                "&qualification_province=zhejiang&specialty=civil&certificate_issue_date=2026-01-05&employer_type=bank")
    page.wait_for_selector(".wizard-result[data-state=invalid]", timeout=60_000)
    shown = page.inner_text("#e-employer_type")
    assert "聘用单位属于哪类企业" in shown and "工程造价咨询企业、建设单位" in shown
    assert not re.search(r"[a-z]+_[a-z]+|answers\.", shown), shown
    assert page.get_attribute("#q-employer_type", "aria-invalid") == "true"


def test_a_contradiction_names_the_acceptance_date_in_the_reader_s_language(page, site_url):
    open_wizard(page, site_url, "en", "#province=jiangsu&profession=constructor&action=renewal&realname_l4=true"
                "&application_submitted_date=2026-11-10&applicant_confirmed=true&acceptance_date=2026-11-09")
    page.wait_for_selector(".wizard-result[data-state=invalid]", timeout=60_000)
    shown = page.inner_text("#e-acceptance_date")
    assert "Date the application was accepted" in shown and "before" in shown


def test_the_wizard_says_so_when_its_data_cannot_be_loaded(page, site_url):
    def strip_inline_data(route):
        response = route.fetch()
        body = re.sub(r'<script type="application/json" id="wizard-data">.*?</script>', "", response.text(), flags=re.S)
        route.fulfill(response=response, body=body)

    page.route("**/wizard/", strip_inline_data)
    page.route("**/wizard-assets/**/questions.json", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(f"{site_url}/wizard/")
    page.wait_for_selector("#wizard[data-wizard-state=failed]", timeout=10_000)
    assert "questions.json" in page.inner_text(".wizard-status")
    assert page.locator(".wizard-fallback a[href='../zhejiang/']").count() == 1


def test_a_photo_that_cannot_be_read_gives_a_message_not_silence(page, site_url, tmp_path):
    page.add_init_script("Blob.prototype.slice = function () { throw new Error('blocked by test'); };")
    open_wizard(page, site_url, "en", "#province=zhejiang&profession=cost_engineer&action=initial", wait_ready=False)
    photo = tmp_path / "me.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"0" * 100)
    page.set_input_files("#q-photo-file", str(photo))
    page.wait_for_function("document.getElementById('h-photo-file').textContent.includes('blocked by test')")
    assert "cannot be read" in page.inner_text("#h-photo-file")


def test_the_printed_result_lists_the_answers_and_the_rule_data_and_opens_how_it_was_computed(page, site_url):
    case = {"province": "jiangsu", "profession": "architect", "action": "renewal",
            "answers": {"realname_l4": True, "application_submitted_date": "2026-11-02", "acceptance_date": "2026-11-06"}}
    open_wizard(page, site_url, "en", fragment(case))
    wait_for_result(page, case)
    assert not page.locator(".wizard-print-only").is_visible()
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    summary = page.locator(".wizard-print-only")
    assert summary.is_visible()
    text = summary.inner_text()
    assert "Have you completed L4 real-name (real-person) authentication" in text and "Yes" in text
    assert "rule data in force from" in text
    assert page.evaluate("[...document.querySelectorAll('.wizard-how')].every(d => d.open)")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("[...document.querySelectorAll('.wizard-how')].every(d => !d.open)")
