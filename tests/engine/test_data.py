"""Every data and text file loads, is well formed, and agrees with the code and the other files."""
from __future__ import annotations

import json
import sys
import re
import string
from datetime import date
from pathlib import Path

import pytest

import wizard
from wizard import datafiles, parameters, schema, workdays
from wizard.findings import BASES
from wizard.text import LANGUAGES, texts

PACKAGE = Path(wizard.__file__).resolve().parent
UNITS = {"months", "days", "working_days", "hours", "kb", "list", "text"}
PARAMETER_FILES = sorted((PACKAGE / "data" / "parameters").glob("*/*.json"))


@pytest.mark.parametrize("path", PARAMETER_FILES, ids=[p.parent.name + "/" + p.stem for p in PARAMETER_FILES])
def test_parameter_file_has_ascending_dated_values_each_with_a_reference(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) <= {"description", "unit", "reference", "values", "effective_date_note"}
    assert data["unit"] in UNITS
    assert data["description"]["zh"] and data["description"]["en"]
    assert re.search(r"\d{3}_[0-9a-f]{16}\.txt, \S", data["reference"])
    keys = list(data["values"])
    assert keys and keys == sorted(keys)
    for key, entry in data["values"].items():
        date.fromisoformat(key)
        assert set(entry) <= {"value", "reference"} and "value" in entry
    if path.parent.name == "zhejiang":
        assert data["effective_date_note"]["zh"] and data["effective_date_note"]["en"]


def test_a_day_before_the_first_key_uses_the_first_value():
    assert parameters.value("jiangsu", "confirmation_window", date(2000, 1, 1)) == 5


def test_holiday_files_validate():
    for path in sorted((PACKAGE / "data" / "holidays").glob("*.json")):
        workdays.validate_schedule(json.loads(path.read_text(encoding="utf-8")), int(path.stem))


@pytest.mark.parametrize("bad", [
    {"year": 2027, "holidays": {}},
    {"year": 2027, "reference": "x", "holidays": {"2027-02-30": "spring_festival"}},
    {"year": 2027, "reference": "x", "holidays": {"2028-01-01": "new_years_day"}},
    {"year": 2027, "reference": "x", "holidays": {"2027-01-01": "new_year"}},
    {"year": 2027, "reference": "x", "holidays": {"2027-01-01": "new_years_day"}, "workdays": {"2027-01-01": "new_years_day"}},
])
def test_a_malformed_holiday_file_is_refused(bad):
    with pytest.raises(workdays.HolidayFileError):
        workdays.validate_schedule(bad, 2027)


def test_every_rule_that_can_appear_has_a_guide_anchor():
    rules = datafiles.load("data", "rules.json")
    text_rules = {".".join(key.split(".")[:2]) for key in texts("en") if key.startswith(("zj.", "js."))}
    assert text_rules == set(rules)
    for entry in rules.values():
        for guide in [entry["guide"], *entry.get("guide_by_action", {}).values()]:
            assert re.fullmatch(r"(zhejiang|jiangsu)/[a-z-]+\.md(#[a-z0-9-]+)?", guide)
        assert entry["basis"] in BASES and set(entry.get("basis_by_text", {}).values()) <= set(BASES)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_have_the_same_keys_and_placeholders():
    zh, en = texts("zh"), texts("en")
    assert set(zh) == set(en)
    for key in zh:
        assert _placeholders(zh[key]) == _placeholders(en[key]), key
        assert zh[key].strip() and en[key].strip(), key


def test_questions_file_is_consistent_with_itself():
    data = schema.questions()
    assert set(data["provinces"]) == {"zhejiang", "jiangsu"}
    for province, specs in data["answers"].items():
        for answer_id, spec in specs.items():
            assert spec["type"] in schema.ANSWER_TYPES, answer_id
            for language in LANGUAGES:
                assert spec["label"][language], answer_id
            assert set(spec["help"]) == set(LANGUAGES)
            assert re.fullmatch(r"(zhejiang|jiangsu)/[a-z-]+\.md#[a-z0-9-]+", spec["guide"])
            if spec["type"] == "enum":
                assert list(spec["enum_labels"]) == spec["enum"]
            if "default" in spec:
                assert not isinstance(spec["default"], str) or spec["type"] == "text"
    expected = {f"{p}/{a}" for p, info in data["provinces"].items() for a in info["actions"]}
    assert set(data["forms"]) == expected  # one form per province and action, written once
    for key, entries in data["forms"].items():
        province = key.split("/")[0]
        ids = [entry["id"] for entry in entries]
        assert len(ids) == len(set(ids))
        assert set(ids) <= set(data["answers"][province])
        for entry in entries:
            assert set(entry.get("professions", [])) <= set(data["provinces"][province]["professions"])


def test_the_issue_s_required_answers_are_required_in_the_form():
    required = {e["id"] for e in schema.form("zhejiang", "cost_engineer", "initial") if e["required"]}
    assert required == {"qualification_province", "specialty", "certificate_issue_date", "employer_type"}
    for action in ("initial", "additional"):
        form = {e["id"]: e["required"] for e in schema.form("jiangsu", "architect", action)}
        assert form["realname_l4"] and form["qualification_province"] and form["employment_contract_end"]
        assert not form["acceptance_date"] and not form["application_submitted_date"]
    change = {e["id"]: e["required"] for e in schema.form("jiangsu", "architect", "change_employer")}
    assert "qualification_province" not in change and change["employment_contract_end"]
    delta = {e["id"]: e["required"] for e in schema.form("jiangsu", "constructor", "delta_registration")}
    assert delta["employer_in_wujiang"] and not delta["employment_contract_end"]
    assert not {e["id"]: e["required"] for e in schema.form("jiangsu", "constructor", "renewal")}["employment_contract_end"]
    assert schema.form("jiangsu", "constructor", "company_rename") == []
    assert [e["id"] for e in schema.form("jiangsu", "constructor", "out_of_province_entry")] == ["realname_l4", "qualification_province"]


def test_rule_data_version_is_a_short_hash_of_the_data():
    assert re.fullmatch(r"[0-9a-f]{12}", wizard.RULE_DATA_VERSION)
    assert wizard.RULE_DATA_VERSION == datafiles.data_version()


def test_the_package_imports_only_the_standard_library_and_its_pure_python_dependencies():
    import ast

    allowed = set(sys.stdlib_module_names) | {"chinese_calendar", "lunardate", "wizard"}
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in allowed, f"{path.name} imports {name}"


def test_every_answer_has_help_text():
    for specs in schema.questions()["answers"].values():
        for answer_id, spec in specs.items():
            assert spec["help"]["zh"] and spec["help"]["en"], answer_id
