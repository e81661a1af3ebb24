"""pytest collects the examples in docs/*.md; the site's build scripts are not examples.

pytest reads ``collect_ignore`` from the nearest conftest only, so the portfolio page's
condition (numpy and pyarrow, the ``[portfolio]`` extra) is repeated here, not in the root.
"""

from __future__ import annotations

import importlib.util

collect_ignore = ["griffe_doctest.py", "gen_plots.py"]
if importlib.util.find_spec("numpy") is None or importlib.util.find_spec("pyarrow") is None:
    collect_ignore.append("portfolio.md")
