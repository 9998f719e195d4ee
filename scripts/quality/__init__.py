"""Helpers shared by the benchmark (scripts/bench.py) and the Lighthouse runner (scripts/lighthouse.py)."""
