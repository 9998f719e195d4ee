"""Terminology checks: the glossary (docs/glossary.en.md) is the one source of the English terms.

A glossary entry is a `### ` heading with an anchor, an `**English:**` line and, optionally, an `**Avoid:**` line
listing wordings that mislead, each in double quotes, with the reason after them:

    ### Real-name (real-person) authentication (实名（人）认证) { #real-name-authentication }

    **English:** real-name (real-person) authentication　**Source:** JS

    **Avoid:** "in-person authentication" (it is an identity check in the app, not a visit to an office)

`check_terminology` fails
- an English page (or a Chinese page's tags) that uses a wording to avoid, naming the glossary's term;
- a Chinese page that puts English words in brackets inside a Chinese sentence (延续注册（renewal）): English
  search terms go in the page's front matter `tags:` instead, where search finds them and the page does not show them.

>>> terms = parse_glossary(['### Renewal (延续注册) { #renewal }', '', '**English:** renewal　**Source:** JS',
...                         '', '**Avoid:** "extension", "continuation" (the notice means 延续注册)'])
>>> terms[0].avoid, terms[0].preferred, terms[0].chinese
(['extension', 'continuation'], 'renewal', '延续注册')
>>> [m.group(0) for m in terms[0].patterns[0].finditer("An Extension is not a renewal")]
['Extension']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .findings import Finding
from .pages import Page

GLOSSARY_KEY = "glossary"
GLOSSARY_FILE = "docs/glossary.en.md"

_HEADING = re.compile(r"^###\s+(.*?)\s*\{\s*#([^\s}]+)\s*\}\s*$")
_ENGLISH = re.compile(r"^\*\*English:\*\*\s*(.*?)\s*(?:\u3000\*\*Source:\*\*.*)?$")
_AVOID = re.compile(r"^\*\*Avoid:\*\*\s*(.*)$")
_QUOTED = re.compile(r'"([^"]+)"')
_AVOID_LIST = re.compile(r'^((?:"[^"]+"\s*,?\s*)+)(.*)$')  # the quoted wordings first, then the reason
_CJK = re.compile(r"[\u3400-\u9fff]")
_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")
# Chinese pages: a full-width bracket group (no brackets inside); links, URLs and inline code are removed first.
_FULLWIDTH_GROUP = re.compile(r"（([^（）]*)）")
_ENGLISH_WORD = re.compile(r"(?<![A-Za-z])[a-z][a-z'-]{3,}(?![A-Za-z])")
_STRIP = [re.compile(p) for p in (r"!?\[([^\]]*)\]\([^)]*\)", r"<[^>]*>", r"`[^`]*`", r"https?://\S+", r"\bwww\.\S+",
                                  r"\S+\.(?:md|html|json|txt|cn|com)\b")]


@dataclass
class Term:
    """One glossary entry: its anchor, the Chinese term, the English rendering and the wordings to avoid."""

    anchor: str
    heading_line: int
    chinese: str = ""
    english: str = ""
    avoid: list[str] = field(default_factory=list)
    reason: str = ""
    avoid_line: int = 0

    @property
    def preferred(self) -> str:
        """The first rendering of the English line, without a trailing explanation in brackets."""
        first = self.english.split(";")[0].strip()
        return _TRAILING_BRACKET.sub("", first).strip() or first

    @property
    def patterns(self) -> list[re.Pattern[str]]:
        """One case-insensitive pattern per wording to avoid; a space and a hyphen match each other."""
        return [_phrase_pattern(phrase) for phrase in self.avoid]


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in re.split(r"[\s-]+", phrase.strip()) if word]
    body = r"[\s-]+".join(words)
    return re.compile(r"(?<![A-Za-z])" + body + r"(?![A-Za-z])", re.IGNORECASE)


def parse_glossary(lines: list[str]) -> list[Term]:
    """The entries of the English glossary page, in order (see the module docstring for the format)."""
    terms: list[Term] = []
    for number, line in enumerate(lines, start=1):
        heading = _HEADING.match(line)
        if heading:
            text, anchor = heading.groups()
            bracket = re.search(r"\(([^()]*)\)\s*$", text)
            chinese = bracket.group(1) if bracket and _CJK.search(bracket.group(1)) else ""
            terms.append(Term(anchor=anchor, heading_line=number, chinese=chinese))
            continue
        if line.startswith("## ") or not terms:
            continue
        english = _ENGLISH.match(line)
        if english:
            terms[-1].english = english.group(1)
            continue
        avoid = _AVOID.match(line)
        if avoid:
            listed = _AVOID_LIST.match(avoid.group(1))
            quoted, reason = (listed.group(1), listed.group(2)) if listed else ("", avoid.group(1))
            terms[-1].avoid = [phrase.strip() for phrase in _QUOTED.findall(quoted) if phrase.strip()]
            reason = reason.strip().lstrip(",;:—-").strip()
            if reason.startswith("(") and reason.endswith(")"):
                reason = reason[1:-1].strip()
            terms[-1].reason = reason
            terms[-1].avoid_line = number
    return terms


def _glossary_findings(glossary: Page, terms: list[Term]) -> list[Finding]:
    findings = []
    for number, line in enumerate(glossary.lines, start=1):
        if _AVOID.match(line) and not any(term.avoid_line == number for term in terms):
            findings.append(Finding(glossary.rel, number, "this **Avoid:** line is not under a glossary entry (### heading)",
                                    "move it under the entry it belongs to, after its **English:** line"))
    for term in terms:
        if not term.avoid_line:
            continue
        if not term.avoid:
            findings.append(Finding(glossary.rel, term.avoid_line, "the **Avoid:** line lists no wording in double quotes",
                                    'write each wording to avoid in double quotes, e.g. **Avoid:** "in-person authentication"'))
        if not term.english:
            findings.append(Finding(glossary.rel, term.avoid_line, "this entry lists wordings to avoid but has no **English:** line",
                                    "add the **English:** line with the rendering to use instead"))
            continue
        for phrase, pattern in zip(term.avoid, term.patterns, strict=True):
            if pattern.search(term.english):
                findings.append(Finding(glossary.rel, term.avoid_line,
                                        f'"{phrase}" is both the English of this entry and a wording to avoid',
                                        "remove it from one of the two lines"))
    return findings


def _avoided_on_line(line: str, terms: list[Term]) -> list[tuple[str, Term]]:
    """(wording as written, term) for every avoided wording on `line`; of overlapping matches the longest wins."""
    matches = [(match.start(), match.end(), match.group(0), term)
               for term in terms for pattern in term.patterns for match in pattern.finditer(line)]
    matches.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    taken: list[tuple[int, int]] = []
    found = []
    for start, end, text, term in matches:
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            continue
        taken.append((start, end))
        found.append((start, text, term))
    return [(text, term) for _, text, term in sorted(found, key=lambda f: f[0])]


def _english_in_brackets(line: str) -> list[str]:
    """Bracket groups like （renewal） that put English words inside Chinese text."""
    groups = []
    for match in _FULLWIDTH_GROUP.finditer(line):
        inside = match.group(1)
        for pattern in _STRIP:
            inside = pattern.sub(lambda m: m.group(1) if m.re.groups else " ", inside)
        if _CJK.search(inside):
            continue
        if _ENGLISH_WORD.search(inside):
            groups.append(match.group(0))
    return groups


# The wizard's English words follow the same glossary: the engine's texts, the page words, the questions.
WORD_FILES = ("wizard/text/en.json", "web/i18n/en.json", "wizard/data/questions.json")


def _avoided(rel: str, number: int, line: str, terms: list[Term]) -> list[Finding]:
    findings = []
    for text, term in _avoided_on_line(line, terms):
        why = f" ({term.reason})" if term.reason else ""
        chinese = f" for {term.chinese}" if term.chinese else ""
        findings.append(Finding(
            rel, number,
            f'"{text}" is a wording the glossary says to avoid{chinese}{why}',
            f'write "{term.preferred}" instead, the glossary\'s English{chinese} '
            f"({GLOSSARY_FILE}, line {term.heading_line}); if the wording is right here, "
            "ask the maintainers to change the glossary entry"))
    return findings


def check_word_files(root, pages: dict[tuple[str, str], Page]) -> list[Finding]:
    """Wordings to avoid in the wizard's English texts (WORD_FILES), line by line."""
    glossary = pages.get((GLOSSARY_KEY, "en"))
    terms = [term for term in parse_glossary(glossary.lines) if term.avoid and term.english] if glossary else []
    findings = []
    for rel, number, line in _file_lines(root, WORD_FILES):
        findings += _avoided(rel, number, line, terms)
    return findings


