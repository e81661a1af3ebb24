"""Hypothesis strategies for inkassorules (``pip install "inkassorules[hypothesis]"``).

Strategies that generate valid inkassorules values for property-based tests: amounts of money,
claims, payments, instalment agreements, contact histories, dates on which a legal table has a
value, KID / OCR payment references, the events of a case, and cases: any history
(:func:`cases`) or the planner's own lawful steps (:func:`lawful_cases`).
They follow Hypothesis' API style: plural names, keyword-only arguments, ``min_value`` /
``max_value`` bounds, strategies (not values) as arguments, and
:class:`hypothesis.errors.InvalidArgument` for arguments that cannot produce anything. Each
docstring says what the strategy shrinks towards.

This is the only module of the package that imports Hypothesis. With the extra installed,
Hypothesis loads it through the package's ``hypothesis`` entry point, so ``st.from_type(...)``
works in any test suite for Money, Claim, Payment, InstalmentAgreement, every event type, Case,
CreditorPolicy and InterestResult; by default each draws values the built-in law covers
(:func:`dates_out_of_force` draws the others, for tests of refusals).

>>> from hypothesis import given, settings
>>> @settings(max_examples=25, deadline=None, database=None)
... @given(claims(jurisdictions=st.just("SE")))
... def test_swedish_claims_are_in_kronor(claim):
...     assert claim.principal.currency == "SEK" and claim.principal.is_positive
>>> test_swedish_claims_are_in_kronor()
"""

# ruff: noqa: E402 - the setup hook comes before the imports (see below)
from __future__ import annotations

_COMPLETE = False
"""True once this module has been imported to its end."""


def _hypothesis_setup_hook() -> None:
    """Register the strategies for ``st.from_type`` (see :func:`_register_type_strategies`).

    Hypothesis runs its entry points while it is first imported. If this module is imported
    before Hypothesis, that happens half-way through this module's own import (at ``from
    hypothesis import ...`` below), so the hook is defined before that line and registers
    nothing then: the module registers its strategies itself when its import is complete.
    Calling the hook again is harmless (each registration is replaced by an equal one).
    """
    if _COMPLETE:
        _register_type_strategies()


import datetime as dt
import decimal
import functools
import itertools
import operator
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING, Final, TypeVar
from zoneinfo import ZoneInfo

import attrs
import holidays
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from inkassorules.calendar import add_days, add_months, calendar_for
from inkassorules.case import LETTER_KINDS, Case
from inkassorules.claims import CURRENCY_OF, Claim, DebtorKind, Payment, check_jurisdiction
from inkassorules.contact import time_zone
from inkassorules.disputes import Dispute
from inkassorules.errors import InkassoError, InvalidInput, NotInForce, UnknownJurisdiction
from inkassorules.events import (
    AgreementCancelled,
    AgreementMade,
    ContactAttempt,
    CreditGranted,
    DueDatePostponed,
    Event,
    LegalActionFiled,
    LetterSent,
)
from inkassorules.instalments import (
    CONTRACT_TERM,
    MAX_INSTALMENTS,
    MONTHLY,
    AccelerationPolicy,
    InstalmentAgreement,
    SwedishConsumerCredit,
)
from inkassorules.interest import InterestResult
from inkassorules.law import LawBook, builtin
from inkassorules.money import CURRENCIES, DECIMAL_CONTEXT, MINOR_UNIT, Money, to_decimal
from inkassorules.no import interest as no_interest
from inkassorules.references import (
    KID_MAX_LENGTH,
    KID_MIN_LENGTH,
    OCR_MAX_LENGTH,
    OCR_MIN_LENGTH,
    make_kid,
    make_ocr,
)
from inkassorules.se import interest as se_interest
from inkassorules.steps import Channel, StepKind
from inkassorules.timeline import CreditorPolicy

if TYPE_CHECKING:
    from collections.abc import Callable

    from inkassorules.calendar import JurisdictionCode
    from inkassorules.money import Currency
    from inkassorules.references import KidAlgorithm
    from inkassorules.timeline import Step

__all__ = [
    "agreement_cancellations",
    "agreements_made",
    "amounts",
    "cases",
    "claims",
    "contact_attempts",
    "contact_histories",
    "creditor_policies",
    "credits_granted",
    "dates_in_force",
    "dates_out_of_force",
    "disputes",
    "due_date_postponements",
    "instalment_agreements",
    "interest_results",
    "kids",
    "lawful_cases",
    "legal_actions_filed",
    "letters_sent",
    "ocr_numbers",
    "payments",
]

_T = TypeVar("_T")

