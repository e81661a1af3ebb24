"""Hypothesis strategies for inkassorules (``pip install "inkassorules[hypothesis]"``).

Strategies that generate valid inkassorules values for property-based tests: amounts of money,
claims, payments, instalment agreements, contact histories, dates on which a legal table has a
value, and KID / OCR payment references.
They follow Hypothesis' API style: plural names, keyword-only arguments, ``min_value`` /
``max_value`` bounds, strategies (not values) as arguments, and
:class:`hypothesis.errors.InvalidArgument` for arguments that cannot produce anything. Each
docstring says what the strategy shrinks towards.

This is the only module of the package that imports Hypothesis. With the extra installed,
Hypothesis runs :func:`_hypothesis_setup_hook` through the package's ``hypothesis`` entry point,
so ``st.from_type(Money)``, ``st.from_type(Claim)``, ``st.from_type(Payment)`` and
``st.from_type(InstalmentAgreement)`` work in any test suite.

>>> from hypothesis import given, settings
>>> @settings(max_examples=25, deadline=None, database=None)
... @given(claims(jurisdictions=st.just("SE")))
... def test_swedish_claims_are_in_kronor(claim):
...     assert claim.principal.currency == "SEK" and claim.principal.is_positive
>>> test_swedish_claims_are_in_kronor()
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING, Final
from zoneinfo import ZoneInfo

import holidays
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from inkassorules.calendar import add_months, calendar_for
from inkassorules.claims import CURRENCY_OF, Claim, DebtorKind, Payment, check_jurisdiction
from inkassorules.errors import InkassoError, InvalidInput, NotInForce, UnknownJurisdiction
from inkassorules.instalments import MAX_INSTALMENTS, MONTHLY, InstalmentAgreement
from inkassorules.law import builtin
from inkassorules.money import CURRENCIES, DECIMAL_CONTEXT, MINOR_UNIT, Money, to_decimal
from inkassorules.references import (
    KID_MAX_LENGTH,
    KID_MIN_LENGTH,
    OCR_MAX_LENGTH,
    OCR_MIN_LENGTH,
    make_kid,
    make_ocr,
)

if TYPE_CHECKING:
    from inkassorules.calendar import JurisdictionCode
    from inkassorules.law import LawBook
    from inkassorules.money import Currency
    from inkassorules.references import KidAlgorithm

__all__ = [
    "amounts",
    "claims",
    "contact_histories",
    "dates_in_force",
    "instalment_agreements",
    "kids",
    "ocr_numbers",
    "payments",
]

# None of these numbers is law: they bound what the strategies generate by default.
_DEFAULT_MAX_AMOUNT: Final = Decimal(1_000_000_000)
"""Default upper bound of :func:`amounts`: above any claim, and exact in Money's arithmetic."""
_DEFAULT_FIRST_DUE_DATE: Final = dt.date(2000, 1, 1)
_DEFAULT_LAST_DUE_DATE: Final = dt.date(2030, 12, 31)
_DEFAULT_MAX_PAYMENT: Final = Decimal(1_000_000)
"""Default upper bound of the amounts :func:`payments` generates."""
_MAX_INVOICE_TERM_DAYS: Final = 60
"""At most this many days between a generated claim's invoice date and its due date."""
_OPEN_END_YEARS: Final = 10
"""Years after its last change that :func:`dates_in_force` covers an until-changed table."""
_DEFAULT_MAX_INSTALMENTS: Final = 24
"""Default longest schedule :func:`instalment_agreements` builds (the library allows 360)."""
_MAX_FIRST_DUE_DELAY_DAYS: Final = 60
"""At most this many days between signing and a generated agreement's first due date."""
_MAX_GRACE_DAYS: Final = 14
_INTERVALS: Final = (MONTHLY, relativedelta(months=3), relativedelta(weeks=2))
"""Monthly (the default and what it shrinks to), quarterly and fortnightly schedules."""
_FIRST_CONTACT: Final = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
_LAST_CONTACT: Final = dt.datetime(2027, 12, 31, 23, 59, 59, tzinfo=dt.UTC)
_CONTACT_SPREAD: Final = dt.timedelta(days=40)
"""A generated contact history lies within this span, so that day, week and month caps bite."""
_CONTACT_ZONES: Final = ("Europe/Oslo", "Europe/Stockholm")
_MAX_HISTORY: Final = 1_000
"""The largest ``max_size`` :func:`contact_histories` accepts."""
_DIGITS: Final = "0123456789"
_ORE_PER_UNIT: Final = Decimal(100)
_ONE_DAY: Final = dt.timedelta(days=1)


