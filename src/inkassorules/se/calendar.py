"""Vardag (Swedish business day): the SE due-date calendar.

Rule: skuldebrevslagen 5 § and lag (1930:173): a Saturday, a Sunday, an allmän helgdag,
midsommarafton, julafton or nyårsafton moves to the next vardag.

Midsommarafton, julafton and nyårsafton are **not** allmänna helgdagar (lag 1989:253 om
allmänna helgdagar does not list them); they are days that are not vardagar only for deadlines
and due dates, because lag (1930:173) 2 § and skuldebrevslagen 5 § name them beside the
allmänna helgdagar. :func:`closed_day_reason` words the difference.

>>> from datetime import date
>>> is_business_day(date(2026, 12, 24))
    False
>>> closed_day_reason(date(2026, 12, 25))
'2026-12-25 is a public holiday (allmän helgdag, lag 1989:253: Christmas Day)'
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import holidays

from inkassorules._checks import check_law
from inkassorules.calendar import calendar_for

if TYPE_CHECKING:
    import datetime as dt

    from inkassorules.law import LawBook

__all__ = [
    "add_business_days",
    "closed_day_reason",
    "is_business_day",
    "next_business_day",
    "roll_forward",
]


def is_business_day(day: dt.date, *, law: LawBook | None = None) -> bool:
    """True if *day* is a SE business day."""
    check_law(law)
    return calendar_for("SE", law=law).is_business_day(day)


def next_business_day(day: dt.date, *, law: LawBook | None = None) -> dt.date:
    """The first SE business day strictly after *day*."""
    check_law(law)
    return calendar_for("SE", law=law).next_business_day(day)


def add_business_days(day: dt.date, n: int, *, law: LawBook | None = None) -> dt.date:
    """The *n*-th SE business day after *day* (before it if *n* < 0; roll_forward if 0)."""
    check_law(law)
    return calendar_for("SE", law=law).add_business_days(day, n)


def roll_forward(day: dt.date, *, law: LawBook | None = None) -> dt.date:
    """*day* if it is a SE business day, otherwise the next one (the due-date rule)."""
    check_law(law)
    return calendar_for("SE", law=law).roll_forward(day)


@functools.cache
def _allmanna_helgdagar(year: int) -> frozenset[dt.date]:
    # The holidays package's PUBLIC category is lag (1989:253)'s list (shared/domain/sweden.md
    # § 6); Sundays are left out here as in the business-day calendar.
    table = holidays.country_holidays(
        "SE", years=year, categories=("public",), include_sundays=False
    )
    return frozenset(table)


def closed_day_reason(day: dt.date, *, law: LawBook | None = None) -> str | None:
    """Helgdag eller dag som inte är vardag (why *day* is closed as a holiday), or None.

    An allmän helgdag (lag 1989:253) is called a public holiday. Midsommarafton, julafton and
    nyårsafton are not: they are not vardagar only under lag (1930:173) 2 § and
    skuldebrevslagen 5 §, and are worded so. None for a day that is no holiday of either kind
    (a weekday, or a Saturday or Sunday, which the hours tables close).

    >>> from datetime import date
    >>> print(closed_day_reason(date(2026, 6, 19)))
    2026-06-19 is midsommarafton (Midsummer Eve): not a public holiday (allmän helgdag, lag
    1989:253), but not a vardag either (lag 1930:173 2 §, skuldebrevslagen 5 §)
    >>> closed_day_reason(date(2026, 6, 18)) is None
    True

    Raises:
        NotInForce: outside the calendar's years.
    """
    check_law(law)
    name = calendar_for("SE", law=law).holiday_name(day)
    if name is None:
        return None
    if day in _allmanna_helgdagar(day.year):
        return f"{day.isoformat()} is a public holiday (allmän helgdag, lag 1989:253: {name})"
    swedish = _EVES.get((day.month, day.day), "midsommarafton" if day.month == _JUNE else "a day")
    return (
        f"{day.isoformat()} is {swedish} ({name}): not a public holiday (allmän helgdag, lag "
        "1989:253), but not a vardag either (lag 1930:173 2 §, skuldebrevslagen 5 §)"
    )


_JUNE = 6
_EVES = {(12, 24): "julafton", (12, 31): "nyårsafton"}
"""The fixed-date eves; midsommarafton is the Friday of 19-25 June."""
