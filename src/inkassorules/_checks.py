"""Run-time checks of arguments, shared by every module.

The type hints say what an argument should be; these functions make sure of it at run time,
because callers (notebooks, JSON, other languages) do not run mypy. Each takes ``object`` so the
check is not "redundant" to a type checker.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from inkassorules.errors import InvalidInput, NaiveDatetime

__all__ = ["check_aware", "check_date", "check_decimal", "check_id", "check_int"]


def check_date(value: object, argument: str) -> dt.date:
    """Return *value* if it is a ``datetime.date`` (and not a ``datetime``), or raise."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidInput(f"{argument} must be a datetime.date, got {value!r}")
    return value


def check_int(value: object, argument: str, *, minimum: int | None = None) -> int:
    """Return *value* if it is an int (not a bool) of at least *minimum*, or raise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{argument} must be an int, got {value!r}")
    if minimum is not None and value < minimum:
        raise InvalidInput(f"{argument} must be at least {minimum}, got {value}")
    return value


def check_aware(value: object, argument: str) -> dt.datetime:
    """Return *value* if it is a timezone-aware ``datetime``, or raise."""
    if not isinstance(value, dt.datetime):
        raise InvalidInput(f"{argument} must be a timezone-aware datetime, got {value!r}")
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise NaiveDatetime(argument, value)
    return value


def check_decimal(value: object, argument: str) -> Decimal:
    """Return *value* if it is a finite Decimal, or raise."""
    if not isinstance(value, Decimal) or not value.is_finite():
        raise InvalidInput(f"{argument} must be a finite Decimal, got {value!r}")
    return value


def check_id(value: object, what: str = "an event") -> str | None:
    """Return *value* if it is None or a non-empty string (an event's ``id``), or raise."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"{what}'s id must be a non-empty string or None, got {value!r}")
    return value