# None of these numbers is law: they bound what the strategies generate by default.
_DEFAULT_MAX_AMOUNT: Final = Decimal(1_000_000_000)
"""Default upper bound of :func:`amounts`: above any claim, and exact in Money's arithmetic."""
_DEFAULT_FIRST_DUE_DATE: Final = dt.date(2000, 1, 1)
_DEFAULT_LAST_DUE_DATE: Final = dt.date(2030, 12, 31)
"""Default days of :func:`payments` and :func:`instalment_agreements`."""
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
_FIRST_EVENT_DAY: Final = dt.date(2025, 1, 1)
_LAST_EVENT_DAY: Final = dt.date(2026, 6, 30)
"""Default days of the event strategies: inside what the built-in tables cover."""
_FIRST_CASE_DUE_DATE: Final = dt.date(2025, 1, 1)
_LAST_CASE_DUE_DATE: Final = dt.date(2026, 5, 31)
"""Due dates of the claims :func:`claims` (any day) and :func:`cases` (business days) draw: the
built-in law covers the whole collection of such a claim (Swedish interest is published to
2026-06-30)."""
_INTEREST_TABLE: Final[dict[JurisdictionCode, str]] = {
    "NO": "no.interest.late_interest_rate",
    "SE": "se.interest.reference_rate",
}
"""The half-yearly table whose horizon is the last day a case's events may fall on."""
_MAX_CASE_DAYS: Final = 180
"""A case's events fall within this many days after the due date."""
_PLANNING_ROOM_DAYS: Final = 30
"""Days left between a case's last event and the end of what the interest table covers."""
_DEFAULT_MAX_EVENTS: Final = 8
_MAX_EVENT_FEE: Final = Decimal(1_000)
"""The largest fee or cost a generated event records (not a legal cap)."""
_MAX_DEADLINE_DAYS: Final = 30
_MAX_DISPUTE_DAYS: Final = 90
_MAX_POSTPONEMENT_DAYS: Final = 60
_MAX_NOTICE_DAYS: Final = 120
_CASE_MAX_INSTALMENTS: Final = 12
_SECONDS_PER_DAY: Final = 86_400
_ID_ALPHABET: Final = "abcdefghijklmnopqrstuvwxyz0123456789-_"
_REASONS: Final = ("damaged delivery", "wrong amount", "not ordered", "paid already")
_WRITTEN_CHANNELS: Final = (Channel.SMS, Channel.EMAIL, Channel.LETTER)
_CONTACT_CHANNELS: Final = (Channel.PHONE, Channel.SMS, Channel.EMAIL, Channel.LETTER)
_POLICIES: Final = ("contract_term", "swedish_consumer_credit")
_VENUES: Final[dict[JurisdictionCode, tuple[str, ...]]] = {
    "NO": ("namsmannen", "forliksrådet"),
    "SE": ("Kronofogden", "tingsrätten"),
}
_ORE_PER_UNIT: Final = Decimal(100)
_ONE_DAY: Final = dt.timedelta(days=1)


# -- money ---------------------------------------------------------------------------------------


def _to_ore(value: object, argument: str, *, rounding: str) -> int:
    try:
        amount = to_decimal(value, argument=argument)
    except InvalidInput as error:
        raise InvalidArgument(str(error)) from None
    try:
        ore = DECIMAL_CONTEXT.multiply(amount, _ORE_PER_UNIT)
    except decimal.Overflow:
        raise InvalidArgument(f"{argument} is too large for an amount, got {value!r}") from None
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
        due_dates: default any day from 2025-01-01 to 2026-05-31, weekends and holidays
            included (a due date that is not a business day rolls to the next one: gjeldsbrevloven
            § 5, skuldebrevslagen 5 §), on which the built-in law covers the whole collection, so
            ``plan(claim, as_of=claim.due_date)`` plans. Pass :func:`dates_in_force` to draw the
            dates of one table, or :func:`dates_out_of_force` to test refusals.
        debtor_kinds: default every :class:`~inkassorules.claims.DebtorKind`.

    The invoice date is absent or up to 60 days before the due date; the reference is absent or
    short text. Shrinks towards a Norwegian consumer claim of 0.01 NOK due 2025-01-01 with no
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
        st.dates(min_value=_FIRST_CASE_DUE_DATE, max_value=_LAST_CASE_DUE_DATE)
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


# -- the events of a case -------------------------------------------------------------------------


def _check_strategy(value: object, argument: str) -> None:
    if value is not None and not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(f"{argument} must be a Hypothesis strategy or None, got {value!r}")


def _event_days(days: st.SearchStrategy[dt.date] | None) -> st.SearchStrategy[dt.date]:
    _check_strategy(days, "days")
    if days is None:
        return st.dates(min_value=_FIRST_EVENT_DAY, max_value=_LAST_EVENT_DAY)
    return days


def _draw_day(draw: st.DrawFn, days: st.SearchStrategy[dt.date], argument: str) -> dt.date:
    day: object = draw(days)
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise InvalidArgument(f"{argument} produced {day!r}; expected a datetime.date")
    return day


def _check_code(jurisdiction: object) -> JurisdictionCode:
    try:
        return check_jurisdiction(jurisdiction)
    except UnknownJurisdiction:
        raise InvalidArgument(f"jurisdiction must be 'NO' or 'SE', got {jurisdiction!r}") from None


def _ids() -> st.SearchStrategy[str | None]:
    return st.none() | st.text(alphabet=_ID_ALPHABET, min_size=1, max_size=12)


def _reasons() -> st.SearchStrategy[str]:
    return st.sampled_from(_REASONS)


def _fees(currency: Currency) -> st.SearchStrategy[Money]:
    return _amounts(currency=currency, max_value=_MAX_EVENT_FEE)


def _draw_amount(
    draw: st.DrawFn, amounts: st.SearchStrategy[Money], currency: Currency, what: str
) -> Money:
    amount: object = draw(amounts)
    if not isinstance(amount, Money) or amount.currency != currency or not amount.is_positive:
        raise InvalidArgument(
            f"amounts produced {amount!r} for {what}(); it must produce Money above zero in "
            f"{currency}"
        )
    return amount


def _invalid(what: str, error: InkassoError) -> InvalidArgument:
    return InvalidArgument(f"the strategies given to {what}() produced an invalid event: {error}")


@st.composite
def _letters_sent(
    draw: st.DrawFn, code: JurisdictionCode, days: st.SearchStrategy[dt.date]
) -> LetterSent:
    currency = CURRENCY_OF[code]
    sent_on = _draw_day(draw, days, "days")
    term = draw(st.none() | st.integers(min_value=0, max_value=_MAX_DEADLINE_DAYS))
    try:
        return LetterSent(
            kind=draw(st.sampled_from(sorted(LETTER_KINDS[code], key=_level_then_name))),
            sent_on=sent_on,
            fee_charged=draw(_fees(currency)),
            deadline=None if term is None else add_days(sent_on, term),
            channel=draw(st.sampled_from(_WRITTEN_CHANNELS)),
            interest_charged=draw(st.none() | _fees(currency)),
            id=draw(_ids()),
        )
    except InkassoError as error:
        raise _invalid("letters_sent", error) from None


def _level_then_name(kind: StepKind) -> tuple[int, str]:
    return kind.level, kind.value


