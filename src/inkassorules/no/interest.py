"""Forsinkelsesrente (Norwegian statutory late interest).

Forsinkelsesrenteloven (lov 17. desember 1976 nr. 100): interest runs from the agreed forfallsdag,
or 30 days after a written påkrav (§ 2; one month before 2004), at the rate the state sets for
each half-year (§ 3), which also applies to claims already bearing interest. Simple interest, no
rentes rente (Rt. 1994 s. 25). One day is 1/365 of the annual rate, 1/366 in a leap year
(Justisdepartementets lovavdeling). Rates: ``no.interest.late_interest_rate`` (1994 to the last
published half-year; later dates raise :class:`~inkassorules.errors.RateNotPublished`).

References:
    FRL §§ 1-2b: https://www.rettsdata.no/l-gl19761217z2d100-r100001/
    FRL § 3: https://jusinfo.no/pengekravsrett/forsinkelsesrente-ved-mislighold/
    Day count: https://forsinkelsesrente.no/

>>> from datetime import date
>>> from inkassorules import Money
>>> late_interest_rate(on=date(2025, 7, 1))
Decimal('12.25')
>>> result = late_interest(Money.of(10000, "NOK"), due_date=date(2025, 3, 3),
...                        paid_on=date(2025, 9, 1))
>>> str(result.amount), [(p.days, str(p.rate)) for p in result.periods]
('619.04 NOK', [(120, '12.50'), (62, '12.25')])
>>> late_interest(Money.of(10000, "NOK"), due_date=date(2025, 3, 1),  # a Saturday: rolled
...               paid_on=date(2025, 9, 1)).start
datetime.date(2025, 3, 3)
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Final, TypeVar

import attrs

from inkassorules._checks import check_date, check_law
from inkassorules.calendar import calendar_for
from inkassorules.claims import CURRENCY_OF
from inkassorules.errors import CurrencyMismatch, InvalidInput, RuleRefused
from inkassorules.interest import (
    PAYMENTS_REDUCE,
    BalanceInterestResult,
    DayCount,
    InterestResult,
    InterestStart,
    PaymentsReduce,
    RateInForce,
    _accrue_planned,
    _on_balance,
    _on_balance_without_payments,
    _Splits,
    accrue,
    accrue_on_balance,
    day_count_from_record,
    demand_period_end,
)
from inkassorules.law import Citation, Entry, LawBook, builtin
from inkassorules.law import book_of as _key_book
from inkassorules.law import cache_key as _book_key
from inkassorules.money import Money

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from inkassorules.claims import Payment
    from inkassorules.interest import _Plan

__all__ = [
    "interest_start",
    "late_interest",
    "late_interest_on_balance",
    "late_interest_rate",
    "late_interest_rate_entry",
    "late_interest_rate_in_force",
]

RATE: Final = "no.interest.late_interest_rate"
DAY_COUNT: Final = "no.interest.day_count"
DEMAND_PERIOD: Final = "no.interest.demand_period"
_CURRENCY: Final = CURRENCY_OF["NO"]
# How many (law book, day) keep their day-count convention in memory.
_PLANS_KEPT: Final = 4096
# An empty list or tuple of payments: late_interest_on_balance's common case.
_EMPTY_TYPES: Final = (list, tuple)
_BOOK_OR_NONE: Final = (LawBook, type(None))
_R = TypeVar("_R", InterestResult, BalanceInterestResult)

_FRL_2 = Citation(
    "forsinkelsesrenteloven § 2 første ledd (renten løper fra forfallsdag, ellers etter påkrav)",
    "https://www.rettsdata.no/l-gl19761217z2d100-r100001/",
)
_FRL_3 = Citation(
    "forsinkelsesrenteloven § 3 første ledd (fast prosent årlig rente; a new rate applies also "
    "to claims already bearing interest); no rentes rente (Rt. 1994 s. 25)",
    "https://jusinfo.no/pengekravsrett/forsinkelsesrente-ved-mislighold/forsinkelsesrentenes-storrelse/",
)


def _book(law: LawBook | None) -> LawBook:
    return law if law is not None else builtin()


def late_interest_rate_entry(*, on: dt.date, law: LawBook | None = None) -> Entry[Decimal]:
    """The forsinkelsesrente entry in force on *on*, with its citation and validity.

    Raises:
        NotInForce: before 1994-01-01.
        RateNotPublished: after the last published half-year (the message says how to supply it).
    """
    check_law(law)
    return _book(law).rate(RATE, check_date(on, "on"))


def late_interest_rate(*, on: dt.date, law: LawBook | None = None) -> Decimal:
    """Forsinkelsesrente (Norwegian late-interest rate), percent per year, on *on*.

    Forsinkelsesrenteloven § 3: 12 % fixed 1994-2003; from 2004 set each half-year.

    >>> from datetime import date
    >>> late_interest_rate(on=date(2026, 1, 1))
    Decimal('12.00')

    Raises:
        NotInForce: before 1994-01-01.
        RateNotPublished: after the last published half-year.
    """
    check_law(law)
    return late_interest_rate_entry(on=on, law=law).value


def late_interest_rate_in_force(*, on: dt.date, law: LawBook | None = None) -> RateInForce:
    """The rate on *on* with its last day and citation, as the interest engine reads it."""
    check_law(law)
    entry = late_interest_rate_entry(on=on, law=law)
    return RateInForce(rate=entry.value, valid_until=entry.valid_until, basis=(entry.citation,))


def _day_count(on: dt.date, law: LawBook) -> tuple[DayCount, Citation]:
    entry = law.record(DAY_COUNT, on)
    return day_count_from_record(entry.value, parameter=DAY_COUNT), entry.citation


def _check_nok(principal: object) -> Money:
    if not isinstance(principal, Money):
        raise InvalidInput(f"principal must be Money, got {principal!r}")
    if principal.currency != _CURRENCY:
        raise CurrencyMismatch(_CURRENCY, principal.currency, context="Norwegian late interest")
    return principal


def _rolled(
    due_date: dt.date, roll_due_date: object, law: LawBook | None
) -> tuple[dt.date, Citation | None]:
    """*due_date* rolled onto a business day unless *roll_due_date* is False.

    Also the calendar's citation if the day moved, else None.
    """
    if not isinstance(roll_due_date, bool):
        raise InvalidInput(f"roll_due_date must be True or False, got {roll_due_date!r}")
    if not roll_due_date:
        return due_date, None
    if law is not None and not isinstance(law, LawBook):
        raise InvalidInput(f"law must be a LawBook or None, got {law!r}")
    calendar = calendar_for("NO", law=law)
    rolled = calendar.roll_forward(check_date(due_date, "due_date"))
    return rolled, (None if rolled == due_date else calendar.citation)


def _cite_roll(result: _R, moved: Citation | None) -> _R:
    """*result*, with the business-day rule among its basis if the due date was moved."""
    if moved is None or not result.periods:
        return result
    return attrs.evolve(result, basis=(*result.basis, moved))


def late_interest(
    principal: Money,
    *,
    due_date: dt.date,
    paid_on: dt.date,
    law: LawBook | None = None,
    roll_due_date: bool = True,
) -> InterestResult:
    """Forsinkelsesrente (Norwegian late interest) on *principal* from *due_date* to *paid_on*.

    A *due_date* that is not a business day is first rolled onto the next one (gjeldsbrevloven
    § 5: "blir forfallsdagen utdrygd til yrkedagen etter"), so a payment on that day is on time;
    pass ``roll_due_date=False`` when *due_date* is already the first interest day as you want
    it counted (e.g. a start you worked out yourself). Rolling twice changes nothing, so the
    ``start`` of :func:`interest_start` may be passed either way. Then simple interest for each
    day *d* with ``due_date <= d < paid_on`` (``paid_on - due_date`` days), split at every
    1 January and 1 July, each day 1/365 of the annual rate (1/366 in a leap year); the exact
    parts are added and rounded once to øre (ROUND_HALF_UP). Zero when ``paid_on <= due_date``.

    >>> from datetime import date
    >>> str(late_interest(Money.of(10000, "NOK"), due_date=date(2024, 1, 1),
    ...                   paid_on=date(2025, 1, 1)).amount)  # New Year's Day: 365/366 x 12.50 %
    '1246.58 NOK'
    >>> str(late_interest(Money.of(10000, "NOK"), due_date=date(2024, 1, 1),
    ...                   paid_on=date(2025, 1, 1), roll_due_date=False).amount)  # 366/366
    '1250.00 NOK'

    Raises:
        CurrencyMismatch: if *principal* is not in NOK.
        InvalidInput: for a negative principal or a bad date.
        NotInForce: for interest days before 1994-01-01, or, when rolling, a due date the
            business-day calendar does not cover (before 2000-01-01).
        RateNotPublished: for interest days after the last published half-year; extend the
            law book with the published rate and pass ``law=``.
    """
    check_law(law)
    principal = _check_nok(principal)
    due_date, moved = _rolled(due_date, roll_due_date, law)
    return _cite_roll(_late_interest(principal, due_date, paid_on, law), moved)


def _late_interest(
    principal: Money,
    due_date: dt.date,
    paid_on: dt.date,
    law: LawBook | None,
) -> InterestResult:
    if (
        type(due_date) is dt.date
        and type(paid_on) is dt.date
        and paid_on > due_date
        and not principal.is_negative
    ):
        # The common case, with the span's split memoised: the same result as below.
        plan = _span_plan(None if law is None else _book_key(law), due_date, paid_on)
        return _accrue_planned(principal, due_date, paid_on, plan)
    book = _book(law)
    check_date(due_date, "due_date")
    check_date(paid_on, "paid_on")
    if paid_on <= due_date:
        return accrue(principal, start=due_date, end=paid_on, rate_at=_never, day_count=None)
    day_count, citation = _day_count(due_date, book)
    return accrue(
        principal,
        start=due_date,
        end=paid_on,
        rate_at=lambda day: late_interest_rate_in_force(on=day, law=book),
        day_count=day_count,
        basis=(citation, _FRL_3),
    )


def _span_plan(key: LawBook | None, due_date: dt.date, paid_on: dt.date) -> _Plan:
    """The split of ``due_date <= d < paid_on`` into rate parts, read as late_interest reads it.

    Memoised: a law book is immutable, and a failed look-up (NotInForce) is not kept.
    """
    span = (key, due_date, paid_on)
    plan = _SPLITS.kept(span)
    if plan is None:
        day_count, citation = _day_count_on(key, due_date)
        plan = _SPLITS.keep(
            span, _SPLITS.split(key, due_date, paid_on, day_count, (citation, _FRL_3))
        )
    return plan


def _first_rate_day(book: LawBook) -> dt.date:
    return book.parameter(RATE).first_valid_from


def _rate(day: dt.date, book: LawBook) -> RateInForce:
    return late_interest_rate_in_force(on=day, law=book)


_SPLITS: Final = _Splits(_rate, _first_rate_day)


@functools.lru_cache(maxsize=_PLANS_KEPT)
def _day_count_on(key: LawBook | None, day: dt.date) -> tuple[DayCount, Citation]:
    """_day_count, memoised per day."""
    return _day_count(day, _key_book(key))


def _never(day: dt.date) -> RateInForce:  # pragma: no cover -- a zero span reads no rate
    raise AssertionError(day)


def late_interest_on_balance(
    principal: Money,
    payments: Iterable[Payment],
    *,
    due_date: dt.date,
    until: dt.date,
    law: LawBook | None = None,
    payments_reduce: PaymentsReduce = "interest_first",
    roll_due_date: bool = True,
) -> BalanceInterestResult:
    """Forsinkelsesrente on a principal that partial payments reduce from the day they are made.

    "Hvis bare en del av kravet betales, skal forsinkelsesrentene bare beregnes etter den
    gjenstående del av kravet" (jusinfo.no on FRL § 2). With ``payments_reduce="interest_first"``
    (default) a payment pays accrued interest first, then principal: the order of inkasso
    practice (costs -> interest -> principal) and of the library's :func:`~inkassorules.allocate`.
    The debtor may designate otherwise (norway.md § 9): pass ``"principal"`` for a payment that
    reduces the principal first. Overpayment is reported. *due_date* is rolled onto a business
    day as in :func:`late_interest` unless ``roll_due_date=False``.

    >>> from datetime import date
    >>> from inkassorules.claims import Payment
    >>> result = late_interest_on_balance(
    ...     Money.of(10000, "NOK"),
    ...     [Payment(amount=Money.of(5000, "NOK"), paid_on=date(2025, 7, 1))],
    ...     due_date=date(2025, 3, 1), until=date(2025, 9, 1))  # Saturday: from Monday 3 March
    >>> str(result.interest), str(result.principal_outstanding)
    ('523.55 NOK', '5410.96 NOK')
    """
    check_law(law)
    principal = _check_nok(principal)
    due_date, moved = _rolled(due_date, roll_due_date, law)
    return _cite_roll(
        _late_interest_on_balance(principal, payments, due_date, until, law, payments_reduce),
        moved,
    )


def _late_interest_on_balance(  # noqa: PLR0917 -- late_interest_on_balance's checked arguments
    principal: Money,
    payments: Iterable[Payment],
    due_date: dt.date,
    until: dt.date,
    law: LawBook | None,
    payments_reduce: PaymentsReduce,
) -> BalanceInterestResult:
    if (
        type(due_date) is dt.date
        and type(until) is dt.date
        and until > due_date
        and principal.is_positive
        and payments_reduce in PAYMENTS_REDUCE
        and isinstance(law, _BOOK_OR_NONE)
    ):
        # The common case, split through the rate index: the same result as below.
        key = _book_key(law)
        if type(payments) in _EMPTY_TYPES and not payments:
            # One stretch, due_date..until, split as late_interest splits it (and memoised).
            plan = _span_plan(key, due_date, until)
            return _on_balance_without_payments(principal, due_date, until, payments_reduce, plan)
        convention, citation = _day_count_on(key, due_date)
        cited = (citation, _FRL_3)
        return _on_balance(
            principal,
            payments,
            due_date,
            until,
            payments_reduce,
            lambda balance, first, end: _accrue_planned(
                balance, first, end, _SPLITS.split(key, first, end, convention, cited)
            ),
        )
    book = _book(law)
    check_date(due_date, "due_date")
    check_date(until, "until")
    day_count: DayCount | None = None
    basis: tuple[Citation, ...] = ()
    if until > due_date:
        day_count, citation = _day_count(due_date, book)
        basis = (citation, _FRL_3)
    return accrue_on_balance(
        principal,
        payments,
        start=due_date,
        until=until,
        rate_at=lambda day: late_interest_rate_in_force(on=day, law=book),
        day_count=day_count,
        payments_reduce=payments_reduce,
        basis=basis,
    )


def interest_start(
    *,
    due_date: dt.date | None = None,
    demand_sent_on: dt.date | None = None,
    demand_electronic: bool = False,
    debtor_accepted_electronic: bool = False,
    roll_due_date: bool = True,
    law: LawBook | None = None,
) -> InterestStart:
    """Rentestart (when Norwegian late interest starts), forsinkelsesrenteloven § 2.

    With a forfallsdag fixed in advance, interest runs from it; by default it is first rolled
    onto a business day (gjeldsbrevloven § 5, the reading norway.md § 8 recommends; pass
    ``roll_due_date=False`` not to). Otherwise it runs from 30 days after the creditor sent a
    written påkrav (one month before 2004-01-01); a påkrav by electronic means counts only if
    the debtor expressly accepted that. The returned ``start`` is what to pass as ``due_date=``
    to :func:`late_interest` (the days counted are ``paid_on - start``).

    >>> from datetime import date
    >>> interest_start(due_date=date(2026, 5, 17)).start  # Sunday, 17 May -> Monday
    datetime.date(2026, 5, 18)
    >>> interest_start(demand_sent_on=date(2026, 3, 2)).start
    datetime.date(2026, 4, 1)

    Raises:
        InvalidInput: if neither *due_date* nor *demand_sent_on* is given.
        RuleRefused: for an electronic påkrav the debtor did not expressly accept.
        NotInForce: for dates the data (calendar, demand period) does not cover.
    """
    check_law(law)
    book = _book(law)
    if due_date is not None:
        check_date(due_date, "due_date")
        if not roll_due_date:
            return InterestStart(
                start=due_date,
                reasons=("from the forfallsdag fixed in advance, not rolled",),
                basis=(_FRL_2,),
            )
        calendar = calendar_for("NO", law=book)
        rolled = calendar.roll_forward(due_date)
        reason = (
            "from the forfallsdag fixed in advance"
            if rolled == due_date
            else f"from the forfallsdag {due_date.isoformat()}, a non-business day, "
            f"moved to {rolled.isoformat()}"
        )
        return InterestStart(start=rolled, reasons=(reason,), basis=(_FRL_2, calendar.citation))
    if demand_sent_on is None:
        raise InvalidInput(
            "interest_start needs due_date (a forfallsdag fixed in advance) or demand_sent_on "
            "(the day a written påkrav was sent), forsinkelsesrenteloven § 2"
        )
    check_date(demand_sent_on, "demand_sent_on")
    if demand_electronic and not debtor_accepted_electronic:
        raise RuleRefused(
            "a påkrav by electronic means starts no interest unless the debtor expressly "
            "accepted electronic communication",
            rule=_FRL_2.rule,
        )
    entry = book.record(DEMAND_PERIOD, demand_sent_on)
    start = demand_period_end(entry.value, sent_on=demand_sent_on, parameter=DEMAND_PERIOD)
    return InterestStart(
        start=start,
        reasons=(
            (
                f"after a written påkrav sent {demand_sent_on.isoformat()}, "
                f"{(start - demand_sent_on).days} days later"
            ),
        ),
        basis=(_FRL_2, entry.citation),
    )
