"""Dröjsmålsränta (Swedish statutory late interest).

Räntelagen (1975:635): interest runs from the agreed förfallodag (3 §), or from the day 30 days
after an invoice or demand that warned that interest would be charged (4 § 1 st; "en månad"
before 2002-07-01; no warning needed between businesses, 4 § 2 st), and in any case from the
delgivning of a betalningsföreläggande or stämning (4 § 4 st). The rate is the referensränta of
each calendar half-year plus eight percentage points (6 §, 9 §). Simple interest. There is no
statutory day count: the library's default is actual/365 (``se.interest.day_count``), and a
caller may choose another with ``day_count=``. The reference-rate table starts 2002-07-01 and
ends with the last published half-year; dates outside raise
:class:`~inkassorules.errors.NotInForce` / :class:`~inkassorules.errors.RateNotPublished`.

References:
    Räntelagen: https://lagen.nu/1975:635
    SFS 2002:352: https://www.lagboken.se/Lagboken/start/formogenhetsratt/rantelag-1975635/
    Referensränta: https://www.riksbank.se/sv/statistik/sok-rantor--valutakurser/referensranta/

>>> from datetime import date
>>> from inkassorules import Money
>>> late_interest_rate(on=date(2026, 1, 1))  # referensränta 2.00 + 8
Decimal('10.00')
>>> str(late_interest(Money.of(6780, "SEK"), due_date=date(2021, 1, 1),
...                   paid_on=date(2021, 4, 20)).amount)  # from Monday 4 January: 106/365
'157.52 SEK'
>>> str(late_interest(Money.of(6780, "SEK"), due_date=date(2021, 1, 1),
...                   paid_on=date(2021, 4, 20), roll_due_date=False).amount)  # 109/365
'161.98 SEK'
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Final, TypeVar

import attrs

from inkassorules._checks import check_date, check_law
from inkassorules.calendar import calendar_for
from inkassorules.claims import CURRENCY_OF, DebtorKind
from inkassorules.errors import (
    CurrencyMismatch,
    DataFileError,
    InvalidInput,
    RuleRefused,
)
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
from inkassorules.law import Citation, LawBook, builtin
from inkassorules.law import book_of as _key_book
from inkassorules.law import cache_key as _book_key
from inkassorules.money import DECIMAL_CONTEXT, Money

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
    "late_interest_rate_in_force",
]

REFERENCE_RATE: Final = "se.interest.reference_rate"
MARGIN: Final = "se.interest.margin"
DAY_COUNT: Final = "se.interest.day_count"
DEMAND_PERIOD: Final = "se.interest.demand_period"
_CURRENCY: Final = CURRENCY_OF["SE"]
# How many (law book, day, day count) keep their day-count convention in memory.
_PLANS_KEPT: Final = 4096
# An empty list or tuple of payments: late_interest_on_balance's common case.
_EMPTY_TYPES: Final = (list, tuple)
_BOOK_OR_NONE: Final = (LawBook, type(None))
_R = TypeVar("_R", InterestResult, BalanceInterestResult)
_DAY_COUNT_OR_NONE: Final = (DayCount, type(None))
_LAGEN: Final = "https://lagen.nu/1975:635"

_RANTELAGEN_3 = Citation("3 § räntelagen (1975:635): ränta från förfallodagen", _LAGEN)
_RANTELAGEN_4 = Citation("4 § räntelagen (1975:635): ränta efter betalningskrav", _LAGEN)
_RANTELAGEN_4_4 = Citation(
    "4 § 4 st räntelagen (1975:635): ränta senast från delgivning av ansökan om "
    "betalningsföreläggande eller stämning",
    _LAGEN,
)
_RANTELAGEN_2 = Citation(
    "2 § 1 st räntelagen (1975:635): 'Ränta på fordran utgår ej för tid innan fordringen är "
    "förfallen till betalning'; 4 § 4 st (SFS 2002:352) gives interest from delgivning only on "
    "a 'förfallen fordran'",
    "https://www.lagboken.se/Lagboken/start/formogenhetsratt/rantelag-1975635/d_2590837-sfs-1975_635",
    note="2 § as in force today (SFS 2013:55, first paragraph unchanged): "
    "https://lagar.nj.se/formogenhetsratt/rantelagen",
)
_RANTELAGEN_6 = Citation(
    "6 § räntelagen (1975:635): ränta för år, vid varje tid gällande referensränta + tillägg; "
    "simple interest (no ränta på ränta unless agreed)",
    _LAGEN,
)
_BUSINESS_DEBTORS: Final = frozenset({DebtorKind.BUSINESS, DebtorKind.PUBLIC_BODY})


def _book(law: LawBook | None) -> LawBook:
    return law if law is not None else builtin()


def late_interest_rate_in_force(*, on: dt.date, law: LawBook | None = None) -> RateInForce:
    """Dröjsmålsränta on *on*: referensränta + tillägg, with its last day and citations.

    Raises:
        NotInForce: before 2002-07-01 (the referensränta table starts there).
        RateNotPublished: after the last published half-year.
    """
    check_law(law)
    book = _book(law)
    check_date(on, "on")
    reference = book.rate(REFERENCE_RATE, on)
    margin = book.rate(MARGIN, on)
    ends = [e for e in (reference.valid_until, margin.valid_until) if e is not None]
    return RateInForce(
        rate=DECIMAL_CONTEXT.add(reference.value, margin.value),
        valid_until=min(ends) if ends else None,
        basis=(reference.citation, margin.citation),
    )


def late_interest_rate(*, on: dt.date, law: LawBook | None = None) -> Decimal:
    """Dröjsmålsränta (Swedish late-interest rate), percent per year, on *on* (6 § räntelagen).

    The referensränta of the half-year (9 §) plus eight percentage points. It stayed positive
    while the referensränta was negative (2016 H2 to 2019 H1: 7.50 %).

    >>> from datetime import date
    >>> late_interest_rate(on=date(2017, 3, 1))
    Decimal('7.50')

    Raises:
        NotInForce: before 2002-07-01.
        RateNotPublished: after the last published half-year; the message names the half-year
            and how to supply its rate.
    """
    check_law(law)
    return late_interest_rate_in_force(on=on, law=law).rate


def _day_count(
    on: dt.date, law: LawBook, chosen: DayCount | None
) -> tuple[DayCount, tuple[Citation, ...]]:
    if chosen is not None:
        if not isinstance(chosen, DayCount):
            raise InvalidInput(f"day_count must be a DayCount, got {chosen!r}")
        return chosen, ()
    entry = law.record(DAY_COUNT, on)
    return day_count_from_record(entry.value, parameter=DAY_COUNT), (entry.citation,)


def _check_sek(principal: object) -> Money:
    if not isinstance(principal, Money):
        raise InvalidInput(f"principal must be Money, got {principal!r}")
    if principal.currency != _CURRENCY:
        raise CurrencyMismatch(_CURRENCY, principal.currency, context="Swedish late interest")
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
    calendar = calendar_for("SE", law=law)
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
    day_count: DayCount | None = None,
    roll_due_date: bool = True,
) -> InterestResult:
    """Dröjsmålsränta (Swedish late interest) on *principal* from *due_date* to *paid_on*.

    A *due_date* that is not a vardag (Saturday, Sunday, allmän helgdag, midsommarafton,
    julafton, nyårsafton) is first rolled onto the next vardag (skuldebrevslagen 5 §), so a
    payment on that day is on time; pass ``roll_due_date=False`` when *due_date* is already the
    first interest day as you want it counted. Rolling twice changes nothing, so the ``start``
    of :func:`interest_start` may be passed either way. Then simple interest for each day *d*
    with ``due_date <= d < paid_on`` (``paid_on - due_date`` days: payment on the due date is on
    time, and the count equals practice's "from the day
    after the due date up to and including the payment day"), split at every 1 January and
    1 July; the exact parts are added and rounded once to öre (ROUND_HALF_UP). Zero when
    ``paid_on <= due_date``. *day_count* overrides the library's default (actual/365).

    Kronofogden's calculator counts both end days; to reproduce it, pass the day before the
    due date with ``roll_due_date=False`` (see docs/interest.md).

    Raises:
        CurrencyMismatch: if *principal* is not in SEK.
        InvalidInput: for a negative principal or a bad date.
        NotInForce: for interest days before 2002-07-01.
        RateNotPublished: for interest days after the last published half-year.
    """
    check_law(law)
    principal = _check_sek(principal)
    due_date, moved = _rolled(due_date, roll_due_date, law)
    return _cite_roll(_late_interest(principal, due_date, paid_on, law, day_count), moved)


def _late_interest(
    principal: Money,
    due_date: dt.date,
    paid_on: dt.date,
    law: LawBook | None,
    day_count: DayCount | None,
) -> InterestResult:
    if (
        type(due_date) is dt.date
        and type(paid_on) is dt.date
        and paid_on > due_date
        and not principal.is_negative
        and (day_count is None or isinstance(day_count, DayCount))
    ):
        # The common case, with the span's split memoised: the same result as below.
        plan = _span_plan(None if law is None else _book_key(law), due_date, paid_on, day_count)
        return _accrue_planned(principal, due_date, paid_on, plan)
    book = _book(law)
    check_date(due_date, "due_date")
    check_date(paid_on, "paid_on")
    if paid_on <= due_date:
        return accrue(principal, start=due_date, end=paid_on, rate_at=_never, day_count=day_count)
    convention, citations = _day_count(due_date, book, day_count)
    return accrue(
        principal,
        start=due_date,
        end=paid_on,
        rate_at=lambda day: late_interest_rate_in_force(on=day, law=book),
        day_count=convention,
        basis=(*citations, _RANTELAGEN_6),
    )


def _span_plan(
    key: LawBook | None, due_date: dt.date, paid_on: dt.date, day_count: DayCount | None
) -> _Plan:
    """The split of ``due_date <= d < paid_on`` into rate parts, read as late_interest reads it.

    Memoised: a law book is immutable, and a failed look-up (NotInForce) is not kept.
    """
    span = (key, due_date, paid_on, day_count)
    plan = _SPLITS.kept(span)
    if plan is None:
        convention, citations = _day_count_on(key, due_date, day_count)
        plan = _SPLITS.keep(
            span,
            _SPLITS.split(key, due_date, paid_on, convention, (*citations, _RANTELAGEN_6)),
        )
    return plan


def _first_rate_day(book: LawBook) -> dt.date:
    # The rate needs both tables (referensränta and tillägg): the later of their first days.
    return max(
        book.parameter(REFERENCE_RATE).first_valid_from,
        book.parameter(MARGIN).first_valid_from,
    )


def _rate(day: dt.date, book: LawBook) -> RateInForce:
    return late_interest_rate_in_force(on=day, law=book)


_SPLITS: Final = _Splits(_rate, _first_rate_day)


@functools.lru_cache(maxsize=_PLANS_KEPT)
def _day_count_on(
    key: LawBook | None, day: dt.date, chosen: DayCount | None
) -> tuple[DayCount, tuple[Citation, ...]]:
    """_day_count, memoised per day and choice."""
    return _day_count(day, _key_book(key), chosen)


def _known_types(law: object, day_count: object) -> bool:
    """True for a law book (or None) and a DayCount (or None): the fast path's arguments."""
    return isinstance(law, _BOOK_OR_NONE) and isinstance(day_count, _DAY_COUNT_OR_NONE)


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
    day_count: DayCount | None = None,
    roll_due_date: bool = True,
) -> BalanceInterestResult:
    """Dröjsmålsränta on a principal that partial payments reduce from the day they are made.

    With ``payments_reduce="interest_first"`` (default) a payment pays accrued interest first,
    then capital: within one debt, case law applies a payment first to accrued interest (HD
    2023-04-04), and collection practice is costs -> interest -> capital (sweden.md § 7), as in
    the library's :func:`~inkassorules.allocate`. With ``"principal"`` it reduces the capital
    first, then pays accrued interest.
    Overpayment is reported. *due_date* is rolled onto a vardag as in :func:`late_interest`
    unless ``roll_due_date=False``.

    >>> from datetime import date
    >>> from inkassorules.claims import Payment
    >>> result = late_interest_on_balance(
    ...     Money.of(1000, "SEK"),
    ...     [Payment(amount=Money.of(1100, "SEK"), paid_on=date(2026, 1, 1))],
    ...     due_date=date(2025, 7, 1), until=date(2026, 1, 1), payments_reduce="interest_first")
    >>> str(result.interest), str(result.overpayment)  # 1000 x 10 % x 184/365 = 50.41
    ('50.41 SEK', '49.59 SEK')
    """
    check_law(law)
    principal = _check_sek(principal)
    due_date, moved = _rolled(due_date, roll_due_date, law)
    return _cite_roll(
        _late_interest_on_balance(
            principal, payments, due_date, until, law, payments_reduce, day_count
        ),
        moved,
    )


