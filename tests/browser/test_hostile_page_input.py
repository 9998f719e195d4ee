"""Hostile input gives the same answer on the page as on the command line.

window.registrationWizard.check() with values JSON cannot hold (NaN, Infinity, BigInt, cycles, throwing
getters, a case longer than the engine reads) resolves or rejects with exactly what ``python -m wizard check``
gives for the text it would read. URL fragments naming what every JavaScript object inherits (``__proto__``,
``constructor``, ``toString``…) show the form and the same message as a fragment naming any unknown province or
answer, on a fresh load and by ``hashchange``, with no uncaught error.
"""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from wizard.cli import MAX_INPUT_BYTES
from wizard_helpers import cli_reference, open_wizard, wait_for_result

JIANGSU = {"province": "jiangsu", "profession": "constructor", "action": "initial", "today": "2026-11-21",
           "answers": {"realname_l4": True, "qualification_province": "jiangsu", "employment_contract_end": None}}
ZHEJIANG = {"province": "zhejiang", "profession": "cost_engineer", "action": "initial", "today": "2026-11-21",
            "answers": {"qualification_province": "zhejiang", "specialty": "civil", "certificate_issue_date": "2025-05-20",
                        "employer_type": "cost_consulting", "photo_format": "jpg", "photo_size_kb": 40,
                        "continuing_education_hours": 20}}


def with_answer(case: dict, key: str, token: str) -> str:
    """The case as JSON text, with answer ``key`` (or the top-level ``today``) written as the raw ``token``."""
    marker = "\u0000marker"
    copy = json.loads(json.dumps(case))
    (copy if key == "today" else copy["answers"])[key] = marker
    return json.dumps(copy, ensure_ascii=False).replace(json.dumps(marker), token)


def js(case: dict, key: str, expression: str) -> str:
    """A JavaScript expression building the case with ``key`` set to ``expression``."""
    holder = "c" if key == "today" else "c.answers"
    return f"(() => {{ const c = {json.dumps(case, ensure_ascii=False)}; {holder}[{json.dumps(key)}] = {expression}; return c; }})()"


# (sentence, JavaScript expression of the value given to check(), the text the command reads instead)
CHECKS = [
    ("an open-ended contract written as 1e309 is refused by field, not read as null",
     js(JIANGSU, "employment_contract_end", "1e309"), with_answer(JIANGSU, "employment_contract_end", "1e309")),
    ("today as Infinity is refused by field, not read as the current date",
     js(JIANGSU, "today", "Infinity"), with_answer(JIANGSU, "today", "Infinity")),
    ("today as -Infinity is refused by field", js(JIANGSU, "today", "-Infinity"), with_answer(JIANGSU, "today", "-Infinity")),
    ("NaN hours are refused by field", js(ZHEJIANG, "continuing_education_hours", "NaN"),
     with_answer(ZHEJIANG, "continuing_education_hours", "NaN")),
    ("1e308 hours get the command's answer", js(ZHEJIANG, "continuing_education_hours", "1e308"),
     with_answer(ZHEJIANG, "continuing_education_hours", "1e308")),
    ("a 1e308 KB photo gets the command's answer", js(ZHEJIANG, "photo_size_kb", "1e308"),
     with_answer(ZHEJIANG, "photo_size_kb", "1e308")),
    ("19.999999999999996 hours get the command's answer", js(ZHEJIANG, "continuing_education_hours", "19.999999999999996"),
     with_answer(ZHEJIANG, "continuing_education_hours", "19.999999999999996")),
    ("hours given as a BigInt are read as its digits", js(ZHEJIANG, "continuing_education_hours", "12345678901234567890n"),
     with_answer(ZHEJIANG, "continuing_education_hours", "12345678901234567890")),
    ("a small BigInt is an ordinary number", js(ZHEJIANG, "continuing_education_hours", "20n"), json.dumps(ZHEJIANG)),
    ("an integer past 2^53 is read as the number the page holds", js(ZHEJIANG, "photo_size_kb", "2 ** 60"),
     with_answer(ZHEJIANG, "photo_size_kb", str(2 ** 60))),
    ("a case that contains itself is text that is not JSON",
     "(() => { const c = {province: 'jiangsu'}; c.answers = {loop: c}; return c; })()", "{"),
    ("a getter that throws is text that is not JSON",
     "({province: 'jiangsu', get answers() { throw new Error('no'); }})", "{"),
    ("a case longer than the engine reads is too long",
     js(JIANGSU, "qualification_province", f"'x'.repeat({MAX_INPUT_BYTES})"),
     with_answer(JIANGSU, "qualification_province", json.dumps("x" * MAX_INPUT_BYTES))),
    ("a case of 2^64 shared leaves is too long without being written out",
     "(() => { let d = ['x']; for (let i = 0; i < 64; i++) d = [d, d]; return {province: 'jiangsu', answers: d}; })()",
     " " * (MAX_INPUT_BYTES + 1)),
    ("no case at all is null", "undefined", "null"),
]


