"""The 办事要素 check: every procedure page, in both languages, opens with the seven fields of a service guide.

The fields and the list of pages that are not procedures are in hooks/sitebuild/essentials.py (the build
renders the block from the same front matter); this module turns what is missing into findings with a fix.
"""
from __future__ import annotations

from sitebuild import essentials  # hooks/sitebuild, on sys.path via staff/__init__.py

from .findings import Finding
from .pages import Page

_FIELDS_EXAMPLE = ("essentials:\n  who: …\n  materials:\n    - …\n  process: 见[下方流程图](#flow)：…\n"
                   "  time_limit: …\n  fees: 通知未提及\n  result: …\n  contact: …")


def check_essentials(pages: dict[tuple[str, str], Page]) -> list[Finding]:
    """Findings for procedure pages without the block, and for blocks with a missing, empty or unknown field."""
    findings = []
    for (key, _lang), page in sorted(pages.items()):
        meta = page.front_matter
        if meta is None:
            continue  # reported by the front matter check
        block = meta.get(essentials.FRONT_MATTER_KEY)
        line = page.front_matter_lines.get(essentials.FRONT_MATTER_KEY, 1)
        if block is None:
            if essentials.is_procedure(key):
                findings.append(Finding(
                    page.rel, 1,
                    "this procedure page has no 办事要素 block (front matter `essentials`), so readers do not see "
                    "who may apply, what to prepare, the steps, the time limit, fees, the result and whom to ask",
                    f"add to the front matter the seven fields {', '.join(essentials.FIELDS)} "
                    "(copy them from a page in the same folder; where the notice is silent write 通知未说明 / "
                    "The notice does not say); see CONTRIBUTING.md, 办事要素"))
            continue
        if isinstance(block, dict):
            for name, value in block.items():
                values = value if isinstance(value, list) else [value]
                if any(isinstance(item, str) and item.lstrip().startswith("TODO") for item in values):
                    findings.append(Finding(page.rel, line, f'the 办事要素 field "{name}" is still a placeholder (TODO)',
                                            "write what the notice says; where it is silent write one short line: "
                                            "通知未说明 (English: The notice does not say)"))
        for name, kind in essentials.problems(block):
            if kind == "not a mapping":
                findings.append(Finding(page.rel, line, "front matter `essentials` is not a list of `field: value` lines",
                                        "write it as:\n" + _FIELDS_EXAMPLE))
            elif kind == "unknown":
                findings.append(Finding(page.rel, line, f'front matter `essentials` has a field "{name}" the block does not know',
                                        f"use only {', '.join(essentials.FIELDS)} (check the spelling)"))
            else:
                findings.append(Finding(page.rel, line, f'the 办事要素 field "{name}" is {kind}',
                                        f'write "{name}:" with what the notice says; where it is silent write one short '
                                        "line: 通知未说明 (English: The notice does not say)"))
    return findings