def _late_interest_on_balance(  # noqa: PLR0917 -- late_interest_on_balance's checked arguments
    principal: Money,
    payments: Iterable[Payment],
    due_date: dt.date,
    until: dt.date,
    law: LawBook | None,
    payments_reduce: PaymentsReduce,
    day_count: DayCount | None,
) -> BalanceInterestResult:
    if (
        type(due_date) is dt.date
        and type(until) is dt.date
        and until > due_date
        and principal.is_positive
        and payments_reduce in PAYMENTS_REDUCE
        and _known_types(law, day_count)
    ):
        # The common case, split through the rate index: the same result as below.
        key = _book_key(law)
        if type(payments) in _EMPTY_TYPES and not payments:
            # One stretch, due_date..until, split as late_interest splits it (and memoised).
            plan = _span_plan(key, due_date, until, day_count)
            return _on_balance_without_payments(principal, due_date, until, payments_reduce, plan)
        chosen, citations = _day_count_on(key, due_date, day_count)
        cited = (*citations, _RANTELAGEN_6)
        return _on_balance(
            principal,
            payments,
            due_date,
            until,
            payments_reduce,
            lambda balance, first, end: _accrue_planned(
                balance, first, end, _SPLITS.split(key, first, end, chosen, cited)
            ),
        )
    book = _book(law)
    check_date(due_date, "due_date")
    check_date(until, "until")
    convention: DayCount | None = day_count
    basis: tuple[Citation, ...] = ()
    if until > due_date:
        convention, citations = _day_count(due_date, book, day_count)
        basis = (*citations, _RANTELAGEN_6)
    return accrue_on_balance(
        principal,
        payments,
        start=due_date,
        until=until,
        rate_at=lambda day: late_interest_rate_in_force(on=day, law=book),
        day_count=convention,
        payments_reduce=payments_reduce,
        basis=basis,
    )


