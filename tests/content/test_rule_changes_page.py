"""The rule-changes page: generated from the rule data by hooks/rule_changes.py; unknown markers fail the build."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
import rule_changes as hook  # hooks/rule_changes.py (hooks/ is on sys.path: tests/content/conftest.py)
from sitebuild import changes_page as renderer
from staff_fixtures import ROOT, write_tree


def _page(src_uri: str):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def test_the_marker_becomes_a_table_of_rule_values_in_the_page_language():
    en = hook.on_page_markdown("{{ staff: rule-changes }}", page=_page("changes.en.md"), config={}, files=None)
    zh = hook.on_page_markdown("{{ staff: rule-changes }}", page=_page("changes.md"), config={}, files=None)
    assert "| In force from | Rule | Value | Status | Source |" in en
    assert "| 生效日期 | 规则 | 取值 | 状态 | 依据 |" in zh
    assert "{{" not in en and "{{" not in zh


def test_an_unknown_marker_fails_the_build_naming_the_file():
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"docs/changes\.md: unknown marker .*rule-chnages"):
        hook.on_page_markdown("{{ staff: rule-chnages }}", page=_page("changes.md"), config={}, files=None)


def test_a_new_dated_value_shows_beside_the_old_one_with_its_status(tmp_path: Path):
    import datetime as dt

    write_tree(tmp_path, {"wizard/data/parameters/jiangsu/decision_time_renewal.json": json.dumps({
        "description": {"zh": "延续注册审核完毕的期限", "en": "Time to finish reviewing a renewal"},
        "unit": "working_days", "reference": "004_6b6b954dcd5456b7.txt, 三、其他事宜 3",
        "values": {"2021-11-15": {"value": 10}, "2027-01-01": {"value": 15}}}, ensure_ascii=False)})
    before = renderer.render_rule_changes(tmp_path, "en", dt.date(2026, 11, 21))
    assert "| 2027-01-01 | Jiangsu: Time to finish reviewing a renewal | 15 working days | not yet in force |" in before
    assert "| 2021-11-15 | Jiangsu: Time to finish reviewing a renewal | 10 working days | in force |" in before
    after = renderer.render_rule_changes(tmp_path, "zh", dt.date(2027, 1, 1))
    assert "| 2027-01-01 | 江苏：延续注册审核完毕的期限 | 15 个工作日 | 现行 |" in after
    assert "| 2021-11-15 | 江苏：延续注册审核完毕的期限 | 10 个工作日 | 已被 2027-01-01 的取值取代 |" in after
    assert after.index("2027-01-01 |") < after.index("2021-11-15 |")


def test_both_language_pages_hold_the_marker():
    for name in ("changes.md", "changes.en.md"):
        assert "{{ staff: rule-changes }}" in (ROOT / "docs" / name).read_text(encoding="utf-8")


def test_mkdocs_registers_the_rule_changes_hook():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks/rule_changes.py" in config, (
        "mkdocs.yml must list hooks/rule_changes.py under `hooks:`, or the rule-changes page "
        "shows the raw marker")