@pytest.fixture(scope="module")
def check_results(ready_page):
    script = "Promise.all([" + ",".join(
        f"(async () => {{ try {{ return ['ok', await window.registrationWizard.check({expression})]; }}"
        f" catch (e) {{ return ['error', e]; }} }})()" for _, expression, _ in CHECKS) + "])"
    return ready_page.evaluate(script)


@pytest.mark.parametrize("index", range(len(CHECKS)), ids=[c[0] for c in CHECKS])
def test_check_answers_what_the_command_answers_for_the_text_it_would_read(check_results, index):
    _, _, text = CHECKS[index]
    code, expected = cli_reference(text.encode("utf-8"))
    outcome, value = check_results[index]
    assert outcome == ("ok" if code == 0 else "error"), value
    assert value == expected


# (sentence, hostile fragment, the same fragment with an unknown name instead of the inherited one)
FULL = ("province=zhejiang&profession=cost_engineer&action=initial&today=2026-11-21&qualification_province=zhejiang"
        "&specialty=civil&certificate_issue_date=2025-05-20&employer_type=cost_consulting")
FRAGMENTS = [
    ("__proto__ as an answer with nothing else", "#__proto__=x", "#favourite_colour=x"),
    ("constructor as the province", "#province=constructor", "#province=shanghai"),
    ("__proto__ as the province", "#province=__proto__", "#province=shanghai"),
    ("toString as an answer of a province", "#province=zhejiang&toString=1", "#province=zhejiang&favourite_colour=1"),
    ("valueOf as an answer of a whole case", f"#{FULL}&valueOf=1", f"#{FULL}&favourite_colour=1"),
    ("hasOwnProperty as the action", "#province=jiangsu&profession=constructor&action=hasOwnProperty",
     "#province=jiangsu&profession=constructor&action=shanghai"),
    ("constructor as an older link's district", "#province=jiangsu&profession=constructor&action=delta_registration"
     "&employer_district=constructor", "#province=jiangsu&profession=constructor&action=delta_registration"
     "&employer_district=kunshan"),
    ("1e309 hours, refused by field as hours that are not a number",
     f"#{FULL}&continuing_education_hours=1e309", f"#{FULL}&continuing_education_hours=abc"),
]

# What the page shows: the form (visible, every control's value) and the result region.
SHOWN_JS = """() => {
  const form = document.querySelector('.wizard-form');
  const result = document.querySelector('.wizard-result');
  return JSON.stringify({formShown: !form.hidden && form.getBoundingClientRect().height > 0,
    values: [...form.querySelectorAll('select, input')].map(i => [i.id, i.type === 'radio' || i.type === 'checkbox' ? i.checked : i.value]),
    state: result.dataset.state, text: result.innerText.trim()});
}"""
# Settled: the engine is ready and the result region holds an answer, a list of missing answers or, with no
# case chosen, the start hint (the one message drawn for no case).
SETTLED_JS = """() => document.querySelector('#wizard').dataset.wizardState === 'ready' && (r =>
  r.dataset.state && (r.dataset.state !== 'pending' || r.dataset.case === ''))(document.querySelector('.wizard-result'))"""
PREVIOUS = ("#province=jiangsu&profession=constructor&action=initial&today=2026-11-21&realname_l4=true"
            "&qualification_province=jiangsu&employment_contract_end=null")


@pytest.fixture(scope="module")
def wizard_tab(browser):
    """One tab for the module, with the page's uncaught errors collected."""
    context = browser.new_context()
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def fresh_load(page, site_url: str, fragment: str) -> None:
    page.goto("about:blank")  # a new document: going from one fragment to another would be a hashchange
    open_wizard(page, site_url, "en", fragment)


def wait_until_shown(page, expected: str) -> str:
    try:
        page.wait_for_function(f"expected => ({SHOWN_JS})() === expected", arg=expected, timeout=30_000)
    except PlaywrightTimeout:  # show the difference rather than a timeout
        pass
    return page.evaluate(SHOWN_JS)


@pytest.mark.parametrize("fragment, unknown", [c[1:] for c in FRAGMENTS], ids=[c[0] for c in FRAGMENTS])
def test_a_fragment_naming_an_inherited_name_shows_what_an_unknown_name_shows(wizard_tab, site_url, fragment, unknown):
    page = wizard_tab
    page.errors.clear()
    fresh_load(page, site_url, unknown)
    page.wait_for_function(SETTLED_JS)
    expected = page.evaluate(SHOWN_JS)
    assert json.loads(expected)["formShown"] and json.loads(expected)["text"]

    fresh_load(page, site_url, fragment)
    assert wait_until_shown(page, expected) == expected, "on a fresh load"

    fresh_load(page, site_url, PREVIOUS)
    wait_for_result(page, JIANGSU)
    page.evaluate("h => { location.hash = h; }", fragment)
    assert wait_until_shown(page, expected) == expected, "by hashchange, instead of the previous case's result"
    assert page.errors == []
