"""Every content check behind `python -m staff check`.

Each check takes the repository root and returns `Finding`s naming the file, the line and the fix.
`run_all` runs them all; the command line prints them and exits 1 when there is any.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitebuild import (
    words as page_words,  # hooks/sitebuild, on sys.path via staff/__init__.py
)
from sitebuild.changes_page import MARKERS

from . import cases, datacheck, jsonfile
from .essentials import check_essentials
from .findings import Finding
from .pages import Page, page_file, read_page
from .terminology import check_chinese_names, check_terminology, check_word_files

SOURCES = tuple(page_words.load("zh")["sources"])  # the source keys with a title (site_words/, as mkdocs.yml extra.sources)
REQUIRED_KEYS = ("title", "description", "source", "source_section", "checked")
LANG_NAME = {"zh": "Chinese", "en": "English"}
ANCHOR_FORMAT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FAQ = re.compile(r"^faq-(\d+)$")


@dataclass
class Site:
    """The pages under docs/, by language-neutral key and language."""

    root: Path
    pages: dict[tuple[str, str], Page] = field(default_factory=dict)
    excluded: list[str] = field(default_factory=list)

    def get(self, key: str, lang: str) -> Page | None:
        return self.pages.get((key, lang))

    def keys(self) -> list[str]:
        return sorted({key for key, _ in self.pages})


def parse_date(text: object) -> dt.date | None:
    if not isinstance(text, str) or not DATE_FORMAT.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _excluded_patterns(root: Path) -> list[str]:
    """Patterns of `exclude_docs` in mkdocs.yml (gitignore style), read as plain text."""
    config = root / "mkdocs.yml"
    if not config.exists():
        return []
    lines = config.read_text(encoding="utf-8").splitlines()
    patterns: list[str] = []
    for index, line in enumerate(lines):
        if re.match(r"^exclude_docs\s*:\s*\|", line):
            for following in lines[index + 1:]:
                if following.strip() and not following.startswith((" ", "\t")):
                    break
                if following.strip() and not following.strip().startswith("#"):
                    patterns.append(following.strip())
    return patterns


def load_site(root: Path) -> Site:
    site = Site(root)
    docs = root / "docs"
    patterns = _excluded_patterns(root)
    spec = None
    if patterns:
        import pathspec
        spec = pathspec.PathSpec.from_lines("gitwildmatch", patterns)
    for path in sorted(docs.rglob("*.md")):
        rel_docs = path.relative_to(docs).as_posix()
        if spec and spec.match_file(rel_docs) or any(part.startswith(".") for part in path.parts[len(docs.parts):]):
            site.excluded.append(rel_docs)
            continue
        page = read_page(path, root)
        site.pages[(page.key, page.lang)] = page
    return site


# ---------------------------------------------------------------- pages


def check_twins(site: Site) -> list[Finding]:
    findings = []
    for (key, lang), page in sorted(site.pages.items()):
        other = "en" if lang == "zh" else "zh"
        if not site.get(key, other):
            missing = "docs/" + page_file(key, other)
            findings.append(Finding(
                page.rel, 0, f"this page has no {LANG_NAME[other]} version: {missing} does not exist",
                f"create {missing} with the same sections (translate the page), "
                f"or run: python -m staff new-page {key} --title-zh … --title-en …"
                if lang == "zh" else f"create {missing} with the same sections (every page exists in both languages)"))
    return findings


NAV_ENTRY = re.compile(r"^\s*-\s+(?:[^:]+:\s+)?(?P<path>[^\s:]+\.md)\s*(?:#.*)?$")


def nav_entries(root: Path) -> dict[str, int] | None:
    """Page files listed under `nav:` in mkdocs.yml, with their line; None when there is no `nav:` block."""
    config = root / "mkdocs.yml"
    if not config.exists():
        return None
    lines = config.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(r"^nav\s*:\s*$", line)), None)
    if start is None:
        return None
    entries: dict[str, int] = {}
    for number, line in enumerate(lines[start + 1:], start=start + 2):
        if line.strip() and not line.startswith((" ", "\t", "-")):
            break
        match = NAV_ENTRY.match(line)
        if match:
            entries.setdefault(match["path"], number)
    return entries


def check_nav(site: Site) -> list[Finding]:
    """Every Chinese page is listed in mkdocs.yml `nav:` and every entry names an existing Chinese page."""
    entries = nav_entries(site.root)
    if entries is None:
        return []
    findings = []
    for path, line in sorted(entries.items()):
        if path.endswith(".en.md"):
            findings.append(Finding("mkdocs.yml", line, f"nav entry {path} names the English file",
                                    f"list the Chinese file {path[:-len('.en.md')]}.md; English pages use their .en.md twin"))
        elif not site.get(path[:-len(".md")], "zh"):
            findings.append(Finding("mkdocs.yml", line, f"nav entry {path}: the page docs/{path} does not exist",
                                    "correct the path (relative to docs/) or remove the line"))
    for (key, lang), page in sorted(site.pages.items()):
        if lang == "zh" and f"{key}.md" not in entries:
            folder = key.split("/")[0].capitalize() if "/" in key else ""
            where = f'in the "{folder}:" section' if folder else "at the top level"
            findings.append(Finding(page.rel, 0, "the page is not in `nav:` in mkdocs.yml, so the menu does not show it "
                                    "and the site build fails",
                                    f"add the line `- {key}.md` to `nav:` in mkdocs.yml, {where}"))
    return findings


def check_front_matter(site: Site, today: dt.date) -> list[Finding]:
    findings = []
    for page in site.pages.values():
        if page.front_matter_error:
            line, problem = page.front_matter_error
            findings.append(Finding(page.rel, line, problem,
                                    "write each front matter line as `key: value`; put text with a colon in quotes"))
            continue
        meta = page.front_matter
        if meta is None:
            findings.append(Finding(
                page.rel, 1, "the page has no front matter (the block between two `---` lines at the top)",
                "start the file with ---, then title, description, source, source_section and checked lines, "
                "then --- (copy it from the twin page or see CONTRIBUTING.md)"))
            continue
        line_of = page.front_matter_lines
        source = meta.get("source")
        for key in REQUIRED_KEYS:
            value = meta.get(key)
            if key == "source_section" and source == "none":
                continue
            if value is None or (isinstance(value, str) and not value.strip()):
                findings.append(Finding(page.rel, line_of.get(key, 1),
                                        f'front matter has no "{key}"' if key not in meta else f'front matter "{key}" is empty',
                                        _FRONT_MATTER_FIX[key]))
        for key, value in meta.items():
            if isinstance(value, str) and re.match(r"^\s*(TODO|待填写|请填写)", value):
                findings.append(Finding(page.rel, line_of.get(key, 1), f'front matter "{key}" is still a placeholder ({value!r})',
                                        f'write the real {key} in the page\'s language'))
        description = meta.get("description")
        if isinstance(description, str) and len(description) > 120:
            findings.append(Finding(page.rel, line_of.get("description", 1),
                                    f"the description is {len(description)} characters long (search engines cut it at 120)",
                                    "shorten the description to one sentence of at most 120 characters"))
        if source is not None:
            values = source if isinstance(source, list) else [source]
            if source == "none":
                pass
            elif not values or not all(v in SOURCES for v in values):
                findings.append(Finding(page.rel, line_of.get("source", 1), f"source {source!r} is not one of the known sources",
                                        "write source: zj-notice (Zhejiang notice), js-notice (Jiangsu notice), "
                                        "[zj-notice, js-notice], or none (a page not based on a notice)"))
        checked = meta.get("checked")
        if checked is not None and not (isinstance(checked, str) and not checked.strip()):
            date = parse_date(checked if isinstance(checked, str) else str(checked))
            if date is None:
                findings.append(Finding(page.rel, line_of.get("checked", 1), f"checked date {checked!r} is not a valid date",
                                        "write the date you re-read the source as YYYY-MM-DD, e.g. checked: "
                                        f"{today.isoformat()}"))
            elif date > today:
                findings.append(Finding(page.rel, line_of.get("checked", 1),
                                        f"checked date {date.isoformat()} is in the future (today is {today.isoformat()})",
                                        "write the date you actually re-read the source (核对日期), not a later one"))
    return findings


_FRONT_MATTER_FIX = {
    "title": "add a line `title: …` with the page title in the page's language (页面标题)",
    "description": "add a line `description: …` with one sentence saying what the page is for (<= 120 characters)",
    "source": "add a line `source: zj-notice`, `source: js-notice`, `source: [zj-notice, js-notice]` or `source: none`",
    "source_section": "add a line `source_section: …` naming where in the notice this comes from, e.g. 二（二）3",
    "checked": "add a line `checked: YYYY-MM-DD` with the date you last re-read the source (核对日期)",
}


def check_headings(site: Site) -> list[Finding]:
    findings = []
    for page in site.pages.values():
        h1 = [h for h in page.headings if h.level == 1]
        for extra in h1[1:]:
            findings.append(Finding(page.rel, extra.line, f"second top-level heading (# …) on the page (first on line {h1[0].line})",
                                    "keep one `# ` heading per page; make this one `## `"))
        seen: dict[str, int] = {}
        for line, anchor in page.explicit_ids:
            if anchor in seen:
                findings.append(Finding(page.rel, line, f"anchor {{ #{anchor} }} is used twice on this page (also line {seen[anchor]})",
                                        "give each heading its own anchor"))
            seen.setdefault(anchor, line)
            if not ANCHOR_FORMAT.match(anchor) and not anchor.startswith("__"):
                findings.append(Finding(page.rel, line, f"anchor {{ #{anchor} }} is not lower-case ASCII kebab-case",
                                        "use lower-case English letters, digits and hyphens, e.g. { #confirmation-window }, "
                                        "identical in both languages"))
        for line, name in page.markers:
            if name not in MARKERS:
                known = ", ".join("{{ staff: %s }}" % marker for marker in sorted(MARKERS))
                findings.append(Finding(page.rel, line, f"unknown marker {{{{ staff: {name} }}}}",
                                        f"use one of the known markers ({known}) or remove it"))
    return findings


def check_anchor_parity(site: Site) -> list[Finding]:
    """Explicit anchors identical in both languages; FAQ anchors faq-1 … faq-N in order."""
    findings = []
    for key in site.keys():
        zh, en = site.get(key, "zh"), site.get(key, "en")
        for page in (zh, en):
            if page is None:
                continue
            numbers = [(line, int(match.group(1))) for line, a in page.explicit_ids if (match := FAQ.match(a))]
            for position, (line, number) in enumerate(numbers, start=1):
                if number != position:
                    findings.append(Finding(page.rel, line,
                                            f"FAQ anchor {{ #faq-{number} }} is number {position} on the page: "
                                            "FAQ anchors must run faq-1, faq-2, … in order without gaps",
                                            f"renumber this heading's anchor to {{ #faq-{position} }} (and its twin page the same way), "
                                            "then update links to it"))
                    break
        if zh is None or en is None:
            continue
        for page, twin in ((zh, en), (en, zh)):
            twin_ids = {a for _, a in twin.explicit_ids}
            for line, anchor in page.explicit_ids:
                if anchor not in twin_ids and not anchor.startswith("__"):
                    findings.append(Finding(page.rel, line,
                                            f"anchor {{ #{anchor} }} has no match in {twin.rel}",
                                            f"add {{ #{anchor} }} to the same heading in {twin.rel} "
                                            "(anchors are identical in both languages), or correct the spelling"))
    return findings


def _resolve(page: Page, target: str) -> tuple[str, str]:
    """(path under docs/, anchor) for a relative link target of `page`."""
    path, _, anchor = target.partition("#")
    if not path:
        return "", anchor
    base = posixpath.dirname(page.key)
    return posixpath.normpath(posixpath.join(base, path)), anchor


def _missing_anchor(site: Site, target_key: str, lang: str, anchor: str) -> str | None:
    """Why `anchor` is missing in the `lang` version of `target_key`, or None when it exists."""
    target = site.get(target_key, lang)
    if target is None:
        return None  # reported as a missing page or missing twin
    if anchor and anchor not in target.anchors():
        return f"there is no heading with {{ #{anchor} }} in {target.rel}"
    return None


def check_links(site: Site) -> list[Finding]:
    findings = []
    docs = site.root / "docs"
    for page in site.pages.values():
        twin = site.get(page.key, "en" if page.lang == "zh" else "zh")
        twin_targets = {_resolve(twin, link.target) for link in twin.links} if twin else set()
        for link in page.links:
            target = link.target
            if not target or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("//"):
                continue
            if target.startswith("/"):
                findings.append(Finding(page.rel, link.line, f'link to "{target}" is an absolute path',
                                        "write a relative link to the .md file, e.g. ../jiangsu/faq.md#faq-3"))
                continue
            resolved, anchor = _resolve(page, target)
            if resolved == "":
                target_key = page.key
            elif resolved.endswith(".md"):
                target_key = resolved[:-len(".en.md")] if resolved.endswith(".en.md") else resolved[:-len(".md")]
                if resolved.startswith("../") or not (site.get(target_key, "zh") or site.get(target_key, "en")):
                    findings.append(Finding(page.rel, link.line, f'link to "{target}": the page docs/{resolved} does not exist',
                                            "correct the path (it is relative to this page's folder) or create the page"))
                    continue
            else:
                file = docs / resolved
                if file.is_dir() or target.endswith("/"):
                    index = posixpath.join(posixpath.relpath(resolved, posixpath.dirname(page.key) or "."), "index.md")
                    findings.append(Finding(page.rel, link.line, f'link to "{target}" points to a folder, not a page',
                                            f'link to the page file instead, e.g. "{index}"'))
                elif not file.exists() and not link.image and "." not in posixpath.basename(resolved):
                    findings.append(Finding(page.rel, link.line, f'link to "{target}": internal links must name the .md file',
                                            f'write "{target.split("#")[0]}.md" (with #anchor if needed)'))
                elif not file.exists():
                    findings.append(Finding(page.rel, link.line, f'link to "{target}": the file docs/{resolved} does not exist',
                                            "correct the path (relative to this page's folder) or add the file"))
                continue
            reason = _missing_anchor(site, target_key, page.lang, anchor)
            if reason is not None:
                findings.append(Finding(page.rel, link.line, f'link to "{target}": {reason}',
                                        "correct the anchor or add the heading"))
                continue  # the twin's anchor only matters once this language's link works
            other_reason = _missing_anchor(site, target_key, "en" if page.lang == "zh" else "zh", anchor)
            if other_reason is not None and (resolved, anchor) not in twin_targets:
                findings.append(Finding(page.rel, link.line,
                                        f'link to "{target}": the {LANG_NAME[page.lang]} page has the section but {other_reason}',
                                        "add the same { #anchor } to the heading in the other language "
                                        "(the language switcher lands there)"))
    return findings


# ---------------------------------------------------------------- engine data


def check_rules(site: Site) -> list[Finding]:
    root = site.root
    path = root / "wizard" / "data" / "rules.json"
    if not path.exists():
        return []
    findings = datacheck.check_file(path, root, "rules")  # syntax and shape (wizard/schemas/rules.schema.json)
    file = jsonfile.load(path, root)
    if not isinstance(file.data, dict):
        return findings
    for rule, entry in file.data.items():
        line = file.line_of_key(rule)
        guide = entry.get("guide") if isinstance(entry, dict) else None
        guides = [guide]
        by_action = entry.get("guide_by_action") if isinstance(entry, dict) else None
        if isinstance(by_action, dict):
            guides += list(by_action.values())
        for guide in guides:
            findings += _check_guide(site, file, f'rule "{rule}"', line, guide)
    known = set(file.data)
    for lang in ("zh", "en"):
        text_path = root / "wizard" / "text" / f"{lang}.json"
        if not text_path.exists():
            continue
        text = jsonfile.load(text_path, root)
        findings += text.findings
        if not isinstance(text.data, dict):
            continue
        reported = set()
        for text_key in text.data:
            parts = text_key.split(".")
            if len(parts) >= 3 and parts[0] in ("zj", "js"):
                rule = ".".join(parts[:2])
                if rule not in known and rule not in reported:
                    reported.add(rule)
                    findings.append(Finding(text.rel, text.line_of_key(text_key),
                                            f'rule "{rule}" has text but no entry in wizard/data/rules.json, so its findings link nowhere',
                                            f'add "{rule}": {{"guide": "<page>.md#<anchor>"}} to wizard/data/rules.json'))
    return findings


def _check_guide(site: Site, file: jsonfile.JsonFile, name: str, line: int, guide: object,
                 anchor_required: bool = True) -> list[Finding]:
    """One guide link of a data file, "<Chinese page under docs/>.md#<anchor>" (the anchor optional where
    ``anchor_required`` is false): the page and the anchor exist in both languages. A link of the wrong shape
    is reported by the file's schema (datacheck), not here."""
    if not isinstance(guide, str) or ("#" not in guide and anchor_required) or not guide.split("#", 1)[0].endswith(".md") \
            or guide.split("#", 1)[0].endswith(".en.md"):
        return []
    page_path, _, anchor = guide.partition("#")
    key = page_path[:-len(".md")]
    data_file = Path(file.rel).name
    findings = []
    for lang in ("zh", "en"):
        target = site.get(key, lang)
        if target is None:
            findings.append(Finding(file.rel, line, f'{name} links to "{guide}", but docs/{page_file(key, lang)} does not exist',
                                    f"correct the page path in {data_file}, or create the page in both languages"))
        elif anchor and anchor not in {a for _, a in target.explicit_ids}:
            auto = anchor in target.anchors()
            findings.append(Finding(
                file.rel, line, f'{name} links to "{guide}": there is no heading with {{ #{anchor} }} in {target.rel}'
                + (" (only an automatic id, which changes when the heading is reworded)" if auto else ""),
                f"add {{ #{anchor} }} to the heading that explains it in {target.rel}, or correct the anchor in {data_file}"))
    return findings


