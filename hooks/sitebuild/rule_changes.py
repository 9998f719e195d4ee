"""Render the "rule changes" page (docs/changes.md, docs/changes.en.md) from the rule data.

A page holds a marker `{{ staff: rule-changes }}`; hooks/rule_changes.py replaces it at build time with
`render_rule_changes(root, lang)`. `MARKERS` lists the known markers; any other marker fails the build
and `check`.

>>> "rule-changes" in MARKERS
True
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

PROVINCES = {"zhejiang": {"zh": "浙江", "en": "Zhejiang"}, "jiangsu": {"zh": "江苏", "en": "Jiangsu"}}
UNIT_WORDS = {
    "months": {"zh": "个月", "en": "months"},
    "days": {"zh": "日", "en": "days"},
    "working_days": {"zh": "个工作日", "en": "working days"},
    "hours": {"zh": "学时", "en": "hours"},
    "kb": {"zh": "KB", "en": "KB"},
}
WORDS = {
    "zh": {"rule": "规则", "value": "取值", "from": "生效日期", "status": "状态", "source": "依据",
           "in_force": "现行", "superseded": "已被 {date} 的取值取代", "scheduled": "尚未生效",
           "undated_note": "注", "none": "目前没有规则数据。",
           "holidays": "节假日安排", "holiday_year": "年份", "holiday_counts": "放假 {h} 天，调休上班 {w} 天",
           "holiday_intro": "工作日按国务院办公厅每年公布的节假日安排计算。2026 年及以前的年份使用 chinesecalendar 数据；"
                            "以下年份使用本站仓库中的数据文件：",
           "holiday_none": "目前仓库中没有额外的节假日数据文件；2026 年以后的工作日只按周末和法定节日估算，向导会标明“估算”。",
           "generated": "本页由规则数据在构建时自动生成（{today}）。"},
    "en": {"rule": "Rule", "value": "Value", "from": "In force from", "status": "Status", "source": "Source",
           "in_force": "in force", "superseded": "replaced by the value from {date}", "scheduled": "not yet in force",
           "undated_note": "Note", "none": "There is no rule data yet.",
           "holidays": "Holiday schedules", "holiday_year": "Year", "holiday_counts": "{h} days off, {w} make-up workdays",
           "holiday_intro": "Working days follow the holiday schedule the State Council General Office publishes each year. "
                            "Years up to 2026 use the chinesecalendar data; these years use data files in this site's repository:",
           "holiday_none": "There are no extra holiday data files in the repository yet; working days after 2026 are "
                           "estimated from weekends and fixed-date statutory holidays, and the wizard marks them as estimated.",
           "generated": "This page is generated from the rule data when the site is built ({today})."},
}


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _localized(value: object, lang: str) -> str:
    """Text of a {"zh": …, "en": …} dict in `lang`, or the value itself as text."""
    if isinstance(value, dict) and lang in value:
        return str(value[lang])
    return str(value)


def _item(item: object, lang: str) -> str:
    """One list item: a code as `code`, a record like {"number": …, "purpose": {…}} as 'number (purpose)'."""
    if isinstance(item, dict):
        if lang in item:
            return _cell(item[lang])
        parts = [_localized(part, lang) for part in item.values()]
        main, rest = parts[0], parts[1:]
        return _cell(main + (f"（{'；'.join(rest)}）" if lang == "zh" else f" ({'; '.join(rest)})") if rest else main)
    return f"`{item}`"


def format_value(value: object, unit: str | None, lang: str) -> str:
    """A rule value in words: `format_value(10, "working_days", "en")` -> '10 working days'."""
    if isinstance(value, list):
        return ("、" if lang == "zh" else ", ").join(_item(item, lang) for item in value)
    if isinstance(value, bool):
        return {True: {"zh": "是", "en": "yes"}, False: {"zh": "否", "en": "no"}}[value][lang]
    if isinstance(value, dict):
        return _cell(value.get(lang) or json.dumps(value, ensure_ascii=False))
    words = UNIT_WORDS.get(unit or "")
    if words and isinstance(value, (int, float)):
        return f"{value}{words['zh']}" if lang == "zh" and unit != "kb" else f"{value} {words[lang]}"
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
    words = WORDS[lang]
    rows = rule_value_rows(root, today)
    out: list[str] = []
    if not rows:
        out.append(words["none"])
    else:
        out.append(f"| {words['from']} | {words['rule']} | {words['value']} | {words['status']} | {words['source']} |")
        out.append("|---|---|---|---|---|")
        for row in rows:
            province = PROVINCES.get(row["province"], {}).get(lang, row["province"])
            description = row["description"].get(lang) if isinstance(row["description"], dict) else None
            rule = f"{province}：{description or row['name']}" if lang == "zh" else f"{province}: {description or row['name']}"
            status = words[row["status"]].format(date=row["next"].isoformat() if row["next"] else "")
            source = _cell(row["reference"])
            if row["note"]:
                note = row["note"].get(lang) if isinstance(row["note"], dict) else row["note"]
                source += f"<br>{words['undated_note']}: {_cell(note)}" if lang == "en" else f"<br>{words['undated_note']}：{_cell(note)}"
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
            counts = WORDS[lang]["holiday_counts"].format(h=len(data["holidays"]), w=len(data["workdays"]))
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
