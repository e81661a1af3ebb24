"""The fast paths of issue 8 (performance) give the results of the code they replaced.

``late_interest`` now builds its results through a private trusted path, memoises the split of a
span into rate parts and rounds in integers where that is exact; the fee caps memoise their
results. Each test here compares them with a private reference: the earlier code path, which
looks every rate up through the public functions and builds every result through the public,
self-verifying constructors. The public validation of hand-built results still refuses
inconsistent values (the last tests).
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from inkassorules import no, se
from inkassorules.claims import Payment
from inkassorules.errors import InkassoError, InvalidInput
from inkassorules.interest import (
    BalanceInterestResult,
    DayCount,
    InterestPeriod,
    InterestResult,
    PaymentApplication,
    day_count_from_record,
    next_half_year_start,
    round_interest,
)
from inkassorules.law import Citation, LawBook, builtin
from inkassorules.money import DECIMAL_CONTEXT, MINOR_UNIT, Money
from inkassorules.no import fees as no_fees
from inkassorules.no import interest as no_interest
from inkassorules.se import fees as se_fees
from inkassorules.se import interest as se_interest

if TYPE_CHECKING:
    from collections.abc import Callable

D = dt.date

# -- the reference: the earlier code path, verification on ---------------------------------------


def reference_round(value: Fraction, currency: str) -> Money:
    """round_interest before issue 8: a 50-digit Decimal division, then one quantize."""
    exact = DECIMAL_CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))
    return Money.of(
        exact.quantize(MINOR_UNIT, rounding="ROUND_HALF_UP", context=DECIMAL_CONTEXT), currency
    )


def reference_accrue(  # noqa: PLR0917 -- accrue's arguments, positional
    principal: Money,
    start: dt.date,
    end: dt.date,
    rate_at: Callable[[dt.date], Any],
    day_count: DayCount,
    basis: tuple[Citation, ...],
) -> InterestResult:
    """accrue before issue 8: one public, verified InterestPeriod per part; verified result."""
    periods: list[InterestPeriod] = []
    citations: dict[Citation, None] = {}
    numerator, denominator = principal.amount.as_integer_ratio()
    day = start
    while day < end:
        quote = rate_at(day)
        stop = min(end, next_half_year_start(day))
        if quote.valid_until is not None:
            stop = min(stop, quote.valid_until + dt.timedelta(days=1))
        days = (stop - day).days
        year = day_count.year_length(day)
        rate_n, rate_d = quote.rate.as_integer_ratio()
        exact = Fraction(numerator * rate_n * days, denominator * rate_d * 100 * year)
        periods.append(
            InterestPeriod(
                start=day,
                end=stop,
                days=days,
                rate=quote.rate,
                year_length=year,
                principal=principal,
                exact=exact,
            )
        )
        citations.update(dict.fromkeys(quote.basis))
        day = stop
    citations.update(dict.fromkeys(basis))
    total = sum((p.exact for p in periods), Fraction(0))
    return InterestResult(
        amount=reference_round(total, principal.currency),
        exact=total,
        principal=principal,
        start=start,
        end=end,
        day_count=day_count,
        periods=tuple(periods),
        basis=tuple(citations),
    )


def reference_no(principal: Money, due: dt.date, paid: dt.date, book: LawBook) -> InterestResult:
    entry = book.record("no.interest.day_count", due)
    convention = day_count_from_record(entry.value, parameter=entry.parameter)
    return reference_accrue(
        principal,
        due,
        paid,
        lambda day: no_interest.late_interest_rate_in_force(on=day, law=book),
        convention,
        (entry.citation, no_interest._FRL_3),
    )


def reference_se(
    principal: Money, due: dt.date, paid: dt.date, book: LawBook, chosen: DayCount | None
) -> InterestResult:
    extra: tuple[Citation, ...] = ()
    if chosen is None:
        entry = book.record("se.interest.day_count", due)
        chosen = day_count_from_record(entry.value, parameter=entry.parameter)
        extra = (entry.citation,)
    return reference_accrue(
        principal,
        due,
        paid,
        lambda day: se_interest.late_interest_rate_in_force(on=day, law=book),
        chosen,
        (*extra, se_interest._RANTELAGEN_6),
    )


def outcome(call: Callable[[], object]) -> object:
    """The value of *call*, or the type and message of the library error it raises."""
    try:
        return call()
    except InkassoError as error:
        return (type(error), str(error))


def same(result: object, expected: object) -> None:
    """Equal, and equal field by field where both are results (== compares every field)."""
    assert result == expected
    if isinstance(result, InterestResult) and isinstance(expected, InterestResult):
        assert str(result.amount) == str(expected.amount)  # the same Decimal digits, too
        assert result.basis == expected.basis
        assert [attrs.asdict(p) for p in result.periods] == [
            attrs.asdict(p) for p in expected.periods
        ]


# -- strategies ---------------------------------------------------------------------------------

amounts = st.one_of(
    st.integers(min_value=0, max_value=10**11).map(lambda n: Decimal(n).scaleb(-2)),
    st.integers(min_value=0, max_value=10**9).map(lambda n: Decimal(n).scaleb(-5)),
    st.sampled_from([Decimal(0), Decimal("0.01"), Decimal("1E+15"), Decimal("12345678.9")]),
)
no_days = st.dates(min_value=D(1993, 12, 1), max_value=D(2027, 1, 31))
se_days = st.dates(min_value=D(2002, 6, 1), max_value=D(2026, 8, 31))
spans = st.integers(min_value=-5, max_value=3000)
MAX = 300


# -- late_interest ------------------------------------------------------------------------------


@settings(max_examples=MAX)
@given(amount=amounts, due=no_days, days=spans)
@example(amount=Decimal(10000), due=D(2025, 3, 1), days=184)
@example(amount=Decimal(10000), due=D(2004, 1, 1), days=8370)
def test_no_late_interest_equals_the_reference(amount: Decimal, due: dt.date, days: int) -> None:
    principal = Money.of(amount, "NOK")
    paid = due + dt.timedelta(days=days)
    book = builtin()
    got = outcome(lambda: no.late_interest(principal, due_date=due, paid_on=paid))
    if days <= 0:
        assert isinstance(got, InterestResult)
        assert got.amount == Money.zero("NOK")
        assert got.periods == ()
        return
    expected = outcome(lambda: reference_no(principal, due, paid, book))
    same(got, expected)
    # again: now from the memoised split, and with the law book passed explicitly
    same(outcome(lambda: no.late_interest(principal, due_date=due, paid_on=paid)), expected)
    same(
        outcome(lambda: no.late_interest(principal, due_date=due, paid_on=paid, law=book)),
        expected,
    )


@settings(max_examples=MAX)
@given(
    amount=amounts,
    due=se_days,
    days=spans,
    chosen=st.sampled_from([None, *DayCount]),
)
@example(amount=Decimal(6780), due=D(2021, 1, 1), days=109, chosen=None)
def test_se_late_interest_equals_the_reference(
    amount: Decimal, due: dt.date, days: int, chosen: DayCount | None
) -> None:
    principal = Money.of(amount, "SEK")
    paid = due + dt.timedelta(days=days)
    book = builtin()
    got = outcome(
        lambda: se.late_interest(principal, due_date=due, paid_on=paid, day_count=chosen)
    )
    if days <= 0:
        assert isinstance(got, InterestResult)
        assert got.amount == Money.zero("SEK")
        return
    expected = outcome(lambda: reference_se(principal, due, paid, book, chosen))
    same(got, expected)
    same(
        outcome(
            lambda: se.late_interest(
                principal, due_date=due, paid_on=paid, day_count=chosen, law=book
            )
        ),
        expected,
    )


def test_an_extended_law_book_is_not_confused_with_the_builtin_one() -> None:
    # The memo is keyed by the law book's identity: a book with the 2027 H1 rate answers for
    # 2027, the built-in one still refuses (RateNotPublished), before and after.
    book = builtin().extend(
        "no.interest.late_interest_rate",
        [
            {
                "valid_from": D(2027, 1, 1),
                "value": Decimal("13.00"),
                "citation": "forsinkelsesrenteloven § 3 (test value)",
                "url": "https://example.org/test",
            }
        ],
    )
    principal = Money.of(10000, "NOK")
    due, paid = D(2026, 12, 1), D(2027, 2, 1)
    refused = outcome(lambda: no.late_interest(principal, due_date=due, paid_on=paid))
    assert isinstance(refused, tuple)
    got = no.late_interest(principal, due_date=due, paid_on=paid, law=book)
    # 10000 x 12.25 % x 31/365 = 104.0410.. ; 10000 x 13 % x 31/365 = 110.4109.. ; sum 214.45
    assert got.amount == Money.of("214.45", "NOK")
    same(got, reference_no(principal, due, paid, book))
    assert isinstance(
        outcome(lambda: no.late_interest(principal, due_date=due, paid_on=paid)), tuple
    )


class OtherDate(dt.date):
    """A date subclass: its results are not memoised (it might format differently)."""


def test_date_subclasses_and_bad_arguments_take_the_checked_path() -> None:
    principal = Money.of(1000, "NOK")
    got = no.late_interest(principal, due_date=OtherDate(2025, 3, 1), paid_on=D(2025, 9, 1))
    assert type(got.periods[0].start) is OtherDate
    assert got == reference_no(principal, D(2025, 3, 1), D(2025, 9, 1), builtin())
    with pytest.raises(InvalidInput, match="negative"):
        no.late_interest(Money.of(-1, "NOK"), due_date=D(2025, 3, 1), paid_on=D(2025, 9, 1))
    with pytest.raises(InvalidInput, match="paid_on"):
        no.late_interest(principal, due_date=D(2025, 3, 1), paid_on=dt.datetime(2025, 9, 1))
    with pytest.raises(InvalidInput, match="day_count"):
        se.late_interest(
            Money.of(1, "SEK"),
            due_date=D(2025, 3, 1),
            paid_on=D(2025, 9, 1),
            day_count="x",  # type: ignore[arg-type]
        )


# -- round_interest -----------------------------------------------------------------------------


@settings(max_examples=MAX * 3)
@given(
    value=st.one_of(
        st.fractions(min_value=0, max_value=10**12),
        st.builds(Fraction, st.integers(0, 10**25), st.integers(1, 10**25)),
        st.builds(lambda cents: Fraction(2 * cents + 1, 200), st.integers(0, 10**15)),  # ties
        st.builds(
            lambda n: Fraction(10**20 * 2 + 1, 200) + Fraction(n, 10**30), st.integers(-5, 5)
        ),
        st.fractions(min_value=-(10**6), max_value=0),
    )
)
@example(value=Fraction(0))
@example(value=Fraction(1, 200))
@example(value=Fraction(10**20 - 1, 1))
@example(value=Fraction(10**20, 1))
def test_round_interest_equals_the_decimal_rounding(value: Fraction) -> None:
    def old() -> object:
        try:
            return reference_round(value, "NOK")
        except decimal.InvalidOperation:
            return decimal.InvalidOperation

    def new() -> object:
        try:
            return round_interest(value, "NOK")
        except decimal.InvalidOperation:
            return decimal.InvalidOperation

    expected, got = old(), new()
    assert got == expected
    assert str(got) == str(expected)  # digit for digit, sign of zero included


def test_round_interest_refuses_a_bad_currency_as_before() -> None:
    with pytest.raises(InvalidInput, match="currency"):
        round_interest(Fraction(1, 3), "EUR")
    with pytest.raises(InvalidInput, match="currency"):
        round_interest(Fraction(10**30, 3), "EUR")


# -- interest on a balance: every result the engine builds passes the public checks -------------

payment_lists = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=10**7).map(lambda n: Decimal(n).scaleb(-2)),
        st.integers(min_value=-30, max_value=400),
    ),
    max_size=4,
)


@settings(max_examples=MAX // 2)
@given(
    amount=amounts,
    due=st.dates(min_value=D(2003, 1, 1), max_value=D(2025, 5, 25)),  # + 400 days: in the table
    raw=payment_lists,
    order=st.sampled_from(["principal", "interest_first"]),
)
def test_balance_results_pass_the_public_checks(
    amount: Decimal, due: dt.date, raw: list[tuple[Decimal, int]], order: Any
) -> None:
    until = due + dt.timedelta(days=400)
    payments = [
        Payment(amount=Money.of(a, "SEK"), paid_on=due + dt.timedelta(days=d)) for a, d in raw
    ]
    assume(all(p.paid_on <= until for p in payments))
    result = se.late_interest_on_balance(
        Money.of(amount, "SEK"), payments, due_date=due, until=until, payments_reduce=order
    )
    # Rebuilding each object through its public constructor re-runs every check; equal again.
    rebuilt = BalanceInterestResult(
        **{
            **attrs.asdict(result, recurse=False),
            "periods": tuple(
                InterestPeriod(**attrs.asdict(p, recurse=False)) for p in result.periods
            ),
            "applications": tuple(
                PaymentApplication(**attrs.asdict(a, recurse=False)) for a in result.applications
            ),
        }
    )
    assert rebuilt == result


@settings(max_examples=MAX // 2)
@given(amount=amounts, due=no_days, days=st.integers(min_value=1, max_value=3000))
def test_late_interest_results_pass_the_public_checks(
    amount: Decimal, due: dt.date, days: int
) -> None:
    result = outcome(
        lambda: no.late_interest(
            Money.of(amount, "NOK"), due_date=due, paid_on=due + dt.timedelta(days=days)
        )
    )
    assume(isinstance(result, InterestResult))
    assert isinstance(result, InterestResult)
    rebuilt = InterestResult(
        **{
            **attrs.asdict(result, recurse=False),
            "periods": tuple(
                InterestPeriod(**attrs.asdict(p, recurse=False)) for p in result.periods
            ),
        }
    )
    assert rebuilt == result


# -- hand-built results are still refused when inconsistent ----------------------------------------


def test_hand_built_results_are_still_verified() -> None:
    result = no.late_interest(
        Money.of(10000, "NOK"), due_date=D(2025, 3, 1), paid_on=D(2025, 9, 1)
    )
    with pytest.raises(InvalidInput, match="sum"):
        attrs.evolve(result, exact=result.exact + 1)
    with pytest.raises(InvalidInput, match="rounded"):
        attrs.evolve(result, amount=result.amount + Money.of("0.01", "NOK"))
    with pytest.raises(InvalidInput, match="sum"):
        attrs.evolve(result, periods=result.periods[:1])
    with pytest.raises(InvalidInput, match="days == end - start"):
        attrs.evolve(result.periods[0], days=result.periods[0].days + 1)
    balance = no.late_interest_on_balance(
        Money.of(10000, "NOK"),
        [Payment(amount=Money.of(5000, "NOK"), paid_on=D(2025, 7, 1))],
        due_date=D(2025, 3, 1),
        until=D(2025, 9, 1),
    )
    with pytest.raises(InvalidInput, match="principal_outstanding"):
        attrs.evolve(
            balance, principal_outstanding=balance.principal_outstanding + Money.of(1, "NOK")
        )
    with pytest.raises(InvalidInput, match="interest_outstanding"):
        attrs.evolve(
            balance, interest_outstanding=balance.interest_outstanding + Money.of(1, "NOK")
        )
    with pytest.raises(InvalidInput, match="conserved"):
        attrs.evolve(balance, overpayment=Money.of(1, "NOK"))
    application = balance.applications[0]
    with pytest.raises(InvalidInput, match="was applied as"):
        attrs.evolve(application, to_principal=application.to_principal + Money.of(1, "NOK"))


# -- fee caps: memoised results equal freshly computed ones ------------------------------------


NO_CAPS = [
    no.reminder_fee_cap,
    no.collection_notice_fee_cap,
    no.collection_demand_fee_cap,
]


@settings(max_examples=MAX)
@given(
    cap=st.sampled_from(NO_CAPS),
    due=st.dates(min_value=D(2001, 1, 1), max_value=D(2027, 12, 31)),
    after=st.integers(min_value=0, max_value=60),
)
def test_no_fee_caps_equal_a_fresh_computation(cap: Any, due: dt.date, after: int) -> None:
    sent = due + dt.timedelta(days=after)
    kind = {
        no.reminder_fee_cap: no_fees.LetterKind.REMINDER,
        no.collection_notice_fee_cap: no_fees.LetterKind.COLLECTION_NOTICE,
        no.collection_demand_fee_cap: no_fees.LetterKind.COLLECTION_DEMAND,
    }[cap]
    fresh = outcome(lambda: no_fees._checked_letter_fee(builtin(), kind, sent, due, ()))
    assert outcome(lambda: cap(sent_on=sent, due_date=due)) == fresh
    assert outcome(lambda: cap(sent_on=sent, due_date=due)) == fresh  # from the memo
    assert outcome(lambda: cap(sent_on=sent, due_date=due, law=builtin())) == fresh
    # A date subclass is not memoised, and gives an equal result.
    assert (
        outcome(lambda: cap(sent_on=OtherDate(sent.year, sent.month, sent.day), due_date=due))
        == fresh
    )


@settings(max_examples=MAX)
@given(
    due=st.dates(min_value=D(2003, 1, 1), max_value=D(2027, 12, 31)),
    after=st.integers(min_value=-3, max_value=40),
    flags=st.tuples(st.booleans(), st.booleans()),
    paid_after=st.none() | st.integers(min_value=-5, max_value=60),
)
def test_se_fee_caps_equal_a_fresh_computation(
    due: dt.date, after: int, flags: tuple[bool, bool], paid_after: int | None
) -> None:
    sent = due + dt.timedelta(days=after)
    paid = None if paid_after is None else due + dt.timedelta(days=paid_after)
    first, second = flags
    fresh = outcome(lambda: se_fees._reminder_fee(None, sent, due, first, second))
    books: tuple[LawBook | None, ...] = (None, builtin())
    for law in books:
        reminder = functools.partial(
            se.reminder_fee_cap,
            sent_on=sent,
            due_date=due,
            fee_agreed=first,
            reminder_fee_already_charged=second,
            law=law,
        )
        assert outcome(reminder) == fresh
    fresh = outcome(lambda: se_fees._demand_fee(None, sent, due, first, paid))
    for law in books:
        demand = functools.partial(
            se.collection_demand_fee_cap,
            sent_on=sent,
            due_date=due,
            meets_inkassolagen_5=first,
            paid_on=paid,
            law=law,
        )
        assert outcome(demand) == fresh


def test_fee_caps_follow_the_law_book_they_are_given() -> None:
    # 2030: the built-in inkassosats is 750 (1/20 = 37.50 -> 38); a book with 800 gives 40.
    book = builtin().extend(
        "no.inkassosats",
        [
            {
                "valid_from": D(2030, 1, 1),
                "value": Decimal(800),
                "citation": "inkassoforskriften § 1-1 (test value)",
                "url": "https://example.org/test",
            }
        ],
    )
    due, sent = D(2030, 1, 2), D(2030, 1, 20)
    assert no.reminder_fee_cap(sent_on=sent, due_date=due).amount == Money.of(38, "NOK")
    assert no.reminder_fee_cap(sent_on=sent, due_date=due, law=book).amount == Money.of(40, "NOK")
    assert no.reminder_fee_cap(sent_on=sent, due_date=due).amount == Money.of(38, "NOK")
    se_book = builtin().extend(
        "se.fees.reminder_fee",
        [
            {
                "valid_from": D(2030, 1, 1),
                "value": Decimal(70),
                "citation": "4 § lag (1981:739) (test value)",
                "url": "https://example.org/test",
            }
        ],
    )
    kwargs: dict[str, Any] = {
        "sent_on": D(2030, 1, 10),
        "due_date": D(2030, 1, 2),
        "fee_agreed": True,
    }
    assert se.reminder_fee_cap(**kwargs).amount == Money.of("60.00", "SEK")
    assert se.reminder_fee_cap(**kwargs, law=se_book).amount == Money.of("70.00", "SEK")
    assert se.reminder_fee_cap(**kwargs).amount == Money.of("60.00", "SEK")
