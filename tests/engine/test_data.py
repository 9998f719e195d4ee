"""Every data and text file loads, is well formed, and agrees with the code and the other files.

Data files are checked by the one validator, staff/datacheck.py (JSON Schemas in wizard/schemas/), the
same one `python -m staff check` runs; the tests here run it on the repository and on planted bad files.
"""
from __future__ import annotations

import json
import re
import string
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

import wizard
from wizard import datafiles, parameters, schema, workdays
from wizard.findings import BASES
from wizard.text import LANGUAGES, texts

PACKAGE = Path(wizard.__file__).resolve().parent
ROOT = PACKAGE.parent
sys.path.insert(0, str(ROOT))  # the staff package
from staff import datacheck  # noqa: E402  (staff/datacheck.py)

DATA_FILES = [(kind, path) for kind in sorted(datacheck.KINDS) for path in datacheck.files_of(ROOT, kind)]


def test_the_validator_finds_the_data_files_it_is_meant_to_check():
    kinds = [kind for kind, _ in DATA_FILES]
    assert kinds.count("parameter") == len(list((PACKAGE / "data" / "parameters").glob("*/*.json"))) >= 16
    assert kinds.count("rules") == 1


@pytest.mark.parametrize("kind, path", DATA_FILES, ids=[f"{k}:{p.relative_to(PACKAGE / 'data')}" for k, p in DATA_FILES])
def test_every_data_file_passes_the_one_validator(kind, path):
    assert [str(f) for f in datacheck.check_file(path, ROOT, kind)] == []


def test_the_holiday_names_in_the_schema_are_the_engines():
    assert datacheck.schema("holidays")["$defs"]["holiday_name"]["enum"] == list(workdays.HOLIDAY_NAMES)


# A made-up schedule (a planted file in a temporary copy, not a published notice): valid as written.
GOOD_HOLIDAYS = {"year": 2099, "reference": "ILLUSTRATIVE test fixture, not a published schedule",
                 "holidays": {"2099-01-01": "new_years_day", "2099-10-01": "national_day"},
                 "workdays": {"2099-09-26": "national_day"}}


def _plant(tmp_path: Path, rel: str, data) -> list[str]:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2), encoding="utf-8")
    kind = next(kind for kind in datacheck.KINDS if path in datacheck.files_of(tmp_path, kind))
    return [str(finding) for finding in datacheck.check_file(path, tmp_path, kind)]


def test_a_planted_valid_holiday_file_passes(tmp_path):
    assert _plant(tmp_path, "wizard/data/holidays/2099.json", GOOD_HOLIDAYS) == []


@pytest.mark.parametrize("change, name, message", [
    ({"reference": None}, "2099.json", "2099.json:1: the holiday file has no reference (依据)"),
    ({"workdays": None}, "2099.json", '2099.json:1: the file has no "workdays" block'),
    ({"holidays": {"2099-02-30": "spring_festival"}}, "2099.json", '"2099-02-30" in "holidays" is not a date YYYY-MM-DD'),
    ({"holidays": {"2100-01-01": "new_years_day"}}, "2099.json", '2100-01-01 in "holidays" is not in 2099'),
    ({"holidays": {"2099-01-01": "new_year"}}, "2099.json", '"new_year" is not a known festival name. Fix: use one of: new_years_day'),
    ({"holidays": {"2099-09-26": "national_day"}}, "2099.json", "2099-09-26 is listed both as a holiday (放假) and as a make-up workday"),
    ({"workdays": {"2099-09-29": "national_day"}}, "2099.json", "make-up workday (调休上班) 2099-09-29 is a Tuesday, already a working day"),
    ({"year": "2099"}, "2099.json", "\"year\" is '2099', not a year number"),
    ({}, "2098.json", '"year" is 2099 but the file is named 2098.json'),
    ({"holiday": {}}, "2099.json", '"holiday" is not a field of a holiday file'),
], ids=["no reference", "no workdays", "30 February", "another year", "unknown name", "both lists",
        "weekday make-up", "year as text", "file name", "misspelt field"])
def test_a_planted_bad_holiday_file_fails_the_one_validator_with_line_and_fix(tmp_path, change, name, message):
    data = {key: value for key, value in {**GOOD_HOLIDAYS, **change}.items() if value is not None}
    findings = _plant(tmp_path, f"wizard/data/holidays/{name}", data)
    assert any(message in finding for finding in findings), findings
    assert all(re.match(r"wizard/data/holidays/\d{4}\.json(:\d+)?: .+\. Fix: .+", f) for f in findings), findings


def test_a_planted_bad_rule_value_file_fails_the_one_validator(tmp_path):
    good = json.loads((PACKAGE / "data" / "parameters" / "jiangsu" / "decision_time_renewal.json").read_text(encoding="utf-8"))
    assert _plant(tmp_path, "wizard/data/parameters/jiangsu/x.json", good) == []
    bad = {**good, "unit": "weeks", "values": {"2027-01-01": {"value": 15}, "2021-11-15": {"value": 10}}}
    findings = _plant(tmp_path, "wizard/data/parameters/jiangsu/x.json", bad)
    assert any("unit 'weeks' is not one of months, days, working_days" in f for f in findings), findings
    assert any("effective date 2021-11-15 comes after 2027-01-01 in the file but is not later" in f for f in findings), findings


def test_a_planted_bad_rules_file_fails_the_one_validator(tmp_path):
    findings = _plant(tmp_path, "wizard/data/rules.json", {"zj.photo": {"guide": "zhejiang/personnel-form.md"}})
    assert any('rule "zj.photo" guide \'zhejiang/personnel-form.md\' is not a link to a Chinese page under docs/ with an anchor'
               in f for f in findings), findings


def test_a_day_before_the_first_key_uses_the_first_value():
    assert parameters.value("jiangsu", "confirmation_window", date(2000, 1, 1)) == 5


def test_every_rule_with_text_has_a_guide_and_every_guide_has_text():
    """The guides' shape is the schema's (above); here: rules.json and the texts name the same rules."""
    rules = datafiles.load("data", "rules.json")
    text_rules = {".".join(key.split(".")[:2]) for key in texts("en") if key.startswith(("zj.", "js."))}
    assert len(rules) >= 20
    assert text_rules == set(rules)
    for entry in rules.values():
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


def test_a_zipped_engine_opens_its_archive_once_however_many_data_files_an_answer_reads(tmp_path):
    # In the browser the engine is imported from python_stdlib.zip; opening the archive per data file was most
    # of the first answer's time there (scripts/bench.py, repeat visit).
    archive = tmp_path / "engine.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in PACKAGE.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                out.write(path, path.relative_to(ROOT).as_posix())
    program = f"""
import sys, zipfile
sys.path.insert(0, {str(archive)!r})
opened = []
original = zipfile.ZipFile.__init__
def counting(self, file, *args, **kwargs):
    opened.append(str(file))
    original(self, file, *args, **kwargs)
zipfile.ZipFile.__init__ = counting
import wizard
assert wizard.__file__.startswith({str(archive)!r}), wizard.__file__
wizard.check({{"province": "jiangsu", "profession": "constructor", "action": "cancellation",
              "today": "2026-11-21", "answers": {{"realname_l4": True}}}})
wizard.explain({{"province": "zhejiang", "profession": "cost_engineer", "action": "initial", "today": "2026-11-21",
                "answers": {{"qualification_province": "zhejiang", "specialty": "civil",
                            "certificate_issue_date": "2025-12-01", "employer_type": "cost_consulting"}}}})
print(sum(1 for f in opened if f == {str(archive)!r}))
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "1"