# -- money ---------------------------------------------------------------------------------------


def _to_ore(value: object, argument: str, *, rounding: str) -> int:
    try:
        amount = to_decimal(value, argument=argument)
    except InvalidInput as error:
        raise InvalidArgument(str(error)) from None
    ore = DECIMAL_CONTEXT.multiply(amount, _ORE_PER_UNIT)
    return int(ore.to_integral_value(rounding=rounding, context=DECIMAL_CONTEXT))


def _check_currency(currency: object) -> Currency:
    if currency == "NOK":
        return "NOK"
    if currency == "SEK":
        return "SEK"
    raise InvalidArgument(f"currency must be one of {', '.join(CURRENCIES)}, got {currency!r}")


def amounts(
    *,
    currency: Currency = "NOK",
    min_value: Decimal | int | str = 0,
    max_value: Decimal | int | str | None = None,
) -> st.SearchStrategy[Money]:
    """Beløp / belopp: amounts of *currency* in whole øre / öre (two decimals).

    Every amount lies in ``[min_value, max_value]``; *max_value* ``None`` means 1 000 000 000.
    Bounds are ints, Decimals or numeric strings (never floats). Shrinks towards *min_value*
    (rounded up to a whole øre).

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(amounts(currency="SEK", min_value="0.01", max_value=700))
    ... def test_fee(fee):
    ...     assert fee.currency == "SEK" and fee.amount.as_tuple().exponent == -2
    ...     assert Money.of("0.01", "SEK") <= fee <= Money.of(700, "SEK")
    >>> test_fee()

    Raises:
        InvalidArgument: for an unknown currency, a float or non-numeric bound, or bounds with
            no whole øre between them.
    """
    code = _check_currency(currency)
    low = _to_ore(min_value, "min_value", rounding=ROUND_CEILING)
    high = _to_ore(
        _DEFAULT_MAX_AMOUNT if max_value is None else max_value, "max_value", rounding=ROUND_FLOOR
    )
    if low > high:
        upper = _DEFAULT_MAX_AMOUNT if max_value is None else max_value
        raise InvalidArgument(
            f"there is no whole øre between min_value={min_value!r} and max_value={upper!r}"
        )

    def to_money(offset: int) -> Money:
        return Money(Decimal(low + offset).scaleb(-2, DECIMAL_CONTEXT), code)

    return st.integers(min_value=0, max_value=high - low).map(to_money)


_amounts = amounts  # for functions whose argument is called "amounts"


# -- claims and payments --------------------------------------------------------------------------


@st.composite
def _claims(
    draw: st.DrawFn,
    jurisdictions: st.SearchStrategy[str],
    principals: st.SearchStrategy[Money] | None,
    due_dates: st.SearchStrategy[dt.date],
    debtor_kinds: st.SearchStrategy[DebtorKind],
) -> Claim:
    raw_code = draw(jurisdictions)
    try:
        code = check_jurisdiction(raw_code)
    except UnknownJurisdiction:
        raise InvalidArgument(
            f"jurisdictions produced {raw_code!r}; expected 'NO' or 'SE'"
        ) from None
    currency = CURRENCY_OF[code]
    principal: object = draw(
        principals if principals is not None else _amounts(currency=currency, min_value=MINOR_UNIT)
    )
    if not isinstance(principal, Money) or principal.currency != currency:
        raise InvalidArgument(
            f"principals produced {principal!r} for a {code} claim; it must produce Money in "
            f"{currency} (choose jurisdictions and principals that match)"
        )
    due_date: object = draw(due_dates)
    if not isinstance(due_date, dt.date) or isinstance(due_date, dt.datetime):
        raise InvalidArgument(f"due_dates produced {due_date!r}; expected a datetime.date")
    room = min(_MAX_INVOICE_TERM_DAYS, (due_date - dt.date.min).days)
    invoice_term = draw(st.none() | st.integers(min_value=0, max_value=room))
    try:
        return Claim(
            principal=principal,
            due_date=due_date,
            jurisdiction=code,
            debtor_kind=draw(debtor_kinds),
            invoice_date=None if invoice_term is None else due_date - dt.timedelta(invoice_term),
            reference=draw(st.none() | st.text(min_size=1, max_size=20)),
        )
    except InvalidInput as error:
        raise InvalidArgument(
            f"the strategies given to claims() produced an invalid claim: {error}"
        ) from None


