"""Kommandolinje (command line): ``inkassorules`` / ``python -m inkassorules``.

Subcommands: ``rates`` (statutory values and headline caps on a date), ``fees`` (the fee caps for
a claim), ``interest`` (late interest, period by period), ``schedule`` (an instalment plan),
``contact`` (may the debtor be contacted now, and when next), ``plan`` (the collection
timeline of :func:`inkassorules.timeline.plan`) and ``law check`` (what a user's legal data
file would add). Human-readable tables by default, ``--json`` for machines. A claim is given by
arguments (``--principal 8000 --due 2026-03-02 --jurisdiction NO --debtor consumer``) or as a
JSON file (``--claim-file claim.json``, the format of
:func:`inkassorules.serialization.to_json`).

Every subcommand takes ``--law FILE`` (repeatable): a legal data file in the built-in format
that extends the built-in data (e.g. a newly published rate, see docs/data.md), after the
files named by the environment variable ``INKASSORULES_LAW`` (paths separated by
``os.pathsep``).

The command line is the library's edge: it is the only place that reads the clock (to default
``--on`` and its kin to today in Europe/Oslo) and the environment, and it turns bad input and
every library error into a one-line message on stderr and exit code 2, never a traceback.

>>> main(["rates", "--on", "2026-03-01"])  # doctest: +ELLIPSIS
inkassorules rates on 2026-03-01 (built-in data)
<BLANKLINE>
Norway (NO)
  Inkassosats ...750.00 NOK...
0
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import re
import stat
import sys
import textwrap
from decimal import Decimal
from importlib import metadata
from typing import TYPE_CHECKING, Any, Final, NoReturn, cast
from zoneinfo import ZoneInfo

import attrs

from inkassorules import jurisdiction, no, se
from inkassorules.claims import CURRENCY_OF, Claim, DebtorKind, Payment, check_jurisdiction
from inkassorules.contact import time_zone
from inkassorules.errors import CurrencyMismatch, InkassoError, InvalidInput, NotInForce
from inkassorules.instalments import InstalmentAgreement
from inkassorules.interest import BalanceInterestResult
from inkassorules.law import Entry, LawBook, builtin, explain, provisional_reasons
from inkassorules.money import Money
from inkassorules.no.fees import FeeLetter
from inkassorules.serialization import structure, unstructure
from inkassorules.steps import StepKind

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from inkassorules.calendar import JurisdictionCode
    from inkassorules.fees import FeeCap
    from inkassorules.interest import InterestResult
    from inkassorules.law import Citation

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_OUTPUT",
    "EXIT_USAGE",
    "LAW_ENVIRONMENT_VARIABLE",
    "MAX_INPUT_BYTES",
    "MAX_JSON_DEPTH",
    "WIDTH",
    "Row",
    "Status",
    "law_status",
    "main",
    "main_exit",
    "rate_rows",
]

EXIT_USAGE: Final = 2
"""The exit code for bad input: a usage error, a refused value, a rule that refuses."""
EXIT_OUTPUT: Final = 1
"""The exit code when the output cannot be written (standard output closed, disk full)."""
EXIT_BROKEN_PIPE: Final = 141
"""The exit code when the reader of the output went away (``| head -1``): 128 + SIGPIPE."""
EXIT_INTERNAL: Final = 70
"""The exit code of a bug in inkassorules (EX_SOFTWARE): one line on stderr, no traceback."""
MAX_INPUT_BYTES: Final = 1024 * 1024
"""The largest claim file or legal data file the command line reads (1 MiB)."""
MAX_JSON_DEPTH: Final = 32
"""The deepest nesting of arrays and objects the command line reads in a JSON file."""
WIDTH: Final = 100
"""The widest line of the command line's text output, in columns."""
_HERE: Final = ZoneInfo("Europe/Oslo")
LAW_ENVIRONMENT_VARIABLE: Final = "INKASSORULES_LAW"
"""The environment variable naming legal data files for every command (``os.pathsep``)."""


@attrs.frozen(kw_only=True)
class Row:
    """One line of the ``rates`` table: a statutory value on a date, or why there is none.

    Attributes:
        country: ``"NO"`` or ``"SE"``.
        label: the statutory term and an English gloss.
        value: the value as text (``"750.00 NOK"``, ``"12.00 %"``), or None if not available.
        valid_from: the first day of a table value (None for a computed cap).
        valid_until: the last day of a table value (None: until changed, or computed).
        citation: the source of the value (for a computed cap, of its first component).
        url: where the source can be read.
        confidence: ``"high"`` or ``"medium"``.
        problem: why there is no value (the library's error message), if there is none.
        note: how a computed value was computed (which letter and claim it assumes).
        provisional: why the value may be out of date, if it may ("law as known on ...").
    """

    country: str
    label: str
    value: str | None
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    citation: str | None = None
    url: str | None = None
    confidence: str | None = None
    problem: str | None = None
    note: str | None = None
    provisional: str | None = None


# -- rates ------------------------------------------------------------------------------------


def _percent(value: Decimal) -> str:
    return f"{value:f} %"