def interest_start(
    *,
    due_date: dt.date | None = None,
    demand_sent_on: dt.date | None = None,
    debtor_kind: DebtorKind | None = None,
    creditor_is_business: bool = False,
    interest_warning_given: bool = False,
    served_on: dt.date | None = None,
    roll_due_date: bool = True,
    law: LawBook | None = None,
) -> InterestStart:
    """Ränta från (when Swedish late interest starts), 3 and 4 §§ räntelagen.

    With a förfallodag fixed in advance, interest runs from it (3 §), by default rolled onto
    the next vardag (skuldebrevslagen 5 §, applied to invoices by analogy). Otherwise from the
    day 30 days after *demand_sent_on* ("en månad" before 2002-07-01), but only if the demand
    said that interest would be charged, unless the creditor is a business and the debtor a
    business or public body (4 § 2 st, from 2002-07-01). In any case interest runs at the latest
    from *served_on*, the delgivning of a betalningsföreläggande or stämning (4 § 4 st), but never
    before the claim falls due: a delgivning before the (rolled) förfallodag leaves the start on
    the förfallodag (2 § räntelagen; 4 § 4 st covers only a "förfallen fordran"). The returned
    ``start`` is what to pass as ``due_date=`` to :func:`late_interest`.

    >>> from datetime import date
    >>> interest_start(due_date=date(2026, 6, 19)).start  # midsommarafton -> Monday
    datetime.date(2026, 6, 22)
    >>> interest_start(demand_sent_on=date(2026, 3, 2), debtor_kind=DebtorKind.CONSUMER,
    ...                interest_warning_given=True).start
    datetime.date(2026, 4, 1)
    >>> interest_start(due_date=date(2026, 6, 1), served_on=date(2026, 5, 5)).start
    datetime.date(2026, 6, 1)

    Raises:
        InvalidInput: with none of *due_date*, *demand_sent_on*, *served_on*; or a demand
            without *debtor_kind*.
        RuleRefused: a demand without the interest warning where it is required, and no
            *served_on*.
        NotInForce: for dates the data (calendar, demand period) does not cover.
    """
    check_law(law)
    book = _book(law)
    candidates: list[InterestStart] = []
    if due_date is not None:
        candidates.append(_from_due_date(check_date(due_date, "due_date"), roll_due_date, book))
    elif demand_sent_on is not None:
        refused = _from_demand(
            check_date(demand_sent_on, "demand_sent_on"),
            debtor_kind=debtor_kind,
            creditor_is_business=creditor_is_business,
            interest_warning_given=interest_warning_given,
            law=book,
        )
        if isinstance(refused, RuleRefused):
            if served_on is None:
                raise refused
        else:
            candidates.append(refused)
    elif served_on is None:
        raise InvalidInput(
            "interest_start needs due_date (a förfallodag fixed in advance), demand_sent_on "
            "(the day a demand was sent) or served_on (delgivning), 3-4 §§ räntelagen"
        )
    if served_on is not None:
        check_date(served_on, "served_on")
        candidates.append(
            InterestStart(
                start=served_on,
                reasons=(f"at the latest from delgivning on {served_on.isoformat()}",),
                basis=(_RANTELAGEN_4_4,),
            )
        )
    first = min(candidates, key=lambda c: c.start)
    if due_date is not None and first is not candidates[0]:
        # 2 § räntelagen: no interest before the claim falls due; 4 § 4 st covers only a
        # förfallen fordran, so a delgivning before the (rolled) förfallodag starts nothing.
        due_start = candidates[0]
        return InterestStart(
            start=due_start.start,
            reasons=(
                *due_start.reasons,
                (
                    f"delgivning on {first.start.isoformat()} precedes it: no interest before "
                    "the claim falls due (2 § räntelagen; 4 § 4 st covers a förfallen fordran)"
                ),
            ),
            basis=(*due_start.basis, _RANTELAGEN_2),
        )
    return first