def claims(
    *,
    jurisdictions: st.SearchStrategy[str] | None = None,
    principals: st.SearchStrategy[Money] | None = None,
    due_dates: st.SearchStrategy[dt.date] | None = None,
    debtor_kinds: st.SearchStrategy[DebtorKind] | None = None,
) -> st.SearchStrategy[Claim]:
    """Krav / fordran: valid :class:`~inkassorules.claims.Claim` values.

    Args:
        jurisdictions: ``"NO"`` / ``"SE"`` codes; default both.
        principals: the principal; default :func:`amounts` of at least 0.01 in the
            jurisdiction's currency. A strategy you pass must produce Money in the currency of
            every jurisdiction *jurisdictions* can produce.
        due_dates: default 2000-01-01 to 2030-12-31 (the built-in tables do not hold every
            rule on every one of these dates: use :func:`dates_in_force` to stay inside one).
        debtor_kinds: default every :class:`~inkassorules.claims.DebtorKind`.

    The invoice date is absent or up to 60 days before the due date; the reference is absent or
    short text. Shrinks towards a Norwegian consumer claim of 0.01 NOK due 2000-01-01 with no
    invoice date and no reference.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(claims(debtor_kinds=st.just(DebtorKind.BUSINESS)))
    ... def test_business(claim):
    ...     assert not claim.debtor_kind.is_consumer
    ...     assert claim.invoice_date is None or claim.invoice_date <= claim.due_date
    >>> test_business()

    Raises:
        InvalidArgument: (when drawing) if the strategies produce values no Claim accepts.
    """
    return _claims(
        st.sampled_from(("NO", "SE")) if jurisdictions is None else jurisdictions,
        principals,
        st.dates(min_value=_DEFAULT_FIRST_DUE_DATE, max_value=_DEFAULT_LAST_DUE_DATE)
        if due_dates is None
        else due_dates,
        st.sampled_from(DebtorKind) if debtor_kinds is None else debtor_kinds,
    )


@st.composite
def _payments(
    draw: st.DrawFn,
    amounts: st.SearchStrategy[Money],
    dates: st.SearchStrategy[dt.date],
    designations: st.SearchStrategy[str | None],
) -> Payment:
    amount = draw(amounts)
    try:
        return Payment(amount=amount, paid_on=draw(dates), designation=draw(designations))
    except InvalidInput as error:
        raise InvalidArgument(
            f"the strategies given to payments() produced an invalid payment: {error}"
        ) from None


def payments(
    *,
    currency: Currency = "NOK",
    amounts: st.SearchStrategy[Money] | None = None,
    dates: st.SearchStrategy[dt.date] | None = None,
    designations: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Payment]:
    """Innbetaling / inbetalning: valid :class:`~inkassorules.claims.Payment` values.

    Args:
        currency: the currency of the default amounts.
        amounts: what is paid; default :func:`amounts` of 0.01 to 1 000 000 in *currency*
            (a strategy you pass must produce Money above zero).
        dates: the day paid (``paid_on``); default 2000-01-01 to 2030-12-31.
        designations: the debtor's designation; default absent, or a KID / OCR-like digit
            string.

    Shrinks towards 0.01 paid on 2000-01-01 with no designation.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(payments(currency="SEK"))
    ... def test_paid(payment):
    ...     assert payment.amount.currency == "SEK" and payment.amount.is_positive
    >>> test_paid()

    Raises:
        InvalidArgument: for an unknown currency; (when drawing) for strategies that produce
            values no Payment accepts.
    """
    code = _check_currency(currency)
    return _payments(
        _amounts(currency=code, min_value=MINOR_UNIT, max_value=_DEFAULT_MAX_PAYMENT)
        if amounts is None
        else amounts,
        st.dates(min_value=_DEFAULT_FIRST_DUE_DATE, max_value=_DEFAULT_LAST_DUE_DATE)
        if dates is None
        else dates,
        st.none() | st.text(alphabet=_DIGITS, min_size=2, max_size=25)
        if designations is None
        else designations,
    )


# -- instalment agreements ------------------------------------------------------------------------


