"""CONTRIBUTING.md: Chinese first, then English; its examples pass `check`; no invented schedule in the data."""
from __future__ import annotations

import json
import re
from pathlib import Path

from staff_fixtures import ROOT, TODAY, run_staff, write_tree

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def _json_blocks() -> list[dict]:
    blocks = []
    for block in re.findall(r"```json\n(.*?)```", GUIDE, flags=re.S):
        try:
            blocks.append(json.loads(block))
        except ValueError:
            pass  # fragments like a bare "values": {...} are shown for reading only
    return blocks


def test_the_guide_is_in_chinese_first_then_english():
    assert GUIDE.index("## 中文") < GUIDE.index("## English")
    for topic in ("make serve", "make test", "python -m staff check", "swimlane", "wizard/data/holidays/",
                  "wizard/data/parameters/", "{ #faq-9 }", "CI (.ci/run)"):
        assert GUIDE.count(topic) >= 2, topic


def test_the_holiday_example_is_clearly_illustrative_and_passes_check(good_tree: Path):
    example = next(block for block in _json_blocks() if "holidays" in block)
    assert example["year"] == 2099 and "虚构" in GUIDE and "invented year, 2099" in GUIDE
    write_tree(good_tree, {"wizard/data/holidays/2099.json": json.dumps(example, ensure_ascii=False, indent=2)})
    result = run_staff("--root", str(good_tree), "check", "--today", TODAY)
    assert result.returncode == 0, result.stdout


def test_the_rule_value_example_passes_check(good_tree: Path):
    example = next(block for block in _json_blocks() if "values" in block)
    assert list(example["values"]) == ["2021-11-15", "2027-01-01"]
    write_tree(good_tree, {"wizard/data/parameters/jiangsu/decision_time_renewal.json":
                           json.dumps(example, ensure_ascii=False, indent=2)})
    result = run_staff("--root", str(good_tree), "check", "--today", TODAY)
    assert result.returncode == 0, result.stdout