def letters_sent(
    *, jurisdiction: JurisdictionCode = "NO", days: st.SearchStrategy[dt.date] | None = None
) -> st.SearchStrategy[LetterSent]:
    """Kravbrev sendt / kravbrev skickat: valid :class:`~inkassorules.events.LetterSent` events.

    Letters of the kinds *jurisdiction* has (:data:`inkassorules.case.LETTER_KINDS`), sent on a
    day from *days* (default 2025-01-01 to 2026-06-30) by letter, e-mail or SMS, with a fee of
    0 to 1 000 in the country's currency, a deadline absent or 0 to 30 days after sending, the
    interest claimed absent or 0 to 1 000, and an id absent or short text. The fees are not
    the law's caps: use :func:`lawful_cases` for letters the planner would send. Shrinks
    towards the lowest kind (a friendly reminder in Norway, a påminnelse in Sweden) sent on
    the first day by SMS, free, with no deadline.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(letters_sent(jurisdiction="SE"))
    ... def test_letter(letter):
    ...     assert letter.fee_charged.currency == "SEK"
    ...     assert letter.deadline is None or letter.deadline >= letter.sent_on
    >>> test_letter()

    Raises:
        InvalidArgument: for a jurisdiction other than ``"NO"`` / ``"SE"`` or *days* that is not
            a strategy; (when drawing) for days that are not dates.
    """
    return _letters_sent(_check_code(jurisdiction), _event_days(days))


@st.composite
def _disputes(
    draw: st.DrawFn,
    currency: Currency,
    amounts: st.SearchStrategy[Money],
    days: st.SearchStrategy[dt.date],
) -> Dispute:
    amount = _draw_amount(draw, amounts, currency, "disputes")
    raised_on = _draw_day(draw, days, "days")
    lasted = draw(st.none() | st.integers(min_value=0, max_value=_MAX_DISPUTE_DAYS))
    try:
        return Dispute(
            amount=amount,
            raised_on=raised_on,
            reason=draw(_reasons()),
            reasonable=draw(st.booleans().map(operator.not_)),
            resolved_on=None if lasted is None else add_days(raised_on, lasted),
            id=draw(_ids()),
        )
    except InkassoError as error:
        raise _invalid("disputes", error) from None


