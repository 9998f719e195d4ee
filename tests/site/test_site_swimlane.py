"""The swimlane fence: strict syntax with file:line errors, labels in the page language, semantic HTML."""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))  # the hook imports hooks/sitebuild, as MkDocs allows while loading it
_spec = importlib.util.spec_from_file_location("swimlane_hook", ROOT / "hooks" / "swimlane.py")
swimlane = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = swimlane
_spec.loader.exec_module(swimlane)


def test_a_swimlane_renders_an_ordered_list_with_actor_labels_in_the_page_language():
    steps = swimlane.parse("applicant: 申请\nwait: 5 日内\n# note\n\nauthority: 审核")
    zh, en = swimlane.render(steps, "zh"), swimlane.render(steps, "en")
    assert zh.count("<li") == 3 and "<ol" in zh and "</figure>" in zh
    assert "申请人" in zh and "主管部门" in zh and "等待" in zh
    assert "Applicant" in en and "Authority" in en and "Waiting time" in en
    assert 'class="swimlane__wait"' in zh


def test_swimlane_text_is_escaped():
    html = swimlane.render(swimlane.parse("applicant: <script>x</script>"), "en")
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "body, message",
    [
        ("applicant: a\nclerk: b", "docs/x.md:11: unknown swimlane actor 'clerk'"),
        ("applicant: a\njust words", "docs/x.md:11: swimlane line is not 'actor: text'"),
        ("applicant: a\nemployer:", "docs/x.md:11: swimlane step for 'employer' has no text"),
        ("\n# only a comment\n", "docs/x.md:9: empty swimlane block"),
    ],
    ids=["unknown actor", "no actor", "empty text", "empty block"],
)
def test_a_bad_swimlane_line_is_an_error_naming_file_and_line(body, message):
    with pytest.raises(swimlane.SwimlaneError) as error:
        swimlane.parse(body, "docs/x.md", first_line=10)
    assert message in str(error.value)


def test_a_page_with_an_unknown_swimlane_actor_fails_the_build_with_its_file_and_line(tmp_path):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("hooks", "overrides"):
        (project / name).symlink_to(ROOT / name)
    (project / "docs" / "assets").symlink_to(ROOT / "docs" / "assets")
    page = "---\ntitle: T\ndescription: d\nsource: none\n---\n\n# T\n\n```swimlane\napplicant: a\nclerk: b\n```\n"
    (project / "docs" / "index.md").write_text(page, encoding="utf-8")
    (project / "docs" / "index.en.md").write_text(page.replace("clerk", "employer"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/index.md:11: unknown swimlane actor 'clerk'" in output, output[-2000:]
