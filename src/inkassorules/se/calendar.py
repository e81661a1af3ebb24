"""Vardag (Swedish business day): the SE due-date calendar.

Rule: skuldebrevslagen 5 § and lag (1930:173): a Saturday, a Sunday, an allmän helgdag,
midsommarafton, julafton or nyårsafton moves to the next vardag.

>>> from datetime import date
>>> is_business_day(date(2026, 12, 24))
    False
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inkassorules.calendar import calendar_for

if TYPE_CHECKING:
    import datetime as dt

    from inkassorules.law import LawBook

__all__ = ["add_business_days", "is_business_day", "next_business_day", "roll_forward"]


def is_business_day(day: dt.date, *, law: LawBook | None = None) -> bool:
    """True if *day* is a SE business day."""
    return calendar_for("SE", law=law).is_business_day(day)


def next_business_day(day: dt.date, *, law: LawBook | None = None) -> dt.date:
    """The first SE business day strictly after *day*."""
    return calendar_for("SE", law=law).next_business_day(day)


def add_business_days(day: dt.date, n: int, *, law: LawBook | None = None) -> dt.date:
    """The *n*-th SE business day after *day* (before it if *n* < 0; roll_forward if 0)."""
    return calendar_for("SE", law=law).add_business_days(day, n)


def roll_forward(day: dt.date, *, law: LawBook | None = None) -> dt.date:
    """*day* if it is a SE business day, otherwise the next one (the due-date rule)."""
    return calendar_for("SE", law=law).roll_forward(day)
