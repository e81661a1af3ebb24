"""The core never imports the portfolio extra: ``import inkassorules`` loads no numpy/pyarrow."""

from __future__ import annotations

import subprocess
import sys


def test_the_core_and_the_command_line_load_no_numpy_or_pyarrow() -> None:
    code = (
        "import sys, inkassorules, inkassorules.cli, inkassorules.portfolio._rows; "
        "inkassorules.cli._parser(); "
        "print(sorted(m for m in ('numpy', 'pyarrow', 'pandas', 'polars', 'dask') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.strip() == "[]"
