"""Without an optional extra, the functions that need it raise MissingExtra, naming the extra.

The lowest-dependencies CI run has none of the extras; these tests hide each package in the
full run too (``sys.modules[name] = None`` makes ``import name`` raise ImportError).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from inkassorules import cli, portfolio, records
from inkassorules.errors import InkassoError, MissingExtra

PACKAGES = {"portfolio": ("numpy", "pyarrow"), "frames": ("pandas",)}
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _hide(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    for name in names:
        monkeypatch.setitem(sys.modules, name, None)


@pytest.mark.parametrize(
    ("call", "hidden", "extra"),
    [
        (lambda: portfolio.evaluate({"x": []}, as_of=dt.date(2026, 6, 1)), "numpy", "portfolio"),
        (lambda: portfolio.evaluate({"x": []}, as_of=dt.date(2026, 6, 1)), "pyarrow", "portfolio"),
        (lambda: portfolio.row_api_rows({"row_api": []}), "pyarrow", "portfolio"),
        (lambda: portfolio.explain({"as_of": []}, 0), "numpy", "portfolio"),
        (lambda: records.schema("Timeline"), "pyarrow", "portfolio"),
        (lambda: records.to_arrow(object()), "pyarrow", "portfolio"),
        (lambda: records.to_pandas(object()), "pandas", "frames"),
    ],
    ids=[
        "evaluate-numpy",
        "evaluate-pyarrow",
        "row_api_rows",
        "explain",
        "schema",
        "to_arrow",
        "to_pandas",
    ],
)
def test_a_missing_extra_is_the_library_error(monkeypatch, call, hidden, extra):
    _hide(monkeypatch, hidden)
    with pytest.raises(MissingExtra, match=rf"inkassorules\[{extra}\]") as raised:
        call()
    assert isinstance(raised.value, InkassoError)
    assert isinstance(raised.value, ImportError)
    # The package named is the hidden one, or (without the extra installed) the first missing.
    assert any(package in str(raised.value) for package in PACKAGES[extra])


def test_dask_evaluate_without_dask(monkeypatch):
    from inkassorules.portfolio import dask as portfolio_dask

    _hide(monkeypatch, "distributed")
    with pytest.raises(MissingExtra, match=r"inkassorules\[dask\]"):
        portfolio_dask.evaluate(object(), as_of=dt.date(2026, 6, 1))


def test_the_portfolio_command_checks_its_arguments_before_the_extra(
    monkeypatch, capsys, tmp_path
):
    _hide(monkeypatch, "pyarrow")
    out = tmp_path / "out.csv"
    source = str(EXAMPLES / "portfolio.csv")
    # A bad output format is refused as such, extra or not.
    assert cli.main(["portfolio", source, "-o", str(tmp_path / "out.txt")]) == 2
    assert "MissingExtra" not in capsys.readouterr().err
    # Good arguments: the missing extra, named, exit 2 (not an internal error, 70).
    assert cli.main(["portfolio", source, "-o", str(out), "--as-of", "2026-06-01"]) == 2
    err = capsys.readouterr().err
    assert "inkassorules[portfolio]" in err
    assert "internal error" not in err
    assert not out.exists()


def test_spark_evaluate_without_pyspark(monkeypatch):
    pytest.importorskip("pyarrow")
    from inkassorules.portfolio import spark as portfolio_spark

    _hide(monkeypatch, "pyspark", "pyspark.sql")
    with pytest.raises(MissingExtra, match=r"inkassorules\[spark\]"):
        portfolio_spark.evaluate(object(), as_of=dt.date(2026, 6, 1))
