"""The service worker the build writes (hooks/wizard_assets.py): it lists what the wizard pages load, and a
change to either page changes the worker's bytes, which is how a reader's browser learns of it (web/sw.js)."""
from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))  # the hook imports hooks/sitebuild, as MkDocs allows while loading it
_spec = importlib.util.spec_from_file_location("wizard_assets_hook", ROOT / "hooks" / "wizard_assets.py")
hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hook)
sys.path.remove(str(ROOT / "hooks"))


def constant(worker: str, name: str):
    return json.loads(re.search(rf"^const {name} = (.+?);", worker, re.M).group(1))


def test_the_served_worker_lists_every_theme_file_the_wizard_pages_load(built_site):
    worker = (built_site / "wizard-sw.js").read_text(encoding="utf-8")
    files = constant(worker, "PAGE_FILES")
    for page in ("wizard/index.html", "en/wizard/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        loaded = re.findall(r'<link rel="stylesheet" href="(?:\.\./)+([^"]+)"|<script\b[^>]*\bsrc="(?:\.\./)+([^"]+)"', html)
        theme = {a or b for a, b in loaded if not (a or b).startswith("wizard-assets/")}
        assert theme and theme <= set(files), f"{page} loads {sorted(theme - set(files))} that the worker does not cache"
    assert all((built_site / f).is_file() for f in files)


def test_an_edit_to_a_wizard_page_changes_the_worker(built_site, tmp_path):
    site = tmp_path / "site"
    for page in ("wizard/index.html", "en/wizard/index.html"):
        (site / page).parent.mkdir(parents=True)
        shutil.copyfile(built_site / page, site / page)
    shutil.copytree(built_site / "assets", site / "assets")
    before = hook.service_worker(site)
    assert constant(before, "REVISION") == constant((built_site / "wizard-sw.js").read_text(encoding="utf-8"), "REVISION")
    page = site / "en" / "wizard" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Registration wizard", "Registration helper", 1), encoding="utf-8")
    after = hook.service_worker(site)
    assert constant(after, "REVISION") != constant(before, "REVISION")
    assert constant(after, "VERSION") == constant(before, "VERSION"), "the assets did not change, only the page"
