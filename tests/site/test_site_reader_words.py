"""Words a reader meets outside the pages' text: no edit link to a placeholder repository, and search snippets
whose diagram labels read as words (lane names apart, "Applicant: " in English, not "Applicant：")."""
from __future__ import annotations

import json
import os
from pathlib import Path


def test_no_page_links_to_a_placeholder_repository_and_the_edit_link_follows_edit_uri(built_site: Path):
    pages = sorted(built_site.rglob("index.html"))
    assert pages
    placeholder = [p for p in pages if "OWNER/REPO" in p.read_text(encoding="utf-8")]
    assert placeholder == []
    edit = [p for p in pages if "md-content__button" in p.read_text(encoding="utf-8") and 'rel="edit"' in p.read_text(encoding="utf-8")]
    if os.environ.get("EDIT_URI"):
        assert edit, "EDIT_URI is set: the pages carry an edit link"
    else:
        assert edit == [], "without EDIT_URI there is no edit link"


def test_search_snippets_of_diagrams_keep_their_labels_apart(built_site: Path):
    english = json.loads((built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [doc["text"] for doc in english["docs"]]
    assert any("Step 1 Applicant: " in t for t in texts), "a diagram's first step is indexed"
    assert not [t for t in texts if "ApplicantEmployer" in t or "EmployerAuthority" in t or "Applicant：" in t]
