"""``python -m inkassorules``: the command line (see :mod:`inkassorules.cli`)."""

from __future__ import annotations

import sys

from inkassorules.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
