"""`python -m staff outcomes BASE`: a rule value change lists exactly the cases whose outcome changed, before and after."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from staff_fixtures import ROOT, git, run_staff, write_tree

# A tiny stand-in engine with the real engine's shape: dated rule data, wizard.check(case) -> report.
FAKE_ENGINE = '''
import datetime as dt, json
from pathlib import Path

class InvalidCase(ValueError):
    def __init__(self, field, message):
        super().__init__(message["en"]); self.field = field; self.message = message

def _value(name, today):
    data = json.loads((Path(__file__).parent / "data" / "parameters" / "jiangsu" / f"{name}.json").read_text())
    keys = sorted(k for k in data["values"] if k <= today) or sorted(data["values"])
    return data["values"][keys[-1]]["value"]

def _add_working_days(start, count):
    day = start
    while count:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day

def check(case):
    if case.get("province") != "jiangsu":
        raise InvalidCase("province", {"zh": "未知省份", "en": "unknown province"})
    today, answers = case["today"], case["answers"]
    findings = [{"rule": "js.realname", "status": "pass" if answers.get("realname_l4") else "action"}]
    dates = {}
    if "acceptance_date" in answers:
        name = "decision_time_renewal" if case["action"] == "renewal" else "decision_time_initial"
        due = _add_working_days(dt.date.fromisoformat(answers["acceptance_date"]), _value(name, today))
        dates["decision_due"] = due.isoformat()
        findings.append({"rule": "js.decision_time", "status": "info"})
    verdict = "action_needed" if any(f["status"] == "action" for f in findings) else "eligible"
    return {"verdict": verdict, "findings": findings, "dates": dates, "estimated": []}
'''


def _parameter(values: dict) -> str:
    return json.dumps({"description": {"zh": "期限", "en": "time limit"}, "unit": "working_days",
                       "reference": "004_6b6b954dcd5456b7.txt, 三、其他事宜 3", "values": values}, indent=2)


def _case(name: str, action: str, acceptance: str | None, expect_due: str | None = None) -> dict:
    answers = {"realname_l4": True}
    if acceptance:
        answers["acceptance_date"] = acceptance
    expect = {"verdict": "eligible", "dates": {"decision_due": expect_due} if expect_due else {}}
    return {"name": name, "case": {"province": "jiangsu", "profession": "constructor", "action": action,
                                   "today": "2027-03-01", "answers": answers}, "expect": expect}


RENEWAL = "A renewal accepted on 1 March 2027 is decided by the working-day limit"
INITIAL = "An initial registration accepted on 1 March 2027 is decided within twenty working days"
NO_DATE = "A renewal without an acceptance date has no decision date"


@pytest.fixture
def engine_repo(tmp_path: Path) -> Path:
    repo = write_tree(tmp_path / "repo", {
        "wizard/__init__.py": FAKE_ENGINE,
        "wizard/data/parameters/jiangsu/decision_time_renewal.json": _parameter({"2021-11-15": {"value": 10}}),
        "wizard/data/parameters/jiangsu/decision_time_initial.json": _parameter({"2021-11-15": {"value": 20}}),
        "tests/cases/jiangsu.json": json.dumps([
            _case(RENEWAL, "renewal", "2027-03-01", "2027-03-15"),
            _case(INITIAL, "initial", "2027-03-01", "2027-03-29"),
            _case(NO_DATE, "renewal", None),
        ], indent=2),
    })
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "engine with a ten-day renewal limit")
    return repo


def test_an_unchanged_working_tree_reports_no_changed_case(engine_repo: Path):
    result = run_staff("--root", str(engine_repo), "outcomes", "HEAD")
    assert result.returncode == 0, result.stderr
    assert "0 of 3 case(s) changed" in result.stdout
    assert "No case changed" in result.stdout


def test_a_new_dated_rule_value_lists_exactly_the_cases_it_changes_even_with_updated_expectations(engine_repo: Path):
    # What CONTRIBUTING.md tells staff to do: add a dated value, keep the old one, update the expected dates.
    write_tree(engine_repo, {
        "wizard/data/parameters/jiangsu/decision_time_renewal.json":
            _parameter({"2021-11-15": {"value": 10}, "2027-01-01": {"value": 15}}),
        "tests/cases/jiangsu.json": json.dumps([
            _case(RENEWAL, "renewal", "2027-03-01", "2027-03-22"),
            _case(INITIAL, "initial", "2027-03-01", "2027-03-29"),
            _case(NO_DATE, "renewal", None),
        ], indent=2),
    })
    result = run_staff("--root", str(engine_repo), "outcomes", "HEAD", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("## Rule outcomes: HEAD (")
    assert "1 of 3 case(s) changed" in out
    assert f"| {RENEWAL} | date decision_due | 2027-03-15 | 2027-03-22 |" in out
    assert INITIAL not in out and NO_DATE not in out
    assert "(0 new, 0 edited, 0 removed in the case table)" in out  # only "expect" changed


def test_the_text_format_shows_before_and_after_and_new_and_removed_cases(engine_repo: Path):
    write_tree(engine_repo, {
        "wizard/data/parameters/jiangsu/decision_time_renewal.json":
            _parameter({"2021-11-15": {"value": 10}, "2027-01-01": {"value": 15}}),
        "tests/cases/jiangsu.json": json.dumps([
            _case(INITIAL, "initial", "2027-03-01", "2027-03-29"),
            _case("A renewal accepted on 2 March 2027 uses the new limit", "renewal", "2027-03-02"),
        ], indent=2),
    })
    result = run_staff("--root", str(engine_repo), "outcomes", "HEAD", "--format", "text")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "* A renewal accepted on 2 March 2027 uses the new limit (new case; BASE's engine run on it)" in out
    assert "    date decision_due: 2027-03-16 -> 2027-03-23" in out
    assert f"* {RENEWAL} (case removed from the table" in out
    assert NO_DATE in out.split("Removed cases:")[1]


def test_a_case_the_engine_rejects_is_reported_not_a_crash(engine_repo: Path):
    table = json.loads((engine_repo / "tests/cases/jiangsu.json").read_text())
    table[0]["case"]["province"] = "anhui"
    write_tree(engine_repo, {"tests/cases/jiangsu.json": json.dumps(table)})
    result = run_staff("--root", str(engine_repo), "outcomes", "HEAD", "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "invalid: — -> province" in result.stdout


def test_an_unknown_base_revision_is_explained_in_plain_words(engine_repo: Path):
    result = run_staff("--root", str(engine_repo), "outcomes", "origin/nowhere")
    assert result.returncode == 2
    assert '"origin/nowhere" is not a git revision here' in result.stderr


@pytest.mark.skipif(not (ROOT / "wizard" / "__init__.py").exists() or not (ROOT / "tests" / "cases").exists(),
                    reason="the engine or its case table is not in this repository yet")
def test_the_real_case_table_runs_on_the_committed_engine_and_the_working_tree():
    result = run_staff("outcomes", "HEAD", "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "case(s) changed outcome" in result.stdout
