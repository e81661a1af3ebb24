"""Skälig tid i inkassokrav (the Swedish collection-demand deadline).

5 § 3 st inkassolagen (1974:182) requires an inkassokrav to give the debtor "viss skälig tid" to
pay or object. Good collection practice (Datainspektionen/IMY allmänna råd, as applied by
Inkassonämnden 273-2021) makes that at least 8 days from the day the krav is sent, and at least
4 bank days from the day the krav is likely to reach the debtor. Both are data
(``se.fees.collection_demand_min_days``, ``se.fees.collection_demand_min_bank_days``).

The 8 days are not a statutory deadline, so lag (1930:173) does not move them off a weekend; the
bank days are counted on the Swedish business-day calendar (``se.business_days``). The day the
krav is likely received depends on the channel (digital mailbox, e-mail, letter, B-post): the
notes give no number for it, so the caller supplies it.

>>> from datetime import date
>>> deadline = collection_demand_deadline(sent_on=date(2026, 3, 2), received_on=date(2026, 3, 4))
>>> deadline.earliest_last_day
datetime.date(2026, 3, 10)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from inkassorules._checks import check_date, check_law
from inkassorules.calendar import add_days, calendar_for
from inkassorules.errors import InvalidInput
from inkassorules.law import builtin
from inkassorules.no.fees import CollectionDemandDeadline

if TYPE_CHECKING:
    import datetime as dt

    from inkassorules.law import LawBook

__all__ = ["CollectionDemandDeadline", "collection_demand_deadline"]

_MIN_DAYS: Final = "se.fees.collection_demand_min_days"
_MIN_BANK_DAYS: Final = "se.fees.collection_demand_min_bank_days"


def collection_demand_deadline(
    *, sent_on: dt.date, received_on: dt.date, law: LawBook | None = None
) -> CollectionDemandDeadline:
    """Skälig tid i inkassokrav (Swedish collection-demand deadline).

    The earliest day an inkassokrav sent on *sent_on* may name as the last day to pay or object:
    at least 8 days after sending and at least 4 bank days after *received_on*, whichever is
    later (5 § 3 st inkassolagen 1974:182; DI/IMY allmänna råd p. 26). The day of receipt is
    not counted among the bank days. Neither limit is rolled onto a vardag.

    >>> from datetime import date
    >>> d = collection_demand_deadline(sent_on=date(2026, 12, 21), received_on=date(2026, 12, 23))
    >>> d.calendar_day_limit  # 8 days after sending
    datetime.date(2026, 12, 29)
    >>> d.bank_day_limit  # 28, 29, 30 December and 4 January: 24-27 and 31 Dec-3 Jan are not
    datetime.date(2027, 1, 4)
    >>> d.earliest_last_day
    datetime.date(2027, 1, 4)

    Args:
        sent_on: the day the krav was sent.
        received_on: required: the day the krav is likely to reach the debtor, by its channel.
            A conservative caller uses a late estimate (ordinary or slower mail); the sources
            give no number, so the library does not assume one.
        law: the law book to read; None for the built-in data.

    Returns:
        The two limits and the later of them, as the :class:`CollectionDemandDeadline` that
        :func:`inkassorules.no.fees.collection_demand_deadline` returns too (``day`` is
        ``earliest_last_day``).

    Raises:
        InvalidInput: if *received_on* is before *sent_on*, or for wrong argument types.
        NotInForce: for krav sent before 2021-01-01 (the earliest date the sources establish
            the practice) or outside the business-day calendar.
    """
    check_law(law)
    check_date(sent_on, "sent_on")
    check_date(received_on, "received_on")
    if received_on < sent_on:
        raise InvalidInput(
            f"received_on {received_on.isoformat()} is before sent_on {sent_on.isoformat()}"
        )
    book = law or builtin()
    days = book.days(_MIN_DAYS, sent_on)
    bank_days = book.days(_MIN_BANK_DAYS, sent_on)
    calendar = calendar_for("SE", law=law)
    by_days = add_days(sent_on, days.value)
    by_bank_days = calendar.add_business_days(received_on, bank_days.value)
    return CollectionDemandDeadline(
        sent_on=sent_on,
        received_on=received_on,
        calendar_day_limit=by_days,
        bank_day_limit=by_bank_days,
        day=max(by_days, by_bank_days),
        reasons=(
            (
                f"{days.value} days after sending on {sent_on.isoformat()}: "
                f"{by_days.isoformat()} (not moved off a weekend or holiday)"
            ),
            (
                f"{bank_days.value} bank days after likely receipt on {received_on.isoformat()}: "
                f"{by_bank_days.isoformat()}"
            ),
        ),
        basis=tuple(dict.fromkeys((days.citation, bank_days.citation, calendar.citation))),
    )
