"""Staff tools for keeping the guide and the rule data true: content checks, translation freshness,
page scaffolding and the rule-outcome diff. The command line lives in `staff.cli`; run
`python -m staff --help` from the repository folder. (The rule-changes page is rendered by the build, in
hooks/sitebuild/.)

Modules, one concept each:
    findings     a problem found by `check`: file, line, what is wrong, how to fix it
    jsonfile     read a JSON file with plain-words syntax errors, duplicate keys and line numbers
    pages        read a Markdown page: front matter, headings, anchors, links
    checks       every content check (`check`)
    datacheck    the one validator of the engine's data files (JSON Schemas in wizard/schemas/)
    outdated     Chinese pages changed after their English twin (`outdated`)
    newpage      scaffold a page in both languages (`new-page`)
    outcomes     run the engine's case table on two revisions and diff (`outcomes`)
    cases        the one reader of the case tables (tests/cases/), shared with the engine's tests
"""
import sys
from pathlib import Path

# The build's own code (hooks/sitebuild: page words, the rule-changes markers), so `check` says what the build
# says. MkDocs puts hooks/ on sys.path for the hooks in the same way.
_HOOKS = str(Path(__file__).resolve().parent.parent / "hooks")
if _HOOKS not in sys.path:
    sys.path.append(_HOOKS)
