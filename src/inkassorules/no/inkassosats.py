"""Inkassosats (the Norwegian collection base amount), read from ``no.inkassosats``.

>>> from datetime import date
>>> inkassosats(date(2025, 6, 1))
Money(amount=Decimal('700'), currency='NOK')
>>> inkassosats(date(2026, 1, 1))
Money(amount=Decimal('750'), currency='NOK')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inkassorules._checks import check_law
from inkassorules.law import Entry, LawBook, builtin

if TYPE_CHECKING:
    import datetime as dt

    from inkassorules.money import Money

__all__ = ["inkassosats", "inkassosats_entry"]


def inkassosats_entry(on: dt.date, *, law: LawBook | None = None) -> Entry[Money]:
    """The inkassosats in force on *on*, with its citation and validity.

    Raises:
        NotInForce: before 2002-03-01, and in the periods the sources did not establish
            (2002-03-01 to 2005-12-31, 2008, 2011-2012, 2014).
    """
    check_law(law)
    return (law or builtin()).amount("no.inkassosats", on)


def inkassosats(on: dt.date, *, law: LawBook | None = None) -> Money:
    """Inkassosats (collection base amount) in force on *on*.

    Fees under inkassoforskriften chapter 1 use the sats on the day the letter is sent
    (§ 1-2); salær caps under chapter 2 use it on the day the main claim is paid (§ 2-2).
    Use :func:`inkassosats_entry` for the citation.

    Raises:
        NotInForce: on dates the data does not cover (see :func:`inkassosats_entry`).
    """
    check_law(law)
    return inkassosats_entry(on, law=law).value
