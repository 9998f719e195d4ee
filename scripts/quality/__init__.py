"""Measurement tools shared by the tests, the benchmark (scripts/bench.py) and the Lighthouse runner
(scripts/lighthouse.py): the static server (server.py, nginx), the Chromium settings (browser.py) and the
vanilla Material peer site (vanilla.py)."""
