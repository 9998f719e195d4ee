"""A new business type is data: added to the data files only (as CONTRIBUTING's steps say), it runs its rules
and is offered to the profession it names and no other."""
from __future__ import annotations

import copy
import json
from datetime import date

import pytest

import wizard
from wizard import datafiles, schema
from wizard.cli import respond

ACTION = "fixture_business_type"


@pytest.fixture
def fixture_business_type(monkeypatch):
    """The data files with one more Jiangsu business type for architects only: its label, form, procedure
    (rules from the table) and a checklist item with its words. No Python changes."""
    original = datafiles.load

    def load(*parts):
        data = copy.deepcopy(original(*parts))
        if parts == ("data", "questions.json"):
            data["actions"][ACTION] = {"label": {"zh": "测试事项", "en": "Fixture procedure"}}
            data["provinces"]["jiangsu"]["actions"].append(ACTION)
            data["forms"][f"jiangsu/{ACTION}"] = [{"id": "realname_l4", "required": True}]
        elif parts == ("data", "procedures", "jiangsu.json"):
            data[ACTION] = {"professions": ["architect"], "rules": ["js.realname"]}
        elif parts == ("data", "checklists.json"):
            data["jiangsu"].append({"id": "js.realname", "source": "jiangsu/realname.md#l4", "actions": [ACTION],
                                    "when": [{"answer": "realname_l4", "is_not": True}]})
        return data

    monkeypatch.setattr(datafiles, "load", load)
    yield


def case(profession: str, realname) -> bytes:
    return json.dumps({"province": "jiangsu", "profession": profession, "action": ACTION, "today": "2026-11-21",
                       "answers": {"realname_l4": realname}}).encode()


def test_the_new_business_type_runs_the_rules_its_table_names(fixture_business_type):
    code, report = respond(case("architect", False))
    assert code == 0, report
    assert [(f["rule"], f["status"]) for f in report["findings"]] == [("js.realname", "action")]
    assert len(report["checklist"]) == 1


def test_the_new_business_type_is_refused_for_a_profession_it_does_not_name(fixture_business_type):
    code, error = respond(case("constructor", True))
    assert code == 2 and error["field"] == "action"
    assert not schema.has_form("jiangsu", "constructor", ACTION) and schema.has_form("jiangsu", "architect", ACTION)


def test_the_page_is_told_which_professions_the_new_business_type_is_for(fixture_business_type):
    page = schema.page_questions(date(2026, 11, 21))
    assert page["procedure_professions"][f"jiangsu/{ACTION}"] == ["architect"]


def test_without_the_fixture_the_business_type_does_not_exist():
    assert ACTION not in wizard.schema.questions()["actions"]
