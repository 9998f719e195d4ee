"""Every case of the engine's table (tests/cases/*.json) gives the same answer in each browser engine (Chromium,
WebKit, Firefox: the `engine` fixture) as in CPython, all through one booted page per engine."""
from __future__ import annotations

import json

import pytest

from wizard_helpers import ROOT, cli_reference

CASES = [
    (f"{path.stem}: {case['name']}", case)
    for path in sorted((ROOT / "tests" / "cases").glob("*.json"))
    for case in json.loads(path.read_text(encoding="utf-8"))
    if "case" in case  # raw-byte cases ("raw", "raw_hex") cannot be expressed as a JavaScript object
]


@pytest.fixture(scope="module")
def browser_results(ready_engine_page):
    """All cases through window.registrationWizard.check in one go: [["ok", report] | ["error", object]]."""
    return ready_engine_page.evaluate(
        """cases => Promise.all(cases.map(c => window.registrationWizard.check(c)
              .then(r => ["ok", r], e => ["error", e])))""",
        [case["case"] for _, case in CASES],
    )


def test_the_engine_table_is_not_empty():
    assert len(CASES) >= 10, "tests/cases/*.json should hold the engine's table"


@pytest.mark.parametrize("index", range(len(CASES)), ids=[name for name, _ in CASES])
def test_the_browser_gives_the_same_answer_as_the_command_line(browser_results, index):
    _, case = CASES[index]
    code, expected = cli_reference(json.dumps(case["case"], ensure_ascii=False).encode("utf-8"))
    outcome, value = browser_results[index]
    if code == 0:
        assert outcome == "ok", f"browser rejected a case the CLI accepts: {value}"
    else:
        assert outcome == "error", "browser resolved a case the CLI rejects (exit 2): the API rejects with the error object"
    assert value == expected
