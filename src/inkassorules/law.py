"""Lov som data (law as data): dated, cited legal parameters read "at a date".

Every statutory number (an amount, a fraction, a rate, a day count, an hour) lives in one TOML
file under ``inkassorules/data/{no,se}/``: a list of entries, each with ``valid_from``,
``value``, ``citation`` and ``url``. A :class:`Parameter` answers "what was the value on this
date?" and refuses, with :class:`~inkassorules.errors.NotInForce`, on any date the sources do
not cover: before the first entry, in a gap the research marked NOT FOUND, after a repeal, and
(half-yearly rate tables) after the last published half-year, with
:class:`~inkassorules.errors.RateNotPublished`. It never reuses a neighbouring value.

A :class:`LawBook` is an immutable set of parameters. :func:`builtin` loads the package's data
once; :meth:`LawBook.extend` and :meth:`LawBook.with_file` return a new book with values a caller
supplies (e.g. a newly published rate), without editing the package. Rules take ``law=`` to use
such a book. What a caller supplies is checked strictly: it starts where a table ends or fills a
period the table marks unknown, never rewrites a known value, leaves no half-year out, and lies
in the table's valid range (``minimum``, ``maximum``).

Every built-in table records the day it was last reviewed (``reviewed_on``). A look-up in an
"until changed" table for a later day still answers, with a provisional citation: "law as known
on <reviewed_on>; check for changes after that day" (see :func:`any_provisional`).

>>> from datetime import date
>>> entry = builtin().amount("no.inkassosats", date(2026, 1, 1))
>>> entry.value
Money(amount=Decimal('750'), currency='NOK')
>>> entry.citation.rule
'inkassoforskriften § 1-1 tredje ledd, endret ved FOR-2025-12-19-2709'
>>> builtin().amount("no.inkassosats", date(2025, 12, 31)).value
Money(amount=Decimal('700'), currency='NOK')
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import os
import re
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import (
    TYPE_CHECKING,
    Any,
    Final,
    Generic,
    Literal,
    NamedTuple,
    TypeVar,
    cast,
    get_args,
)

import attrs

from inkassorules._checks import check_date, check_fields, check_items, check_mapping
from inkassorules.errors import (
    DataFileError,
    InkassoError,
    InvalidInput,
    NotInForce,
    RateNotPublished,
)
from inkassorules.money import CURRENCIES, Money

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "UNITS",
    "Citation",
    "Entry",
    "LawBook",
    "Parameter",
    "Unit",
    "UnknownParameter",
    "any_provisional",
    "book_of",
    "builtin",
    "cache_key",
    "explain",
    "half_year_of",
    "provisional_reasons",
]

Unit = Literal["NOK", "SEK", "percent", "fraction", "days", "integer", "decimal", "record"]
"""What a parameter's values are.

``NOK``/``SEK``: an amount; ``percent``: a rate in percent per year (``12.25``); ``fraction``: a
string ``"1/20"``; ``days``/``integer``: a whole number; ``decimal``: a plain number (a
multiplier); ``record``: a table or an array of tables that the rule reading it checks.
"""

UNITS: Final[tuple[Unit, ...]] = get_args(Unit)
Confidence = Literal["high", "medium"]
Schedule = Literal["until-changed", "half-yearly"]

_UNKNOWN: Final = "unknown"
_REPEALED: Final = "repealed"
_TOP_KEYS: Final = frozenset(
    {
        "name",
        "title",
        "description",
        "unit",
        "schedule",
        "horizon",
        "minimum",
        "maximum",
        "reviewed_on",
        "values",
    }
)
# The units whose values are numbers, and so have a valid range (minimum, maximum).
_RANGED: Final = frozenset({"NOK", "SEK", "percent", "fraction", "days", "integer", "decimal"})
_ENTRY_KEYS: Final = frozenset({"valid_from", "value", "citation", "url", "confidence", "note"})
# A pattern, compiled (and cached by re) when a data file is read, not at import.
_FRACTION: Final = r"^\s*(\d+)\s*/\s*(\d+)\s*$"


class UnknownParameter(InkassoError, LookupError):
    """A law book has no parameter of that name.

    Attributes:
        name: the name asked for.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"no legal parameter named {name!r}")


@attrs.frozen(cache_hash=True)  # immutable; hashed often to keep each citation once
class Citation:
    """Hjemmel (legal basis): the source of one dated value or rule.

    Attributes:
        rule: the statute and section, e.g. ``"inkassoforskriften § 1-2 første ledd"``.
        url: where the source can be read.
        confidence: ``"high"`` (statute seen or two sources agree) or ``"medium"`` (one credible
            source); low-confidence values are never in the data.
        parameter: the data table the value came from, if any.
        valid_from: the first day of the value, if it came from a table.
        note: anything a reader must know (e.g. "reported, not seen in the statute").
        provisional: why the value may be out of date, if it may: set on the citation of a
            value of an "until changed" table looked up for a day after the table was last
            reviewed ("law as known on 2026-11-23; check for changes after that day").
    """

    rule: str
    url: str
    confidence: Confidence = "high"
    parameter: str | None = None
    valid_from: dt.date | None = None
    note: str | None = None
    provisional: str | None = None

    @property
    def is_provisional(self) -> bool:
        """True if the value is of medium confidence or may be out of date (:attr:`provisional`).

        >>> Citation("INKF § 1-2", "https://lovdata.no/", confidence="medium").is_provisional
        True
        >>> Citation("INKF § 1-2", "https://lovdata.no/").is_provisional
        False
        """
        return self.confidence == "medium" or self.provisional is not None

    def __str__(self) -> str:
        where = ""
        if self.parameter is not None:
            since = f" from {self.valid_from.isoformat()}" if self.valid_from else ""
            where = f" [{self.parameter}{since}]"
        flag = " (medium confidence)" if self.confidence == "medium" else ""
        if self.provisional is not None:
            flag = f"{flag} (provisional: {self.provisional})"
        return f"{self.rule}{where}{flag} <{self.url}>"


