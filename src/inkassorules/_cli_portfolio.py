"""``inkassorules portfolio IN --as-of DATE -o OUT``: a whole book of claims, Parquet or CSV.

Reads the book (one claim per row, the columns of :func:`inkassorules.portfolio.row_case`),
evaluates it with :func:`inkassorules.portfolio.evaluate` in batches, writes the input with the
result columns to OUT (Parquet or CSV, by the file's suffix), shows progress on stderr for long
runs and prints a summary: rows, rows by next step, errors, time. Needs the ``portfolio`` extra.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inkassorules._checks import require_extra
from inkassorules.cli import _add_law_argument, _date, _law_book, _today
from inkassorules.errors import InvalidInput

if TYPE_CHECKING:
    import argparse

__all__ = ["add_parser", "run"]

_BATCH = 200_000
_FORMATS = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv"}


def add_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``portfolio IN --as-of DATE -o OUT`` to the command line's subcommands."""
    parser = subparsers.add_parser(
        "portfolio", help="a whole book of claims (Parquet or CSV): next steps, fees, interest"
    )
    parser.add_argument("input", metavar="IN", help="the book: a .parquet or .csv file")
    parser.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="where to write (.parquet or .csv)"
    )
    parser.add_argument(
        "--as-of", type=_date, help="the day to evaluate on (YYYY-MM-DD); default: today"
    )
    parser.add_argument(
        "--strict", action="store_true", help="stop at the first bad row instead of marking it"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress and no summary")
    _add_law_argument(parser)
    parser.set_defaults(run=run)


def _format(path: str, what: str) -> str:
    kind = _FORMATS.get(Path(path).suffix.lower())
    if kind is None:
        raise InvalidInput(f"portfolio: {what} {path!r} must end in .parquet or .csv")
    return kind


def _read(path: str) -> Any:
    import pyarrow.csv as pa_csv  # noqa: PLC0415 -- the portfolio extra, on use
    import pyarrow.parquet as pq  # noqa: PLC0415

    if _format(path, "IN") == "parquet":
        return pq.read_table(path)
    # CSV: pyarrow infers whole numbers, dates and flags; a column it would read as floats
    # (an amount with decimals) is read again as text, which the engine reads as decimals.
    import pyarrow as pa  # noqa: PLC0415

    table = pa_csv.read_csv(path)
    floats = {
        n: pa.string() for n in table.column_names if pa.types.is_floating(table.column(n).type)
    }
    if floats:
        options = pa_csv.ConvertOptions(column_types=floats)
        table = pa_csv.read_csv(path, convert_options=options)
    return table


def run(args: argparse.Namespace) -> int:
    """Evaluate the book in ``args.input`` and write ``args.output``; returns 0."""
    out_format = _format(args.output, "OUT")
    as_of = args.as_of or _today()
    law = _law_book(args)
    # The arguments are checked first: a bad one is refused the same with or without the extra.
    for package in ("numpy", "pyarrow"):
        require_extra(package, "portfolio", needed_by="inkassorules portfolio")
    import pyarrow as pa  # noqa: PLC0415 -- the portfolio extra, on use
    import pyarrow.compute as pc  # noqa: PLC0415
    import pyarrow.csv as pa_csv  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    from inkassorules.portfolio import evaluate  # noqa: PLC0415

    start = time.perf_counter()
    table = _read(args.input)
    total = table.num_rows
    parts = []
    shown = not args.quiet and total > _BATCH
    for offset in range(0, max(total, 1), _BATCH):
        batch = table.slice(offset, _BATCH)
        result = evaluate(batch, as_of=as_of, law=law, strict=args.strict)
        parts.append(result)
        if shown:
            done = min(offset + _BATCH, total)
            print(f"\rportfolio: {done:,} / {total:,} rows", end="", file=sys.stderr, flush=True)
    if shown:
        print(file=sys.stderr)
    out = pa.concat_tables(parts)
    if out_format == "parquet":
        pq.write_table(out, args.output)
    else:
        pa_csv.write_csv(out, args.output)
    took = time.perf_counter() - start
    if not args.quiet:
        steps = Counter(out.column("next_step_kind").to_pylist())
        errors = Counter(e for e in out.column("error").to_pylist() if e is not None)
        via = int(pc.sum(out.column("row_api")).as_py() or 0)
        print(f"portfolio on {as_of.isoformat()}: {total:,} rows in {took:.2f} s -> {args.output}")
        for kind, count in sorted(steps.items(), key=lambda kv: (kv[0] is None, kv[0] or "")):
            print(f"  next step {kind or '(none or error)'}: {count:,}")
        print(
            f"  errors: {sum(errors.values()):,}"
            + "".join(f"; {name} {count:,}" for name, count in sorted(errors.items()))
        )
        print(f"  through the row API: {via:,}")
    return 0
