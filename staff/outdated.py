"""Chinese pages changed (by git history) after their English twin was last changed: translations to update."""
from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .pages import EN_SUFFIX


@dataclass
class Outdated:
    zh: str                       # docs/x.md
    en: str                       # docs/x.en.md
    zh_date: str                  # date of the last commit touching the Chinese page
    en_date: str | None           # None when the English page was never committed
    commits: list[str] = field(default_factory=list)  # "YYYY-MM-DD abc1234 subject" since the English page changed
    uncommitted: bool = False     # the Chinese page has changes not yet committed


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout.strip()


def _last_commit(root: Path, rel: str) -> tuple[str, str] | None:
    out = _git(root, "log", "-1", "--format=%H %cs", "--", rel)
    return tuple(out.split(" ", 1)) if out else None  # type: ignore[return-value]


def find_outdated(root: Path) -> list[Outdated]:
    """Pairs whose Chinese page has commits (or uncommitted edits) after the last commit of the English page."""
    docs = root / "docs"
    has_head = subprocess.run(["git", "rev-parse", "--verify", "--quiet", "HEAD"], cwd=root,
                              capture_output=True).returncode == 0
    modified = set(_git(root, "diff", "--name-only", "HEAD", "--", "docs").splitlines()) if has_head else set()
    result = []
    for zh_path in sorted(docs.rglob("*.md")):
        if zh_path.name.endswith(EN_SUFFIX):
            continue
        zh = zh_path.relative_to(root).as_posix()
        en = zh[: -len(".md")] + EN_SUFFIX
        if not (root / en).exists():
            continue  # `check` reports missing twins
        zh_last, en_last = _last_commit(root, zh), _last_commit(root, en)
        if zh_last is None:
            continue
        if en_last is None:
            commits = _git(root, "log", "--format=%cs %h %s", "--", zh).splitlines()
            result.append(Outdated(zh, en, zh_last[1], None, commits, zh in modified))
            continue
        commits = _git(root, "log", "--format=%cs %h %s", f"{en_last[0]}..HEAD", "--", zh).splitlines()
        if commits or (zh in modified and en not in modified):
            result.append(Outdated(zh, en, zh_last[1], en_last[1], commits, zh in modified and en not in modified))
    return result


def format_outdated(items: list[Outdated]) -> str:
    if not items:
        return "All English pages are up to date with their Chinese pages (英文页面均已同步)."
    lines = [f"{len(items)} English page(s) may need updating (英文译文可能需要更新):", ""]
    for item in items:
        since = f"English last changed {item.en_date}" if item.en_date else "English page never committed"
        lines.append(f"{item.en}  (Chinese changed {item.zh_date}; {since})")
        for commit in item.commits:
            lines.append(f"    {commit}")
        if item.uncommitted:
            lines.append(f"    (uncommitted changes in {item.zh})")
        lines.append(f"  Fix: update {item.en} to match {item.zh}, then update its `checked:` date if you re-read the source.")
    return "\n".join(lines)


def today() -> dt.date:
    return dt.date.today()
