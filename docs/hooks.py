"""MkDocs hooks: files the build makes (plots), so no image is committed by hand.

Every ``docs/gen_*.py`` script is run before the build with the site's image folder as its
argument; each writes the images its page shows.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path
from typing import Any


def on_pre_build(config: Any) -> None:
    """Run each ``docs/gen_*.py`` into ``<docs_dir>/img`` (git-ignored)."""
    docs = Path(config["docs_dir"])
    out = docs / "img"
    for script in sorted(docs.glob("gen_*.py")):
        out.mkdir(exist_ok=True)
        argv = sys.argv
        try:
            sys.argv = [str(script), str(out)]
            runpy.run_path(str(script), run_name="__main__")
        finally:
            sys.argv = argv