def _row(country: str, label: str, book: LawBook, name: str, on: dt.date) -> Row:
    try:
        entry = book.at(name, on)
    except InkassoError as error:
        return Row(country=country, label=label, value=None, problem=str(error))
    value = entry.value
    shown = str(value) if isinstance(value, Money) else _percent(value)  # type: ignore[arg-type]
    return Row(
        country=country,
        label=label,
        value=shown,
        valid_from=entry.valid_from,
        valid_until=_valid_until(book, entry),
        citation=entry.citation.rule,
        url=entry.citation.url,
        confidence=entry.citation.confidence,
        provisional=entry.citation.provisional,
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

# The day counts the headline NO letter fees are computed with (inkassoforskriften § 1-2,
# inkassoloven § 9): read from the data, never written here.
_EARLIEST_FEE_DAYS: Final = "no.fees.earliest_fee_days"
_NOTICE_DEADLINE_DAYS: Final = "no.fees.collection_notice_deadline_days"
_REMINDER_LABEL: Final = "Purregebyr (reminder fee cap)"
_NOTICE_LABEL: Final = "Inkassovarsel (collection notice fee cap)"
_DEMAND_LABEL: Final = "Betalingsoppfordring (creditor's own demand fee cap)"


def _cap_row(country: str, label: str, note: str, compute: Callable[[], FeeCap]) -> Row:
    try:
        cap = compute()
    except InkassoError as error:
        return Row(country=country, label=label, value=None, problem=str(error), note=note)
    first = cap.basis[0] if cap.basis else None
    if not cap.allowed:
        note = f"{note}; zero: {'; '.join(cap.reasons)}"
    return Row(
        country=country,
        label=label,
        value=str(cap.amount),
        citation=first.rule if first else None,
        url=first.url if first else None,
        confidence="medium" if any(c.confidence == "medium" for c in cap.basis) else "high",
        note=note,
        provisional=_reasons(cap.basis),
    )


def _business_day_on_or_before(day: dt.date, book: LawBook) -> dt.date:
    while not no.is_business_day(day, law=book):
        day -= dt.timedelta(days=1)
    return day


def _flag(basis: Iterable[Citation]) -> str:
    """``"  [medium confidence]"``, ``"  [provisional]"``, both, or nothing."""
    cited = tuple(basis)
    flags = [
        *(["medium confidence"] if any(c.confidence == "medium" for c in cited) else []),
        *(["provisional"] if any(c.provisional is not None for c in cited) else []),
    ]
    return f"  [{'; '.join(flags)}]" if flags else ""


def _valid_until(book: LawBook, entry: Entry[object]) -> dt.date | None:
    """The entry's last day; None for "until changed" where only the review day ends it."""
    until = entry.valid_until
    parameter = book.parameter(entry.parameter)
    if (
        until is not None
        and parameter.provisional_reason is not None
        and until == parameter.reviewed_on
        and until + dt.timedelta(days=1) not in parameter.change_dates
    ):
        return None
    return until


def _reasons(basis: Iterable[Citation]) -> str | None:
    """The provisional reasons of *basis* as one text, or None."""
    return "; ".join(provisional_reasons(basis)) or None


def _headline_no(on: dt.date, book: LawBook) -> list[Row]:
    """Purregebyr, inkassovarsel and betalingsoppfordring caps for a letter sent on *on*."""
    try:
        earliest = book.days(_EARLIEST_FEE_DAYS, on).value
        notice_days = book.days(_NOTICE_DEADLINE_DAYS, on).value
        # A due date on a business day, so that forfall is the due date itself (gjeldsbrevloven
        # § 5) and the letter is at least the 14 days of inkassoforskriften § 1-2 after it.
        due = _business_day_on_or_before(on - dt.timedelta(days=earliest), book)
        # An inkassovarsel sent so that its minimum deadline ended the day before *on*.
        notice_sent = on - dt.timedelta(days=notice_days + 1)
        notice_due = _business_day_on_or_before(notice_sent - dt.timedelta(days=earliest), book)
    except (InkassoError, ArithmeticError) as error:
        labels = (_REMINDER_LABEL, _NOTICE_LABEL, _DEMAND_LABEL)
        return [Row(country="NO", label=label, value=None, problem=str(error)) for label in labels]
    letter_note = f"a letter sent {on} on a claim due {due} ({(on - due).days} days before)"

    def demand() -> FeeCap:
        deadline = no.collection_notice_deadline(sent_on=notice_sent, law=book).day
        notice = FeeLetter(kind=StepKind.COLLECTION_NOTICE, sent_on=notice_sent, deadline=deadline)
        return no.collection_demand_fee_cap(
            sent_on=on, due_date=notice_due, earlier_letters=[notice], law=book
        )

    return [
        _cap_row(
            "NO",
            _REMINDER_LABEL,
            letter_note,
            lambda: no.reminder_fee_cap(sent_on=on, due_date=due, law=book),
        ),
        _cap_row(
            "NO",
            _NOTICE_LABEL,
            letter_note,
            lambda: no.collection_notice_fee_cap(sent_on=on, due_date=due, law=book),
        ),
        _cap_row(
            "NO",
            _DEMAND_LABEL,
            f"a demand sent {on} after an inkassovarsel sent {notice_sent} whose deadline was "
            f"missed, on a claim due {notice_due}",
            demand,
        ),
    ]


def _late_interest_se(on: dt.date, book: LawBook) -> Row:
    label = "Dröjsmålsränta (late interest, % p.a.)"
    try:
        quote = se.late_interest_rate_in_force(on=on, law=book)
    except InkassoError as error:
        return Row(country="SE", label=label, value=None, problem=str(error))
    starts = [c.valid_from for c in quote.basis if c.valid_from is not None]
    return Row(
        country="SE",
        label=label,
        value=_percent(quote.rate),
        valid_from=max(starts) if starts else None,
        valid_until=quote.valid_until,
        citation="; ".join(c.rule for c in quote.basis),
        url=quote.basis[0].url if quote.basis else None,
        confidence="medium" if any(c.confidence == "medium" for c in quote.basis) else "high",
        note="referensränta + tillägg (6 § räntelagen)",
        provisional=_reasons(quote.basis),
    )


def rate_rows(on: dt.date, *, law: LawBook | None = None) -> list[Row]:
    """The headline statutory values of both countries on *on*, one :class:`Row` each.

    Table values (inkassosats, rates, Swedish fee amounts) come with their validity; the
    Norwegian letter-fee caps are computed for a letter sent on *on* on a claim that fell due
    long enough before it to carry a fee; the Swedish dröjsmålsränta is the referensränta plus
    the tillägg. A value the data does not cover is a row with a ``problem``, not an error.

    >>> rows = rate_rows(dt.date(2026, 3, 1))
    >>> for row in rows:
    ...     if row.label.startswith(("Purregebyr", "Dröjsmål")):
    ...         print(row.label, row.value)
    Purregebyr (reminder fee cap) 38.00 NOK
    Dröjsmålsränta (late interest, % p.a.) 10.00 %
    """
    book = law or builtin()
    rows: list[Row] = []
    for country in ("NO", "SE"):
        for code, label, name in _RATES:
            if code != country or name not in book.names:
                continue
            rows.append(_row(country, label, book, name, on))
        if country == "NO" and {_EARLIEST_FEE_DAYS, _NOTICE_DEADLINE_DAYS} <= set(book.names):
            rows.extend(_headline_no(on, book))
        if country == "SE":
            rows.insert(_after(rows, "Referensränta"), _late_interest_se(on, book))
    return rows


@attrs.frozen(kw_only=True)
class Status:
    """What the law book cannot answer for certain on a day: a table missing or provisional.

    Attributes:
        parameter: the table's name.
        missing: True if the table has no value on the day; False if its value is provisional.
        reason: why (the refusal's reason, or "law as known on ...").
    """

    parameter: str
    missing: bool
    reason: str


def law_status(on: dt.date, *, law: LawBook | None = None) -> list[Status]:
    """Every table of the book that has no value on *on*, or only a provisional one.

    A table is missing on a day before it starts, in a period the sources did not establish,
    after a repeal or after a half-yearly table's horizon; it is provisional after the day it
    was last reviewed (see :attr:`inkassorules.law.Parameter.reviewed_on`). Tables of medium
    confidence are flagged where they are shown, not here.

    >>> missing = [s.parameter for s in law_status(dt.date(2026, 9, 1)) if s.missing]
    >>> "se.interest.reference_rate" in missing
    True
    >>> len([s for s in law_status(dt.date(2026, 11, 24)) if not s.missing]) > 40
    True
    """
    book = law or builtin()
    found: list[Status] = []
    for name in book.names:
        try:
            entry = book.at(name, on)
        except InkassoError as error:
            reason = getattr(error, "reason", str(error))
            found.append(Status(parameter=name, missing=True, reason=str(reason)))
            continue
        if entry.citation.provisional is not None:
            found.append(Status(parameter=name, missing=False, reason=entry.citation.provisional))
    return found


def _print_status(statuses: Sequence[Status], on: dt.date) -> None:
    missing = [s for s in statuses if s.missing]
    print()
    if missing:
        print(f"Missing on {on.isoformat()} (supply a value with --law FILE, see docs/data.md):")
        for status in missing:
            print(f"  {status.parameter}: {status.reason}")
    else:
        print(f"Missing on {on.isoformat()}: nothing")
    by_reason: dict[str, list[str]] = {}
    for status in statuses:
        if not status.missing:
            by_reason.setdefault(status.reason, []).append(status.parameter)
    if not by_reason:
        print(f"Provisional on {on.isoformat()}: nothing")
    for reason, names in by_reason.items():
        print(f"Provisional on {on.isoformat()} ({reason}): {len(names)} table(s)")
        for line in textwrap.wrap(", ".join(names), width=95):
            print(f"  {line}")


def _after(rows: list[Row], label: str) -> int:
    """The index just after the row whose label starts with *label* (the end if none)."""
    for index, row in enumerate(rows):
        if row.label.startswith(label):
            return index + 1
    return len(rows)


def _print_rows(rows: Sequence[Row], on: dt.date, data: str) -> None:
    print(f"inkassorules rates on {on.isoformat()} ({data})")
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
        flag = "  [medium confidence]" if row.confidence == "medium" else ""
        if row.valid_from is None:
            print(f"  {row.label:<{width}}  {row.value:>14}  for {row.note}{flag}")
        else:
            until = f"to {row.valid_until}" if row.valid_until else "until changed"
            print(f"  {row.label:<{width}}  {row.value:>14}  from {row.valid_from} {until}{flag}")
        print(f"    source: {row.citation}")
        if row.url is not None:
            print(f"      <{row.url}>")
        if row.provisional is not None:
            print(f"    provisional: {row.provisional}")


def _cmd_rates(args: argparse.Namespace) -> None:
    on: dt.date = args.on or _today()
    book = _law_book(args)
    rows = rate_rows(on, law=book)
    statuses = law_status(on, law=book)
    if args.json:
        _print_json(
            {
                "on": on.isoformat(),
                "law_files": _law_files(args),
                "rows": [unstructure(r) for r in rows],
                "missing": [
                    {"parameter": s.parameter, "reason": s.reason} for s in statuses if s.missing
                ],
                "provisional": [
                    {"parameter": s.parameter, "reason": s.reason}
                    for s in statuses
                    if not s.missing
                ],
            }
        )
    else:
        _print_rows(rows, on, _data_label(args))
        _print_status(statuses, on)


# -- legal data files (--law, INKASSORULES_LAW) -------------------------------------------------


def _add_law_argument(parser: argparse.ArgumentParser) -> None:
    """``--law FILE`` (repeatable): :func:`_parser` gives it to every subcommand."""
    parser.add_argument(
        "--law",
        action="append",
        default=[],
        metavar="FILE",
        help="a legal data file that extends the built-in data, e.g. a newly published rate "
        f"(repeatable; read after the files in ${LAW_ENVIRONMENT_VARIABLE}, separated by "
        f"{os.pathsep!r}; see docs/data.md)",
    )


def _law_files(args: argparse.Namespace) -> list[str]:
    """The user's legal data files: those of INKASSORULES_LAW, then those of --law."""
    # The edge of the library: the only place that reads the environment.
    named = os.environ.get(LAW_ENVIRONMENT_VARIABLE, "")
    from_environment = [path for path in named.split(os.pathsep) if path.strip()]
    return [*from_environment, *getattr(args, "law", [])]


def _law_book(args: argparse.Namespace) -> LawBook:
    """The law book of a command: the built-in data extended by each of :func:`_law_files`.

    Raises:
        DataFileError: naming the file, the key and the rule, if a file is refused.
    """
    book = builtin()
    for path in _law_files(args):
        regular_file(path, "legal data file")
        book = book.with_file(path)
    return book


def _data_label(args: argparse.Namespace) -> str:
    files = _law_files(args)
    return "built-in data" + "".join(f" + {path}" for path in files)


def _cmd_law_check(args: argparse.Namespace) -> None:
    base = _law_book(args)
    results = []
    for path in args.files:
        regular_file(path, "legal data file")
        extended = base.with_file(path)
        results.append((path, base.changes(extended)))
        base = extended
    if args.json:
        _print_json([{"file": path, "valid": True, "adds": list(adds)} for path, adds in results])
        return
    for path, adds in results:
        print(f"{path}: valid; it would add {len(adds)} entr{'y' if len(adds) == 1 else 'ies'}")
        for line in adds:
            print(f"  {line}")


# -- input ------------------------------------------------------------------------------------


class _UsageError(Exception):
    """Bad command-line syntax (argparse's errors), reported as one line."""


class _Done(Exception):
    """argparse finished without error (``--help``): return *status*."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is one line (and an exception), never ``sys.exit`` in a library."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: error: {message} (see '{self.prog} --help')")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise _Done(status)


def _today() -> dt.date:
    # The edge of the library: the only place that reads the clock.
    return dt.datetime.now(_HERE).date()


# What the command line reads: ASCII digits only (``str.isdigit`` and ``int`` also take
# Arabic-Indic and full-width digits, and ``int`` takes ``8_000``).
_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MOMENT: Final = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})?"
)
_WHOLE: Final = re.compile(r"[0-9]{1,6}")
_AMOUNT: Final = re.compile(r"[0-9]+(\.[0-9]+)?")
_CURRENCY: Final = re.compile(r"[A-Z]{3}")


def _date(text: str) -> dt.date:
    try:
        if _DATE.fullmatch(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    msg = f"expected a date as YYYY-MM-DD (ASCII digits), got {text!r}"
    raise argparse.ArgumentTypeError(msg)


def _moment(text: str) -> dt.datetime:
    try:
        if _MOMENT.fullmatch(text):
            return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    msg = f"expected a moment as YYYY-MM-DDTHH:MM (optionally with +01:00), got {text!r}"
    raise argparse.ArgumentTypeError(msg)


def _count(text: str) -> int:
    if not _WHOLE.fullmatch(text):
        msg = f"expected a whole number of at most 6 ASCII digits, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def regular_file(path: str, what: str, *, limit: int = MAX_INPUT_BYTES) -> None:
    """Check that *path* names a regular file of at most *limit* bytes, before it is opened.

    The kind is read with ``os.stat``, so a FIFO is never opened (opening one with no writer
    waits for ever) and a device such as ``/dev/zero`` is never read.

    Raises:
        InvalidInput: for a missing, unreadable, not regular or too large file.

    >>> regular_file("/dev/zero", "claim file")
    Traceback (most recent call last):
        ...
    inkassorules.errors.InvalidInput: the claim file '/dev/zero' is not a regular file; ...
    """
    try:
        info = os.stat(path)  # noqa: PTH116 -- one call for the kind and the size
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise InvalidInput(f"the {what} {path!r} cannot be read: {reason}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInput(
            f"the {what} {path!r} is not a regular file; give a file, or - for standard input"
        )
    if info.st_size > limit:
        raise InvalidInput(
            f"the {what} {path!r} has {info.st_size} bytes; the command line reads at most "
            f"{limit} bytes"
        )


def read_text(path: str, what: str, *, limit: int = MAX_INPUT_BYTES) -> str:
    """The UTF-8 text of the file at *path* (``-``: standard input), at most *limit* bytes.

    Raises:
        InvalidInput: for a file :func:`regular_file` refuses, or text that is not UTF-8.
    """
    if path == "-":
        stream = sys.stdin.buffer if sys.stdin is not None else None
        data = b"" if stream is None else stream.read(limit + 1)
        name = "standard input"
    else:
        regular_file(path, what, limit=limit)
        try:
            with open(path, "rb") as file:  # noqa: PTH123
                data = file.read(limit + 1)
        except OSError as error:
            raise InvalidInput(f"cannot read the {what} {path!r}: {error.strerror}") from None
        name = repr(path)
    if len(data) > limit:
        raise InvalidInput(f"the {what} {name} is longer than {limit} bytes, the limit")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInput(f"the {what} {name} is not UTF-8 text (byte {error.start})") from None


_JSON_TOKENS: Final = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _check_json(text: str, what: str) -> None:
    """Refuse JSON nested deeper than :data:`MAX_JSON_DEPTH`, before it is parsed."""
    depth = deepest = 0
    for token in _JSON_TOKENS.finditer(text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_JSON_DEPTH:
                raise InvalidInput(
                    f"the {what} is nested too deeply: more than {MAX_JSON_DEPTH} levels of "
                    "arrays and objects, the command line's limit"
                )
        elif mark in "]}":
            depth -= 1


def _check_strings(data: object, what: str) -> None:
    """Refuse strings that are not text: a lone surrogate (``U+D800`` to ``U+DFFF``)."""
    if isinstance(data, str):
        try:
            data.encode("utf-8")
        except UnicodeEncodeError as error:
            raise InvalidInput(
                f"the {what} holds a string with a lone surrogate "
                f"(\\u{ord(data[error.start]):04x}), which is not text"
            ) from None
    elif isinstance(data, dict):
        for key, value in data.items():
            _check_strings(key, what)
            _check_strings(value, what)
    elif isinstance(data, list):
        for value in data:
            _check_strings(value, what)


def read_json(path: str, what: str, *, limit: int = MAX_INPUT_BYTES) -> Any:
    """The JSON object in the file at *path* (``-``: standard input), read within the limits.

    At most *limit* bytes (:data:`MAX_INPUT_BYTES`), nested at most :data:`MAX_JSON_DEPTH`
    deep, integers of at most 4 300 digits, no lone surrogates. Numbers are read exactly, as
    Decimal. (:func:`inkassorules.serialization.structure` then refuses anything but an
    object at the top.)

    Raises:
        InvalidInput: naming the file and what was expected.
    """
    text = read_text(path, what, limit=limit)
    _check_json(text, what)
    try:
        data = json.loads(text, parse_float=Decimal)
    except RecursionError:  # pragma: no cover -- _check_json refuses deep nesting first
        raise InvalidInput(f"the {what} is nested too deeply") from None
    except ValueError as error:  # JSONDecodeError, or an integer over 4 300 digits
        message = str(error).split(";", 1)[0]
        raise InvalidInput(f"the {what} is not valid JSON: {message}") from None
    _check_strings(data, what)
    return data


# A guard of the command line against runaway input (an amount of 10**999999 kroner makes exact
# interest arithmetic take minutes), not a rule of law: amounts below 10**15 with at most ten
# decimals.
_MAX_WHOLE_DIGITS: Final = 15
_MAX_DECIMALS: Final = 10


def _checked(money: Money, option: str) -> Money:
    exponent = money.amount.as_tuple().exponent
    too_precise = isinstance(exponent, int) and exponent < -_MAX_DECIMALS
    if money.amount.adjusted() >= _MAX_WHOLE_DIGITS or too_precise:
        raise InvalidInput(
            f"{option} {money.amount} is out of range for the command line: at most "
            f"{_MAX_WHOLE_DIGITS} digits before the decimal point and {_MAX_DECIMALS} after"
        )
    return money


def _money(text: str, currency: str, option: str) -> Money:
    if not _AMOUNT.fullmatch(text):
        raise InvalidInput(
            f"{option} expects an amount of ASCII digits with an optional '.' and decimals, "
            f"e.g. 8000 or 8000.50 (no sign, no '_', no spaces); got {text!r}"
        )
    return _checked(Money.of(text, currency), option)


def _code(text: str) -> str:
    return text.strip().upper()


def _currency(text: str) -> str:
    code = text.strip().upper()
    if not _CURRENCY.fullmatch(code):
        msg = f"expected a currency code of three letters (NOK or SEK), got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return code


def _currency_of(code: JurisdictionCode, given: str | None, option: str) -> str:
    """The country's currency; *given* (``--currency``) must be it."""
    expected = CURRENCY_OF[code]
    if given is not None and given != expected:
        raise CurrencyMismatch(expected, given, context=f"{option} for a {code} claim")
    return expected


def _payment(text: str, currency: str) -> Payment:
    amount, at, day = text.partition("@")
    if not at:
        raise InvalidInput(
            f"--payment must be AMOUNT@YYYY-MM-DD, e.g. 1000@2026-05-04; got {text!r}"
        )
    try:
        paid_on = _date(day)
    except argparse.ArgumentTypeError:
        raise InvalidInput(
            f"--payment {text!r}: expected a date as YYYY-MM-DD after '@'"
        ) from None
    return Payment(amount=_money(amount, currency, "--payment"), paid_on=paid_on)


def _add_claim_arguments(parser: argparse.ArgumentParser) -> None:
    claim = parser.add_argument_group("the claim (arguments, or --claim-file)")
    claim.add_argument("--principal", help="hovedstol / kapitalbelopp, e.g. 8000 or 8000.50")
    claim.add_argument(
        "--currency", type=_currency, help="NOK or SEK: the country's (the default)"
    )
    claim.add_argument("--due", type=_date, help="forfallsdato / förfallodag (YYYY-MM-DD)")
    claim.add_argument("--jurisdiction", type=_code, choices=("NO", "SE"), help="NO or SE")
    claim.add_argument(
        "--debtor",
        choices=[kind.value for kind in DebtorKind],
        default=None,
        help="the kind of debtor (default: consumer)",
    )
    claim.add_argument("--reference", help="the creditor's own reference (free text)")
    claim.add_argument(
        "--claim-file", help="a JSON file holding the claim (as serialization.to_json writes it)"
    )


def _claim(args: argparse.Namespace) -> Claim:
    given = [
        f"--{name.replace('_', '-')}"
        for name in ("principal", "currency", "due", "jurisdiction", "debtor", "reference")
        if getattr(args, name) is not None
    ]
    if args.claim_file is not None:
        if given:
            raise InvalidInput(
                f"give the claim either as --claim-file or as arguments, not both ({given[0]})"
            )
        data = read_json(args.claim_file, "claim file")
        claim = structure(data, Claim)
        _checked(claim.principal, "the claim's principal")
        return claim
    missing = [
        f"--{name}" for name in ("principal", "due", "jurisdiction") if getattr(args, name) is None
    ]
    if missing:
        raise InvalidInput(
            f"the claim needs {', '.join(missing)} (or a --claim-file); e.g. --principal 8000 "
            "--due 2026-03-02 --jurisdiction NO"
        )
    code = check_jurisdiction(args.jurisdiction)
    return Claim(
        principal=_money(
            args.principal, _currency_of(code, args.currency, "--currency"), "--principal"
        ),
        due_date=args.due,
        jurisdiction=code,
        debtor_kind=DebtorKind(args.debtor or DebtorKind.CONSUMER.value),
        reference=args.reference,
    )


def _describe(claim: Claim) -> str:
    return (
        f"{claim.jurisdiction} claim of {claim.principal} ({claim.debtor_kind.value} debtor), "
        f"due {claim.due_date.isoformat()}"
    )


# -- output -----------------------------------------------------------------------------------


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _table(
    records: Iterable[Mapping[str, object]],
    columns: Sequence[tuple[str, str]],
    *,
    right: Iterable[str] = (),
    width: int = WIDTH - 2,
) -> list[str]:
    """Lines of a plain-text table: *columns* are (record key, heading) pairs.

    A table wider than *width* puts one space between its columns and its headings over two
    lines; if it is still too wide, it wraps the cells of its widest column of text, so that a
    row may take more than one line.
    """
    aligned = set(right)
    rows = [["" if r.get(key) is None else str(r.get(key)) for key, _ in columns] for r in records]
    heads = [head for _, head in columns]
    widths = [max([len(head)] + [len(row[i]) for row in rows]) for i, head in enumerate(heads)]
    gap = "  "

    def excess() -> int:
        return sum(widths) + len(gap) * (len(widths) - 1) - width

    if excess() > 0:  # a wide table: one space between columns, headings over two lines
        gap = " "
        widths = [
            max([max(map(len, head.split()), default=0)] + [len(row[i]) for row in rows])
            for i, head in enumerate(heads)
        ]
    # Still too wide: wrap the widest column of text (cells with spaces) at its words.
    texts = [i for i in range(len(columns)) if any(" " in row[i] for row in rows)]
    if excess() > 0 and texts:
        widest = max(texts, key=lambda i: widths[i])
        widths[widest] = max(widths[widest] - excess(), 8)

    def lines(cells: Sequence[str]) -> list[str]:
        split = [
            textwrap.wrap(cell, w, break_on_hyphens=False) or [""] if len(cell) > w else [cell]
            for cell, w in zip(cells, widths, strict=True)
        ]
        height = max(len(parts) for parts in split)
        out = []
        for number in range(height):
            parts = []
            for column, w, (key, _) in zip(split, widths, columns, strict=True):
                part = column[number] if number < len(column) else ""
                parts.append(part.rjust(w) if key in aligned else part.ljust(w))
            out.append(gap.join(parts).rstrip())
        return out

    return [line for row in (heads, *rows) for line in lines(row)]


def _print_basis(basis: Iterable[Citation], indent: str = "") -> None:
    """The sources, one per line, each URL on a line of its own under its citation."""
    text = explain(basis)
    for row in text.splitlines():
        cited, space, url = row.rpartition(" <")
        if space and url.endswith(">"):
            print(f"{indent}{cited}")
            print(f"{indent}    <{url}")
        else:
            print(f"{indent}{row}")


# -- fees -------------------------------------------------------------------------------------


def _fee_items(
    claim: Claim, on: dt.date, args: argparse.Namespace, book: LawBook
) -> list[tuple[str, str, Callable[[], FeeCap]]]:
    """(key, label, compute) for each fee cap of the claim's country."""
    due = claim.due_date
    if claim.jurisdiction == "NO":
        letters: list[FeeLetter] = []
        if args.notice_sent is not None:
            deadline = no.collection_notice_deadline(sent_on=args.notice_sent, law=book).day
            letters.append(
                FeeLetter(
                    kind=StepKind.COLLECTION_NOTICE, sent_on=args.notice_sent, deadline=deadline
                )
            )
        return [
            (
                "reminder",
                "Purregebyr (written reminder)",
                lambda: no.reminder_fee_cap(sent_on=on, due_date=due, law=book),
            ),
            (
                "collection_notice",
                "Inkassovarsel (collection notice)",
                lambda: no.collection_notice_fee_cap(sent_on=on, due_date=due, law=book),
            ),
            (
                "collection_demand",
                "Betalingsoppfordring (creditor's own demand)",
                lambda: no.collection_demand_fee_cap(
                    sent_on=on, due_date=due, earlier_letters=letters, law=book
                ),
            ),
            (
                "standard_compensation",
                "Standardkompensasjon (B2B, FRL § 3a; figure of the due date)",
                lambda: no.standard_compensation(
                    due_date=due, debtor_kind=claim.debtor_kind, figure_date=due, law=book
                ),
            ),
        ]
    return [
        (
            "reminder",
            "Påminnelseavgift (reminder)",
            lambda: se.reminder_fee_cap(
                sent_on=on, due_date=due, fee_agreed=args.reminder_fee_agreed, law=book
            ),
        ),
        (
            "collection_demand",
            "Ersättning för inkassokrav (a krav meeting 5 § inkassolagen)",
            lambda: se.collection_demand_fee_cap(
                sent_on=on, due_date=due, meets_inkassolagen_5=True, law=book
            ),
        ),
        (
            "instalment_agreement",
            "Amorteringsplan (a complete written instalment plan)",
            lambda: se.instalment_agreement_fee_cap(
                sent_on=on, due_date=due, complete_written_plan=True, law=book
            ),
        ),
        (
            "standard_compensation",
            "Förseningsersättning (B2B, 4 a § lag 1981:739)",
            lambda: se.standard_compensation(
                due_date=due,
                debtor_kind=claim.debtor_kind,
                creditor_kind=claim.creditor_kind,
                claim_kind=claim.claim_kind,
                law=book,
            ),
        ),
    ]


def _cmd_fees(args: argparse.Namespace) -> None:
    claim = _claim(args)
    on: dt.date = args.on or _today()
    if claim.jurisdiction == "SE" and args.notice_sent is not None:
        raise InvalidInput("--notice-sent is for Norwegian claims (inkassoforskriften § 1-2)")
    if claim.jurisdiction == "NO" and args.reminder_fee_agreed:
        raise InvalidInput("--reminder-fee-agreed is for Swedish claims (2 § lag 1981:739)")
    book = _law_book(args)
    results: list[tuple[str, str, FeeCap | None, str | None]] = []
    for key, label, compute in _fee_items(claim, on, args, book):
        try:
            results.append((key, label, compute(), None))
        except InkassoError as error:
            if isinstance(error, InvalidInput):
                raise
            results.append((key, label, None, str(error)))
    if args.json:
        _print_json(
            {
                "claim": unstructure(claim),
                "sent_on": on.isoformat(),
                "fees": [
                    {"step": key, "label": label, "cap": unstructure(cap), "problem": problem}
                    for key, label, cap, problem in results
                ],
            }
        )
        return
    print(f"inkassorules fees for a {_describe(claim)}; letters sent on {on.isoformat()}")
    width = max(len(label) for _, label, _, _ in results)
    for _, label, cap, problem in results:
        print()
        if cap is None:
            print(f"{label:<{width}}  NOT AVAILABLE: {problem}")
            continue
        print(f"{label:<{width}}  {cap.amount!s:>12}{_flag(cap.basis)}")
        for reason in cap.reasons:
            print(f"  {reason}")
        _print_basis(cap.basis, "  ")


# -- interest ---------------------------------------------------------------------------------

_PERIOD_COLUMNS: Final = (
    ("start", "From"),
    ("last_day", "To (incl.)"),
    ("days", "Days"),
    ("rate", "Rate %"),
    ("year_length", "Year"),
    ("principal", "Principal"),
    ("interest", "Interest (exact)"),
)
_BALANCE_COLUMNS: Final = (
    ("event", "Event"),
    ("start", "From"),
    ("last_day", "To (incl.)"),
    ("days", "Days"),
    ("rate", "Rate %"),
    ("balance", "Balance"),
    ("interest", "Interest (exact)"),
    ("paid", "Paid"),
    ("to_interest", "To interest"),
    ("to_principal", "To principal"),
)
_NUMBERS: Final = (
    "days",
    "rate",
    "year_length",
    "principal",
    "interest",
    "balance",
    "paid",
    "to_interest",
    "to_principal",
    "amount",
    "number",
)


def _late_interest(
    claim: Claim,
    payments: list[Payment],
    start: dt.date,
    paid: dt.date,
    *,
    roll: bool,
    law: LawBook,
) -> InterestResult | BalanceInterestResult:
    """The claim's late interest; *roll* as ``roll_due_date`` (issue 14: it defaults to True)."""
    if claim.jurisdiction == "NO":
        if payments:
            return no.late_interest_on_balance(
                claim.principal, payments, due_date=start, until=paid, roll_due_date=roll, law=law
            )
        return no.late_interest(
            claim.principal, due_date=start, paid_on=paid, roll_due_date=roll, law=law
        )
    if payments:
        return se.late_interest_on_balance(
            claim.principal, payments, due_date=start, until=paid, roll_due_date=roll, law=law
        )
    return se.late_interest(
        claim.principal, due_date=start, paid_on=paid, roll_due_date=roll, law=law
    )


def _cmd_interest(args: argparse.Namespace) -> None:
    claim = _claim(args)
    country = jurisdiction(claim.jurisdiction)
    paid: dt.date = args.paid or _today()
    payments = [_payment(text, claim.currency) for text in args.payment]
    book = _law_book(args)
    roll = not args.no_roll
    start = country.interest_start(due_date=claim.due_date, roll_due_date=roll, law=book)
    result = _late_interest(claim, payments, start.start, paid, roll=roll, law=book)
    if args.json:
        _print_json(
            {
                "claim": unstructure(claim),
                "law_files": _law_files(args),
                "interest_start": unstructure(start),
                "result": unstructure(result),
                "provisional": list(provisional_reasons((*start.basis, *result.basis))),
            }
        )
        return
    with_files = f" ({_data_label(args)})" if _law_files(args) else ""
    print(f"inkassorules interest for a {_describe(claim)}{with_files}")
    print(f"{start.explain().splitlines()[0]}")
    columns = _BALANCE_COLUMNS if payments else _PERIOD_COLUMNS
    print()
    records = result.to_records()
    if records:
        for line in _table(records, columns, right=_NUMBERS):
            print(line)
    else:
        print(f"No interest days: paid on or before the interest start {start.start.isoformat()}.")
    print()
    if isinstance(result, BalanceInterestResult):
        print(
            f"Interest until {paid.isoformat()}: {result.interest} (rounded once, ROUND_HALF_UP)"
        )
        print(
            f"Outstanding: principal {result.principal_outstanding}, interest "
            f"{result.interest_outstanding}; overpayment {result.overpayment}"
        )
    else:
        print(
            f"Interest until payment on {paid.isoformat()}: {result.amount} for {result.days} "
            "days (the exact parts added and rounded once, ROUND_HALF_UP)"
        )
    print("Sources:")
    _print_basis((*start.basis, *result.basis), "  ")
    _print_provisional((*start.basis, *result.basis))


def _print_provisional(basis: Iterable[Citation]) -> None:
    """One line per reason: the tables whose values may be out of date."""
    by_reason: dict[str, dict[str, None]] = {}
    for citation in basis:
        if citation.provisional is not None:
            names = by_reason.setdefault(citation.provisional, {})
            names[citation.parameter or citation.rule] = None
    for reason, names in by_reason.items():
        print(f"Provisional ({reason}): {', '.join(names)}")


# -- schedule ---------------------------------------------------------------------------------


def _cmd_schedule(args: argparse.Namespace) -> None:
    code: JurisdictionCode = check_jurisdiction(args.jurisdiction)
    currency = _currency_of(code, args.currency, "--currency")
    signed: dt.date = args.signed or _today()
    first_due: dt.date | None = args.first_due
    agreement = InstalmentAgreement.plan(
        _money(args.total, currency, "--total"),
        signed_on=signed,
        count=args.count,
        amount_per_instalment=(
            None if args.amount is None else _money(args.amount, currency, "--amount")
        ),
        first_due=first_due,
        first_at_signing=first_due is None or first_due == signed,
        roll=None if args.no_roll else code,
        grace_days=args.grace_days,
        law=_law_book(args),
    )
    records = agreement.to_records()  # every deadline computed before anything is printed
    if args.json:
        _print_json({"agreement": unstructure(agreement)})
        return
    count = len(agreement.instalments)
    rolled = "not rolled" if args.no_roll else f"rolled onto {code} business days"
    print(
        f"inkassorules schedule: {agreement.total} in {count} instalment(s), signed on "
        f"{signed.isoformat()}; due dates {rolled}"
    )
    print()
    columns = (("number", "No."), ("due_date", "Due date"), ("deadline", "Deadline"))
    for line in _table(records, (*columns, ("amount", "Amount")), right=_NUMBERS):
        print(line)
    print()
    print(f"Total: {agreement.total}; grace period {agreement.grace_days} day(s)")


# -- contact ----------------------------------------------------------------------------------


def _aware(moment: dt.datetime, code: str) -> dt.datetime:
    """*moment*, read on the country's clock if it has no offset (the edge decides)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=time_zone(code))


def _cmd_contact(args: argparse.Namespace) -> None:
    code = check_jurisdiction(args.jurisdiction)
    country = jurisdiction(code)
    at = _aware(args.at, code) if args.at is not None else dt.datetime.now(time_zone(code))
    history = [_aware(moment, code) for moment in args.history]
    book = _law_book(args)
    decision = country.contact_allowed(at, channel=args.channel, history=history, law=book)
    following = country.next_contact_window(at, channel=args.channel, history=history, law=book)
    if args.json:
        _print_json(
            {
                "decision": unstructure(decision),
                "next_allowed": unstructure(following),
            }
        )
        return
    verdict = "allowed" if decision.allowed else "NOT allowed"
    kind = "law" if decision.is_law else "policy, not law"
    print(
        f"inkassorules contact: {decision.channel} contact in {code} at "
        f"{decision.at.isoformat(timespec='minutes')}: {verdict}"
    )
    for reason in decision.reasons:
        print(f"  - {reason}")
    print(f"Next allowed moment: {following.isoformat(timespec='minutes')}")
    print(f"Rule: {decision.policy} ({kind})")
    _print_basis(decision.basis, "  ")
    _print_provisional(decision.basis)


# -- plan -------------------------------------------------------------------------------------

_PLAN_COLUMNS: Final = (
    ("number", "No."),
    ("name", "Step"),
    ("planned_on", "Planned"),
    ("earliest_lawful", "Earliest"),
    ("governed_by", "By"),
    ("channel", "Channel"),
    ("fee", "Fee"),
    ("interest", "Interest"),
    ("total", "Total due"),
    ("deadline", "Deadline"),
)


def _cmd_plan(args: argparse.Namespace) -> None:
    # Imported here, so that the other subcommands do not depend on the timeline module.
    from inkassorules.case import Case  # noqa: PLC0415
    from inkassorules.timeline import CreditorPolicy, plan  # noqa: PLC0415

    claim = _claim(args)
    as_of: dt.date = args.as_of or _today()
    payments = [_payment(text, claim.currency) for text in args.payment]
    for payment in payments:
        if payment.paid_on > as_of:
            raise InvalidInput(
                f"--payment on {payment.paid_on.isoformat()} is after --as-of "
                f"{as_of.isoformat()}: a plan knows only the payments made by the day it is made"
            )
    policy = (
        CreditorPolicy.earliest_lawful()
        if args.policy == "earliest-lawful"
        else CreditorPolicy.practice(claim.jurisdiction)
    )
    timeline = plan(
        Case(claim=claim, events=payments), as_of=as_of, policy=policy, law=_law_book(args)
    )
    if args.json:
        _print_json({"timeline": unstructure(timeline)})
        return
    print(f"inkassorules plan for a {_describe(claim)}; as of {as_of.isoformat()}")
    print(f"policy: {timeline.policy.name}; {timeline.interest_start.explain().splitlines()[0]}")
    print()
    if timeline.steps:
        for line in _table(
            [s.to_record() for s in timeline.steps], _PLAN_COLUMNS, right=_NUMBERS + _PLAN_MONEY
        ):
            print(line)
    else:
        print("No steps.")
    for reason in timeline.unknown:
        print(f"unknown: {reason}")
    for note in timeline.notes:
        print(f"note: {note}")
    if timeline.stopped:
        print(f"stopped: {timeline.stopped}")
    _print_provisional((*timeline.basis, *(c for step in timeline.steps for c in step.basis)))
    print(
        f"Amounts in {claim.currency}; 'By' says whether the law, the policy or as_of set the day."
    )


_PLAN_MONEY: Final = ("fee", "total")


# -- the parser -------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="inkassorules",
        description="Norwegian and Swedish debt-collection rules, with their legal sources.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {_version()}", help="print the version"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    rates = commands.add_parser("rates", help="statutory amounts and rates in force on a date")
    rates.add_argument("--on", type=_date, help="the date (YYYY-MM-DD); default: today in Oslo")
    rates.add_argument("--json", action="store_true", help="print JSON instead of a table")
    rates.set_defaults(run=_cmd_rates)

    fees = commands.add_parser("fees", help="the fee caps for a claim, for letters sent on a date")
    _add_claim_arguments(fees)
    fees.add_argument("--on", type=_date, help="the day the letters are sent; default: today")
    fees.add_argument(
        "--notice-sent",
        type=_date,
        help="NO: the day an earlier inkassovarsel was sent (its deadline missed), which a "
        "betalingsoppfordring fee needs",
    )
    fees.add_argument(
        "--reminder-fee-agreed",
        action="store_true",
        help="SE: a påminnelseavgift was agreed no later than when the debt arose",
    )
    fees.add_argument("--json", action="store_true", help="print JSON instead of a table")
    fees.set_defaults(run=_cmd_fees)

    interest = commands.add_parser("interest", help="late interest on a claim, period by period")
    _add_claim_arguments(interest)
    interest.add_argument("--paid", type=_date, help="the day of payment; default: today")
    interest.add_argument(
        "--payment",
        action="append",
        default=[],
        metavar="AMOUNT@DATE",
        help="a partial payment, e.g. 1000@2026-05-04 (repeatable)",
    )
    interest.add_argument(
        "--no-roll",
        action="store_true",
        help="do not move a due date on a non-business day to the next business day",
    )
    interest.add_argument("--json", action="store_true", help="print JSON instead of a table")
    interest.set_defaults(run=_cmd_interest)

    schedule = commands.add_parser("schedule", help="an instalment plan that adds up exactly")
    schedule.add_argument("--total", required=True, help="the debt the plan covers, e.g. 10000")
    schedule.add_argument(
        "--jurisdiction", type=_code, choices=("NO", "SE"), required=True, help="NO or SE"
    )
    schedule.add_argument(
        "--currency", type=_currency, help="NOK or SEK: the country's (the default)"
    )
    size = schedule.add_mutually_exclusive_group(required=True)
    size.add_argument("--count", type=_count, help="the number of instalments")
    size.add_argument("--amount", help="the amount of every instalment (the last is the rest)")
    schedule.add_argument("--signed", type=_date, help="the signing day; default: today")
    schedule.add_argument(
        "--first-due", type=_date, help="the first due date (default: the signing day)"
    )
    schedule.add_argument(
        "--grace-days", type=_count, default=0, help="days of grace after each due date"
    )
    schedule.add_argument(
        "--no-roll", action="store_true", help="keep due dates on non-business days"
    )
    schedule.add_argument("--json", action="store_true", help="print JSON instead of a table")
    schedule.set_defaults(run=_cmd_schedule)

    contact = commands.add_parser("contact", help="may the debtor be contacted at a moment")
    contact.add_argument(
        "--jurisdiction", type=_code, choices=("NO", "SE"), required=True, help="NO or SE"
    )
    contact.add_argument(
        "--at",
        type=_moment,
        help="the moment, e.g. 2026-03-02T20:00 (local time of the country unless an offset "
        "is given); default: now",
    )
    contact.add_argument(
        "--channel", default="phone", help="phone, sms, email or letter (default: phone)"
    )
    contact.add_argument(
        "--history",
        type=_moment,
        action="append",
        default=[],
        metavar="MOMENT",
        help="an earlier contact on the same channel (repeatable)",
    )
    contact.add_argument("--json", action="store_true", help="print JSON instead of text")
    contact.set_defaults(run=_cmd_contact)

    timeline = commands.add_parser("plan", help="the collection timeline: the lawful next steps")
    _add_claim_arguments(timeline)
    timeline.add_argument("--as-of", type=_date, help="the day the plan is made; default: today")
    timeline.add_argument(
        "--policy",
        choices=("practice", "earliest-lawful"),
        default="practice",
        help="the creditor's practice (default) or every step on its earliest lawful day",
    )
    timeline.add_argument(
        "--payment",
        action="append",
        default=[],
        metavar="AMOUNT@DATE",
        help="a payment made up to --as-of, e.g. 1000@2026-03-20 (repeatable)",
    )
    timeline.add_argument("--json", action="store_true", help="print JSON instead of a table")
    timeline.set_defaults(run=_cmd_plan)

    _add_law_everywhere(commands)
    return parser


def _version() -> str:
    """The installed distribution's version (pyproject.toml is its one source)."""
    try:
        return metadata.version("inkassorules")
    except metadata.PackageNotFoundError:  # pragma: no cover -- run from a source tree
        from inkassorules import __version__  # noqa: PLC0415

        return __version__


def _add_law_everywhere(commands: argparse._SubParsersAction[Any]) -> None:
    """``law check``, the subcommands of other modules, and ``--law FILE`` on every one."""
    _add_law_commands(commands)
    # Subcommands defined in other modules: each is a function that adds its parsers to
    # *commands*. Register a new one here (e.g. ``inkassorules._cli_portfolio``'s).
    from inkassorules import _cli_portfolio  # noqa: PLC0415 -- imports this module
    from inkassorules._cli_case import add_case_commands  # noqa: PLC0415 -- imports this module

    for add in (add_case_commands, _cli_portfolio.add_parser):
        add(commands)
    # Every subcommand takes --law FILE: one loop here, so a new subcommand has it too.
    for _, command in subcommands(commands):
        if not any("--law" in action.option_strings for action in command._actions):  # noqa: SLF001
            _add_law_argument(command)


def subcommands(
    commands: argparse._SubParsersAction[Any], words: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every runnable subcommand under *commands*, with its words (``("case", "next")``).

    The parser's own list of subcommands: the test corpus of bad invocations is built from it.
    """
    found: list[tuple[tuple[str, ...], argparse.ArgumentParser]] = []
    for name, command in commands.choices.items():
        nested = [
            action
            for action in command._actions  # noqa: SLF001
            if isinstance(action, argparse._SubParsersAction)  # noqa: SLF001
        ]
        if nested:
            for inner in nested:
                found.extend(subcommands(inner, (*words, name)))
        else:
            found.append(((*words, name), command))
    return found


def _add_law_commands(commands: argparse._SubParsersAction[Any]) -> argparse.ArgumentParser:
    """``law check FILE...``: validate legal data files and say what each would add."""
    law = commands.add_parser("law", help="legal data files: check what a file would add")
    law_commands = law.add_subparsers(dest="law_command", required=True)
    check = law_commands.add_parser(
        "check", help="validate legal data files and say what each would add to the data"
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="a legal data file (TOML)")
    check.add_argument("--json", action="store_true", help="print JSON instead of text")
    check.set_defaults(run=_cmd_law_check)
    return cast("argparse.ArgumentParser", law)


def _one_line(error: BaseException) -> str:
    if isinstance(error, ArithmeticError):
        return (
            "an amount or date is outside the range that can be computed with "
            f"({type(error).__name__})"
        )
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return "; ".join(lines) or type(error).__name__


def _say(line: str) -> None:
    """*line* on stderr, if there is a stderr to write to."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(line, file=sys.stderr, flush=True)


def _fit(text: str, width: int = WIDTH) -> str:
    """*text* with every line longer than *width* wrapped, continued two columns further in."""
    lines: list[str] = []
    for line in text.splitlines():
        if len(line) <= width:
            lines.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())][: width // 2]
        lines.extend(
            textwrap.wrap(
                line.strip(),
                width,
                initial_indent=indent,
                subsequent_indent=indent + "  ",
                break_on_hyphens=False,
            )
        )
    return "".join(f"{line}\n" for line in lines)


def _error_type(error: BaseException) -> str:
    if isinstance(error, InkassoError) and not isinstance(error, _UsageError):
        return type(error).__name__
    return "InvalidInput"


def _error_rule(error: BaseException) -> str | None:
    """The rule, parameter or citation that refused, if the error names one."""
    for name in ("rule", "parameter", "key"):
        value = getattr(error, name, None)
        if isinstance(value, str):
            return value
    return None


def _check_arguments(arguments: Sequence[str]) -> None:
    for number, argument in enumerate(arguments, start=1):
        if not isinstance(argument, str):
            raise _UsageError(f"inkassorules: error: argument {number} is not a string")
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            raise _UsageError(
                f"inkassorules: error: argument {number} ({argument!a}) is not UTF-8 text"
            ) from None


def _run(arguments: list[str], *, as_json: bool) -> tuple[int, bool]:
    """Parse and run; (exit code, whether the output is JSON). Prints to (captured) stdout."""
    try:
        _check_arguments(arguments)
        args = _parser().parse_args(arguments)
    except _UsageError as error:
        return _failed(error, "inkassorules", as_json=as_json), as_json
    except _Done as done:
        return done.status, False
    as_json = bool(getattr(args, "json", False))
    command = " ".join(
        filter(None, ("inkassorules", args.command, getattr(args, "case_command", None)))
    )
    try:
        args.run(args)
    except (InkassoError, OSError, ArithmeticError) as error:
        return _failed(error, command, as_json=as_json), as_json
    except RecursionError:
        deep = InvalidInput("the input is nested too deeply to be read")
        return _failed(deep, command, as_json=as_json), as_json
    except Exception as error:  # noqa: BLE001 -- a bug: one line and EX_SOFTWARE, no traceback
        _say(f"{command}: internal error ({type(error).__name__}: {error}); please report it")
        return EXIT_INTERNAL, as_json
    return 0, as_json


def _failed(error: BaseException, command: str, *, as_json: bool) -> int:
    """Report *error*: one line on stderr, or (``--json``) one JSON object on stdout."""
    hint = (
        "; on the command line, supply it with --law FILE or INKASSORULES_LAW"
        if isinstance(error, NotInForce)
        else ""
    )
    message = f"{_one_line(error)}{hint}"
    if as_json:
        sys.stdout.seek(0)
        sys.stdout.truncate()
        record = {"type": _error_type(error), "message": message, "rule": _error_rule(error)}
        print(json.dumps({"error": record}, ensure_ascii=False))
    elif isinstance(error, _UsageError):
        _say(message)
    else:
        _say(f"{command}: error: {message}")
    return EXIT_USAGE


def _silence(stream: object) -> None:
    """Point the process's stdout at /dev/null, so that the exit does not fail on it again."""
    if stream is not sys.__stdout__ or stream is None:
        return
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)


