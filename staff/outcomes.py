"""Run the engine's case table on a base git revision and on the working tree, and list what changed for applicants.

Each case (tests/cases/*.json: "name", "case", "expect") is run through `wizard.check` in a subprocess
whose PYTHONPATH holds one tree of the engine: BASE's (exported with `git archive`) or the working tree.
A case is compared by name:
  - same case in both tables: BASE's engine vs the working tree's engine on it;
  - case only in the working tree (new), or edited: BASE's engine on the working-tree case as well,
    so a rule value change shows even when the expected values were updated;
  - case only in BASE (removed): both engines on BASE's case.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import cases as tables

# Runs inside the subprocess: argv[1] = tree with wizard/, stdin = {"name": case}, stdout = {"name": outcome}.
_RUNNER = r"""
import json, sys, os
tree = os.path.realpath(sys.argv[1])
try:
    import wizard
except Exception as error:
    print(json.dumps({"__engine_error__": f"cannot import wizard: {error!r}"})); sys.exit(0)
where = os.path.realpath(getattr(wizard, "__file__", None) or list(wizard.__path__)[0])
if not where.startswith(tree + os.sep):
    print(json.dumps({"__engine_error__": f"imported wizard from {where}, not from {tree}"})); sys.exit(0)
cases = json.load(sys.stdin)
out = {}
for name, case in cases.items():
    try:
        report = wizard.check(case)
        findings = {}
        for finding in report.get("findings", []):
            rule, status = finding.get("rule"), finding.get("status")
            findings[rule] = status if rule not in findings else findings[rule] + "," + status
        out[name] = {"verdict": report.get("verdict"), "findings": findings,
                     "dates": report.get("dates", {}), "estimated": report.get("estimated", [])}
    except ValueError as error:
        out[name] = {"invalid": getattr(error, "field", None) or str(error)}
    except Exception as error:
        out[name] = {"crash": f"{type(error).__name__}: {error}"}