def disputes(
    *,
    currency: Currency = "NOK",
    amounts: st.SearchStrategy[Money] | None = None,
    days: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[Dispute]:
    """Innsigelse / bestridande: valid :class:`~inkassorules.disputes.Dispute` events.

    The disputed amount from *amounts* (default 0.01 to 1 000 000 in *currency*; a strategy you
    pass must produce Money above zero in *currency*), raised on a
    day from *days* (default 2025-01-01 to 2026-06-30), reasonable or not, resolved absent or
    0 to 90 days later, with a short reason and an id absent or short text. Shrinks towards a
    reasonable, unresolved dispute of 0.01 on the first day.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(disputes(currency="SEK"))
    ... def test_dispute(dispute):
    ...     assert dispute.amount.currency == "SEK" and dispute.amount.is_positive
    >>> test_dispute()

    Raises:
        InvalidArgument: for an unknown currency or arguments that are not strategies; (when
            drawing) for values no Dispute accepts.
    """
    code = _check_currency(currency)
    _check_strategy(amounts, "amounts")
    return _disputes(
        code,
        _amounts(currency=code, min_value=MINOR_UNIT, max_value=_DEFAULT_MAX_PAYMENT)
        if amounts is None
        else amounts,
        _event_days(days),
    )


@st.composite
def _contact_attempts(
    draw: st.DrawFn,
    zone: ZoneInfo,
    days: st.SearchStrategy[dt.date],
    timezones: st.SearchStrategy[dt.tzinfo],
) -> ContactAttempt:
    day = _draw_day(draw, days, "days")
    seconds = draw(st.integers(min_value=0, max_value=_SECONDS_PER_DAY - 1))
    local = dt.datetime.combine(day, dt.time(), tzinfo=zone) + dt.timedelta(seconds=seconds)
    # Wall-clock arithmetic on purpose: the local time of day on *day* (in the spring gap,
    # zoneinfo reads 02:30 as 03:30 summer time, still on *day*); in the repeated hour of
    # October, fold=1 is its second occurrence (winter time).
    local = local.replace(fold=int(draw(st.booleans())))
    shown: object = draw(timezones)
    if not isinstance(shown, dt.tzinfo):
        raise InvalidArgument(f"timezones produced {shown!r}; expected a datetime.tzinfo")
    try:
        return ContactAttempt(
            at=local.astimezone(shown),
            channel=draw(st.sampled_from(_CONTACT_CHANNELS)),
            reached=draw(st.booleans()),
            id=draw(_ids()),
        )
    except InkassoError as error:
        raise _invalid("contact_attempts", error) from None


def contact_attempts(
    *,
    jurisdiction: JurisdictionCode = "NO",
    days: st.SearchStrategy[dt.date] | None = None,
    timezones: st.SearchStrategy[dt.tzinfo] | None = None,
) -> st.SearchStrategy[ContactAttempt]:
    """Kontaktforsøk / kontaktförsök: valid :class:`~inkassorules.events.ContactAttempt` events.

    An attempt by phone, SMS, e-mail or letter at any whole second of a local day from *days*
    (default 2025-01-01 to 2026-06-30) in *jurisdiction*'s time zone, so that the attempt's
    day in a case (its local date) is the day drawn; shown in a zone from *timezones* (default
    the country's zone or UTC); in the repeated hour of October either occurrence. Reached or
    not; an id absent or short text. Shrinks towards an
    unreached phone call at local midnight on the first day, in the country's zone.

    >>> from hypothesis import given, settings
    >>> from inkassorules.contact import time_zone
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(contact_attempts(jurisdiction="SE", days=st.just(dt.date(2026, 3, 29))))
    ... def test_attempt(attempt):
    ...     assert attempt.at.astimezone(time_zone("SE")).date() == dt.date(2026, 3, 29)
    >>> test_attempt()

    Raises:
        InvalidArgument: for a jurisdiction other than ``"NO"`` / ``"SE"`` or arguments that are
            not strategies; (when drawing) for values that are not dates or time zones.
    """
    code = _check_code(jurisdiction)
    _check_strategy(timezones, "timezones")
    zone = time_zone(code)
    return _contact_attempts(
        zone,
        _event_days(days),
        st.sampled_from([zone, dt.UTC]) if timezones is None else timezones,
    )


@st.composite
def _due_date_postponements(draw: st.DrawFn, days: st.SearchStrategy[dt.date]) -> DueDatePostponed:
    agreed_on = _draw_day(draw, days, "days")
    later = draw(st.integers(min_value=0, max_value=_MAX_POSTPONEMENT_DAYS))
    try:
        return DueDatePostponed(
            new_due_date=add_days(agreed_on, later), agreed_on=agreed_on, id=draw(_ids())
        )
    except InkassoError as error:
        raise _invalid("due_date_postponements", error) from None


def due_date_postponements(
    *, days: st.SearchStrategy[dt.date] | None = None
) -> st.SearchStrategy[DueDatePostponed]:
    """Utsatt forfall / anstånd: valid :class:`~inkassorules.events.DueDatePostponed` events.

    Agreed on a day from *days* (default 2025-01-01 to 2026-06-30), with a new due date 0 to 60
    days later; an id absent or short text. Shrinks towards a new due date on the day agreed,
    the first day.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(due_date_postponements())
    ... def test_postponed(event):
    ...     assert event.new_due_date >= event.agreed_on
    >>> test_postponed()

    Raises:
        InvalidArgument: for *days* that is not a strategy; (when drawing) for values that are
            not dates.
    """
    return _due_date_postponements(_event_days(days))


@st.composite
def _agreements_made(
    draw: st.DrawFn,
    currency: Currency,
    totals: st.SearchStrategy[Money],
    days: st.SearchStrategy[dt.date],
    policies: st.SearchStrategy[str],
) -> AgreementMade:
    signed_on = _draw_day(draw, days, "days")
    agreement = draw(
        _instalment_agreements(currency, totals, st.just(signed_on), _CASE_MAX_INSTALMENTS)
    )
    policy: AccelerationPolicy = CONTRACT_TERM
    if draw(policies) == "swedish_consumer_credit":
        notices = draw(
            st.lists(
                st.integers(min_value=0, max_value=_MAX_NOTICE_DAYS).map(
                    functools.partial(add_days, signed_on)
                ),
                max_size=2,
            )
        )
        policy = SwedishConsumerCredit(notices_sent_on=tuple(notices))
    fee = draw(st.none() | _fees(currency))
    try:
        return AgreementMade(
            agreement=attrs.evolve(agreement, fee=fee),
            acceleration_policy=policy,
            id=draw(_ids()),
        )
    except InkassoError as error:
        raise _invalid("agreements_made", error) from None


def agreements_made(
    *,
    currency: Currency = "NOK",
    totals: st.SearchStrategy[Money] | None = None,
    days: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[AgreementMade]:
    """Avdragsordning inngått / amorteringsplan träffad: valid ``AgreementMade`` events.

    An agreement from :func:`instalment_agreements` (up to 12 instalments) signed on a day from
    *days* (default 2025-01-01 to 2026-06-30) over a total from *totals* (default 0.01 to
    1 000 000 in *currency*), with its fee absent or 0 to 1 000, under the plain contract term
    or the Swedish consumer-credit rules with up to two notices sent (up to 120 days after
    signing); an id absent or short text. Shrinks towards one instalment of 0.01 due on
    signing, under the contract term.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(agreements_made(currency="SEK"))
    ... def test_made(event):
    ...     assert event.day == event.agreement.signed_on
    ...     assert event.agreement.total.currency == "SEK"
    >>> test_made()

    Raises:
        InvalidArgument: for an unknown currency or arguments that are not strategies; (when
            drawing) for values no agreement accepts.
    """
    code = _check_currency(currency)
    _check_strategy(totals, "totals")
    return _agreements_made(
        code,
        _amounts(currency=code, min_value=MINOR_UNIT, max_value=_DEFAULT_MAX_PAYMENT)
        if totals is None
        else totals,
        _event_days(days),
        st.sampled_from(_POLICIES),
    )


@st.composite
def _agreement_cancellations(
    draw: st.DrawFn, days: st.SearchStrategy[dt.date]
) -> AgreementCancelled:
    try:
        return AgreementCancelled(
            on=_draw_day(draw, days, "days"),
            reason=draw(st.none() | _reasons()),
            id=draw(_ids()),
        )
    except InkassoError as error:
        raise _invalid("agreement_cancellations", error) from None


def agreement_cancellations(
    *, days: st.SearchStrategy[dt.date] | None = None
) -> st.SearchStrategy[AgreementCancelled]:
    """Avdragsordning avsluttet / amorteringsplan avslutad: valid ``AgreementCancelled`` events.

    On a day from *days* (default 2025-01-01 to 2026-06-30), with a reason absent or short text
    and an id absent or short text. Shrinks towards the first day without a reason.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(agreement_cancellations(days=st.just(dt.date(2026, 2, 2))))
    ... def test_cancelled(event):
    ...     assert event.day == dt.date(2026, 2, 2)
    >>> test_cancelled()

    Raises:
        InvalidArgument: for *days* that is not a strategy; (when drawing) for values that are
            not dates.
    """
    return _agreement_cancellations(_event_days(days))


@st.composite
def _credits_granted(
    draw: st.DrawFn,
    currency: Currency,
    amounts: st.SearchStrategy[Money],
    days: st.SearchStrategy[dt.date],
) -> CreditGranted:
    amount = _draw_amount(draw, amounts, currency, "credits_granted")
    try:
        return CreditGranted(
            amount=amount,
            on=_draw_day(draw, days, "days"),
            reason=draw(_reasons()),
            id=draw(_ids()),
        )
    except InkassoError as error:
        raise _invalid("credits_granted", error) from None


def credits_granted(
    *,
    currency: Currency = "NOK",
    amounts: st.SearchStrategy[Money] | None = None,
    days: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[CreditGranted]:
    """Prisavslag / kreditnota: valid :class:`~inkassorules.events.CreditGranted` events.

    A credit from *amounts* (default 0.01 to 1 000 000 in *currency*; a strategy you pass must
    produce Money above zero in *currency*) on a day from *days*
    (default 2025-01-01 to 2026-06-30), with a short reason and an id absent or short text.
    Shrinks towards 0.01 on the first day.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(credits_granted(currency="SEK"))
    ... def test_credit(event):
    ...     assert event.amount.currency == "SEK" and event.amount.is_positive
    >>> test_credit()

    Raises:
        InvalidArgument: for an unknown currency or arguments that are not strategies; (when
            drawing) for values no CreditGranted accepts.
    """
    code = _check_currency(currency)
    _check_strategy(amounts, "amounts")
    return _credits_granted(
        code,
        _amounts(currency=code, min_value=MINOR_UNIT, max_value=_DEFAULT_MAX_PAYMENT)
        if amounts is None
        else amounts,
        _event_days(days),
    )


@st.composite
def _legal_actions_filed(
    draw: st.DrawFn, code: JurisdictionCode, days: st.SearchStrategy[dt.date]
) -> LegalActionFiled:
    try:
        return LegalActionFiled(
            on=_draw_day(draw, days, "days"),
            venue=draw(st.sampled_from(_VENUES[code])),
            fee_charged=draw(st.none() | _fees(CURRENCY_OF[code])),
            id=draw(_ids()),
        )
    except InkassoError as error:
        raise _invalid("legal_actions_filed", error) from None


def legal_actions_filed(
    *, jurisdiction: JurisdictionCode = "NO", days: st.SearchStrategy[dt.date] | None = None
) -> st.SearchStrategy[LegalActionFiled]:
    """Rettslig skritt / rättslig åtgärd: valid :class:`~inkassorules.events.LegalActionFiled`.

    Filed on a day from *days* (default 2025-01-01 to 2026-06-30) with a venue of
    *jurisdiction* (``"namsmannen"`` or ``"forliksrådet"``; ``"Kronofogden"`` or
    ``"tingsrätten"``), the costs claimed absent or 0 to 1 000 in its currency, and an id
    absent or short text. Shrinks towards namsmannen / Kronofogden on the first day, no costs.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, deadline=None, database=None)
    ... @given(legal_actions_filed(jurisdiction="SE"))
    ... def test_filed(event):
    ...     assert event.fee_charged is None or event.fee_charged.currency == "SEK"
    >>> test_filed()

    Raises:
        InvalidArgument: for a jurisdiction other than ``"NO"`` / ``"SE"`` or *days* that is not
            a strategy; (when drawing) for values that are not dates.
    """
    return _legal_actions_filed(_check_code(jurisdiction), _event_days(days))


# -- cases ----------------------------------------------------------------------------------------


@functools.cache
def _business_days(code: JurisdictionCode, first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    calendar = calendar_for(code)
    days = (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return tuple(day for day in days if calendar.is_business_day(day))


@functools.cache
def _last_day_covered(code: JurisdictionCode) -> dt.date:
    """The last day a case's event may fall on: the planner's steps after it stay covered.

    The built-in interest table of *code* is published to its horizon; a plan made on the day
    of the last event goes on for some weeks after it, so the events stop
    ``_PLANNING_ROOM_DAYS`` before the horizon.
    """
    horizon = builtin().parameter(_INTEREST_TABLE[code]).horizon
    return add_days(_LAST_EVENT_DAY if horizon is None else horizon, -_PLANNING_ROOM_DAYS)


@st.composite
def _case_claims(draw: st.DrawFn) -> Claim:
    code: JurisdictionCode = draw(st.sampled_from(("NO", "SE")))
    due = draw(st.sampled_from(_business_days(code, _FIRST_CASE_DUE_DATE, _LAST_CASE_DUE_DATE)))
    return draw(claims(jurisdictions=st.just(code), due_dates=st.just(due)))


def _draw_claim(draw: st.DrawFn, strategy: st.SearchStrategy[Claim]) -> Claim:
    claim: object = draw(strategy)
    if not isinstance(claim, Claim):
        raise InvalidArgument(f"claims produced {claim!r}; expected a Claim")
    return claim


def _event_strategies(claim: Claim) -> list[st.SearchStrategy[Event]]:
    code, currency = claim.jurisdiction, claim.currency
    last = max(
        claim.due_date, min(add_days(claim.due_date, _MAX_CASE_DAYS), _last_day_covered(code))
    )
    days = st.dates(min_value=claim.due_date, max_value=last)
    share = _amounts(currency=currency, min_value=MINOR_UNIT, max_value=claim.principal.amount)
    policies = ("contract_term", "swedish_consumer_credit") if code == "SE" else ("contract_term",)
    return [
        letters_sent(jurisdiction=code, days=days),
        payments(currency=currency, amounts=share, dates=days),
        disputes(currency=currency, amounts=share, days=days),
        contact_attempts(jurisdiction=code, days=days),
        due_date_postponements(days=days),
        _agreements_made(currency, share, days, st.sampled_from(policies)),
        agreement_cancellations(days=days),
        credits_granted(currency=currency, amounts=share, days=days),
        legal_actions_filed(jurisdiction=code, days=days),
    ]


@st.composite
def _cases(draw: st.DrawFn, claims: st.SearchStrategy[Claim], max_events: int) -> Case:
    claim = _draw_claim(draw, claims)
    drawn = draw(st.lists(st.one_of(_event_strategies(claim)), max_size=max_events))
    events: list[Event] = []
    credited = Money.zero(claim.currency)
    for number, event in enumerate(drawn):
        if isinstance(event, CreditGranted):
            if credited + event.amount > claim.principal:
                continue  # a case refuses credits above the principal
            credited += event.amount
        # Ids are unique in a case: each is kept or left out.
        events.append(attrs.evolve(event, id=f"e{number}" if draw(st.booleans()) else None))
    try:
        return Case(claim=claim, events=tuple(events))
    except InkassoError as error:
        raise InvalidArgument(f"cases() built an invalid case: {error}") from None


def cases(
    *, claims: st.SearchStrategy[Claim] | None = None, max_events: int = _DEFAULT_MAX_EVENTS
) -> st.SearchStrategy[Case]:
    """Saksmappe / ärende: valid :class:`~inkassorules.case.Case` values, events of every kind.

    A claim from *claims* (default: a Norwegian or Swedish claim due on a business day of its
    country from 2025-01-01 to 2026-05-31, so that the built-in law has a value for everything
    the case needs), and up to *max_events* (default 8) events from :func:`letters_sent`,
    :func:`payments`, :func:`disputes`, :func:`contact_attempts`,
    :func:`due_date_postponements`, :func:`agreements_made`, :func:`agreement_cancellations`,
    :func:`credits_granted` and :func:`legal_actions_filed`, in the claim's currency and of the
    kinds its country has, on days from the due date to 180 days after it, but ending 30 days
    before the last day the country's built-in interest table is published for (2026-05-31 in
    Sweden, 2026-12-01 in Norway), so that a plan made on the day of the last event is covered
    too. Amounts (payments, disputes, credits, agreements) are at most the principal and
    the credits together too; the Swedish consumer-credit acceleration policy only in Swedish
    cases. Each event has a unique id or none. The events are any history, not a lawful one: use
    :func:`lawful_cases` for that. Shrinks towards a case without events.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, deadline=None, database=None)
    ... @given(cases(max_events=4))
    ... def test_case(case):
    ...     assert len(case.events) <= 4
    ...     assert all(case.day_of(e) >= case.claim.due_date for e in case.events)
    >>> test_case()

    Raises:
        InvalidArgument: for *claims* that is not a strategy, *max_events* outside 0 to 1000;
            (when drawing) for claims that are not Claims.
    """
    _check_strategy(claims, "claims")
    _check_size(max_events, "max_events", 0, _MAX_HISTORY)
    return _cases(_case_claims() if claims is None else claims, max_events)


def _step_event(step: Step, code: JurisdictionCode) -> Event:
    """The event of one planned step, as if it was taken on its planned day."""
    if step.kind is StepKind.LEGAL_ACTION:
        return LegalActionFiled(
            on=step.planned_on, venue=_VENUES[code][0], fee_charged=step.fee.amount
        )
    if step.channel is Channel.PHONE:
        if step.contact_at is None:  # pragma: no cover - the planner gives a phone step its slot
            msg = f"the planner's phone step {step.kind.value} has no contact_at"
            raise InvalidArgument(msg)
        return ContactAttempt(at=step.contact_at, channel=Channel.PHONE)
    return LetterSent(
        kind=step.kind,
        sent_on=step.planned_on,
        fee_charged=step.fee.amount,
        deadline=step.deadline,
        channel=step.channel,
    )


@st.composite
def _lawful_cases(draw: st.DrawFn, claims: st.SearchStrategy[Claim]) -> Case:
    from inkassorules.timeline import plan  # noqa: PLC0415 - the planner loads on first use

    claim = _draw_claim(draw, claims)
    try:
        steps = plan(claim, as_of=claim.due_date).steps
    except InkassoError as error:
        raise InvalidArgument(
            f"the planner refused a claim from claims ({error}); give claims that the law book "
            "covers, or use the default"
        ) from None
    taken = draw(st.integers(min_value=0, max_value=len(steps)))
    events = [_step_event(step, claim.jurisdiction) for step in steps[:taken]]
    return Case(claim=claim, events=tuple(events))


def lawful_cases(*, claims: st.SearchStrategy[Claim] | None = None) -> st.SearchStrategy[Case]:
    """Lovlige saker / lagenliga ärenden: cases whose history is the planner's own steps.

    For a claim from *claims* (default as :func:`cases`), ``inkassorules.plan(claim,
    as_of=claim.due_date)`` plans the collection; the case holds a prefix of its steps, each
    taken on its planned day: a letter as :class:`~inkassorules.events.LetterSent` with the
    step's fee, deadline and channel, a legal step as
    :class:`~inkassorules.events.LegalActionFiled` at namsmannen / Kronofogden with its costs,
    a phone step as a :class:`~inkassorules.events.ContactAttempt` at its lawful moment.
    What such a case did is lawful by construction (as far as the planner is). Shrinks towards
    a case without events.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10, deadline=None, database=None)
    ... @given(lawful_cases())
    ... def test_lawful(case):
    ...     assert [e.day for e in case.letters] == sorted(e.day for e in case.letters)
    >>> test_lawful()

    Raises:
        InvalidArgument: for *claims* that is not a strategy; (when drawing) for a claim the
            planner refuses (a due date the law book does not cover).
    """
    _check_strategy(claims, "claims")
    return _lawful_cases(_case_claims() if claims is None else claims)


# -- creditor policies and interest ---------------------------------------------------------------

_POLICY_KINDS: Final[dict[JurisdictionCode | None, tuple[StepKind, ...]]] = {
    "NO": (*(kind for kind in StepKind if kind in LETTER_KINDS["NO"]), StepKind.LEGAL_ACTION),
    "SE": (*(kind for kind in StepKind if kind in LETTER_KINDS["SE"]), StepKind.LEGAL_ACTION),
    None: tuple(StepKind),
}
_STATUTORY_CHAIN: Final[dict[JurisdictionCode | None, tuple[StepKind, ...]]] = {
    "NO": (StepKind.COLLECTION_NOTICE, StepKind.COLLECTION_DEMAND),
    "SE": (StepKind.COLLECTION_DEMAND,),
    None: (StepKind.COLLECTION_NOTICE, StepKind.COLLECTION_DEMAND),
}
"""The letters a later step needs before it (NO inkassoloven §§ 9, 10; SE 5, 6 §§ inkassolagen):
a drawn policy with a later step has them too."""
_MAX_POLICY_DAYS: Final = 60
_MAX_POLICY_WAIT_DAYS: Final = 14
_MAX_LETTER_DELIVERY_DAYS: Final = 7


@st.composite
def _creditor_policies(draw: st.DrawFn, code: JurisdictionCode | None) -> CreditorPolicy:
    kinds = _POLICY_KINDS[code]
    chosen = set(draw(st.lists(st.sampled_from(kinds), min_size=1, unique=True)))
    top = max(kind.level for kind in chosen)
    chosen.update(kind for kind in _STATUTORY_CHAIN[code] if kind.level < top)
    steps = tuple(kind for kind in kinds if kind in chosen)
    days = st.integers(min_value=0, max_value=_MAX_POLICY_DAYS)
    deadlines = st.integers(min_value=0, max_value=_MAX_DEADLINE_DAYS)
    channels = {
        kind: channel
        for kind in steps
        if (channel := draw(st.none() | st.sampled_from(_CONTACT_CHANNELS))) is not None
        and not (kind.written and channel is Channel.PHONE)
    }
    preferred = draw(st.none() | st.sampled_from(_CONTACT_CHANNELS))
    policy = CreditorPolicy(
        name=draw(st.sampled_from(("custom", "drawn"))),
        steps=steps,
        days_after_due=draw(st.dictionaries(st.sampled_from(steps), days)),
        deadline_days=draw(st.dictionaries(st.sampled_from(steps), deadlines)),
        days_between_steps=draw(st.integers(min_value=0, max_value=_MAX_POLICY_WAIT_DAYS)),
        preferred_channel=preferred,
        channels=channels,
        charge_fees=draw(st.booleans().map(operator.not_)),
    )
    # A Swedish inkassokrav by letter needs the creditor's delivery estimate; any other policy
    # may have one or not.
    needs_delivery = any(policy.channel_for(kind) is Channel.LETTER for kind in steps)
    low = 0 if needs_delivery else None
    delivery = draw(
        st.integers(min_value=0, max_value=_MAX_LETTER_DELIVERY_DAYS)
        if low is not None
        else st.none() | st.integers(min_value=0, max_value=_MAX_LETTER_DELIVERY_DAYS)
    )
    return attrs.evolve(policy, letter_delivery_days=delivery)


def creditor_policies(
    *, jurisdiction: JurisdictionCode | None = None
) -> st.SearchStrategy[CreditorPolicy]:
    """Kreditors rutiner / borgenärens rutiner: valid :class:`~inkassorules.CreditorPolicy` values.

    One or more kinds of step in escalation order (of the kinds *jurisdiction* uses: Norway's
    letters or Sweden's, and the legal step; ``None``, the default: any kind, which each country
    skips where it does not know it), with the statutory letters a later step needs (NO
    inkassovarsel and betalingsoppfordring, SE inkassokrav), so the planner can plan it; the
    creditor's earliest day for some of them (0 to 60
    days after the due date), deadlines for some (0 to 30 days; the planner never goes below a
    legal minimum), 0 to 14 days between steps, a preferred channel and per-step channels (never
    the phone for a written step), fees charged or not, and a letter delivery estimate of 0 to 7
    days (always present when a step goes by letter, so that a Swedish inkassokrav by letter can
    be planned). Shrinks towards a policy of the first kind only, charging fees, with no limits.

    >>> import datetime as dt
    >>> from hypothesis import given, settings
    >>> import inkassorules
    >>> @settings(max_examples=10, deadline=None, database=None)
    ... @given(claims(jurisdictions=st.just("SE")), creditor_policies(jurisdiction="SE"))
    ... def test_policy(claim, policy):
    ...     timeline = inkassorules.plan(claim, as_of=claim.due_date, policy=policy)
    ...     assert {s.kind for s in timeline.steps} <= set(policy.steps)
    >>> test_policy()

    Raises:
        InvalidArgument: for a jurisdiction other than ``"NO"``, ``"SE"`` or ``None``.
    """
    return _creditor_policies(None if jurisdiction is None else _check_code(jurisdiction))


@st.composite
def _interest_results(
    draw: st.DrawFn, claims: st.SearchStrategy[Claim], max_days: int
) -> InterestResult:
    claim = _draw_claim(draw, claims)
    code = claim.jurisdiction
    last = builtin().parameter(_INTEREST_TABLE[code]).horizon or _LAST_EVENT_DAY
    room = max(0, min(max_days, (last - claim.due_date).days))
    paid_on = add_days(claim.due_date, draw(st.integers(min_value=0, max_value=room)))
    late_interest = no_interest.late_interest if code == "NO" else se_interest.late_interest
    try:
        return late_interest(claim.principal, due_date=claim.due_date, paid_on=paid_on)
    except InkassoError as error:
        raise InvalidArgument(
            f"the interest rules refused a claim from claims ({error}); give claims that the "
            "law book covers, or use the default"
        ) from None


def interest_results(
    *, claims: st.SearchStrategy[Claim] | None = None, max_days: int = 365
) -> st.SearchStrategy[InterestResult]:
    """Forsinkelsesrente / dröjsmålsränta: :class:`~inkassorules.InterestResult` values.

    The late interest on a claim from *claims* (default :func:`claims`) from its due date to a
    payment 0 to *max_days* (default 365) days later, but not after the last day the country's
    built-in interest table is published for, computed by :func:`inkassorules.no.late_interest`
    or :func:`inkassorules.se.late_interest`. Shrinks towards no interest (paid on the due
    date).

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, deadline=None, database=None)
    ... @given(interest_results())
    ... def test_interest(result):
    ...     assert not result.amount.is_negative
    ...     assert result.amount.currency == result.principal.currency
    >>> test_interest()

    Raises:
        InvalidArgument: for *claims* that is not a strategy or *max_days* outside 0 to 3650;
            (when drawing) for a claim the interest rules refuse.
    """
    _check_strategy(claims, "claims")
    _check_size(max_days, "max_days", 0, 3_650)
    return _interest_results(_claims_default() if claims is None else claims, max_days)


def _claims_default() -> st.SearchStrategy[Claim]:
    return claims()


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
    if law is not None and not isinstance(law, LawBook):
        raise InvalidArgument(f"law must be an inkassorules.LawBook or None, got {law!r}")
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


_OUT_OF_FORCE_YEARS: Final = 10
"""Years before a table's first value (and after a half-yearly table's horizon) that
:func:`dates_out_of_force` draws from."""


def dates_out_of_force(name: str, *, law: LawBook | None = None) -> st.SearchStrategy[dt.date]:
    """Dates on which the legal table *name* has no value (opt-in, for testing refusals).

    Days up to ten years before its first value, in its gaps (periods marked unknown or
    repealed) and, for a table published half-year by half-year, up to ten years after its
    horizon: a rule that reads *name* on such a day refuses with
    :class:`~inkassorules.errors.NotInForce` (after the horizon its subclass
    :class:`~inkassorules.errors.RateNotPublished`). Half of the examples are the edges: the day
    before the first value, the first day of each gap, the day after the horizon. No default
    strategy draws these dates. Shrinks towards the earliest such date.

    >>> from hypothesis import given, settings
    >>> from inkassorules import no
    >>> from inkassorules.errors import NotInForce
    >>> @settings(max_examples=20, deadline=None, database=None)
    ... @given(dates_out_of_force("no.interest.late_interest_rate"))
    ... def test_refused(day):
    ...     try:
    ...         no.late_interest_rate(on=day)
    ...     except NotInForce:
    ...         pass
    ...     else:
    ...         raise AssertionError(f"a rate on {day}")
    >>> test_refused()

    Raises:
        InvalidArgument: if the law book has no table *name*, or it has a value on every day.
    """
    if law is not None and not isinstance(law, LawBook):
        raise InvalidArgument(f"law must be an inkassorules.LawBook or None, got {law!r}")
    book = builtin() if law is None else law
    try:
        parameter = book.parameter(name)
        segments = _segments_in_force(name, book, None, None)
    except InkassoError as error:
        raise InvalidArgument(str(error)) from None
    first = parameter.change_dates[0]
    gaps: list[tuple[dt.date, dt.date]] = (
        [(dt.date(max(first.year - _OUT_OF_FORCE_YEARS, dt.MINYEAR), 1, 1), first - _ONE_DAY)]
        if first > dt.date.min
        else []
    )
    if segments:
        if segments[0][0] > first:
            gaps.append((first, segments[0][0] - _ONE_DAY))
        for (_, end), (start, _) in itertools.pairwise(segments):
            if (start - end).days > 1:
                gaps.append((end + _ONE_DAY, start - _ONE_DAY))
    if parameter.horizon is not None:
        after = parameter.horizon + _ONE_DAY
        gaps.append((after, dt.date(after.year + _OUT_OF_FORCE_YEARS, 12, 31)))
    gaps = [(low, high) for low, high in gaps if low <= high]
    if not gaps:
        raise InvalidArgument(f"{name} has a value on every day; there is no date out of force")
    edges = sorted({high for low, high in gaps[:1]} | {low for low, _ in gaps[1:]})
    anywhere = st.one_of([st.dates(min_value=low, max_value=high) for low, high in gaps])
    return st.sampled_from(edges) | anywhere


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


def _in_any_country(make: Callable[..., st.SearchStrategy[_T]]) -> st.SearchStrategy[_T]:
    return st.sampled_from(("NO", "SE")).flatmap(lambda code: make(jurisdiction=code))


def _in_any_currency(make: Callable[..., st.SearchStrategy[_T]]) -> st.SearchStrategy[_T]:
    return st.sampled_from(CURRENCIES).flatmap(lambda currency: make(currency=currency))


def _register_type_strategies() -> None:
    """Register the strategies for ``st.from_type``: values, events and cases.

    Money, Claim, Payment, InstalmentAgreement; every event type (LetterSent, Dispute,
    ContactAttempt, DueDatePostponed, AgreementMade, AgreementCancelled, CreditGranted,
    LegalActionFiled) in either country; Case (:func:`cases`), CreditorPolicy
    (:func:`creditor_policies`) and InterestResult (:func:`interest_results`).
    """
    st.register_type_strategy(Money, _money_in_any_currency())
    st.register_type_strategy(Claim, claims())
    st.register_type_strategy(Payment, _payments_in_any_currency())
    st.register_type_strategy(InstalmentAgreement, _agreements_in_any_currency())
    st.register_type_strategy(LetterSent, _in_any_country(letters_sent))
    st.register_type_strategy(Dispute, _in_any_currency(disputes))
    st.register_type_strategy(ContactAttempt, _in_any_country(contact_attempts))
    st.register_type_strategy(DueDatePostponed, due_date_postponements())
    st.register_type_strategy(AgreementMade, _in_any_currency(agreements_made))
    st.register_type_strategy(AgreementCancelled, agreement_cancellations())
    st.register_type_strategy(CreditGranted, _in_any_currency(credits_granted))
    st.register_type_strategy(LegalActionFiled, _in_any_country(legal_actions_filed))
    st.register_type_strategy(Case, cases())
    st.register_type_strategy(CreditorPolicy, creditor_policies())
    st.register_type_strategy(InterestResult, interest_results())


_COMPLETE = True
_register_type_strategies()
