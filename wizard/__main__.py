"""``python -m wizard check FILE|-``: see ``wizard.cli``."""
import sys

from .cli import main

sys.exit(main())