def any_provisional(basis: Iterable[Citation]) -> bool:
    """Provisional (a result's ``provisional``): True if any citation of *basis* is.

    A citation is provisional if its value is of medium confidence, or if it is a value of an
    "until changed" table looked up for a day after the table was last reviewed (see
    :attr:`Citation.provisional`). Every result type's ``provisional`` property is this test.

    >>> known = Citation("INKF § 1-1", "https://lovdata.no/")
    >>> any_provisional([known]), any_provisional([known, attrs.evolve(known, provisional="x")])
    (False, True)
    """
    try:
        return any(c.confidence == "medium" or c.provisional is not None for c in basis)
    except (TypeError, AttributeError):
        raise InvalidInput(f"basis must be a sequence of Citation, got {basis!r}") from None


def provisional_reasons(basis: Iterable[Citation]) -> tuple[str, ...]:
    """The provisional reasons of *basis*, each once, in order: what a reader must check.

    >>> c = Citation("INKF § 1-1", "https://lovdata.no/", parameter="no.inkassosats",
    ...              provisional="law as known on 2026-11-23; check for changes after that day")
    >>> provisional_reasons([c, c])
    ('no.inkassosats: law as known on 2026-11-23; check for changes after that day',)
    """
    cited = check_items(basis, "basis", Citation)
    reasons = (
        f"{c.parameter or c.rule}: {c.provisional}" for c in cited if c.provisional is not None
    )
    return tuple(dict.fromkeys(reasons))


def explain(basis: Iterable[Citation], *, notes: bool = False) -> str:
    """One line per citation, without repeats: the *why* of a result.

    With ``notes=True`` each citation's note (practice, NOT FOUND, confidence) follows it.

    >>> c = Citation("INKF § 1-2", "https://lovdata.no/forskrift/1989-07-14-562", note="seen")
    >>> print(explain([c, c]))
    - INKF § 1-2 <https://lovdata.no/forskrift/1989-07-14-562>
    >>> print(explain([c], notes=True))
    - INKF § 1-2 <https://lovdata.no/forskrift/1989-07-14-562>
      note: seen

    A citation of a value that may be out of date says so, notes or not (see
    :attr:`Citation.provisional`):

    >>> late = attrs.evolve(c, provisional="law as known on 2026-11-23")
    >>> print(explain([late]))
    - INKF § 1-2 (provisional: law as known on 2026-11-23) <https://lovdata.no/forskrift/...>
    """
    lines = []
    for citation in dict.fromkeys(check_items(basis, "basis", Citation)):
        lines.append(f"- {citation}")
        if notes and citation.note:
            lines.append(f"  note: {citation.note}")
    return "\n".join(lines)


T = TypeVar("T")


@attrs.frozen
class Entry(Generic[T]):
    """One dated value of a parameter, with its source.

    Attributes:
        parameter: the parameter's name.
        valid_from: the first day the value applies.
        valid_until: the last day the data vouches for it: the day before the next entry, a
            half-yearly table's horizon, or (an "until changed" value, looked up on or before
            the table's ``reviewed_on``) the review day; None: open-ended, after the review
            (the citation is then provisional).
        value: the value.
        citation: where it comes from.
    """

    parameter: str
    valid_from: dt.date
    valid_until: dt.date | None
    value: T
    citation: Citation


def half_year_of(day: dt.date) -> str:
    """The calendar half-year of *day*: ``'2026 H2'``.

    >>> half_year_of(dt.date(2026, 7, 1))
    '2026 H2'
    """
    check_date(day, "day")
    return f"{day.year} H{1 if day.month <= 6 else 2}"  # noqa: PLR2004 -- June ends H1


def _end_of_half_year(day: dt.date) -> dt.date:
    return dt.date(day.year, 6, 30) if day.month <= 6 else dt.date(day.year, 12, 31)  # noqa: PLR2004


class _RawEntry(NamedTuple):  # private: a NamedTuple is ~0.3 ms cheaper to import than attrs
    valid_from: dt.date
    value: object  # checked value, or the markers _UNKNOWN / _REPEALED
    citation: Citation


