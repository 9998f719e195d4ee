"""Make hooks/ importable here as MkDocs does while loading a hook: the hook modules and the build package
hooks/sitebuild (page words, the rule-changes renderer)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hooks"))
