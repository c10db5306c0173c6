"""``python -m scratch`` — the tour: every algorithm against its reference (see scratch._tour)."""

import sys

from scratch._tour.cli import main

if __name__ == "__main__":
    sys.exit(main())
