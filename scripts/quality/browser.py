"""The one list of Chromium settings: Debian's /usr/bin/chromium, launched headless by Playwright (tests,
scripts/bench.py) or by Lighthouse (scripts/lighthouse.py). No browser is downloaded."""
from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