def _from_due_date(due_date: dt.date, roll: bool, law: LawBook) -> InterestStart:
    if not roll:
        return InterestStart(
            start=due_date,
            reasons=("from the förfallodag fixed in advance, not rolled",),
            basis=(_RANTELAGEN_3,),
        )
    calendar = calendar_for("SE", law=law)
    rolled = calendar.roll_forward(due_date)
    reason = (
        "from the förfallodag fixed in advance"
        if rolled == due_date
        else f"from the förfallodag {due_date.isoformat()}, not a vardag, moved to "
        f"{rolled.isoformat()} (skuldebrevslagen 5 § by analogy)"
    )
    return InterestStart(start=rolled, reasons=(reason,), basis=(_RANTELAGEN_3, calendar.citation))


def _from_demand(
    sent_on: dt.date,
    *,
    debtor_kind: DebtorKind | None,
    creditor_is_business: bool,
    interest_warning_given: bool,
    law: LawBook,
) -> InterestStart | RuleRefused:
    if not isinstance(debtor_kind, DebtorKind):
        raise InvalidInput(
            f"a demand needs debtor_kind (4 § 2 st räntelagen), got {debtor_kind!r}"
        )
    entry = law.record(DEMAND_PERIOD, sent_on)
    exempt_flag = entry.value.get("b2b_warning_exempt")
    if not isinstance(exempt_flag, bool):
        raise DataFileError(
            DEMAND_PERIOD,
            "value.b2b_warning_exempt",
            f"must be true or false, got {exempt_flag!r}",
        )
    exempt = exempt_flag and creditor_is_business and debtor_kind in _BUSINESS_DEBTORS
    if not exempt and not interest_warning_given:
        return RuleRefused(
            f"a demand sent {sent_on.isoformat()} without a statement that interest will be "
            "charged starts no interest against this debtor; interest runs at the latest from "
            "delgivning (pass served_on=)",
            rule=entry.citation.rule,
        )
    start = demand_period_end(entry.value, sent_on=sent_on, parameter=DEMAND_PERIOD)
    warning = "no interest warning needed (business to business)" if exempt else "with warning"
    return InterestStart(
        start=start,
        reasons=(
            (
                f"after a demand sent {sent_on.isoformat()}, {(start - sent_on).days} days later; "
                f"{warning}"
            ),
        ),
        basis=(_RANTELAGEN_4, entry.citation),
    )
