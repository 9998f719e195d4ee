"""Chinese typography lint of the site's own words: `python -m staff typography` (run by `make test`).

One rule for the whole site, checked with AutoCorrect (npm package autocorrect-node, `npx autocorrect`):
a space between Chinese and Latin letters or digits (“5 日”“L4 级”), full-width punctuation in Chinese sentences,
and, on English pages, no full-width punctuation in English text (checked here: AutoCorrect does not).
autocorrect-node is pinned at 2.13.0: 2.14.0 was published without its macOS and Windows packages, so its
lock file cannot list them and `npm ci` refuses it.

What the lint leaves alone, because it is the notice's own text and is quoted character for character:
- on Chinese pages and in Chinese words files, text in “…” and titles in 《…》;
- on English pages, Chinese in brackets, e.g. (主管部门于20个工作日内公告) or (二、业务办理流程 → （二）业务流程);
- inline code, link targets and fenced blocks other than diagrams (AutoCorrect reads Markdown itself).

>>> mask_chinese("通知写道：“个人在5日内未对申请事项予以确认的”。")
'通知写道：“引文”。'
>>> mask_english("Decided in 20 days (主管部门于20个工作日内公告).")
'Decided in 20 days (引文).'
>>> [problem for _, problem in fullwidth_in_english("the form（{section}） is")]
['full-width "（" in English text', 'full-width "）" in English text']
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from .findings import Finding

_CJK = "\u3400-\u9fff"
_QUOTED_ZH = re.compile(r"“[^“”\n]*”|《[^《》\n]*》")
# A bracket group on an English page that starts with Chinese and holds no English word: a quotation or a name.
_CHINESE_IN_BRACKETS = re.compile(rf"[(（](?=[“《{_CJK}])(?:[^()（）\n]|[(（][^()（）\n]*[)）])*?(?<![A-Za-z]{{2}})[)）]")
_ENGLISH_WORD = re.compile(r"[a-z]{2,}")  # an English word; "APP", "KB", "L4" are part of Chinese names
_FULLWIDTH = "，。；：！？（）【】、"
_ASCII_SIDE = re.compile(r"[A-Za-z0-9{}\[\]]")
MASK = "引文"

# Files whose words are the site's (docs/, site_words/); the wizard's texts can be added once they follow the rule.
SITE_FILES = ("docs", "site_words", "wizard/text/zh.json", "wizard/text/en.json", "web/i18n/zh.json", "web/i18n/en.json",
              "wizard/data/questions.json", "wizard/data/checklists.json")
WIZARD_FILES_LATER = ("wizard/text/zh.json", "wizard/text/en.json", "web/i18n/zh.json", "web/i18n/en.json",
                      "wizard/data/questions.json", "wizard/data/checklists.json")
CONFIG = {"zh": Path(__file__).with_name("autocorrect.yml"), "en": Path(__file__).with_name("autocorrect-en.yml")}
# The glossary's field separator (**English:** …　**Source:** …) is an ideographic space by design.
_FIELD_SEPARATOR = re.compile(r"\u3000(?=\*\*)")


def is_english(path: Path) -> bool:
    return path.name.endswith(".en.md") or path.name == "en.json"


def mask_chinese(text: str) -> str:
    """Text with quotations of the notice (“…”, 《…》) replaced by a placeholder of the same kind."""
    return _QUOTED_ZH.sub(lambda m: m.group(0)[0] + MASK + m.group(0)[-1], text)


def mask_english(text: str) -> str:
    """Text with Chinese bracket groups (quotations and names) replaced by a placeholder."""
    def one(match: re.Match) -> str:
        inner = match.group(0)[1:-1]
        if _ENGLISH_WORD.search(re.sub(r"[“《][^”》]*[”》]", "", inner)):
            return match.group(0)
        return match.group(0)[0] + MASK + match.group(0)[-1]
    text = re.sub(rf"【[{_CJK}]+】", MASK, text)  # a menu label in the notice's own brackets
    return _CHINESE_IN_BRACKETS.sub(one, text)


def fullwidth_in_english(text: str) -> list[tuple[int, str]]:
    """(line, problem) for full-width punctuation next to English text (after masking the Chinese)."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in re.finditer(f"[{_FULLWIDTH}]", line):
            before = line[:match.start()].rstrip()[-1:]
            after = line[match.end():].lstrip()[:1]
            if (before and _ASCII_SIDE.match(before)) or (after and _ASCII_SIDE.match(after)):
                found.append((number, f'full-width "{match.group(0)}" in English text'))
    return found


def files(root: Path, roots: tuple[str, ...] = SITE_FILES) -> list[Path]:
    found = []
    for name in roots:
        path = root / name
        candidates = [path] if path.is_file() else sorted(path.rglob("*.md")) + sorted(path.rglob("*.json"))
        found += [p for p in candidates if "assets" not in p.parts]
    return found


def autocorrect_binary(root: Path) -> str | None:
    local = root / "node_modules" / ".bin" / "autocorrect"
    return str(local) if local.exists() else shutil.which("autocorrect")


def _autocorrect(binary: str, text: str, file_type: str, lang: str) -> list[tuple[int, str, str]]:
    result = subprocess.run([binary, "--lint", "--stdin", "--type", file_type, "--format", "json", "--config", str(CONFIG[lang])],
                            input=text, capture_output=True, text=True, check=False)
    report = json.loads(result.stdout or '{"messages": []}')
    return [(line["l"], line["old"], line["new"]) for message in report.get("messages", []) for line in message["lines"]]


def lint(root: Path, paths: list[Path] | None = None) -> list[Finding]:
    """Typography findings for `paths` (default: the site's own words), with the corrected text as the fix."""
    binary = autocorrect_binary(root)
    if binary is None:
        return [Finding("package.json", 0, "the autocorrect command is not installed",
                        "run `make node` (npm ci installs autocorrect-node)")]
    findings = []
    for path in paths if paths is not None else files(root):
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        english = is_english(path)
        masked = _FIELD_SEPARATOR.sub("  ", mask_english(text) if english else mask_chinese(text))
        file_type = "json" if path.suffix == ".json" else "markdown"
        for line, old, new in _autocorrect(binary, masked, file_type, "en" if english else "zh"):
            findings.append(Finding(rel, line, f"Chinese typography: {old.strip()}",
                                    f"write {new.strip()} (a space between Chinese and Latin letters or digits, "
                                    "full-width punctuation in Chinese sentences)"))
        if english:
            for line, problem in fullwidth_in_english(masked):
                findings.append(Finding(rel, line, problem, "use ASCII punctuation in English sentences: , . ; : ! ? ( )"))
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.problem))