def _file_lines(root, rels: tuple[str, ...]):
    """(file, line number, line) for every line of the files `rels` that exist under `root`."""
    for rel in rels:
        path = root / rel
        if path.exists():
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                yield rel, number, line


# ---------------------------------------------------------------- Chinese names (docs/glossary.md)

GLOSSARY_ZH_FILE = "docs/glossary.md"
_AVOID_ZH = re.compile(r"^\*\*避免：\*\*\s*(.*)$")
_QUOTED_ZH = re.compile(r"“([^“”]+)”")
_AVOID_LIST_ZH = re.compile(r"^((?:“[^“”]+”\s*、?\s*)+)(.*)$")  # the quoted names first, then the reason
# Quotations of the notice (“…”, 《…》), inline code and link targets are the notice's own words or addresses:
# a menu label or a document title is quoted character for character, so the names check skips them.
_QUOTATION = re.compile(r"“[^“”]*”|《[^《》]*》|`[^`]*`|\]\([^)]*\)|<[^>]*>")
# The Chinese words the wizard shows (its engine texts, page words, questions and checklist). Empty until the
# wizard's texts for contract v3 land (issue 23, wizard part): add them here, and `check` covers them.
ZH_WORD_FILES: tuple[str, ...] = ("wizard/text/zh.json", "web/i18n/zh.json", "wizard/data/questions.json",
                                  "wizard/data/checklists.json")
