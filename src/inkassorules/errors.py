"""Errors raised by inkassorules.

Every error the library raises on purpose is an :class:`InkassoError`. Each concrete error also
subclasses the matching builtin (``ValueError`` for bad input, ``LookupError`` for a value the law
tables do not have), so ``except ValueError`` keeps working for callers who do not know this
library. Errors carry the facts as attributes and build their message from them: what was
expected, and which rule or table refused.

>>> from datetime import date
>>> from inkassorules import no
>>> no.inkassosats(date(1980, 1, 1))
Traceback (most recent call last):
    ...
inkassorules.errors.NotInForce: no.inkassosats has no value on 1980-01-01: ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

__all__ = [
    "CurrencyMismatch",
    "DataFileError",
    "DuplicateEvent",
    "InkassoError",
    "InvalidInput",
    "MissingExtra",
    "NaiveDatetime",
    "NotInForce",
    "RateNotPublished",
    "RuleRefused",
    "UnknownJurisdiction",
]


class InkassoError(Exception):
    """Base class of every error inkassorules raises on purpose."""


class InvalidInput(InkassoError, ValueError):
    """An argument has the wrong kind or value (a float amount, a negative count, ...)."""


class CurrencyMismatch(InvalidInput):
    """Two amounts in different currencies were combined, or an amount has the wrong currency.

    Attributes:
        expected: the currency that was required.
        got: the currency that was given.
    """

    def __init__(self, expected: str, got: str, *, context: str = "") -> None:
        self.expected = expected
        self.got = got
        where = f" ({context})" if context else ""
        super().__init__(f"expected an amount in {expected}, got {got}{where}")


class NaiveDatetime(InvalidInput):
    """A moment in time was given without a time zone.

    Attributes:
        argument: the name of the argument.
    """

    def __init__(self, argument: str, value: object) -> None:
        self.argument = argument
        self.value = value
        super().__init__(
            f"{argument} must be a timezone-aware datetime (e.g. with "
            f"tzinfo=ZoneInfo('Europe/Oslo')), got naive {value!r}"
        )


class NotInForce(InkassoError, LookupError):
    """A legal table has no value on the requested date.

    Raised before a table's first entry, for a period the sources did not establish (marked
    NOT FOUND in the research notes), and after a value was repealed. The library never falls
    back to a neighbouring value.

    Attributes:
        parameter: the table's name, e.g. ``"no.inkassosats"``.
        on: the date that was asked for.
        reason: why there is no value.
    """

    def __init__(self, parameter: str, on: dt.date, reason: str) -> None:
        self.parameter = parameter
        self.on = on
        self.reason = reason
        super().__init__(f"{parameter} has no value on {on.isoformat()}: {reason}")


class RateNotPublished(NotInForce):
    """A half-yearly rate table does not yet cover the requested date.

    Attributes:
        half_year: the half-year asked for, e.g. ``"2027 H1"``.
        horizon: the last date the table covers.
    """

    def __init__(self, parameter: str, on: dt.date, *, half_year: str, horizon: dt.date) -> None:
        self.half_year = half_year
        self.horizon = horizon
        super().__init__(
            parameter,
            on,
            f"the rate for {half_year} is not in the built-in table, which ends "
            f"{horizon.isoformat()}; supply the published rate with "
            f"LawBook.extend({parameter!r}, ...) or LawBook.with_file(path) and pass law=... "
            f"(see docs/data.md)",
        )


class UnknownJurisdiction(InkassoError, LookupError):
    """A jurisdiction code other than ``"NO"`` or ``"SE"`` was given.

    Attributes:
        code: the code that was given.
    """

    def __init__(self, code: object) -> None:
        self.code = code
        super().__init__(f"unknown jurisdiction {code!r}; expected 'NO' (Norway) or 'SE' (Sweden)")


class DataFileError(InkassoError, ValueError):
    """A legal data file is malformed.

    Attributes:
        path: the file.
        key: the key or entry that is wrong.
    """

    def __init__(self, path: Path | str, key: str, problem: str) -> None:
        self.path = str(path)
        self.key = key
        self.problem = problem
        super().__init__(f"error in legal data file {self.path!r} at {key!r}: {problem}")


class RuleRefused(InkassoError, ValueError):
    """A rule does not allow what was asked (a step too early, a fee above its cap, ...).

    Attributes:
        rule: the citation of the rule that refused.
    """

    def __init__(self, message: str, *, rule: str) -> None:
        self.rule = rule
        super().__init__(f"{message} ({rule})")


class DuplicateEvent(InvalidInput):
    """An event with an ``id`` the case already holds was added again.

    A collection system that retries a booking must not book a fee, a payment or a letter
    twice: the case refuses the second event instead of keeping both.

    Attributes:
        id: the repeated id.
    """

    def __init__(self, event_id: str) -> None:
        self.id = event_id
        super().__init__(
            f"the case already holds an event with id {event_id!r}; an event is recorded once "
            "(give a new id to a new event, or leave the retried one out)"
        )


class MissingExtra(InkassoError, ImportError):
    """An optional dependency that a helper needs is not installed.

    Attributes:
        package: the package to import (``"matplotlib"``).
        extra: the extra of inkassorules that installs it (``"plot"``).
    """

    def __init__(self, package: str, extra: str, *, needed_by: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"{needed_by} needs {package}, which is not installed; install it with "
            f"pip install 'inkassorules[{extra}]'"
        )