@attrs.frozen
class Parameter:
    """A dated legal parameter: the values one table holds over time.

    Use :meth:`at`, or the typed look-ups on :class:`LawBook`.

    Attributes:
        name: dotted name, e.g. ``"se.interest.reference_rate"``.
        title: the statutory term.
        unit: what the values are (see :data:`Unit`).
        schedule: ``"until-changed"`` (a value holds until the next entry) or ``"half-yearly"``
            (a rate table published for each half-year, which ends at ``horizon``).
        horizon: the last day a half-yearly table covers.
        description: free text.
        minimum: the least value the table may hold (numeric units; None for records).
        maximum: the greatest value the table may hold (numeric units; None for records).
        reviewed_on: the day the table was last checked against the sources. A look-up in an
            "until changed" table for a later day still answers, but its citation is
            provisional: "law as known on <reviewed_on>; check for changes after that day".
            An entry looked up on or before that day is known to apply until it at most: its
            ``valid_until`` is ``reviewed_on`` where the table does not end it earlier.
    """

    name: str
    title: str
    unit: Unit
    schedule: Schedule
    horizon: dt.date | None
    description: str
    entries: tuple[_RawEntry, ...] = attrs.field(repr=False)
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    reviewed_on: dt.date | None = None
    _starts: tuple[dt.date, ...] = attrs.field(init=False, repr=False, eq=False)
    _in_force: tuple[Entry[object] | None, ...] = attrs.field(init=False, repr=False, eq=False)
    # The day after which a look-up is provisional (date.max: never), and the provisional Entry
    # of every index (None where no look-up after that day can land on it).
    _review_limit: dt.date = attrs.field(init=False, repr=False, eq=False)
    _late: tuple[Entry[object] | None, ...] = attrs.field(init=False, repr=False, eq=False)

    @property
    def provisional_reason(self) -> str | None:
        """Why a look-up after :attr:`reviewed_on` is provisional (None: it never is).

        >>> builtin().parameter("no.inkassosats").provisional_reason
        'law as known on 2026-11-23; check for changes after that day'
        """
        if self.schedule != "until-changed" or self.reviewed_on is None:
            return None
        return f"law as known on {self.reviewed_on.isoformat()}; check for changes after that day"

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        starts = tuple(e.valid_from for e in self.entries)
        object.__setattr__(self, "_starts", starts)
        # The Entry of every index, built once (a Parameter is immutable; see
        # docs/performance.md); None where the table holds "unknown" or "repealed".
        built: list[Entry[object] | None] = []
        for index, raw in enumerate(self.entries):
            if raw.value in (_UNKNOWN, _REPEALED):
                built.append(None)
                continue
            until = (
                starts[index + 1] - dt.timedelta(days=1)
                if index + 1 < len(starts)
                else self.horizon
            )
            built.append(Entry(self.name, raw.valid_from, until, raw.value, raw.citation))
        object.__setattr__(self, "_in_force", tuple(built))
        reason = self.provisional_reason
        limit = self.reviewed_on if reason is not None and self.reviewed_on else dt.date.max
        late = tuple(
            None
            if reason is None  # never provisional: no late copies, open entries stay open
            or entry is None
            or (entry.valid_until is not None and entry.valid_until <= limit)
            else attrs.evolve(entry, citation=attrs.evolve(entry.citation, provisional=reason))
            for entry in built
        )
        # Up to the review, an entry is known to apply until the review day: its valid_until
        # says so, so that a caller who reuses it for its span (interest periods, contact
        # windows) asks again for a later day, and gets the provisional entry.
        known = tuple(
            attrs.evolve(entry, valid_until=limit)
            if entry is not None and provisional is not None and entry.valid_from <= limit
            else entry
            for entry, provisional in zip(built, late, strict=True)
        )
        object.__setattr__(self, "_in_force", known)
        object.__setattr__(self, "_review_limit", limit)
        object.__setattr__(self, "_late", late)

    @property
    def first_valid_from(self) -> dt.date:
        """The first day the table has an entry for."""
        return self._starts[0]

    @property
    def change_dates(self) -> tuple[dt.date, ...]:
        """Every ``valid_from`` in the table, in order."""
        return self._starts

    def at(self, on: dt.date) -> Entry[object]:
        """The entry in force on *on*.

        In an "until changed" table, a day after :attr:`reviewed_on` gets the entry whose
        citation is provisional (see :attr:`Citation.provisional`).

        Raises:
            NotInForce: before the first entry, in a gap, or after a repeal.
            RateNotPublished: after the horizon of a half-yearly table.
        """
        if type(on) is not dt.date:  # the message is only built when it may be needed
            check_date(on, f"the date asked of {self.name}")
        index = bisect.bisect_right(self._starts, on) - 1
        if index < 0:
            raise NotInForce(
                self.name,
                on,
                f"the table starts {self._starts[0].isoformat()} "
                f"({self.entries[0].citation.rule})",
            )
        if self.horizon is not None and on > self.horizon:
            raise RateNotPublished(self.name, on, half_year=half_year_of(on), horizon=self.horizon)
        entry = self._in_force[index]
        if entry is not None:
            if on > self._review_limit:
                return cast("Entry[object]", self._late[index])
            return entry
        raw = self.entries[index]
        if raw.value == _UNKNOWN:
            note = raw.citation.note or "not established by the sources"
            raise NotInForce(
                self.name,
                on,
                f"no value is known from {raw.valid_from.isoformat()} ({note}); supply it "
                "with LawBook.extend(..., replace_unknown=True)",
            )
        raise NotInForce(
            self.name, on, f"repealed from {raw.valid_from.isoformat()} ({raw.citation.rule})"
        )


# -- loading ----------------------------------------------------------------------------------


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


class _Range(NamedTuple):  # private: the valid range of a table's values
    minimum: Decimal | None
    maximum: Decimal | None

    def check(self, value: object, path: str, key: str) -> None:
        """Refuse a checked value outside the range (markers and records are not ranged)."""
        number: Fraction | Decimal | int
        if isinstance(value, Money):
            number = value.amount
        elif isinstance(value, Fraction | Decimal | int) and not isinstance(value, bool):
            number = value
        else:
            return
        low, high = self.minimum, self.maximum
        exact = Fraction(number) if isinstance(number, Fraction) else number
        if (low is not None and exact < _exact(low, number)) or (
            high is not None and exact > _exact(high, number)
        ):
            raise DataFileError(
                path,
                key,
                f"{value} is outside the table's valid range {low} to {high} "
                "(minimum and maximum of the table)",
            )


