"""Scaffold a new page in both languages (docs/PATH.md and docs/PATH.en.md) with the front matter filled in."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from sitebuild import essentials  # hooks/sitebuild, on sys.path via staff/__init__.py

# A procedure page's 办事要素 block, to be filled in: `check` reports every TODO left.
ESSENTIALS_TODO = {
    "zh": "TODO：照通知填写；通知没有说明的写“通知未说明”",
    "en": "TODO: as the notice says; where it is silent write \"The notice does not say\"",
}


def _essentials_lines(lang: str) -> list[str]:
    todo = yaml.safe_dump(ESSENTIALS_TODO[lang], allow_unicode=True, width=10000).strip().removesuffix("...").strip()
    return ["essentials:"] + [f"  {name}: {todo}" for name in essentials.FIELDS]


def _front_matter(title: str, description: str, source: str, section: str, checked: dt.date,
                  essentials_lines: tuple[str, ...] | list[str] = ()) -> str:
    source_yaml = f"[{source}]" if "," in source else source
    fields = {"title": title, "description": description}
    lines = ["---"]
    for key, value in fields.items():
        lines.append(f"{key}: {yaml.safe_dump(value, allow_unicode=True, default_style=None).strip().removesuffix('...').strip()}")
    lines.append(f"source: {source_yaml}")
    lines.append(f"source_section: {yaml.safe_dump(section, allow_unicode=True).strip().removesuffix('...').strip()}")
    lines.append(f"checked: {checked.isoformat()}")
    lines += essentials_lines
    lines.append("---")
    return "\n".join(lines)


def scaffold(root: Path, path: str, title_zh: str, title_en: str, source: str = "none",
             description_zh: str | None = None, description_en: str | None = None,
             section_zh: str | None = None, section_en: str | None = None,
             today: dt.date | None = None) -> list[Path]:
    """Create both files; raise FileExistsError if either exists. Returns the two paths."""
    today = today or dt.date.today()
    key = path.strip("/").removeprefix("docs/").removesuffix(".md").removesuffix(".en")
    zh_file, en_file = root / "docs" / f"{key}.md", root / "docs" / f"{key}.en.md"
    for file in (zh_file, en_file):
        if file.exists():
            raise FileExistsError(f"{file.relative_to(root).as_posix()} already exists; choose another PATH or edit that file")
    sectionless = source == "none"
    procedure = essentials.is_procedure(key)
    zh = _front_matter(
        title_zh, description_zh or "TODO：用一句话说明本页内容（不超过 120 字）", source,
        section_zh if section_zh is not None else ("" if sectionless else "TODO：通知中的章节，例如 二（二）3"), today,
        _essentials_lines("zh") if procedure else [])
    en = _front_matter(
        title_en, description_en or "TODO: one sentence saying what this page is for (at most 120 characters)", source,
        section_en if section_en is not None else ("" if sectionless else "TODO: section of the notice, e.g. 2(2)3"), today,
        _essentials_lines("en") if procedure else [])
    zh_body = f"{zh}\n\n# {title_zh}\n\nTODO：正文。需要被链接的标题加上锚点，例如 `## 办理时限 {{ #time-limit }}`，英文页用同一个锚点。\n"
    en_body = f"{en}\n\n# {title_en}\n\nTODO: text. Headings that are linked to get an anchor, e.g. `## Time limit {{ #time-limit }}`, the same as on the Chinese page.\n"
    zh_file.parent.mkdir(parents=True, exist_ok=True)
    zh_file.write_text(zh_body, encoding="utf-8")
    en_file.write_text(en_body, encoding="utf-8")
    return [zh_file, en_file]
