"""A browser that is not installed fails its engine's tests with the Debian package to install; it is never skipped."""
from __future__ import annotations

import engines
import pytest

MISSING = [
    ("webkit", "WEBKIT_DRIVER", "apt-get install webkit2gtk-driver"),
    ("webkit", "MINIBROWSER", "apt-get install webkit2gtk-driver"),
    ("firefox", "FIREFOX", "apt-get install firefox-esr"),
]


@pytest.mark.parametrize("engine_name, setting, package", MISSING, ids=[f"{e}: {s}" for e, s, _ in MISSING])
def test_a_missing_browser_is_named_with_the_package_that_installs_it(monkeypatch, tmp_path, engine_name, setting,
                                                                        package):
    monkeypatch.setattr(engines, setting, str(tmp_path / "not-installed"))
    with pytest.raises(engines.EngineMissing, match=package):
        engines.launch(engine_name)


def test_webkit_without_a_display_or_xvfb_names_the_package(monkeypatch, tmp_path):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setattr(engines, "XVFB", str(tmp_path / "not-installed"))
    with pytest.raises(engines.EngineMissing, match="apt-get install xvfb"):
        engines.launch("webkit")
