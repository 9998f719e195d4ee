"""`mkdocs build --strict` fails on a link to a missing page or #anchor (mkdocs.yml `validation:`), in either language.

Each test builds a two-page copy of the site (the real mkdocs.yml with a two-entry `nav`, the real hooks and
theme overrides) into a temporary folder, so a broken link is planted without touching docs/.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FRONT = "---\ntitle: {title}\ndescription: d\nsource: none\n---\n\n"
PAGES = {
    "index.md": FRONT.format(title="首页") + "# 首页\n\n见[问题一](faq.md#faq-1)。\n",
    "index.en.md": FRONT.format(title="Home") + "# Home\n\nSee [question one](faq.md#faq-1).\n",
    "faq.md": FRONT.format(title="常见问题") + "# 常见问题\n\n## 1. 问题一 { #faq-1 }\n\n答。\n",
    "faq.en.md": FRONT.format(title="FAQ") + "# FAQ\n\n## 1. Question one { #faq-1 }\n\nAnswer.\n",
}


def _config() -> str:
    """The real mkdocs.yml with its `nav:` block replaced by the two test pages."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text, count = re.subn(r"^nav:\n(?:[ \t]+.*\n)+", "nav:\n  - index.md\n  - faq.md\n", text, flags=re.M)
    assert count == 1, "mkdocs.yml has no top-level `nav:` block to replace"
    return text


def _build(tmp_path: Path, pages: dict[str, str]) -> subprocess.CompletedProcess:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(_config(), encoding="utf-8")
    for name in ("hooks", "overrides"):
        (project / name).symlink_to(ROOT / name)
    (project / "docs" / "assets").symlink_to(ROOT / "docs" / "assets")
    for name, text in pages.items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=300,
    )


def test_the_two_page_copy_builds_so_each_planted_link_fails_for_its_own_reason(tmp_path):
    result = _build(tmp_path, PAGES)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]


@pytest.mark.parametrize("page, old, new, message", [
    ("index.en.md", "faq.md#faq-1", "faq.md#faq-9",
     "Doc file 'index.en.md' contains a link 'faq.md#faq-9', but the doc 'faq.en.md' does not contain an anchor '#faq-9'"),
    ("index.md", "faq.md#faq-1", "faq.md#faq-9",
     "Doc file 'index.md' contains a link 'faq.md#faq-9', but the doc 'faq.md' does not contain an anchor '#faq-9'"),
    ("index.md", "faq.md#faq-1", "faqs.md#faq-1",
     "Doc file 'index.md' contains a link 'faqs.md#faq-1', but the target 'faqs.md' is not found"),
], ids=["anchor missing in English", "anchor missing in Chinese", "page missing"])
def test_a_planted_broken_link_fails_the_strict_build_naming_the_page_and_the_link(tmp_path, page, old, new, message):
    result = _build(tmp_path, {**PAGES, page: PAGES[page].replace(old, new)})
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    assert message in output, output[-3000:]


def test_an_anchor_only_the_chinese_twin_has_fails_the_english_build(tmp_path):
    """Anchors resolve against the page in the link's own language: the zh page having #faq-2 does not help /en/."""
    pages = {**PAGES,
             "faq.md": PAGES["faq.md"] + "\n## 2. 问题二 { #faq-2 }\n\n答。\n",
             "index.en.md": PAGES["index.en.md"].replace("faq.md#faq-1", "faq.md#faq-2"),
             "index.md": PAGES["index.md"].replace("faq.md#faq-1", "faq.md#faq-2")}
    output = (lambda r: (r.returncode, r.stdout + r.stderr))(_build(tmp_path, pages))
    assert output[0] != 0, output[1][-3000:]
    assert "'faq.en.md' does not contain an anchor '#faq-2'" in output[1], output[1][-3000:]
    assert "'faq.md' does not contain an anchor" not in output[1], output[1][-3000:]