def _question_guides(data: dict) -> Iterator[tuple[str, list, object]]:
    for province, specs in _items(data.get("answers")):
        for answer_id, spec in _items(specs):
            if isinstance(spec, dict):
                yield f'question "{answer_id}"', ["answers", province, answer_id, "guide"], spec.get("guide")


def _checklist_sources(data: dict) -> Iterator[tuple[str, list, object]]:
    for province, items in data.items():
        for index, item in enumerate(items if isinstance(items, list) else ()):
            if isinstance(item, dict):
                yield f'checklist item "{item.get("id")}"', [province, index, "source"], item.get("source")


def _items(value: object) -> list:
    return list(value.items()) if isinstance(value, dict) else []


# file -> (its kind in datacheck, the guide links it holds, whether a link needs an #anchor)
_LINKING_FILES = {"questions.json": ("questions", _question_guides, True),
                  "checklists.json": ("checklists", _checklist_sources, False)}


def check_linking_files(site: Site) -> list[Finding]:
    """questions.json and checklists.json against their schemas and the other data files (datacheck), and the
    guide sections they link to (a question's guide, a checklist item's source) in both languages."""
    findings: list[Finding] = []
    for name, (kind, links, anchor_required) in _LINKING_FILES.items():
        path = site.root / "wizard" / "data" / name
        if not path.exists():
            continue
        findings += datacheck.check_file(path, site.root, kind)
        file = jsonfile.load(path, site.root)
        for what, at, guide in links(file.data) if isinstance(file.data, dict) else ():
            findings += _check_guide(site, file, what, file.line_at(at), guide, anchor_required)
    return findings


