"""Helpers for the staff-tool tests: small fake repositories in temporary folders, and a runner for `python -m staff`."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-11-21"

FRONT = """---
title: {title}
description: {description}
source: js-notice
source_section: {section}
checked: 2026-11-20
---
"""

# The 办事要素 block a procedure page carries in its front matter (hooks/sitebuild/essentials.py).
ESSENTIALS = ("essentials: {{who: {text}, materials: [{text}], process: {text}, time_limit: {text}, fees: {text}, "
              "result: {text}, contact: {text}}}\n")


def procedure_front(title: str, description: str, section: str, text: str) -> str:
    """FRONT with the 办事要素 block, every field `text`."""
    front = FRONT.format(title=title, description=description, section=section)
    closing = front.rindex("---\n")
    return front[:closing] + ESSENTIALS.format(text=text) + front[closing:]


# A minimal, valid tree: two pages in both languages, rules.json, one rule value, a holiday file, a case table.
GOOD_TREE: dict[str, str] = {
    "docs/jiangsu/renewal.md": procedure_front("办理延续注册", "延续注册的步骤。", "二（三）3", "通知未说明")
    + "\n# 办理延续注册\n\n## 审核时限 { #decision-time }\n\n见 [常见问题 2](faq.md#faq-2)。\n",
    "docs/jiangsu/renewal.en.md": procedure_front("Renew a registration", "Steps of a renewal.", "2(3)3",
                                                  "The notice does not say")
    + "\n# Renew a registration\n\n## Decision time { #decision-time }\n\nSee [FAQ 2](faq.md#faq-2).\n",
    "docs/jiangsu/faq.md": FRONT.format(title="常见问题", description="其他事宜。", section="三")
    + "\n# 常见问题\n\n## 1. 问题一 { #faq-1 }\n\n答。\n\n## 2. 问题二 { #faq-2 }\n\n答，见[延续注册](renewal.md#decision-time)。\n",
    "docs/jiangsu/faq.en.md": FRONT.format(title="FAQ", description="Other matters.", section="3")
    + "\n# FAQ\n\n## 1. Question one { #faq-1 }\n\nAnswer.\n\n## 2. Question two { #faq-2 }\n\n"
    "Answer, see [renewal](renewal.md#decision-time).\n",
    "wizard/data/rules.json": json.dumps({"js.decision_time": {"guide": "jiangsu/renewal.md#decision-time", "basis": "reading"}}, indent=2),
    "wizard/data/parameters/jiangsu/decision_time_renewal.json": json.dumps({
        "description": {"zh": "延续注册审核完毕的期限", "en": "Time to finish reviewing a renewal"},
        "unit": "working_days",
        "reference": "004_6b6b954dcd5456b7.txt, 三、其他事宜 3",
        "values": {"2021-11-15": {"value": 10}}}, ensure_ascii=False, indent=2),
    # Illustrative only (a fixture in a temporary folder): not a real schedule.
    "wizard/data/holidays/2027.json": json.dumps({
        "year": 2027, "reference": "ILLUSTRATIVE fixture, not a published schedule",
        "holidays": {"2027-01-01": "new_years_day", "2027-10-01": "national_day"},
        "workdays": {"2027-09-26": "national_day"}}, indent=2),
    "tests/cases/renewal.json": json.dumps([{
        "name": "A renewal accepted on a Monday is decided within ten working days",
        "case": {"province": "jiangsu", "profession": "constructor", "action": "renewal", "today": "2026-03-02",
                 "answers": {"realname_l4": True, "acceptance_date": "2026-03-02"}},
        "expect": {"verdict": "eligible"}}], indent=2),
}


def write_tree(root: Path, files: dict[str, str | None]) -> Path:
    """Write `files` ({path: text}; None deletes) under `root`."""
    for rel, text in files.items():
        path = root / rel
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def run_staff(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the staff package, whichever folder the test runs it in
    return subprocess.run([sys.executable, "-m", "staff", *args], capture_output=True, text=True, cwd=cwd or ROOT,
                          env=env)


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
                          cwd=root, check=True, capture_output=True, text=True).stdout
