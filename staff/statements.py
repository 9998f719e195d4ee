"""The staff table of what every wizard statement rests on (STATEMENTS.md), generated from the data files.

The statements are the engine's texts (wizard/text/<lang>.json), the question help (wizard/data/questions.json)
and the page words that state a rule (web/i18n/<lang>.json); what each rests on is in wizard/statements.json,
except the basis of a finding text, which is wizard/data/rules.json's (read here, not copied).

    .venv/bin/python -m staff statements            # write STATEMENTS.md
    .venv/bin/python -m staff statements --check    # exit 1, saying what to do, when it is out of date
"""
from __future__ import annotations

import fnmatch
import json
import sys
from pathlib import Path

from wizard import datafiles
from wizard.findings import STATUSES, Finding
from wizard.report import basis as finding_basis
from wizard.text import texts

ROOT = Path(__file__).resolve().parents[1]

STATEMENTS_FILE = ROOT / "wizard" / "statements.json"
TABLE_FILE = ROOT / "STATEMENTS.md"
COMMAND = ".venv/bin/python -m staff statements"
LANGUAGES = ("zh", "en")
BASES = ("notice", "law", "reading", "instruction")
# Keys that always state something: without_claim cannot excuse them.
REQUIRED_PREFIXES = ("zj.", "js.", "checklist.", "explain.law.", "explain.change.", "help.")
FINDING_PREFIXES = ("zj.", "js.")
PAGE, HELP = "page.", "help."