def check_procedures(root: Path) -> tuple[list[Finding], int]:
    """The business-type tables against wizard/schemas/procedures.schema.json and the other data files (datacheck)."""
    return datacheck.check_kind(root, "procedures")


def check_parameters(root: Path) -> tuple[list[Finding], int]:
    """Rule data files against wizard/schemas/parameter.schema.json (the one validator: datacheck)."""
    return datacheck.check_kind(root, "parameter")


def check_holidays(root: Path) -> tuple[list[Finding], int]:
    """Holiday files against wizard/schemas/holidays.schema.json (the one validator: datacheck)."""
    return datacheck.check_kind(root, "holidays")


def check_cases(root: Path) -> tuple[list[Finding], int]:
    findings: list[Finding] = []
    files = cases.table_files(root)
    names: dict[str, str] = {}
    for path in files:
        file = jsonfile.load(path, root)
        findings += file.findings
        if file.data is None:
            continue
        entries = cases.entries(file.data)
        if entries is None:
            findings.append(Finding(file.rel, 1, "a case table must be a list of cases (or one case)",
                                    'write [{"name": "…", "case": {…}, "expect": {…}}, …]'))
            continue
        for index, entry in enumerate(entries):
            name = entry.get("name") if isinstance(entry, dict) else None
            line = file.line_of(name) if isinstance(name, str) and name else 1
            if not isinstance(entry, dict) or not isinstance(name, str) or not name.strip():
                findings.append(Finding(file.rel, line, f"case number {index + 1} has no name",
                                        'give every case a "name": a sentence saying what it shows'))
                continue
            if "case" not in entry and not any(key.startswith("raw") for key in entry):  # "raw", "raw_hex": CLI input
                findings.append(Finding(file.rel, line, f'case "{name}" has no "case"',
                                        'add "case": {…} (or "raw": "…" for input that is not JSON) to the case'))
            if not isinstance(entry.get("expect"), dict):
                findings.append(Finding(file.rel, line, f'case "{name}" has no "expect" {{…}} block',
                                        'add "expect": {…} saying what the engine must answer'))
            if name in names:
                findings.append(Finding(file.rel, line, f'case name "{name}" is also used in {names[name]}',
                                        "give each case its own name (outcomes matches cases by name)"))
            names.setdefault(name, file.rel)
    return findings, len(files)


