"""Collection for the whole repository: the optional extras' modules and docs.

Without numpy and pyarrow (CI's lowest-dependencies run) the portfolio engine's modules and
docs are not collected (docs/conftest.py holds the docs' own condition); without dask and
distributed, its Dask module.
"""

from __future__ import annotations

import importlib.util

collect_ignore: list[str] = []
if importlib.util.find_spec("numpy") is None or importlib.util.find_spec("pyarrow") is None:
    collect_ignore += [
        "src/inkassorules/portfolio/__init__.py",
        "src/inkassorules/portfolio/_engine.py",
        "src/inkassorules/portfolio/dask.py",
    ]
if importlib.util.find_spec("dask") is None or importlib.util.find_spec("distributed") is None:
    collect_ignore += ["src/inkassorules/portfolio/dask.py"]