print(json.dumps(out, ensure_ascii=False))
"""


class OutcomesError(RuntimeError):
    """BASE cannot be read, or an engine cannot run at all."""


@dataclass
class Change:
    name: str
    kind: str            # "changed", "new", "edited", "removed"
    what: list[tuple[str, str, str]]   # (aspect, before, after)


def _git(root: Path, *args: str, binary: bool = False):
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=not binary)
    if result.returncode != 0:
        raise OutcomesError(f"git {' '.join(args)} failed: {result.stderr if not binary else result.stderr.decode()}".strip())
    return result.stdout


def export_revision(root: Path, revision: str, destination: Path) -> None:
    """Write `revision`'s wizard/ and tests/cases/ into `destination` (either may be absent)."""
    commit = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").strip()
    paths = [p for p in ("wizard", "tests/cases") if _git(root, "ls-tree", "-d", "--name-only", commit, p).strip()]
    if not paths:
        return
    archive = _git(root, "archive", "--format=tar", commit, *paths, binary=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(destination, filter="data")


def read_cases(tree: Path) -> dict[str, object]:
    """{name: case} from the tree's case tables (cases given as "raw" text are left out: they test the
    command line, not the rules); unreadable files are skipped (`check` reports them)."""
    cases: dict[str, object] = {}
    for path in tables.table_files(tree):
        try:
            entries = tables.entries(json.loads(path.read_text(encoding="utf-8"))) or []
        except ValueError:
            continue
        for entry in entries:
            if isinstance(entry, dict) and isinstance(entry.get("name"), str) and "case" in entry:
                cases.setdefault(entry["name"], entry["case"])
    return cases


def run_engine(tree: Path, cases: dict[str, object], python: str = sys.executable) -> dict[str, dict]:
    if not cases:
        return {}
    if not (tree / "wizard" / "__init__.py").exists():
        return {name: {"no engine": "wizard/ is missing"} for name in cases}
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run([python, "-c", _RUNNER, str(tree)], input=json.dumps(cases), capture_output=True,
                            text=True, cwd=tree, env=env)
    if result.returncode != 0:
        raise OutcomesError(f"the engine in {tree} failed:\n{result.stderr[-2000:]}")
    out = json.loads(result.stdout.strip().splitlines()[-1])
    if "__engine_error__" in out:
        raise OutcomesError(out["__engine_error__"])
    return out


def _describe(outcome: dict | None) -> dict[str, str]:
    """Flatten an outcome into aspects: verdict, finding:<rule>, date:<name>, estimated, invalid, crash."""
    if outcome is None:
        return {}
    flat: dict[str, str] = {}
    for key in ("invalid", "crash", "no engine"):
        if key in outcome:
            flat[key] = str(outcome[key])
    if "verdict" in outcome:
        flat["verdict"] = str(outcome["verdict"])
        for rule, status in (outcome.get("findings") or {}).items():
            flat[f"finding {rule}"] = str(status)
        for name, value in (outcome.get("dates") or {}).items():
            flat[f"date {name}"] = str(value)
        if outcome.get("estimated"):
            flat["estimated"] = ", ".join(map(str, outcome["estimated"]))
    return flat


def diff(before: dict | None, after: dict | None) -> list[tuple[str, str, str]]:
    b, a = _describe(before), _describe(after)
    order = ["invalid", "crash", "no engine", "verdict"]
    keys = sorted(set(b) | set(a), key=lambda k: (order.index(k) if k in order else len(order), k))
    return [(k, b.get(k, "—"), a.get(k, "—")) for k in keys if b.get(k) != a.get(k)]


@dataclass
class Result:
    base: str
    base_commit: str
    total: int
    changes: list[Change]
    added: list[str]
    removed: list[str]
    edited: list[str]


def compare(root: Path, base: str, python: str = sys.executable) -> Result:
    try:
        base_commit = _git(root, "rev-parse", "--short", "--verify", "--quiet", f"{base}^{{commit}}").strip()
    except OutcomesError:
        raise OutcomesError(f'"{base}" is not a git revision here (try origin/main, main or a commit id; '
                            "in CI fetch the full history with fetch-depth: 0)") from None
    with tempfile.TemporaryDirectory(prefix="staff-outcomes-") as tmp:
        base_tree = Path(tmp) / "base"
        base_tree.mkdir()
        export_revision(root, base, base_tree)
        base_cases, work_cases = read_cases(base_tree), read_cases(root)
        added = sorted(set(work_cases) - set(base_cases))
        removed = sorted(set(base_cases) - set(work_cases))
        edited = sorted(n for n in set(base_cases) & set(work_cases) if base_cases[n] != work_cases[n])
        # Keys "w:<name>" are working-tree cases, "b:<name>" BASE-only or edited BASE cases.
        inputs = {f"w:{n}": c for n, c in work_cases.items()}
        inputs.update({f"b:{n}": base_cases[n] for n in removed + edited})
        before = run_engine(base_tree, inputs, python)
        after = run_engine(root, {k: v for k, v in inputs.items() if k.startswith("w:") or k[2:] in removed}, python)
    changes = []
    for name in sorted(work_cases):
        what = diff(before[f"w:{name}"], after[f"w:{name}"])
        kind = "new" if name in added else "changed"
        if name in edited:
            edited_what = diff(before[f"b:{name}"], after[f"w:{name}"])
            if edited_what and not what:
                changes.append(Change(name, "edited", edited_what))
                continue
        if what:
            changes.append(Change(name, kind, what))
    for name in removed:
        what = diff(before[f"b:{name}"], after[f"b:{name}"])
        if what:
            changes.append(Change(name, "removed", what))
    return Result(base, base_commit, len(set(work_cases) | set(base_cases)), changes, added, removed, edited)


_KIND_NOTE = {"changed": "", "new": " (new case; BASE's engine run on it)",
              "edited": " (case edited in the table; BASE's case on BASE's engine vs the edited case now)",
              "removed": " (case removed from the table; both engines run on BASE's case)"}


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def format_result(result: Result, fmt: str = "markdown") -> str:
    head = f"Rule outcomes: {result.base} ({result.base_commit}) → working tree"
    summary = (f"{len(result.changes)} of {result.total} case(s) changed outcome"
               f" ({len(result.added)} new, {len(result.edited)} edited, {len(result.removed)} removed in the case table).")
    lines: list[str] = []
    if fmt == "markdown":
        lines += [f"## {head}", "", summary, ""]
        if result.changes:
            lines += ["| Case | What changed | Before | After |", "|---|---|---|---|"]
            for change in result.changes:
                for index, (aspect, before, after) in enumerate(change.what):
                    name = f"{_md(change.name)}{_KIND_NOTE[change.kind]}" if index == 0 else ""
                    lines.append(f"| {name} | {_md(aspect)} | {_md(before)} | {_md(after)} |")
        else:
            lines.append("No case changed its verdict, findings or dates. (没有案例的结论、检查结果或日期发生变化。)")
        for title, names in (("New cases", result.added), ("Edited cases", result.edited), ("Removed cases", result.removed)):
            if names:
                lines += ["", f"**{title}:** " + "; ".join(_md(n) for n in names)]
    else:
        lines += [head, summary, ""]
        for change in result.changes:
            lines.append(f"* {change.name}{_KIND_NOTE[change.kind]}")
            for aspect, before, after in change.what:
                lines.append(f"    {aspect}: {before} -> {after}")
        if not result.changes:
            lines.append("No case changed its verdict, findings or dates.")
        for title, names in (("New cases", result.added), ("Edited cases", result.edited), ("Removed cases", result.removed)):
            if names:
                lines.append(f"{title}: " + "; ".join(names))
    return "\n".join(lines) + "\n"
