"""Every statement the wizard shows has an entry in wizard/statements.json saying what it rests on, and the staff
table STATEMENTS.md is what `python -m staff statements` writes from the data files now."""
from __future__ import annotations

import copy
import re

import pytest

from staff import statements

DOC = statements.load_statements()
SHOWN = {language: statements.current_texts(language) for language in statements.LANGUAGES}
ENTRIES = sorted(DOC["statements"].items())
BASIS = {key: statements.basis_of(key, entry) for key, entry in ENTRIES}
CLAUSE = re.compile(r"^(《答疑》([1-9]|1[0-3])|《图解》第[一二三]步.*|《办事指南》(二（[一二三]）.*|三、其他事宜 [1-8]|查阅建议 [1-3])"
                    r"|《民法典》第(二百零[一二三]|一千二百五十九)条|国务院令第 795 号 第[二六]条)$")
LAW_CITATION = {"zh": ("《民法典》", "第 795 号"), "en": ("Civil Code", "Decree No. 795")}
READING_LABEL = {"zh": "本站理解：", "en": "Our reading:"}


def test_every_text_the_wizard_shows_has_an_entry_or_a_reason_to_need_none():
    assert statements.missing_entries(DOC, SHOWN["zh"]) == []


def test_a_new_text_without_an_entry_is_named_with_the_file_to_edit():
    for planted in ("zj.new_rule.pass", "checklist.js.new_step", "help.jiangsu.new_question", "page.new_fact"):
        shown = {**SHOWN["zh"], planted: "一句新的话。"}
        [message] = statements.missing_entries(DOC, shown)
        assert message.startswith(f"{planted}: no entry in wizard/statements.json")
        assert statements.COMMAND in message


def test_a_without_claim_pattern_cannot_excuse_a_finding_checklist_or_help_text():
    doc = copy.deepcopy(DOC)
    doc["without_claim"]["text"]["*"] = "everything"
    doc["without_claim"]["page"].append("*")
    for key in ("zj.registration_window.pass", "checklist.zj.late_education", "help.zhejiang.specialty"):
        del doc["statements"][key]
    missing = " ".join(statements.missing_entries(doc, SHOWN["zh"]))
    assert all(f"{key}: no entry" in missing
               for key in ("zj.registration_window.pass", "checklist.zj.late_education", "help.zhejiang.specialty"))


def test_no_entry_names_a_text_that_no_longer_exists():
    assert statements.stale_entries(DOC, SHOWN["zh"]) == []
    shown = dict(SHOWN["zh"])
    del shown["js.delta_scope.pass"]
    [message] = statements.stale_entries(DOC, shown)
    assert message.startswith("js.delta_scope.pass: wizard/statements.json has an entry for a text that no longer")


@pytest.mark.parametrize("key, entry", ENTRIES, ids=[key for key, _ in ENTRIES])
def test_every_entry_names_clauses_of_the_two_notices_or_the_two_laws(key, entry):
    assert [clause for clause in entry["clause"] if not CLAUSE.match(clause)] == []
    assert entry["clause"] or BASIS[key] == "instruction", f"{key}: name the clause it rests on"


@pytest.mark.parametrize("key, entry", ENTRIES, ids=[key for key, _ in ENTRIES])
def test_a_finding_takes_its_basis_from_rules_json_and_any_other_text_declares_one(key, entry):
    if statements.is_finding(key):
        assert "basis" not in entry, f"{key}: the basis of a finding text is in wizard/data/rules.json"
        assert BASIS[key] in ("notice", "law", "reading"), f"{key}: its rule is not in wizard/data/rules.json"
    else:
        assert entry.get("basis") in statements.BASES
        assert entry["basis"] != "instruction" or key.startswith(statements.HELP), \
            f"{key}: only question help may be an instruction"


LAW_KEYS = [key for key, basis in BASIS.items() if basis == "law"]
READING_KEYS = [key for key, basis in BASIS.items() if basis == "reading"]


@pytest.mark.parametrize("key", LAW_KEYS)
def test_a_law_text_names_the_civil_code_or_decree_795(key):
    for language, names in LAW_CITATION.items():
        assert any(name in SHOWN[language][key] for name in names), f"{key} ({language}) names no law"


@pytest.mark.parametrize("key", READING_KEYS)
def test_a_reading_starts_with_its_label(key):
    """A page label (a date's name) carries the label at its end, in brackets."""
    for language, label in READING_LABEL.items():
        text = SHOWN[language][key]
        if key.startswith(statements.PAGE):
            assert label.rstrip("：:").lower() in text.lower(), f"{key} ({language})"
        else:
            assert text.startswith(label), f"{key} ({language}) does not start with {label}"


def test_a_not_possible_finding_always_restates_the_notice_as_the_verdict_says():
    """web/i18n's not_eligible verdict says the notice rules the case out (page.verdict.not_eligible)."""
    fails = [key for key in BASIS if statements.is_finding(key) and key.split(".")[2] == "fail"]
    assert fails and [key for key in fails if BASIS[key] != "notice"] == []


def test_the_committed_table_is_what_the_generator_writes_now():
    table = statements.render(DOC, SHOWN["zh"])
    committed = statements.TABLE_FILE.read_text(encoding="utf-8")
    assert committed == table, f"STATEMENTS.md is out of date. Fix: run {statements.COMMAND} and commit it"


def test_the_table_shows_each_entry_once_with_its_text_and_clause():
    table = statements.render(DOC, SHOWN["zh"])
    assert table.count("\n| `") == len(DOC["statements"])
    row = next(line for line in table.splitlines() if line.startswith("| `js.contract_term.pass` |"))
    assert SHOWN["zh"]["js.contract_term.pass"] in row and "《办事指南》二（三）3（1）② c" in row
