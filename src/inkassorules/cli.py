"""Kommandolinje (command line): ``inkassorules`` / ``python -m inkassorules``.

The command line is the library's edge: it is the only place that reads the clock (to default
``--on`` to today in Europe/Oslo), and it turns every library error into a one-line message and
exit code 2, never a traceback.

>>> main(["rates", "--on", "2026-03-01"])  # doctest: +ELLIPSIS
inkassorules rates on 2026-03-01 (built-in data)
<BLANKLINE>
Norway (NO)
  Inkassosats ...750.00 NOK...
0
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Final
from zoneinfo import ZoneInfo

import attrs

from inkassorules.errors import InkassoError
from inkassorules.law import Entry, LawBook, builtin
from inkassorules.money import Money

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from decimal import Decimal

__all__ = ["Row", "main", "main_exit", "rate_rows"]

EXIT_USAGE: Final = 2
_HERE: Final = ZoneInfo("Europe/Oslo")


@attrs.frozen(kw_only=True)
class Row:
    """One line of the ``rates`` table: a statutory value on a date, or why there is none."""

    country: str
    label: str
    value: str | None
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    citation: str | None = None
    url: str | None = None
    confidence: str | None = None
    problem: str | None = None


def _percent(value: Decimal) -> str:
    return f"{value:f} %"


def _row(country: str, label: str, lookup: Callable[[], Entry[object]]) -> Row:
    try:
        entry = lookup()
    except InkassoError as error:
        return Row(country=country, label=label, value=None, problem=str(error))
    value = entry.value
    shown = str(value) if isinstance(value, Money) else _percent(value)  # type: ignore[arg-type]
    return Row(
        country=country,
        label=label,
        value=shown,
        valid_from=entry.valid_from,
        valid_until=entry.valid_until,
        citation=entry.citation.rule,
        url=entry.citation.url,
        confidence=entry.citation.confidence,
    )


# The parameters shown by ``rates``: (country, label, parameter name). Only names present in
# the law book are shown, so a book without a table simply has no such row.
_RATES: Final = (
    ("NO", "Inkassosats", "no.inkassosats"),
    ("NO", "Forsinkelsesrente (late interest, % p.a.)", "no.interest.late_interest_rate"),
    ("NO", "Standardkompensasjon (B2B)", "no.fees.standard_compensation"),
    ("SE", "Referensränta (reference rate, %)", "se.interest.reference_rate"),
    ("SE", "Påminnelseavgift (reminder fee cap)", "se.fees.reminder_fee"),
    ("SE", "Ersättning för inkassokrav (collection demand cap)", "se.fees.collection_demand_fee"),
    ("SE", "Amorteringsplan (instalment plan fee cap)", "se.fees.instalment_agreement_fee"),
    ("SE", "Förseningsersättning (B2B)", "se.fees.standard_compensation"),
)


def rate_rows(on: dt.date, *, law: LawBook | None = None) -> list[Row]:
    """The headline statutory values of both countries on *on*, one :class:`Row` each."""
    book = law or builtin()
    rows = []
    for country, label, name in _RATES:
        if name not in book.names:
            continue
        rows.append(_row(country, label, lambda name=name: book.at(name, on)))  # type: ignore[misc]
    return rows


def _print_rows(rows: Sequence[Row], on: dt.date) -> None:
    print(f"inkassorules rates on {on.isoformat()} (built-in data)")
    names = {"NO": "Norway (NO)", "SE": "Sweden (SE)"}
    width = max(len(r.label) for r in rows)
    country = None
    for row in rows:
        if row.country != country:
            country = row.country
            print(f"\n{names[country]}")
        if row.value is None:
            print(f"  {row.label:<{width}}  NOT AVAILABLE: {row.problem}")
            continue
        until = f"to {row.valid_until}" if row.valid_until else "until changed"
        flag = "  [medium confidence]" if row.confidence == "medium" else ""
        print(f"  {row.label:<{width}}  {row.value:>14}  from {row.valid_from} {until}{flag}")
        print(f"  {'':<{width}}  source: {row.citation} <{row.url}>")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"expected a date as YYYY-MM-DD, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inkassorules",
        description="Norwegian and Swedish debt-collection rules, with their legal sources.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    rates = commands.add_parser("rates", help="statutory amounts and rates in force on a date")
    rates.add_argument("--on", type=_date, help="the date (YYYY-MM-DD); default: today in Oslo")
    rates.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0, or 2 for bad input)."""
    args = _parser().parse_args(argv)
    try:
        # The edge of the library: the only place that reads the clock.
        on: dt.date = args.on or dt.datetime.now(_HERE).date()
        rows = rate_rows(on)
    except InkassoError as error:
        print(f"inkassorules: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(
            json.dumps(
                {"on": on.isoformat(), "rows": [attrs.asdict(r) for r in rows]},
                default=lambda d: d.isoformat(),
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        _print_rows(rows, on)
    return 0


def main_exit() -> None:
    """Entry point of the ``inkassorules`` console script."""
    sys.exit(main())
