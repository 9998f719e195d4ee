"""Render the "rule changes" page (docs/changes.md, docs/changes.en.md) from the rule data.

A page holds a marker `{{ staff: rule-changes }}`; hooks/rule_changes.py replaces it at build time with
`render_rule_changes(root, lang)`. `MARKERS` lists the known markers; any other marker fails the build
and `check`. Every word of the page comes from site_words/<lang>.json ``rule_changes``.

>>> "rule-changes" in MARKERS
True
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from . import words as page_words


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _localized(value: object, lang: str) -> str:
    """Text of a {"zh": …, "en": …} dict in `lang`, or the value itself as text."""
    if isinstance(value, dict) and lang in value:
        return str(value[lang])
    return str(value)


def _words(lang: str) -> dict:
    return page_words.load(lang)["rule_changes"]


def _item(item: object, lang: str) -> str:
    """One list item: a code as `code`, a record like {"number": …, "purpose": {…}} as 'number (purpose)'."""
    if isinstance(item, dict):
        if lang in item:
            return _cell(item[lang])
        parts = [_localized(part, lang) for part in item.values()]
        main, rest = parts[0], parts[1:]
        words = _words(lang)
        details = words["details_separator"].join(rest)
        return _cell(words["item_with_details"].format(main=main, details=details) if rest else main)
    return f"`{item}`"


def format_value(value: object, unit: str | None, lang: str) -> str:
    """A rule value in words: `format_value(10, "working_days", "en")` -> '10 working days'."""
    words = _words(lang)
    if isinstance(value, list):
        return words["list_separator"].join(_item(item, lang) for item in value)
    if isinstance(value, bool):
        return words["yes"] if value else words["no"]
    if isinstance(value, dict):
        return _cell(value.get(lang) or json.dumps(value, ensure_ascii=False))
    template = words["units"].get(unit or "")
    if template and isinstance(value, (int, float)):
        return template.format(value=value)
    return _cell(value)


def rule_value_rows(root: Path, today: dt.date) -> list[dict]:
    """Every dated rule value in wizard/data/parameters, newest first."""
    rows = []
    folder = root / "wizard" / "data" / "parameters"
    for path in sorted(folder.rglob("*.json")) if folder.exists() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            values = data["values"]
            dated = sorted((dt.date.fromisoformat(key), entry) for key, entry in values.items())
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # `check` reports broken files; the page shows the valid ones
        province = path.relative_to(folder).parts[0] if len(path.relative_to(folder).parts) > 1 else ""
        in_force = max((date for date, _ in dated if date <= today), default=dated[0][0] if dated else None)
        for index, (date, entry) in enumerate(dated):
            following = dated[index + 1][0] if index + 1 < len(dated) else None
            if date > today:
                status = "scheduled"
            elif date == in_force:
                status = "in_force"
            else:
                status = "superseded"
            rows.append({
                "province": province, "name": path.stem, "description": data.get("description", {}),
                "unit": data.get("unit"), "value": entry.get("value") if isinstance(entry, dict) else entry,
                "date": date, "next": following, "status": status,
                "reference": (entry.get("reference") if isinstance(entry, dict) else None) or data.get("reference", ""),
                "note": (entry.get("effective_date_note") if isinstance(entry, dict) else None)
                or data.get("effective_date_note"),
            })
    rows.sort(key=lambda row: (-row["date"].toordinal(), row["province"], row["name"]))
    return rows


def render_rule_changes(root: Path, lang: str, today: dt.date | None = None) -> str:
    """Markdown for the rule-changes page in `lang` ("zh" or "en")."""
    today = today or dt.date.today()
    words = _words(lang)
    rows = rule_value_rows(root, today)
    out: list[str] = []
    if not rows:
        out.append(words["none"])
    else:
        out.append(f"| {words['from']} | {words['rule']} | {words['value']} | {words['status']} | {words['source']} |")
        out.append("|---|---|---|---|---|")
        for row in rows:
            province = words["provinces"].get(row["province"], row["province"])
            description = row["description"].get(lang) if isinstance(row["description"], dict) else None
            rule = words["rule_name"].format(province=province, description=description or row["name"])
            status = words[row["status"]].format(date=row["next"].isoformat() if row["next"] else "")
            source = _cell(row["reference"])
            if row["note"]:
                note = row["note"].get(lang) if isinstance(row["note"], dict) else row["note"]
                source += "<br>" + words["undated_note"].format(note=_cell(note))
            out.append(f"| {row['date'].isoformat()} | {_cell(rule)} | {format_value(row['value'], row['unit'], lang)} "
                       f"| {status} | {source} |")
    out.append("")
    out.append(f"## {words['holidays']} {{ #holidays }}")
    out.append("")
    holiday_rows = _holiday_rows(root, lang)
    if holiday_rows:
        out.append(words["holiday_intro"])
        out.append("")
        out.extend(holiday_rows)
    else:
        out.append(words["holiday_none"])
    out.append("")
    out.append(f"*{words['generated'].format(today=today.isoformat())}*")
    return "\n".join(out)


def _holiday_rows(root: Path, lang: str) -> list[str]:
    rows = []
    folder = root / "wizard" / "data" / "holidays"
    for path in sorted(folder.glob("*.json")) if folder.exists() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            counts = _words(lang)["holiday_counts"].format(h=len(data["holidays"]), w=len(data["workdays"]))
            rows.append(f"- **{int(data['year'])}**: {counts}; {_cell(data['reference'])}")
        except (ValueError, KeyError, TypeError):
            continue
    return rows


MARKERS = {"rule-changes": render_rule_changes}
MARKER_PATTERN = re.compile(r"\{\{\s*staff:\s*([^}]*?)\s*\}\}")


def expand_markers(markdown: str, root: Path, lang: str, today: dt.date | None = None) -> str:
    """Replace every `{{ staff: name }}` marker; an unknown name raises ValueError (the build fails)."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in MARKERS:
            known = ", ".join(sorted(MARKERS))
            raise ValueError(f"unknown marker {match.group(0)!r}; known markers: {known}")
        return MARKERS[name](root, lang, today)

    return MARKER_PATTERN.sub(replace, markdown)