def load_statements(path: Path = STATEMENTS_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _flatten(words: dict, prefix: str = "") -> dict[str, object]:
    flat = {}
    for key, value in words.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def current_texts(language: str) -> dict[str, str]:
    """Every text the wizard can show in ``language``, keyed as in wizard/statements.json."""
    shown = dict(texts(language))
    questions = datafiles.load("data", "questions.json")
    for province, answers in questions["answers"].items():
        for question, spec in answers.items():
            if "help" in spec:
                shown[f"{HELP}{province}.{question}"] = spec["help"][language]
    page = json.loads((ROOT / "web" / "i18n" / f"{language}.json").read_text(encoding="utf-8"))
    for key, value in _flatten(page).items():
        shown[PAGE + key] = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return shown


def is_finding(key: str) -> bool:
    return key.startswith(FINDING_PREFIXES)


def _excused(key: str, without_claim: dict) -> bool:
    if key.startswith(REQUIRED_PREFIXES):
        return False
    if key.startswith(PAGE):
        return any(fnmatch.fnmatchcase(key[len(PAGE):], pattern) for pattern in without_claim["page"])
    return any(fnmatch.fnmatchcase(key, pattern) for pattern in without_claim["text"])


def where_to_edit(key: str) -> str:
    return (f'{key}: no entry in wizard/statements.json. Fix: add "{key}": {{"clause": [...]'
            + ("" if is_finding(key) else ', "basis": "notice|law|reading"')
            + f'}} under "statements" in wizard/statements.json (or, for words that state no rule, a pattern under'
            f' "without_claim"), then run {COMMAND}')


def missing_entries(doc: dict, shown: dict[str, str]) -> list[str]:
    """A message for every shown text that has neither an entry nor a reason to need none."""
    return [where_to_edit(key) for key in shown
            if key not in doc["statements"] and not _excused(key, doc["without_claim"])]


def stale_entries(doc: dict, shown: dict[str, str]) -> list[str]:
    return [f"{key}: wizard/statements.json has an entry for a text that no longer exists. Fix: remove it"
            f" (or rename it with the text), then run {COMMAND}"
            for key in doc["statements"] if key not in shown]


def basis_of(key: str, entry: dict) -> str | None:
    """The declared basis: rules.json's for a finding text, the entry's own otherwise."""
    if not is_finding(key):
        return entry.get("basis")
    province, topic, status, *variant = key.split(".")
    if status not in STATUSES:
        return None
    try:
        return finding_basis(Finding(f"{province}.{topic}", status, ".".join(variant) or None))
    except KeyError:
        return None


# ---- the table -------------------------------------------------------------------------------------------

PROVINCES = (("zhejiang", "浙江省 Zhejiang"), ("jiangsu", "江苏省 Jiangsu"), ("both", "两省通用 Both provinces"))
KINDS = (("finding", "检查结论 Findings"), ("checklist", "办理清单 Checklist"), ("help", "问题说明 Question help"),
         ("explain", "计算说明 How dates are computed"), ("other", "证书名称与错误提示 Certificates and errors"),
         ("page", "页面文字 Page words"))
BASIS_LABELS = {"notice": "notice 通知", "law": "law 法律规定", "reading": "reading 本站理解",
                "instruction": "instruction 填写说明"}


def province_of(key: str) -> str:
    parts = key.split(".")
    for province, short in (("zhejiang", "zj"), ("jiangsu", "js")):
        if short in parts[:3] or province in parts[:3]:
            return province
    return "both"


def kind_of(key: str) -> str:
    if is_finding(key):
        return "finding"
    head = key.split(".")[0]
    return {"checklist": "checklist", "help": "help", "explain": "explain", "page": "page"}.get(head, "other")


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render(doc: dict, shown_zh: dict[str, str]) -> str:
    """STATEMENTS.md: one table per province and kind, rows in the order of the text files."""
    rules = list(datafiles.load("data", "rules.json"))
    order = {key: index for index, key in enumerate(shown_zh)}

    def sort_key(key: str):
        rule = ".".join(key.split(".")[:2])
        return (rules.index(rule) if is_finding(key) and rule in rules else len(rules), order.get(key, len(order)))

    entries = doc["statements"]
    counts = {basis: 0 for basis in BASES}
    for key, entry in entries.items():
        declared = str(basis_of(key, entry))
        counts[declared] = counts.get(declared, 0) + 1
    lines = [
        "# 向导文字的依据 / What each wizard statement rests on",
        "",
        f"Generated by `{COMMAND}` from wizard/statements.json, wizard/text/zh.json, wizard/data/rules.json,"
        " wizard/data/questions.json and web/i18n/zh.json. Do not edit this file: edit those and rerun the command"
        " (CONTRIBUTING.md, 4.1).",
        "",
        "本表由上述数据文件生成，请勿直接修改。依据：notice 通知，law 法律规定（正文写明条文），reading 本站理解"
        "（正文以“本站理解：”开头），instruction 填写说明（只说明怎么回答）。条款：《图解》《答疑》为浙江通知"
        "（000_4200c17166c9ce50.txt），《办事指南》为江苏通知（004_6b6b954dcd5456b7.txt）。",
        "",
        f"{len(entries)} statements: " + ", ".join(f"{counts[b]} {b}" for b in BASES) + ".",
    ]
    for province, province_title in PROVINCES:
        for kind, kind_title in KINDS:
            keys = sorted((k for k in entries if province_of(k) == province and kind_of(k) == kind), key=sort_key)
            if not keys:
                continue
            lines += ["", f"## {province_title}: {kind_title}", "",
                      "| 键 Key | 中文文字 Text | 依据 Basis | 条款 Clause | 备注 Note |", "|---|---|---|---|---|"]
            for key in keys:
                entry = entries[key]
                basis = str(basis_of(key, entry))
                lines.append("| " + " | ".join(_cell(cell) for cell in (
                    f"`{key}`", shown_zh.get(key, ""), BASIS_LABELS.get(basis, basis),
                    "；".join(entry["clause"]) or "—", entry.get("note", ""))) + " |")
    return "\n".join(lines) + "\n"


def run(check: bool) -> int:
    """Write STATEMENTS.md (or with ``check`` only compare it); 1 when an entry is missing or stale or, with
    ``check``, the table is out of date. The problems go to stderr, each with its fix."""
    doc, shown = load_statements(), current_texts("zh")
    problems = missing_entries(doc, shown) + stale_entries(doc, shown)
    table = render(doc, shown)
    if check:
        current = TABLE_FILE.read_text(encoding="utf-8") if TABLE_FILE.exists() else ""
        if current != table:
            problems.append(f"STATEMENTS.md is out of date. Fix: run {COMMAND} and commit STATEMENTS.md")
    else:
        TABLE_FILE.write_text(table, encoding="utf-8")
        print(f"wrote {TABLE_FILE.relative_to(ROOT)}: {len(doc['statements'])} statements")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0