@st.composite
def _instalment_agreements(
    draw: st.DrawFn,
    currency: Currency,
    totals: st.SearchStrategy[Money],
    signing_dates: st.SearchStrategy[dt.date],
    max_instalments: int,
) -> InstalmentAgreement:
    total: object = draw(totals)
    if (
        not isinstance(total, Money)
        or total.currency != currency
        or not total.is_positive
        or not total.is_whole_minor_units
    ):
        raise InvalidArgument(
            f"totals produced {total!r}; it must produce whole-øre Money above zero in {currency}"
        )
    signed_on: object = draw(signing_dates)
    if not isinstance(signed_on, dt.date) or isinstance(signed_on, dt.datetime):
        raise InvalidArgument(f"signing_dates produced {signed_on!r}; expected a datetime.date")
    ore = int(DECIMAL_CONTEXT.multiply(total.amount, _ORE_PER_UNIT))
    count: int | None = None
    per_instalment: Money | None = None
    if draw(st.sampled_from(("count", "amount_per_instalment"))) == "count":
        count = draw(st.integers(min_value=1, max_value=min(max_instalments, ore)))
    else:
        smallest = -(-ore // max_instalments)  # so that there are at most max_instalments
        per = draw(st.integers(min_value=smallest, max_value=ore))
        per_instalment = Money(Decimal(per).scaleb(-2, DECIMAL_CONTEXT), currency)
    delay = draw(st.none() | st.integers(min_value=0, max_value=_MAX_FIRST_DUE_DELAY_DAYS))
    try:
        return InstalmentAgreement.plan(
            total,
            signed_on=signed_on,
            first_due=None if delay is None else signed_on + dt.timedelta(days=delay),
            first_at_signing=delay is None,
            every=draw(st.sampled_from(_INTERVALS)),
            grace_days=draw(st.integers(min_value=0, max_value=_MAX_GRACE_DAYS)),
            remainder=draw(st.sampled_from(("last", "first"))),
            count=count,
            amount_per_instalment=per_instalment,
        )
    except InvalidInput as error:
        raise InvalidArgument(
            f"the strategies given to instalment_agreements() produced an invalid plan: {error}"
        ) from None


def instalment_agreements(
    *,
    currency: Currency = "NOK",
    totals: st.SearchStrategy[Money] | None = None,
    signing_dates: st.SearchStrategy[dt.date] | None = None,
    max_instalments: int = _DEFAULT_MAX_INSTALMENTS,
) -> st.SearchStrategy[InstalmentAgreement]:
    """Avdragsordning / amorteringsplan: valid agreements built by ``InstalmentAgreement.plan``.

    Args:
        currency: the agreement's currency.
        totals: the total the plan covers; default :func:`amounts` of 0.01 to 1 000 000 in
            *currency* (a strategy you pass must produce whole-øre Money above zero).
        signing_dates: ``signed_on``; default 2000-01-01 to 2030-12-31.
        max_instalments: the longest schedule, 1 to 360 (default 24).

    Each plan is sized by a count or by an amount per instalment, falls due first on signing or
    up to 60 days later, then monthly, quarterly or fortnightly, with 0 to 14 days of grace and
    no rolling onto business days. Shrinks towards a single instalment of 0.01 due on signing,
    2000-01-01, monthly, without grace.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(instalment_agreements(currency="SEK", max_instalments=6))
    ... def test_plan(plan):
    ...     assert sum(i.amount for i in plan.instalments) == plan.total
    ...     assert 1 <= len(plan.instalments) <= 6
    >>> test_plan()

    Raises:
        InvalidArgument: for an unknown currency or *max_instalments* outside 1 to 360; (when
            drawing) for strategies that produce values no plan accepts.
    """
    code = _check_currency(currency)
    _check_size(max_instalments, "max_instalments", 1, MAX_INSTALMENTS)
    return _instalment_agreements(
        code,
        _amounts(currency=code, min_value=MINOR_UNIT, max_value=_DEFAULT_MAX_PAYMENT)
        if totals is None
        else totals,
        st.dates(min_value=_DEFAULT_FIRST_DUE_DATE, max_value=_DEFAULT_LAST_DUE_DATE)
        if signing_dates is None
        else signing_dates,
        max_instalments,
    )


# -- contact histories ----------------------------------------------------------------------------


def _check_moment(value: object, argument: str) -> dt.datetime:
    if (
        not isinstance(value, dt.datetime)
        or value.tzinfo is None
        or value.tzinfo.utcoffset(value) is None
    ):
        raise InvalidArgument(f"{argument} must be a timezone-aware datetime, got {value!r}")
    return value


@st.composite
def _contact_histories(
    draw: st.DrawFn,
    *,
    first: dt.datetime,
    last: dt.datetime,
    timezones: st.SearchStrategy[dt.tzinfo],
    min_size: int,
    max_size: int,
) -> list[dt.datetime]:
    # Elapsed time throughout: arithmetic on a zoned datetime would add wall-clock time, which
    # is an hour off across a DST change (see contact_histories).
    first, last = first.astimezone(dt.UTC), last.astimezone(dt.UTC)
    spread = min(_CONTACT_SPREAD, last - first)
    room = int((last - first - spread).total_seconds())
    anchor = first + dt.timedelta(seconds=draw(st.integers(min_value=0, max_value=room)))
    offsets = draw(
        st.lists(
            st.integers(min_value=0, max_value=int(spread.total_seconds())),
            min_size=min_size,
            max_size=max_size,
        )
    )
    history = []
    for offset in sorted(offsets):
        zone: object = draw(timezones)
        if not isinstance(zone, dt.tzinfo):
            raise InvalidArgument(f"timezones produced {zone!r}; expected a datetime.tzinfo")
        history.append((anchor + dt.timedelta(seconds=offset)).astimezone(zone))
    return history


def contact_histories(
    *,
    min_value: dt.datetime = _FIRST_CONTACT,
    max_value: dt.datetime = _LAST_CONTACT,
    timezones: st.SearchStrategy[dt.tzinfo] | None = None,
    min_size: int = 0,
    max_size: int = 10,
) -> st.SearchStrategy[list[dt.datetime]]:
    """Kontakthistorikk / kontakthistorik: earlier contact attempts, as ``history=`` takes them.

    Lists of *min_size* to *max_size* timezone-aware datetimes in ``[min_value, max_value]``
    (default 2023-01-01 to 2027-12-31 UTC), in time order, whole seconds, all within 40 days of
    each other so that the caps per day, week and month are reached. Each moment is shown in a
    zone from *timezones* (default Europe/Oslo, Europe/Stockholm or UTC); the same instant in
    another zone is the same contact. Shrinks towards the empty list, or towards *min_size*
    contacts all at *min_value* in Europe/Oslo.

    "In time order" and "within 40 days" are in elapsed (absolute) time: compare the moments in
    UTC (``m.astimezone(datetime.UTC)``). Python subtracts and orders two datetimes of the same
    zone by their wall clocks, so across the spring DST change a history in Europe/Oslo can span
    40 days and 1 hour on the wall clock (40 days and 1 hour less in autumn), and two moments in
    the repeated hour of October can look misordered.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(contact_histories(max_size=5))
    ... def test_history(history):
    ...     assert all(moment.tzinfo is not None for moment in history)
    ...     assert history == sorted(history) and len(history) <= 5
    >>> test_history()

    Raises:
        InvalidArgument: for naive or misordered bounds, or sizes that are not
            ``0 <= min_size <= max_size <= 1000``.
    """
    first = _check_moment(min_value, "min_value")
    last = _check_moment(max_value, "max_value")
    if first > last:
        raise InvalidArgument(f"min_value={min_value} is after max_value={max_value}")
    for size, argument in ((min_size, "min_size"), (max_size, "max_size")):
        _check_size(size, argument, 0, _MAX_HISTORY)
    if min_size > max_size:
        raise InvalidArgument(f"min_size={min_size} is larger than max_size={max_size}")
    zones = (
        st.sampled_from([*(ZoneInfo(key) for key in _CONTACT_ZONES), dt.UTC])
        if timezones is None
        else timezones
    )
    return _contact_histories(
        first=first, last=last, timezones=zones, min_size=min_size, max_size=max_size
    )


# -- dates on which a table has a value -----------------------------------------------------------


@functools.cache
def _holiday_dates(
    code: JurisdictionCode, first_year: int, last_year: int, categories: tuple[str, ...]
) -> tuple[dt.date, ...]:
    table = holidays.country_holidays(
        code, years=range(first_year, last_year + 1), categories=categories, include_sundays=False
    )
    return tuple(sorted(table))


def _holidays_between(
    name: str, law: LawBook | None, first: dt.date, last: dt.date
) -> tuple[dt.date, ...]:
    code = name.split(".", 1)[0].upper()
    try:
        calendar = calendar_for(code, law=law)
    except InkassoError:  # not a country's table, or a law book without a calendar
        return ()
    first, last = max(first, calendar.first_day), min(last, calendar.last_day)
    if first > last:
        return ()
    days = _holiday_dates(
        calendar.jurisdiction, first.year, last.year, calendar.holiday_categories
    )
    return tuple(day for day in days if first <= day <= last)


def _month_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    ends = []
    month = dt.date(first.year, first.month, 1)
    while month <= last:
        end = add_months(month, 1) - _ONE_DAY
        if first <= end <= last:
            ends.append(end)
        month = add_months(month, 1)
    return ends


def _check_date_bound(bound: object, argument: str) -> None:
    if bound is not None and (not isinstance(bound, dt.date) or isinstance(bound, dt.datetime)):
        raise InvalidArgument(f"{argument} must be a datetime.date or None, got {bound!r}")


def _segments_in_force(
    name: str, law: LawBook, min_value: dt.date | None, max_value: dt.date | None
) -> list[tuple[dt.date, dt.date]]:
    parameter = law.parameter(name)
    starts = parameter.change_dates
    open_end = parameter.horizon or max_value or dt.date(starts[-1].year + _OPEN_END_YEARS, 12, 31)
    segments = []
    for start, following in itertools.zip_longest(starts, starts[1:]):
        end = open_end if following is None else following - _ONE_DAY
        try:
            law.at(name, start)
        except NotInForce:
            continue
        low = start if min_value is None else max(start, min_value)
        high = end if max_value is None else min(end, max_value)
        if low <= high:
            segments.append((low, high))
    return segments


def dates_in_force(
    name: str,
    *,
    law: LawBook | None = None,
    min_value: dt.date | None = None,
    max_value: dt.date | None = None,
) -> st.SearchStrategy[dt.date]:
    """Dates on which the legal table *name* has a value (a look-up does not raise NotInForce).

    Half of the examples come from the dates where rules most often go wrong: each
    ``valid_from`` in force, the day before it (if that day is in force too), month ends and
    the country's holidays (from its business-day calendar). A table that holds "until
    changed" is covered up to *max_value*, by default to 31 December ten years after its last
    change; a half-yearly table up to its horizon. Gaps marked "unknown" and repealed periods
    are left out. Shrinks towards the earliest such date.

    >>> from hypothesis import given, settings
    >>> from inkassorules.law import builtin
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(dates_in_force("no.inkassosats", min_value=dt.date(2020, 1, 1)))
    ... def test_sats(day):
    ...     assert builtin().amount("no.inkassosats", day).valid_from <= day
    >>> test_sats()

    Raises:
        InvalidArgument: if the law book has no table *name*, if *min_value* is after
            *max_value*, or if the table has no value between them.
    """
    book = builtin() if law is None else law
    _check_date_bound(min_value, "min_value")
    _check_date_bound(max_value, "max_value")
    if min_value is not None and max_value is not None and min_value > max_value:
        raise InvalidArgument(f"min_value={min_value} is after max_value={max_value}")
    try:
        segments = _segments_in_force(name, book, min_value, max_value)
    except InkassoError as error:
        raise InvalidArgument(str(error)) from None
    if not segments:
        raise InvalidArgument(
            f"{name} has no value in force between {min_value or 'its start'} and "
            f"{max_value or 'its end'}"
        )

    def in_force(day: dt.date) -> bool:
        return any(low <= day <= high for low, high in segments)

    first, last = segments[0][0], segments[-1][1]
    special = {low for low, _ in segments} | {
        start - _ONE_DAY for start in book.parameter(name).change_dates
    }
    special.update(_month_ends(first, last))
    special.update(_holidays_between(name, law, first, last))
    special_dates = sorted(day for day in special if in_force(day))

    offsets = list(itertools.accumulate((high - low).days + 1 for low, high in segments))

    def nth_day(n: int) -> dt.date:
        for (low, _), (end, before) in zip(
            segments, zip(offsets, [0, *offsets[:-1]], strict=True), strict=True
        ):
            if n < end:
                return low + dt.timedelta(days=n - before)
        msg = f"day {n} is beyond the {offsets[-1]} days in force"  # pragma: no cover
        raise AssertionError(msg)  # pragma: no cover

    anywhere = st.integers(min_value=0, max_value=offsets[-1] - 1).map(nth_day)
    return st.sampled_from(special_dates) | anywhere if special_dates else anywhere


# -- payment references -------------------------------------------------------------------------


def _check_size(size: object, argument: str, low: int, high: int) -> int:
    if isinstance(size, bool) or not isinstance(size, int) or not low <= size <= high:
        raise InvalidArgument(f"{argument} must be an int from {low} to {high}, got {size!r}")
    return size


def _check_sizes(min_size: int, max_size: int, low: int, high: int) -> None:
    _check_size(min_size, "min_size", low, high)
    _check_size(max_size, "max_size", low, high)
    if min_size > max_size:
        raise InvalidArgument(f"min_size={min_size} is larger than max_size={max_size}")


def kids(
    *,
    algorithm: KidAlgorithm = "mod10",
    min_size: int = KID_MIN_LENGTH,
    max_size: int = KID_MAX_LENGTH,
) -> st.SearchStrategy[str]:
    """KID: valid Norwegian payment references of *min_size* to *max_size* characters.

    Under ``"mod11"`` some end in ``-``. Shrinks towards zeros: ``"00"`` by default.

    >>> from hypothesis import given, settings
    >>> from inkassorules.references import is_valid_kid
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(kids(algorithm="mod11", max_size=10))
    ... def test_kid(kid):
    ...     assert is_valid_kid(kid, algorithm="mod11") and len(kid) <= 10
    >>> test_kid()

    Raises:
        InvalidArgument: for an unknown algorithm or sizes outside 2 to 25.
    """
    if algorithm not in ("mod10", "mod11"):
        raise InvalidArgument(f"algorithm must be 'mod10' or 'mod11', got {algorithm!r}")
    _check_sizes(min_size, max_size, KID_MIN_LENGTH, KID_MAX_LENGTH)
    return st.text(alphabet=_DIGITS, min_size=min_size - 1, max_size=max_size - 1).map(
        functools.partial(make_kid, algorithm=algorithm)
    )


def ocr_numbers(
    *,
    length_digit: bool = False,
    min_size: int | None = None,
    max_size: int = OCR_MAX_LENGTH,
) -> st.SearchStrategy[str]:
    """OCR-nummer: valid Swedish payment references of *min_size* to *max_size* digits.

    With *length_digit*, each carries Bankgirot's length digit and *min_size* is at least 3
    (one digit of the reference itself); *min_size* ``None`` means the shortest possible.
    Shrinks towards zeros: ``"00"``, or ``"034"`` with a length digit.

    >>> from hypothesis import given, settings
    >>> from inkassorules.references import is_valid_ocr
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(ocr_numbers(length_digit=True))
    ... def test_ocr(number):
    ...     assert is_valid_ocr(number, length_digit=True)
    >>> test_ocr()

    Raises:
        InvalidArgument: for sizes outside 2 (3 with a length digit) to 25.
    """
    if not isinstance(length_digit, bool):
        raise InvalidArgument(f"length_digit must be True or False, got {length_digit!r}")
    added = 2 if length_digit else 1
    shortest = max(OCR_MIN_LENGTH, added + 1)
    min_size = shortest if min_size is None else min_size
    _check_sizes(min_size, max_size, shortest, OCR_MAX_LENGTH)
    return st.text(alphabet=_DIGITS, min_size=min_size - added, max_size=max_size - added).map(
        functools.partial(make_ocr, length_digit=length_digit)
    )


# -- registration -------------------------------------------------------------------------------


def _money_in_any_currency() -> st.SearchStrategy[Money]:
    return st.sampled_from(CURRENCIES).flatmap(lambda currency: amounts(currency=currency))


def _payments_in_any_currency() -> st.SearchStrategy[Payment]:
    return st.sampled_from(CURRENCIES).flatmap(lambda currency: payments(currency=currency))


def _agreements_in_any_currency() -> st.SearchStrategy[InstalmentAgreement]:
    return st.sampled_from(CURRENCIES).flatmap(
        lambda currency: instalment_agreements(currency=currency)
    )


def _hypothesis_setup_hook() -> None:
    """Register the strategies for ``st.from_type``: Money, Claim, Payment, InstalmentAgreement.

    Hypothesis calls this through the ``hypothesis`` entry point of the package; calling it
    again is harmless (the registration is replaced by an equal one).
    """
    st.register_type_strategy(Money, _money_in_any_currency())
    st.register_type_strategy(Claim, claims())
    st.register_type_strategy(Payment, _payments_in_any_currency())
    st.register_type_strategy(InstalmentAgreement, _agreements_in_any_currency())
