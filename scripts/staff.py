#!/usr/bin/env python3
"""Staff tools (网站维护工具): content checks, outdated translations, new pages, rule-outcome diff.

Run `.venv/bin/python scripts/staff.py --help`. The code lives in the package scripts/staff/.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The build's own code (hooks/sitebuild: page words, the rule-changes renderer), so check says what the build says.
sys.path.insert(1, str(Path(__file__).resolve().parent.parent / "hooks"))

from staff.cli import main  # noqa: E402  (the package scripts/staff/, which Python prefers to this file)

if __name__ == "__main__":
    sys.exit(main())
