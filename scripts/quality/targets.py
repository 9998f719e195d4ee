"""The performance targets of scripts/quality/targets.toml, the one file the tests and the bench read."""
from __future__ import annotations

import tomllib
from pathlib import Path

FILE = Path(__file__).with_name("targets.toml")


def load() -> dict[str, float]:
    """Every target by name (``weight_ratio``, ``repeat_ratio``, …)."""
    with FILE.open("rb") as handle:
        return tomllib.load(handle)