ZH_WORD_FILES_LATER = ("wizard/text/zh.json", "web/i18n/zh.json", "wizard/data/questions.json", "wizard/data/checklists.json")


@dataclass
class ChineseName:
    """One entry of the Chinese glossary with a **避免：** line: the name the site uses and the ones it does not."""

    anchor: str
    heading_line: int
    preferred: str
    avoid: list[str] = field(default_factory=list)
    reason: str = ""
    avoid_line: int = 0


def parse_chinese_glossary(lines: list[str]) -> list[ChineseName]:
    """The entries of docs/glossary.md; the name to use is the heading's first term (before 、).

    >>> names = parse_chinese_glossary(['### 二级注册建造师 { #second-class-constructor }', '',
    ...                                 '**避免：** “二级建造师”（通知的证书名除外，证书名写在《》中）'])
    >>> names[0].preferred, names[0].avoid, names[0].reason
    ('二级注册建造师', ['二级建造师'], '通知的证书名除外，证书名写在《》中')
    """
    names: list[ChineseName] = []
    for number, line in enumerate(lines, start=1):
        heading = _HEADING.match(line)
        if heading:
            text, anchor = heading.groups()
            first = re.sub(r"（[^（）]*）$", "", text.split("、", 1)[0].strip()).strip()
            names.append(ChineseName(anchor=anchor, heading_line=number, preferred=first))
            continue
        avoid = _AVOID_ZH.match(line)
        if avoid and names:
            listed = _AVOID_LIST_ZH.match(avoid.group(1))
            quoted, tail = (listed.group(1), listed.group(2).strip()) if listed else ("", avoid.group(1).strip())
            names[-1].avoid = [phrase.strip() for phrase in _QUOTED_ZH.findall(quoted) if phrase.strip()]
            names[-1].reason = tail[1:-1].strip() if tail.startswith("（") and tail.endswith("）") else tail
            names[-1].avoid_line = number
    return names


def _unquoted(line: str) -> str:
    """`line` with quotations, code and link targets blanked out (same length, so positions stay)."""
    return _QUOTATION.sub(lambda m: " " * len(m.group(0)), line)


def _avoided_zh(rel: str, number: int, line: str, names: list[ChineseName]) -> list[Finding]:
    if line.lstrip().startswith(">"):
        return []  # a block quotation of the notice
    text = _unquoted(line)
    findings = []
    for name in names:
        for phrase in name.avoid:
            if phrase in text and phrase not in name.preferred:
                why = f"（{name.reason}）" if name.reason else ""
                findings.append(Finding(
                    rel, number, f"“{phrase}” is a name the glossary says not to use{why}",
                    f"write “{name.preferred}” instead ({GLOSSARY_ZH_FILE}, line {name.heading_line}); a quotation of "
                    "the notice in “…” or a title in 《…》 is left as the notice writes it"))
    return findings


def check_chinese_names(root, pages: dict[tuple[str, str], Page], files: tuple[str, ...] = ZH_WORD_FILES) -> list[Finding]:
    """Names the Chinese glossary lists under **避免：** on the Chinese pages (outside quotations) and in `files`."""
    glossary = pages.get((GLOSSARY_KEY, "zh"))
    if glossary is None:
        return []
    names = [name for name in parse_chinese_glossary(glossary.lines) if name.avoid]
    findings = []
    for (key, lang), page in sorted(pages.items()):
        if lang != "zh" or key.endswith("/faq"):
            continue  # the FAQ pages reproduce the notice's questions and answers word for word
        for number, line in enumerate(page.lines, start=1):
            if page is glossary and (_AVOID_ZH.match(line) or _HEADING.match(line)):
                continue
            findings += _avoided_zh(page.rel, number, line, names)
    for rel, number, line in _file_lines(root, files):
        findings += _avoided_zh(rel, number, line, names)
    return findings


def check_terminology(pages: dict[tuple[str, str], Page]) -> tuple[list[Finding], int]:
    """Findings for wordings to avoid and for English glosses on Chinese pages; the number of glossary terms read."""
    findings: list[Finding] = []
    glossary = pages.get((GLOSSARY_KEY, "en"))
    terms = parse_glossary(glossary.lines) if glossary else []
    if glossary:
        findings += _glossary_findings(glossary, terms)
    guarded = [term for term in terms if term.avoid and term.english]
    for (key, lang), page in sorted(pages.items()):
        for number, line in enumerate(page.lines, start=1):
            if page is glossary and _AVOID.match(line):
                continue
            findings += _avoided(page.rel, number, line, guarded)
            if lang != "zh" or key == GLOSSARY_KEY or number < page.body_start:
                continue
            for group in _english_in_brackets(line):
                findings.append(Finding(
                    page.rel, number,
                    f"English words in brackets inside Chinese text: {group}",
                    "remove them from the sentence (Chinese readers read the Chinese term). For English searches to "
                    "find this page, list the glossary's English term in the page's front matter instead, "
                    'e.g. tags: [renewal] (英文检索词写在页首 tags 中，不要写在中文句子里)'))
    return findings, len(terms)
