"""Placeholder: the browser-wizard work replaces this with the real wheel + Pyodide asset build."""
from pathlib import Path

Path("build/wizard-assets").mkdir(parents=True, exist_ok=True)
print("wizard assets: placeholder (nothing built yet)")
