"""``inkassorules portfolio IN --as-of DATE -o OUT`` with Parquet and CSV."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from inkassorules.cli import main  # noqa: E402 -- after the skips
from inkassorules.portfolio import evaluate_row  # noqa: E402

if TYPE_CHECKING:
    from pathlib import Path

AS_OF = dt.date(2025, 9, 1)
ROWS = [
    {
        "jurisdiction": "NO",
        "principal": 125000,
        "currency": "NOK",
        "due_date": dt.date(2025, 6, 2),
        "debtor_kind": "consumer",
    },
    {
        "jurisdiction": "SE",
        "principal": 99950,
        "currency": "SEK",
        "due_date": dt.date(2025, 5, 12),
        "debtor_kind": "business",
    },
    {
        "jurisdiction": "XX",
        "principal": 100,
        "currency": "NOK",
        "due_date": dt.date(2025, 5, 12),
        "debtor_kind": "consumer",
    },
]


def book() -> pa.Table:
    return pa.table({name: [row[name] for row in ROWS] for name in ROWS[0]})


def check_output(records: list[dict[str, object]]) -> None:
    for row, read in zip(ROWS, records, strict=True):
        got = {k: None if v == "" else v for k, v in read.items()}  # CSV: empty is null
        want = evaluate_row(row, as_of=AS_OF)
        assert got["next_step_kind"] == want["next_step_kind"]
        assert got["fee"] == want["fee"]
        assert got["interest"] == want["interest"]
        assert got["error"] == want["error"]


def test_parquet_in_parquet_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, target = tmp_path / "book.parquet", tmp_path / "out.parquet"
    pq.write_table(book(), source)
    assert main(["portfolio", str(source), "--as-of", "2025-09-01", "-o", str(target)]) == 0
    out = pq.read_table(target)
    assert out.schema.field("next_step_on").type == pa.date32()
    check_output(out.to_pylist())
    summary = capsys.readouterr().out
    assert "3 rows" in summary
    assert "errors: 1; UnknownJurisdiction 1" in summary


def test_csv_in_csv_out_with_decimal_amounts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "book.csv", tmp_path / "out.csv"
    lines = ["jurisdiction,principal,currency,due_date,debtor_kind"]
    lines += [
        f"{r['jurisdiction']},{r['principal'] / 100:.2f},{r['currency']},{r['due_date']},"  # type: ignore[operator]
        f"{r['debtor_kind']}"
        for r in ROWS
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["portfolio", str(source), "--as-of", "2025-09-01", "-o", str(target)]) == 0
    import pyarrow.csv as pa_csv

    check_output(pa_csv.read_csv(target).to_pylist())
    assert "next step" in capsys.readouterr().out


def test_bad_suffix_and_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "book.parquet"
    pq.write_table(book(), source)
    assert main(["portfolio", str(source), "--as-of", "2025-09-01", "-o", "x.json"]) == 2
    assert ".parquet or .csv" in capsys.readouterr().err
    target = tmp_path / "out.parquet"
    args = ["portfolio", str(source), "--as-of", "2025-09-01", "-o", str(target), "--strict"]
    assert main(args) == 2
    assert "unknown jurisdiction 'XX'" in capsys.readouterr().err
    assert not target.exists()