def _emit(text: str) -> int:
    """Write *text* to stdout: 0, or the exit code of an output that cannot be written."""
    if not text:
        return 0
    stream = sys.stdout
    if stream is None:
        _say("inkassorules: error: standard output is closed; nothing was written")
        return EXIT_OUTPUT
    with contextlib.suppress(LookupError, AttributeError, TypeError):
        encoding = stream.encoding or "utf-8"
        text = text.encode(encoding, "backslashreplace").decode(encoding)
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        _silence(stream)
        return EXIT_BROKEN_PIPE
    except (OSError, ValueError) as error:
        _silence(stream)
        reason = getattr(error, "strerror", None) or str(error)
        _say(f"inkassorules: error: cannot write to standard output: {reason}")
        return EXIT_OUTPUT
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    0: done; 2 (:data:`EXIT_USAGE`): bad input, one line on stderr (with ``--json``: one JSON
    object ``{"error": {"type", "message", "rule"}}`` on stdout), nothing else; 141
    (:data:`EXIT_BROKEN_PIPE`): the reader of the output went away; 1 (:data:`EXIT_OUTPUT`):
    the output could not be written. Everything is computed before anything is written.

    Args:
        argv: the arguments (default: ``sys.argv[1:]``).
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    options = arguments[: arguments.index("--")] if "--" in arguments else arguments
    output = io.StringIO()
    try:
        with contextlib.redirect_stdout(output):
            code, as_json = _run(arguments, as_json="--json" in options)
    except KeyboardInterrupt:
        _say("inkassorules: interrupted")
        return 130
    text = output.getvalue()
    written = _emit(text if as_json else _fit(text))
    return written or code


def main_exit() -> None:
    """Entry point of the ``inkassorules`` console script."""
    sys.exit(main())