_NO_RANGE: Final = _Range(None, None)


def _exact(bound: Decimal, like: object) -> Fraction | Decimal:
    return Fraction(bound) if isinstance(like, Fraction) else bound


def _check_value(unit: Unit, value: Any, path: str, key: str) -> object:
    if isinstance(value, Decimal) and not value.is_finite():  # before any comparison (sNaN)
        raise DataFileError(path, key, f"must be a finite number, got {value}")
    if value in (_UNKNOWN, _REPEALED):
        return value
    if unit in CURRENCIES or unit in ("percent", "decimal"):
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise DataFileError(path, key, f"unit {unit!r} needs a number, got {value!r}")
        return Money.of(value, unit) if unit in CURRENCIES else Decimal(value)
    if unit in ("days", "integer"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise DataFileError(path, key, f"unit {unit!r} needs a whole number, got {value!r}")
        return value
    if unit == "fraction":
        match = re.match(_FRACTION, value) if isinstance(value, str) else None
        if match is None or int(match[2]) == 0:
            raise DataFileError(
                path, key, f"unit 'fraction' needs a string like '1/20', got {value!r}"
            )
        return Fraction(int(match[1]), int(match[2]))
    if not isinstance(value, dict | list):  # unit == "record"
        raise DataFileError(path, key, f"unit 'record' needs a table or an array, got {value!r}")
    return _freeze(value)


def _check_texts(raw: dict[str, Any], path: str, key: str) -> None:
    for text_key in ("citation", "url"):
        if not isinstance(raw[text_key], str) or not raw[text_key].strip():
            raise DataFileError(path, f"{key}.{text_key}", "must be a non-empty string")
    if not raw["url"].startswith(("https://", "http://")):
        raise DataFileError(path, f"{key}.url", f"must be a web address, got {raw['url']!r}")


def _check_entry(
    raw: Any, *, name: str, unit: Unit, path: str, key: str, valid: _Range = _NO_RANGE
) -> _RawEntry:
    if not isinstance(raw, dict):
        raise DataFileError(path, key, "each entry must be a table ([[values]])")
    extra = set(raw) - _ENTRY_KEYS
    if extra:
        raise DataFileError(
            path, key, f"unknown keys {sorted(extra)}; allowed: {sorted(_ENTRY_KEYS)}"
        )
    for required in ("valid_from", "value", "citation", "url"):
        if required not in raw:
            raise DataFileError(path, f"{key}.{required}", "missing")
    valid_from = raw["valid_from"]
    if not isinstance(valid_from, dt.date) or isinstance(valid_from, dt.datetime):
        raise DataFileError(
            path, f"{key}.valid_from", f"must be a date (YYYY-MM-DD), got {valid_from!r}"
        )
    _check_texts(raw, path, key)
    confidence = raw.get("confidence", "high")
    if confidence not in get_args(Confidence):
        raise DataFileError(
            path,
            f"{key}.confidence",
            f"must be 'high' or 'medium' (low values stay out), got {confidence!r}",
        )
    note = raw.get("note")
    if note is not None and not isinstance(note, str):
        raise DataFileError(path, f"{key}.note", "must be a string")
    value = _check_value(unit, raw["value"], path, f"{key}.value")
    valid.check(value, path, f"{key}.value")
    return _RawEntry(
        valid_from,
        value,
        Citation(
            raw["citation"], raw["url"], cast("Confidence", confidence), name, valid_from, note
        ),
    )


def _check_order(entries: list[_RawEntry], path: str, key: str = "values") -> None:
    for i, (before, after) in enumerate(itertools.pairwise(entries), start=1):
        if after.valid_from == before.valid_from:
            raise DataFileError(
                path, f"{key}[{i}].valid_from", f"duplicate date {after.valid_from}"
            )
        if after.valid_from < before.valid_from:
            raise DataFileError(
                path,
                f"{key}[{i}].valid_from",
                f"dates must be in increasing order: {after.valid_from} comes after "
                f"{before.valid_from}",
            )


def _check_horizon(
    schedule: Schedule, horizon: Any, entries: list[_RawEntry], path: str
) -> dt.date | None:
    if schedule == "until-changed":
        if horizon is not None:
            raise DataFileError(path, "horizon", "only a 'half-yearly' table has a horizon")
        return None
    if not isinstance(horizon, dt.date) or isinstance(horizon, dt.datetime):
        raise DataFileError(
            path, "horizon", "a 'half-yearly' table needs horizon = the last day it covers"
        )
    if horizon != _end_of_half_year(horizon):
        raise DataFileError(path, "horizon", f"must be 30 June or 31 December, got {horizon}")
    if entries and horizon < entries[-1].valid_from:
        raise DataFileError(path, "horizon", f"{horizon} is before the last entry")
    return horizon


def _next_half_year(day: dt.date) -> dt.date:
    """The first day of the half-year after the one *day* is in."""
    return _end_of_half_year(day) + dt.timedelta(days=1)


def _is_half_year_start(day: dt.date) -> bool:
    return day.day == 1 and day.month in (1, 7)


def _check_half_years(entries: list[_RawEntry], horizon: dt.date, path: str) -> None:
    """A user's half-yearly table: one entry for every half-year, up to its horizon.

    Each entry starts on 1 January or 1 July, each next entry starts the half-year after, and
    the horizon is the end of the last entry's half-year (not later: a rate would be reused).
    """
    for i, raw in enumerate(entries):
        if not _is_half_year_start(raw.valid_from):
            raise DataFileError(
                path,
                f"values[{i}].valid_from",
                f"a half-yearly value starts on 1 January or 1 July, got {raw.valid_from}",
            )
    for i, (before, after) in enumerate(itertools.pairwise(entries), start=1):
        expected = _next_half_year(before.valid_from)
        if after.valid_from != expected:
            raise DataFileError(
                path,
                f"values[{i}].valid_from",
                f"a half-yearly table has an entry for every half-year: {half_year_of(expected)} "
                f"(from {expected}) is missing between {before.valid_from} and "
                f"{after.valid_from}",
            )
    last_half_year_end = _end_of_half_year(entries[-1].valid_from)
    if horizon > last_half_year_end:
        raise DataFileError(
            path,
            "horizon",
            f"{horizon} is past the last entry's half-year "
            f"({half_year_of(entries[-1].valid_from)}, which ends {last_half_year_end}): every "
            "half-year up to the horizon needs an entry",
        )


def _number(document: Mapping[str, Any], key: str, path: str) -> Decimal | None:
    value = document.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise DataFileError(path, key, f"must be a number, got {value!r}")
    if not Decimal(value).is_finite():
        raise DataFileError(path, key, f"must be a finite number, got {value}")
    return Decimal(value)


def _check_range(document: Mapping[str, Any], unit: Unit, path: str, *, required: bool) -> _Range:
    minimum, maximum = _number(document, "minimum", path), _number(document, "maximum", path)
    if unit not in _RANGED:
        for key, bound in (("minimum", minimum), ("maximum", maximum)):
            if bound is not None:
                raise DataFileError(
                    path, key, f"unit {unit!r} has no range (the rule reading it checks it)"
                )
        return _NO_RANGE
    if required:
        for key, bound in (("minimum", minimum), ("maximum", maximum)):
            if bound is None:
                raise DataFileError(
                    path, key, f"a built-in table of unit {unit!r} declares its valid range"
                )
    if minimum is not None and maximum is not None and minimum > maximum:
        raise DataFileError(path, "maximum", f"{maximum} is below the minimum {minimum}")
    return _Range(minimum, maximum)


def _check_reviewed_on(
    document: Mapping[str, Any], path: str, *, required: bool
) -> dt.date | None:
    reviewed_on = document.get("reviewed_on")
    if reviewed_on is None:
        if required:
            raise DataFileError(
                path, "reviewed_on", "a built-in table records the day it was last reviewed"
            )
        return None
    if not isinstance(reviewed_on, dt.date) or isinstance(reviewed_on, dt.datetime):
        raise DataFileError(
            path, "reviewed_on", f"must be a date (YYYY-MM-DD), got {reviewed_on!r}"
        )
    return reviewed_on


def parse_parameter(
    document: Mapping[str, Any],
    *,
    path: str,
    expected_name: str | None = None,
    shipped: bool = False,
) -> Parameter:
    """Check one parsed TOML document and build its :class:`Parameter`.

    A user's file (``shipped=False``, the default) must keep the half-yearly rules: an entry
    for every half-year, each on 1 January or 1 July, no horizon past the last entry's
    half-year. A file shipped with the package (``shipped=True``) must declare the range of
    a numeric unit and its ``reviewed_on``; its half-yearly history was reviewed (one entry may
    cover several half-years where the law set one rate, as in Norway before 2004).

    Raises:
        DataFileError: naming the file and the key, for anything malformed.
    """
    extra = set(document) - _TOP_KEYS
    if extra:
        raise DataFileError(
            path, ", ".join(sorted(extra)), f"unknown top-level keys; allowed: {sorted(_TOP_KEYS)}"
        )
    name = document.get("name")
    if not isinstance(name, str) or not name:
        raise DataFileError(path, "name", "missing")
    if expected_name is not None and name != expected_name:
        raise DataFileError(
            path, "name", f"must match the file's place, {expected_name!r}, got {name!r}"
        )
    unit = document.get("unit")
    if unit not in UNITS:
        raise DataFileError(path, "unit", f"must be one of {list(UNITS)}, got {unit!r}")
    country = name.split(".", 1)[0]
    if unit in CURRENCIES and {"no": "NOK", "se": "SEK"}.get(country) != unit:
        raise DataFileError(
            path, "unit", f"{name} is a {country.upper()} amount and cannot be in {unit}"
        )
    schedule = document.get("schedule", "until-changed")
    if schedule not in get_args(Schedule):
        raise DataFileError(
            path, "schedule", f"must be one of {list(get_args(Schedule))}, got {schedule!r}"
        )
    title = document.get("title")
    if not isinstance(title, str) or not title:
        raise DataFileError(path, "title", "missing")
    values = document.get("values")
    if not isinstance(values, list) or not values:
        raise DataFileError(path, "values", "needs at least one [[values]] entry")
    valid = _check_range(document, cast("Unit", unit), path, required=shipped)
    reviewed_on = _check_reviewed_on(document, path, required=shipped)
    entries = [
        _check_entry(
            raw, name=name, unit=cast("Unit", unit), path=path, key=f"values[{i}]", valid=valid
        )
        for i, raw in enumerate(values)
    ]
    _check_order(entries, path)
    horizon = _check_horizon(cast("Schedule", schedule), document.get("horizon"), entries, path)
    if horizon is not None and not shipped:
        _check_half_years(entries, horizon, path)
    return Parameter(
        name=name,
        title=title,
        unit=cast("Unit", unit),
        schedule=cast("Schedule", schedule),
        horizon=horizon,
        description=str(document.get("description", "")),
        entries=tuple(entries),
        minimum=valid.minimum,
        maximum=valid.maximum,
        reviewed_on=reviewed_on,
    )


def load_file(
    path: Path | str, *, expected_name: str | None = None, shipped: bool = False
) -> Parameter:
    """Read and check one legal data file (see :func:`parse_parameter` for *shipped*).

    Raises:
        DataFileError: if the file does not parse or breaks a rule of the format.
    """
    import tomllib  # noqa: PLC0415 -- only needed once the data is read (docs/performance.md)

    if not isinstance(path, str | os.PathLike):
        raise InvalidInput(f"a legal data file's path is a str or a Path, got {path!r}")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(path, "(file)", f"cannot be read: {error}") from None
    try:
        document = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:  # duplicate keys land here too
        raise DataFileError(path, "(file)", f"not valid TOML: {error}") from None
    return parse_parameter(document, path=str(path), expected_name=expected_name, shipped=shipped)


def _read_only(parameters: Mapping[str, Parameter]) -> Mapping[str, Parameter]:
    return MappingProxyType(check_mapping(parameters, "LawBook's parameters", str, Parameter))


@attrs.frozen(eq=False)
class LawBook:
    """An immutable set of legal parameters: the built-in data, maybe extended by the caller.

    A book is compared and hashed by identity: it never changes, so it can key a cache, and two
    books are the same book only if they are one object (:meth:`extend` makes a new one).

    >>> from datetime import date
    >>> book = builtin().extend(
    ...     "se.interest.reference_rate",
    ...     [{"valid_from": date(2026, 7, 1), "value": Decimal("2.00"),
    ...       "citation": "9 § räntelagen (1975:635); Riksbanken", "url": "https://www.riksbank.se/"}],
    ... )
    >>> book.rate("se.interest.reference_rate", date(2026, 8, 1)).value
    Decimal('2.00')
    """

    _parameters: Mapping[str, Parameter] = attrs.field(converter=_read_only)

    @property
    def names(self) -> tuple[str, ...]:
        """Every parameter's name, sorted."""
        return tuple(sorted(self._parameters))

    def parameter(self, name: str) -> Parameter:
        """The parameter called *name*.

        Raises:
            UnknownParameter: if there is none.
        """
        try:
            return self._parameters[name]
        except (KeyError, TypeError):  # TypeError: an unhashable name
            if not isinstance(name, str):
                raise InvalidInput(f"a parameter's name is a str, got {name!r}") from None
            raise UnknownParameter(name) from None

    def at(self, name: str, on: dt.date) -> Entry[object]:
        """The entry of *name* in force on *on* (see :meth:`Parameter.at`)."""
        return self.parameter(name).at(on)

    def _typed(self, name: str, on: dt.date, units: tuple[str, ...]) -> Entry[Any]:
        parameter = self.parameter(name)
        if parameter.unit not in units:
            raise DataFileError(
                name, "unit", f"expected one of {list(units)}, the table holds {parameter.unit!r}"
            )
        return parameter.at(on)

    def amount(self, name: str, on: dt.date) -> Entry[Money]:
        """An amount (unit NOK or SEK) in force on *on*."""
        return cast("Entry[Money]", self._typed(name, on, CURRENCIES))

    def rate(self, name: str, on: dt.date) -> Entry[Decimal]:
        """A rate in percent per year, in force on *on*."""
        return cast("Entry[Decimal]", self._typed(name, on, ("percent",)))

    def number(self, name: str, on: dt.date) -> Entry[Decimal]:
        """A plain number (unit ``decimal``: a multiplier), in force on *on*."""
        return cast("Entry[Decimal]", self._typed(name, on, ("decimal",)))

    def fraction(self, name: str, on: dt.date) -> Entry[Fraction]:
        """A fraction (``"1/20"``), in force on *on*."""
        return cast("Entry[Fraction]", self._typed(name, on, ("fraction",)))

    def days(self, name: str, on: dt.date) -> Entry[int]:
        """A whole number of days (or another count), in force on *on*."""
        return cast("Entry[int]", self._typed(name, on, ("days", "integer")))

    def record(self, name: str, on: dt.date) -> Entry[Any]:
        """A structured value (unit ``record``), in force on *on*; the caller checks its shape."""
        return self._typed(name, on, ("record",))

    def extend(
        self,
        name: str,
        entries: Iterable[Mapping[str, Any]],
        *,
        horizon: dt.date | None = None,
        replace_unknown: bool = False,
        reviewed_on: dt.date | None = None,
    ) -> LawBook:
        """A new book in which *name* has more entries (e.g. next half-year's rate).

        Each entry is a mapping with ``valid_from``, ``value``, ``citation``, ``url`` and
        optionally ``confidence`` and ``note``, checked like a data file entry and against the
        table's valid range. An extension never changes a known value:

        - new entries start where the table ends: after its last entry ("until changed"), or,
          for a half-yearly table, on the day after its horizon, one entry for every
          half-year, each on 1 January or 1 July;
        - with ``replace_unknown=True`` an entry may also fill a period the table marks
          ``"unknown"`` (a half-yearly value then covers exactly one half-year).

        A half-yearly table's horizon moves to the end of the last new entry's half-year;
        *horizon*, if given, must be that day. *reviewed_on* is the day the caller checked the
        table against the sources: the table's ``reviewed_on`` becomes the later of the two.

        Raises:
            DataFileError: for a malformed entry, a value outside the table's range, or an
                entry that would rewrite a known value or leave a half-year out.
        """
        added = [dict(raw) for raw in check_items(entries, f"the new entries of {name}", Mapping)]
        return self._extended(
            name,
            added,
            horizon=horizon,
            replace_unknown=replace_unknown,
            reviewed_on=reviewed_on,
            path=f"<extension of {name}>",
            key="entries",
        )

    def _extended(
        self,
        name: str,
        raws: list[dict[str, Any]],
        *,
        horizon: dt.date | None,
        replace_unknown: bool,
        reviewed_on: dt.date | None,
        path: str,
        key: str,
    ) -> LawBook:
        old = self.parameter(name)
        valid = _Range(old.minimum, old.maximum)
        added = [
            _check_entry(raw, name=name, unit=old.unit, path=path, key=f"{key}[{i}]", valid=valid)
            for i, raw in enumerate(raws)
        ]
        if not added:
            raise DataFileError(path, key, "no entries given")
        _check_order(added, path, key)
        if reviewed_on is not None:
            check_date(reviewed_on, "reviewed_on")
        merged, new_horizon = _merge(
            old, added, horizon=horizon, replace_unknown=replace_unknown, path=path, key=key
        )
        reviewed = old.reviewed_on
        if reviewed_on is not None and (reviewed is None or reviewed_on > reviewed):
            reviewed = reviewed_on
        params = dict(self._parameters)
        params[name] = attrs.evolve(
            old, entries=tuple(merged), horizon=new_horizon, reviewed_on=reviewed
        )
        return LawBook(params)

    def with_file(self, path: Path | str) -> LawBook:
        """A new book with the entries of a user's data file added (see :meth:`extend`).

        The file has the format of the built-in files (the valid range may be left out: the
        table's own applies); its ``name`` says which table it extends, and its ``unit`` and
        ``schedule`` must be the table's. Periods the table marks ``"unknown"`` may be filled;
        its ``reviewed_on``, if any, is passed on to :meth:`extend`.

        Raises:
            DataFileError: naming the file, the key and the rule, for anything it refuses.
            UnknownParameter: if the book has no table of the file's ``name``.
        """
        extra = load_file(path)
        old = self.parameter(extra.name)
        for key, mine, theirs in (
            ("unit", extra.unit, old.unit),
            ("schedule", extra.schedule, old.schedule),
        ):
            if mine != theirs:
                raise DataFileError(
                    path, key, f"{extra.name} has {key} {theirs!r}; the file says {mine!r}"
                )
        return self._extended(
            extra.name,
            [
                {
                    "valid_from": e.valid_from,
                    "value": _unparse(e.value),
                    "citation": e.citation.rule,
                    "url": e.citation.url,
                    "confidence": e.citation.confidence,
                    **({"note": e.citation.note} if e.citation.note else {}),
                }
                for e in extra.entries
            ],
            horizon=None,  # the loader checked it: the end of the file's last half-year
            replace_unknown=True,
            reviewed_on=extra.reviewed_on,
            path=str(path),
            key="values",
        )

    def changes(self, other: LawBook) -> tuple[str, ...]:
        """What *other* (this book, extended) adds: one line per new or filled entry.

        >>> from datetime import date
        >>> book = builtin().extend("se.interest.reference_rate", [{"valid_from": date(2026, 7, 1),
        ...     "value": Decimal("2.00"), "citation": "9 § räntelagen", "url": "https://riksbank.se/"}])
        >>> builtin().changes(book)
        ('se.interest.reference_rate: 2.00 from 2026-07-01 (2026 H2) [9 § räntelagen]',)
        """
        if not isinstance(other, LawBook):
            raise InvalidInput(f"changes() compares with a LawBook, got {other!r}")
        lines = []
        for name in other.names:
            new = other.parameter(name)
            if name not in self._parameters:
                lines.append(f"{name}: a new table")
                continue
            before = {(e.valid_from, repr(e.value)) for e in self.parameter(name).entries}
            for raw in new.entries:
                if (raw.valid_from, repr(raw.value)) in before:
                    continue
                half = new.schedule == "half-yearly"
                period = f" ({half_year_of(raw.valid_from)})" if half else ""
                shown = raw.value.amount if isinstance(raw.value, Money) else raw.value
                lines.append(
                    f"{name}: {shown} from {raw.valid_from.isoformat()}{period} "
                    f"[{raw.citation.rule}]"
                )
        return tuple(lines)


def _where_it_ends(old: Parameter) -> tuple[dt.date, str]:
    """The last day *old* covers, and where an extension of it starts, in words."""
    last = old.entries[-1].valid_from
    if old.schedule == "half-yearly" and old.horizon is not None:
        return old.horizon, f"the day after its horizon, {old.horizon + dt.timedelta(days=1)}"
    return last, f"after its last entry, {last}"


def _check_fill(
    old: Parameter, new: _RawEntry, *, replace_unknown: bool, path: str, at: str
) -> None:
    """Refuse an entry inside *old* unless it fills a period the table marks unknown."""
    day = new.valid_from
    rule = (
        f"an extension of {old.name} starts where the table ends ({_where_it_ends(old)[1]}) or "
        "fills a period the table marks unknown"
    )
    if day < old.first_valid_from:
        raise DataFileError(
            path, at, f"{day} is before the table starts ({old.first_valid_from}): {rule}"
        )
    in_force = old.entries[bisect.bisect_right(old.change_dates, day) - 1]
    if in_force.value != _UNKNOWN:
        shown = "is repealed" if in_force.value == _REPEALED else "already has a value"
        raise DataFileError(
            path,
            at,
            f"{day} is inside the table: {old.name} {shown} from {in_force.valid_from} "
            f"({in_force.citation.rule}); the built-in data is not overwritten: {rule}",
        )
    if not replace_unknown:
        raise DataFileError(
            path,
            at,
            f"{day} is inside the table, in a period it marks unknown (from "
            f"{in_force.valid_from}); pass replace_unknown=True to fill it",
        )
    half_yearly = old.schedule == "half-yearly"
    if half_yearly and not _is_half_year_start(day) and day != in_force.valid_from:
        raise DataFileError(
            path, at, f"a half-yearly value starts on 1 January or 1 July, got {day}"
        )


def _check_appended(
    old: Parameter, appended: list[tuple[int, _RawEntry]], *, path: str, key: str
) -> None:
    """Half-yearly: the new entries start the day after the horizon, one for each half-year."""
    end = _where_it_ends(old)[0]
    expected = end + dt.timedelta(days=1)
    for i, new in appended:
        day = new.valid_from
        if day != expected:
            problem = (
                f"a half-yearly value starts on 1 January or 1 July, got {day}"
                if not _is_half_year_start(day)
                else f"{half_year_of(expected)} (from {expected}) is missing: a half-yearly "
                f"table has an entry for every half-year, and {old.name} ends {end}"
            )
            raise DataFileError(path, f"{key}[{i}].valid_from", problem)
        expected = _next_half_year(day)


def _check_filled_half_years(
    merged: list[_RawEntry], filled: list[tuple[int, _RawEntry]], *, path: str, key: str
) -> None:
    """A filled half-year must not run on into the next unknown one."""
    starts = [e.valid_from for e in merged]
    for i, new in filled:
        following = bisect.bisect_right(starts, new.valid_from)
        expected = _next_half_year(new.valid_from)
        if following < len(starts) and starts[following] != expected:
            raise DataFileError(
                path,
                f"{key}[{i}].valid_from",
                f"a half-yearly value covers one half-year ({half_year_of(new.valid_from)}); "
                f'{half_year_of(expected)} needs its own entry (a value, or "unknown")',
            )


def _merge(
    old: Parameter,
    added: list[_RawEntry],
    *,
    horizon: dt.date | None,
    replace_unknown: bool,
    path: str,
    key: str,
) -> tuple[list[_RawEntry], dt.date | None]:
    """The entries of *old* with *added* merged in, and the new horizon; refuses a rewrite."""
    end = _where_it_ends(old)[0]
    appended = [(i, new) for i, new in enumerate(added) if new.valid_from > end]
    filled = [(i, new) for i, new in enumerate(added) if new.valid_from <= end]
    for i, new in filled:
        _check_fill(
            old, new, replace_unknown=replace_unknown, path=path, at=f"{key}[{i}].valid_from"
        )
    by_date = {e.valid_from: e for e in old.entries}
    by_date.update((new.valid_from, new) for new in added)
    merged = [by_date[d] for d in sorted(by_date)]
    if old.schedule != "half-yearly":
        return merged, _check_horizon(old.schedule, horizon, merged, path)
    _check_appended(old, appended, path=path, key=key)
    _check_filled_half_years(merged, filled, path=path, key=key)
    new_horizon = _end_of_half_year(appended[-1][1].valid_from) if appended else old.horizon
    if horizon is not None and horizon != new_horizon:
        check_date(horizon, "horizon")
        raise DataFileError(
            path,
            "horizon",
            f"{horizon} is not the end of the last entry's half-year ({new_horizon}): a "
            "half-yearly table has an entry for every half-year up to its horizon",
        )
    return merged, _check_horizon(old.schedule, new_horizon, merged, path)


def _unparse(value: object) -> object:
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, MappingProxyType):
        return {k: _unparse(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_unparse(v) for v in value]
    return value


def cache_key(law: LawBook | None) -> LawBook | None:
    """The key under which results computed from *law* may be memoised.

    ``None`` stands for the built-in book (the common case, and the cheapest key); any other
    book is its own key (books hash by identity, and a cache that holds the key holds the book).
    """
    if law is None or law is builtin():
        return None
    return law


def book_of(key: LawBook | None) -> LawBook:
    """The book a :func:`cache_key` stands for."""
    return builtin() if key is None else key


@functools.cache
def builtin() -> LawBook:
    """The legal data shipped with the package, loaded and checked once.

    Raises:
        DataFileError: if a shipped file is malformed (a packaging error).
    """
    root = resources.files("inkassorules") / "data"
    parameters: dict[str, Parameter] = {}
    stack = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        for child in folder.iterdir():
            if child.is_dir():
                stack.append((child, f"{prefix}{child.name}."))
            elif child.name.endswith(".toml"):
                name = f"{prefix}{child.name.removesuffix('.toml')}"
                with resources.as_file(child) as path:
                    parameters[name] = load_file(path, expected_name=name, shipped=True)
    return LawBook(parameters)
