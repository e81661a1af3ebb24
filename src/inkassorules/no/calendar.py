"""Virkedag (Norwegian business day): the NO due-date calendar.

Rule: gjeldsbrevloven § 5: a Saturday, a Sunday, a public holiday, 1 May or 17 May moves to the
next working day; 24 and 31 December do not move.

>>> from datetime import date
>>> is_business_day(date(2026, 12, 24))
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inkassorules._checks import check_law
from inkassorules.calendar import calendar_for

if TYPE_CHECKING:
    import datetime as dt

    from inkassorules.law import LawBook

__all__ = ["add_business_days", "is_business_day", "next_business_day", "roll_forward"]


def is_business_day(day: dt.date, *, law: LawBook | None = None) -> bool:
    """True if *day* is a NO business day."""
    check_law(law)
    return calendar_for("NO", law=law).is_business_day(day)


def next_business_day(day: dt.date, *, law: LawBook | None = None) -> dt.date:
    """The first NO business day strictly after *day*."""
    check_law(law)
    return calendar_for("NO", law=law).next_business_day(day)


def add_business_days(day: dt.date, n: int, *, law: LawBook | None = None) -> dt.date:
    """The *n*-th NO business day after *day* (before it if *n* < 0; roll_forward if 0)."""
    check_law(law)
    return calendar_for("NO", law=law).add_business_days(day, n)


def roll_forward(day: dt.date, *, law: LawBook | None = None) -> dt.date:
    """*day* if it is a NO business day, otherwise the next one (the due-date rule)."""
    check_law(law)
    return calendar_for("NO", law=law).roll_forward(day)