@dataclass
class Report:
    findings: list[Finding]
    counts: dict[str, int]


def run_all(root: Path, today: dt.date | None = None) -> Report:
    today = today or dt.date.today()
    site = load_site(root)
    findings = []
    findings += check_twins(site)
    findings += check_nav(site)
    findings += check_front_matter(site, today)
    findings += check_headings(site)
    findings += check_anchor_parity(site)
    findings += check_links(site)
    findings += check_rules(site)
    findings += check_linking_files(site)
    findings += check_essentials(site.pages)
    terminology_findings, term_count = check_terminology(site.pages)
    findings += terminology_findings + check_word_files(root, site.pages) + check_chinese_names(root, site.pages)
    parameter_findings, parameter_count = check_parameters(root)
    holiday_findings, holiday_count = check_holidays(root)
    procedure_findings, procedure_count = check_procedures(root)
    case_findings, case_count = check_cases(root)
    findings += parameter_findings + holiday_findings + procedure_findings + case_findings
    findings = sorted(set(findings), key=lambda f: (f.path, f.line, f.problem))
    return Report(findings, {"pages": len(site.pages), "glossary terms": term_count, "rule data files": parameter_count,
                             "holiday files": holiday_count, "business-type tables": procedure_count,
                             "case tables": case_count})
