"""``python -m staff``: the staff tools' command line (staff.cli), run from the repository folder."""
import sys

from .cli import main

sys.exit(main())
