"""A problem found by `check`, with the file, the line and the fix in plain words."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    """One failed check.

    >>> str(Finding("docs/a.md", 3, 'front matter has no "title"', 'add a line "title: ..."'))
    'docs/a.md:3: front matter has no "title". Fix: add a line "title: ...".'
    """

    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based; 0 when the problem is the whole file (for example a missing file)
    problem: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        problem = self.problem.rstrip(".")
        fix = self.fix.rstrip(".")
        return f"{where}: {problem}. Fix: {fix}."
