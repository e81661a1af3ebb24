"""The fast paths of issue 8 (performance) give the results of the code they replaced.

The calls pass ``roll_due_date=False``: the reference takes the first interest day as given, and
rolling a due date onto a business day (issue 14 item 5) is tested in tests/no and tests/se.

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
import os
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import assume, event, example, given, settings
from hypothesis import strategies as st

from inkassorules import interest as interest_engine
from inkassorules import no, se
from inkassorules._checks import check_date
from inkassorules.claims import Payment
from inkassorules.errors import CurrencyMismatch, DataFileError, InkassoError, InvalidInput
from inkassorules.interest import (
    PAYMENTS_REDUCE,
    BalanceInterestResult,
    DayCount,
    InterestPeriod,
    InterestResult,
    PaymentApplication,
    RateInForce,
    accrue_on_balance,
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
from inkassorules.steps import StepKind

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
        if quote.rate < 0:  # as accrue refuses it (a book a caller extended)
            raise DataFileError(
                "late-interest rate", day.isoformat(), f"rate {quote.rate} % is negative"
            )
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
    got = outcome(
        lambda: no.late_interest(principal, due_date=due, paid_on=paid, roll_due_date=False)
    )
    if days <= 0:
        assert isinstance(got, InterestResult)
        assert got.amount == Money.zero("NOK")
        assert got.periods == ()
        return
    expected = outcome(lambda: reference_no(principal, due, paid, book))
    same(got, expected)
    # again: now from the memoised split, and with the law book passed explicitly
    same(
        outcome(
            lambda: no.late_interest(principal, due_date=due, paid_on=paid, roll_due_date=False)
        ),
        expected,
    )
    same(
        outcome(
            lambda: no.late_interest(
                principal, due_date=due, paid_on=paid, law=book, roll_due_date=False
            )
        ),
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
        lambda: se.late_interest(
            principal, due_date=due, paid_on=paid, day_count=chosen, roll_due_date=False
        )
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
                principal,
                due_date=due,
                paid_on=paid,
                day_count=chosen,
                law=book,
                roll_due_date=False,
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
    refused = outcome(
        lambda: no.late_interest(principal, due_date=due, paid_on=paid, roll_due_date=False)
    )
    assert isinstance(refused, tuple)
    got = no.late_interest(principal, due_date=due, paid_on=paid, law=book, roll_due_date=False)
    # 10000 x 12.25 % x 31/365 = 104.0410.. ; 10000 x 13 % x 31/365 = 110.4109.. ; sum 214.45
    assert got.amount == Money.of("214.45", "NOK")
    same(got, reference_no(principal, due, paid, book))
    assert isinstance(
        outcome(
            lambda: no.late_interest(principal, due_date=due, paid_on=paid, roll_due_date=False)
        ),
        tuple,
    )


class OtherDate(dt.date):
    """A date subclass: its results are not memoised (it might format differently)."""


def test_date_subclasses_and_bad_arguments_take_the_checked_path() -> None:
    principal = Money.of(1000, "NOK")
    got = no.late_interest(
        principal, due_date=OtherDate(2025, 3, 1), paid_on=D(2025, 9, 1), roll_due_date=False
    )
    assert type(got.periods[0].start) is OtherDate
    assert got == reference_no(principal, D(2025, 3, 1), D(2025, 9, 1), builtin())
    with pytest.raises(InvalidInput, match="negative"):
        no.late_interest(
            Money.of(-1, "NOK"), due_date=D(2025, 3, 1), paid_on=D(2025, 9, 1), roll_due_date=False
        )
    with pytest.raises(InvalidInput, match="paid_on"):
        no.late_interest(
            principal, due_date=D(2025, 3, 1), paid_on=dt.datetime(2025, 9, 1), roll_due_date=False
        )
    with pytest.raises(InvalidInput, match="day_count"):
        se.late_interest(
            Money.of(1, "SEK"),
            due_date=D(2025, 3, 1),
            paid_on=D(2025, 9, 1),
            day_count="x",  # type: ignore[arg-type]
            roll_due_date=False,
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
        Money.of(amount, "SEK"),
        payments,
        due_date=due,
        until=until,
        payments_reduce=order,
        roll_due_date=False,
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
            Money.of(amount, "NOK"),
            due_date=due,
            paid_on=due + dt.timedelta(days=days),
            roll_due_date=False,
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
        Money.of(10000, "NOK"), due_date=D(2025, 3, 1), paid_on=D(2025, 9, 1), roll_due_date=False
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
        roll_due_date=False,
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
        no.reminder_fee_cap: StepKind.REMINDER,
        no.collection_notice_fee_cap: StepKind.COLLECTION_NOTICE,
        no.collection_demand_fee_cap: StepKind.COLLECTION_DEMAND,
    }[cap]
    fresh = outcome(
        lambda: no_fees._flagged(
            no_fees._checked_letter_fee(builtin(), kind, sent, due, ()), builtin(), sent
        )
    )
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


# -- third round: the rate index, trusted Money, interest on a balance -----------------------------
#
# The split of a span now comes from a per-(law book, day count) index of rate segments, the
# engine builds its Money through Money._trusted, and late_interest_on_balance splits its
# stretches through the same index (with no payments: one memoised split, as late_interest).
# The references below are private copies of the code before that change: the balance loop with
# every stretch through reference_accrue (public rate look-ups, public verified constructors).
# EQUIVALENCE_EXAMPLES raises the example counts for a one-off long run.

EXAMPLES = int(os.environ.get("EQUIVALENCE_EXAMPLES", "150"))
CITE = {"citation": "test value (not law)", "url": "https://example.org/test"}
NO_RATE = "no.interest.late_interest_rate"
SE_RATE = "se.interest.reference_rate"


def _entries(*rows: tuple[dt.date, object]) -> list[dict[str, object]]:
    return [
        {"valid_from": day, "value": value, **CITE, "note": "NOT FOUND (test gap)"}
        if value == "unknown"
        else {"valid_from": day, "value": value, **CITE}
        for day, value in rows
    ]


NO_BOOKS: dict[str, LawBook] = {
    "builtin": builtin(),
    "2027": builtin().extend(NO_RATE, _entries((D(2027, 1, 1), Decimal("13.00")))),
    # a gap, then a negative rate, then a rate again: the index ends at the gap
    "gap": builtin().extend(
        NO_RATE,
        _entries(
            (D(2027, 1, 1), "unknown"),
            (D(2027, 7, 1), Decimal("-1.00")),
            (D(2028, 1, 1), Decimal("13.00")),
        ),
    ),
    # the day count changes: a balance uses the one in force on the due date throughout
    "day count": builtin().extend(
        "no.interest.day_count", _entries((D(2020, 1, 1), {"convention": "actual/360"}))
    ),
}
SE_BOOKS: dict[str, LawBook] = {
    "builtin": builtin(),
    "2026 H2": builtin().extend(SE_RATE, _entries((D(2026, 7, 1), Decimal("1.75")))),
    "gap": builtin().extend(
        SE_RATE,
        _entries((D(2026, 7, 1), "unknown"), (D(2027, 1, 1), Decimal("2.25"))),
    ),
    "day count": builtin().extend(
        "se.interest.day_count", _entries((D(2020, 1, 1), {"convention": "actual/actual-isda"}))
    ),
    # the tillägg changes inside a half-year: a rate change that is not on 1 January / 1 July
    "margin": builtin().extend("se.interest.margin", _entries((D(2025, 3, 15), Decimal(9)))),
}
BOOK_NAMES = st.sampled_from(["builtin", "builtin", "2027", "gap", "day count"])
SE_BOOK_NAMES = st.sampled_from(["builtin", "builtin", "2026 H2", "gap", "day count", "margin"])
wide_no_days = st.dates(min_value=D(1993, 6, 1), max_value=D(2028, 12, 31))
wide_se_days = st.dates(min_value=D(2002, 1, 1), max_value=D(2028, 12, 31))
wide_spans = st.one_of(
    st.integers(min_value=-5, max_value=400),
    st.integers(min_value=-5, max_value=9000),
    st.sampled_from([1, 2, 181, 184, 365, 366]),
)
bases = st.sampled_from(
    [
        (),
        (no_interest._FRL_3,),
        (no_interest._FRL_3, se_interest._RANTELAGEN_6),
        (se_interest._RANTELAGEN_6, no_interest._FRL_3, se_interest._RANTELAGEN_6),
    ]
)


def no_rate_at(book: LawBook) -> Callable[[dt.date], Any]:
    return lambda day: no_interest.late_interest_rate_in_force(on=day, law=book)


def se_rate_at(book: LawBook) -> Callable[[dt.date], Any]:
    return lambda day: se_interest.late_interest_rate_in_force(on=day, law=book)


def _plan_outcome(
    start: dt.date, end: dt.date, rate_at: Any, day_count: DayCount, basis: Any
) -> object:
    return outcome(lambda: interest_engine._plan(start, end, rate_at, day_count, basis))


@settings(max_examples=EXAMPLES)
@given(
    country=st.sampled_from(["NO", "SE"]),
    name=st.sampled_from(["builtin", "extended", "gap", "day count", "margin"]),
    start=st.dates(min_value=D(1993, 1, 1), max_value=D(2029, 1, 1)),
    days=st.integers(min_value=1, max_value=9000),
    day_count=st.sampled_from(list(DayCount)),
    basis=bases,
)
@example(country="NO", name="builtin", start=D(2004, 1, 1), days=8370, day_count=None, basis=())
@example(country="NO", name="builtin", start=D(2026, 12, 31), days=1, day_count=None, basis=())
@example(country="NO", name="builtin", start=D(2026, 12, 31), days=2, day_count=None, basis=())
@example(country="SE", name="builtin", start=D(2002, 7, 1), days=1, day_count=None, basis=())
@example(country="SE", name="gap", start=D(2026, 6, 30), days=1, day_count=None, basis=())
def test_the_rate_index_splits_as_the_look_ups_do(  # noqa: PLR0917 -- the drawn arguments
    country: str,
    name: str,
    start: dt.date,
    days: int,
    day_count: DayCount | None,
    basis: tuple[Citation, ...],
) -> None:
    # The index's split is == to _plan's (parts, factor, day count, citations in order) for
    # every span inside it; outside it answers None, and the country's _split then gives
    # _plan's answer or its error, word for word.
    convention = day_count or DayCount.ACTUAL_ACTUAL_ISDA
    module: Any = no_interest if country == "NO" else se_interest
    books = NO_BOOKS if country == "NO" else SE_BOOKS
    renamed = {"extended": "2027" if country == "NO" else "2026 H2"}
    if country == "NO":
        renamed["margin"] = "builtin"
    book = books[renamed.get(name, name)]
    end = start + dt.timedelta(days=days)
    rate_at = no_rate_at(book) if country == "NO" else se_rate_at(book)
    expected = _plan_outcome(start, end, rate_at, convention, basis)
    key = None if book is builtin() else book
    index = module._SPLITS.index(key, convention)
    got = index.plan(start, end, basis)
    event("outside the index" if got is None else "inside the index")
    if got is None:
        assert start < index._first or end > index._end
    else:
        assert got == expected
        assert isinstance(expected, tuple)  # a _Plan: the basis compared in order, too
        assert got.basis == expected[4]
    assert outcome(lambda: module._SPLITS.split(key, start, end, convention, basis)) == expected


@settings(max_examples=EXAMPLES)
@given(amount=amounts, name=BOOK_NAMES, due=wide_no_days, days=wide_spans)
def test_no_late_interest_with_extended_books_equals_the_reference(
    amount: Decimal, name: str, due: dt.date, days: int
) -> None:
    principal = Money.of(amount, "NOK")
    paid = due + dt.timedelta(days=days)
    book = NO_BOOKS[name]
    expected = (
        no.late_interest(principal, due_date=paid, paid_on=paid, roll_due_date=False)
        if days <= 0
        else outcome(lambda: reference_no(principal, due, paid, book))
    )
    for _ in range(2):  # the second time from the memo
        got = outcome(
            lambda: no.late_interest(
                principal, due_date=due, paid_on=paid, law=book, roll_due_date=False
            )
        )
        if days <= 0:
            assert isinstance(got, InterestResult)
            assert got.amount == Money.zero("NOK")
            assert got.periods == ()
        else:
            same(got, expected)


@settings(max_examples=EXAMPLES)
@given(
    amount=amounts,
    name=SE_BOOK_NAMES,
    due=wide_se_days,
    days=wide_spans,
    chosen=st.sampled_from([None, *DayCount]),
)
def test_se_late_interest_with_extended_books_equals_the_reference(
    amount: Decimal, name: str, due: dt.date, days: int, chosen: DayCount | None
) -> None:
    principal = Money.of(amount, "SEK")
    paid = due + dt.timedelta(days=days)
    book = SE_BOOKS[name]
    assume(days > 0)
    expected = outcome(lambda: reference_se(principal, due, paid, book, chosen))
    for _ in range(2):
        got = outcome(
            lambda: se.late_interest(
                principal,
                due_date=due,
                paid_on=paid,
                law=book,
                day_count=chosen,
                roll_due_date=False,
            )
        )
        same(got, expected)


# -- interest on a balance: the reference (the code before this round, verified constructors) --


def reference_on_balance(  # noqa: PLR0917 -- accrue_on_balance's arguments
    principal: Money,
    payments: Any,
    start: dt.date,
    until: dt.date,
    rate_at: Callable[[dt.date], Any],
    day_count: DayCount | None,
    payments_reduce: Any,
    basis: tuple[Citation, ...],
) -> BalanceInterestResult:
    """accrue_on_balance before this round: every stretch through reference_accrue."""
    if not isinstance(principal, Money):
        raise InvalidInput(f"principal must be Money, got {principal!r}")
    if principal.is_negative:
        raise InvalidInput(f"principal must not be negative, got {principal}")
    check_date(start, "start")
    check_date(until, "until")
    if payments_reduce not in PAYMENTS_REDUCE:
        raise InvalidInput(
            f"payments_reduce must be one of {list(PAYMENTS_REDUCE)}, got {payments_reduce!r}"
        )
    currency = principal.currency
    if isinstance(payments, (str, bytes)) or not hasattr(payments, "__iter__"):
        raise InvalidInput(f"payments must be a sequence of Payment, got {payments!r}")
    checked: list[Payment] = []
    for payment in payments:
        if not isinstance(payment, Payment):
            raise InvalidInput(f"payments must hold Payment objects, got {payment!r}")
        if payment.amount.currency != currency:
            raise CurrencyMismatch(currency, payment.amount.currency, context="a payment")
        if payment.paid_on > until:
            raise InvalidInput(
                f"a payment on {payment.paid_on} is after until={until}; "
                "calculate up to the last payment or later"
            )
        checked.append(payment)
    zero = Money.zero(currency)
    balance, accrued, interest_paid, cursor = principal, Fraction(0), zero, start
    periods: list[InterestPeriod] = []
    applications: list[PaymentApplication] = []
    citations: dict[Citation, None] = {}

    def run_to(day: dt.date) -> None:
        nonlocal accrued, cursor
        if day > cursor and balance.is_positive:
            if not isinstance(day_count, DayCount):
                raise InvalidInput(f"day_count must be a DayCount, got {day_count!r}")
            part = reference_accrue(balance, cursor, day, rate_at, day_count, basis)
            periods.extend(part.periods)
            citations.update(dict.fromkeys(part.basis))
            accrued += part.exact
        cursor = max(cursor, day)

    for payment in sorted(checked, key=lambda p: p.paid_on):
        run_to(payment.paid_on)
        interest_due = reference_round(accrued, currency) - interest_paid
        left = payment.amount
        to_interest = to_principal = zero
        for target in (
            ("principal", "interest")
            if payments_reduce == "principal"
            else ("interest", "principal")
        ):
            if target == "interest":
                to_interest = min(left, interest_due)
                left -= to_interest
            else:
                to_principal = min(left, balance)
                left -= to_principal
        balance -= to_principal
        interest_paid += to_interest
        applications.append(
            PaymentApplication(
                payment=payment,
                applied_on=max(payment.paid_on, start),
                to_interest=to_interest,
                to_principal=to_principal,
                overpayment=left,
            )
        )
    run_to(until)
    interest = reference_round(accrued, currency)
    return BalanceInterestResult(
        interest=interest,
        exact=accrued,
        principal=principal,
        start=start,
        until=until,
        payments_reduce=payments_reduce,
        periods=tuple(periods),
        applications=tuple(applications),
        principal_outstanding=balance,
        interest_outstanding=interest - interest_paid,
        overpayment=Money.total((a.overpayment for a in applications), currency=currency),
        basis=tuple(citations),
    )


def reference_no_balance(  # noqa: PLR0917 -- late_interest_on_balance's arguments
    principal: Money,
    payments: Any,
    due: dt.date,
    until: dt.date,
    book: LawBook,
    order: Any,
) -> BalanceInterestResult:
    """no.late_interest_on_balance before this round."""
    if principal.currency != "NOK":
        raise CurrencyMismatch("NOK", principal.currency, context="Norwegian late interest")
    check_date(due, "due_date")
    check_date(until, "until")
    convention: DayCount | None = None
    basis: tuple[Citation, ...] = ()
    if until > due:
        entry = book.record("no.interest.day_count", due)
        convention = day_count_from_record(entry.value, parameter=entry.parameter)
        basis = (entry.citation, no_interest._FRL_3)
    return reference_on_balance(
        principal, payments, due, until, no_rate_at(book), convention, order, basis
    )


def reference_se_balance(  # noqa: PLR0917 -- late_interest_on_balance's arguments
    principal: Money,
    payments: Any,
    due: dt.date,
    until: dt.date,
    book: LawBook,
    order: Any,
    chosen: DayCount | None,
) -> BalanceInterestResult:
    """se.late_interest_on_balance before this round."""
    if principal.currency != "SEK":
        raise CurrencyMismatch("SEK", principal.currency, context="Swedish late interest")
    check_date(due, "due_date")
    check_date(until, "until")
    convention = chosen
    basis: tuple[Citation, ...] = ()
    if until > due:
        extra: tuple[Citation, ...] = ()
        if chosen is None:
            entry = book.record("se.interest.day_count", due)
            convention = day_count_from_record(entry.value, parameter=entry.parameter)
            extra = (entry.citation,)
        basis = (*extra, se_interest._RANTELAGEN_6)
    return reference_on_balance(
        principal, payments, due, until, se_rate_at(book), convention, order, basis
    )


def _kind(expected: object) -> str:
    """What a case tested, for Hypothesis' statistics: a result, or which error."""
    if isinstance(expected, tuple) and isinstance(expected[0], type):  # outcome's error
        return f"{expected[0].__name__}: {expected[1]}"[:70]
    return type(expected).__name__


def _digits(money: Money) -> tuple[object, str]:
    return (money.amount.as_tuple(), money.currency)


def same_balance(result: object, expected: object) -> None:
    """Equal, field by field, with the same Decimal digits in every amount."""
    assert result == expected
    if isinstance(result, BalanceInterestResult) and isinstance(expected, BalanceInterestResult):
        for field in attrs.fields(BalanceInterestResult):
            got, want = getattr(result, field.name), getattr(expected, field.name)
            assert got == want, field.name
            if isinstance(got, Money):
                assert _digits(got) == _digits(want), field.name
        assert [attrs.asdict(p) for p in result.periods] == [
            attrs.asdict(p) for p in expected.periods
        ]
        for got_a, want_a in zip(result.applications, expected.applications, strict=True):
            for name in ("to_interest", "to_principal", "overpayment"):
                assert _digits(getattr(got_a, name)) == _digits(getattr(want_a, name))


def _payments(
    currency: str, principal: Money, due: dt.date, raw: list[tuple[Any, int]]
) -> list[Payment]:
    made = []
    for amount, offset in raw:
        if amount == "full":  # more than enough to pay everything
            value = principal * 2 + Money.of(1000, currency)
        else:
            value = Money.of(amount, currency)
        made.append(Payment(amount=value, paid_on=due + dt.timedelta(days=offset)))
    return made


balance_payments: st.SearchStrategy[list[tuple[Any, int]]] = st.one_of(
    st.just([]),
    st.lists(
        st.tuples(
            st.one_of(
                st.integers(min_value=1, max_value=10**7).map(lambda n: Decimal(n).scaleb(-2)),
                st.just("full"),
            ),
            st.one_of(
                st.sampled_from([-10, 0, 1, 30, 31, 120]),  # before start, same days
                st.integers(min_value=-40, max_value=300),
            ),
        ),
        min_size=1,
        max_size=5,
    ),
)
orders = st.sampled_from(["interest_first", "principal"])


@settings(max_examples=EXAMPLES)
@given(
    amount=amounts,
    name=BOOK_NAMES,
    due=wide_no_days,
    days=wide_spans,
    raw=balance_payments,
    order=orders,
    as_tuple=st.booleans(),
)
@example(
    amount=Decimal(10000),
    name="builtin",
    due=D(2025, 3, 1),
    days=184,
    raw=[],
    order="interest_first",
    as_tuple=False,
)
@example(
    amount=Decimal(10000),
    name="builtin",
    due=D(2025, 3, 1),
    days=184,
    raw=[(Decimal(5000), 122)],
    order="interest_first",
    as_tuple=False,
)
def test_no_balance_equals_the_reference(  # noqa: PLR0917 -- the drawn arguments
    amount: Decimal,
    name: str,
    due: dt.date,
    days: int,
    raw: list[tuple[Any, int]],
    order: Any,
    as_tuple: bool,
) -> None:
    principal = Money.of(amount, "NOK")
    until = due + dt.timedelta(days=days)
    book = NO_BOOKS[name]
    made = _payments("NOK", principal, due, raw)
    payments = tuple(made) if as_tuple else made
    expected = outcome(lambda: reference_no_balance(principal, made, due, until, book, order))
    event(_kind(expected))
    law: LawBook | None = None if book is builtin() and as_tuple else book
    for _ in range(2):  # the second time from the memo
        got = outcome(
            lambda: no.late_interest_on_balance(
                principal,
                payments,
                due_date=due,
                until=until,
                law=law,
                payments_reduce=order,
                roll_due_date=False,
            )
        )
        same_balance(got, expected)


@settings(max_examples=EXAMPLES)
@given(
    amount=amounts,
    name=SE_BOOK_NAMES,
    due=wide_se_days,
    days=wide_spans,
    raw=balance_payments,
    order=orders,
    chosen=st.sampled_from([None, *DayCount]),
)
def test_se_balance_equals_the_reference(  # noqa: PLR0917 -- the drawn arguments
    amount: Decimal,
    name: str,
    due: dt.date,
    days: int,
    raw: list[tuple[Any, int]],
    order: Any,
    chosen: DayCount | None,
) -> None:
    principal = Money.of(amount, "SEK")
    until = due + dt.timedelta(days=days)
    book = SE_BOOKS[name]
    payments = _payments("SEK", principal, due, raw)
    expected = outcome(
        lambda: reference_se_balance(principal, payments, due, until, book, order, chosen)
    )
    event(_kind(expected))
    for _ in range(2):
        got = outcome(
            lambda: se.late_interest_on_balance(
                principal,
                payments,
                due_date=due,
                until=until,
                law=book,
                payments_reduce=order,
                day_count=chosen,
                roll_due_date=False,
            )
        )
        same_balance(got, expected)


@settings(max_examples=EXAMPLES // 2)
@given(
    amount=amounts,
    start=st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 1, 1)),
    days=st.integers(min_value=-5, max_value=2000),
    raw=balance_payments,
    order=orders,
    step=st.sampled_from([None, 30, 200]),
    day_count=st.sampled_from([None, *DayCount]),
)
def test_the_engine_on_a_balance_equals_the_reference(  # noqa: PLR0917
    amount: Decimal,
    start: dt.date,
    days: int,
    raw: list[tuple[Any, int]],
    order: Any,
    step: int | None,
    day_count: DayCount | None,
) -> None:
    # accrue_on_balance with a caller's rate function: open-ended (valid_until None) or in
    # steps of *step* days; a None day count is refused once a stretch needs it, as before.
    principal = Money.of(amount, "SEK")
    until = start + dt.timedelta(days=days)
    payments = _payments("SEK", principal, start, raw)

    def rate_at(day: dt.date) -> RateInForce:
        if step is None:
            return RateInForce(rate=Decimal("7.5"), valid_until=None, basis=())
        ordinal = day.toordinal()
        return RateInForce(
            rate=Decimal(ordinal // step % 7),
            valid_until=dt.date.fromordinal(ordinal - ordinal % step + step - 1),
            basis=(no_interest._FRL_3,),
        )

    basis = (se_interest._RANTELAGEN_6,)
    expected = outcome(
        lambda: reference_on_balance(
            principal, payments, start, until, rate_at, day_count, order, basis
        )
    )
    event(_kind(expected))
    got = outcome(
        lambda: accrue_on_balance(
            principal,
            payments,
            start=start,
            until=until,
            rate_at=rate_at,
            day_count=day_count,
            payments_reduce=order,
            basis=basis,
        )
    )
    same_balance(got, expected)


def test_balance_arguments_are_still_checked_as_before() -> None:
    # Errors of the fast path's arguments, word for word as the reference (the code before).
    nok = Money.of(1000, "NOK")
    due, until = D(2025, 3, 1), D(2025, 9, 1)
    pay = Payment(amount=Money.of(10, "NOK"), paid_on=D(2025, 4, 1))
    cases: list[tuple[Any, Any, Any, Any, Any]] = [
        (nok, [], due, until, "sideways"),  # payments_reduce
        (nok, "abc", due, until, "interest_first"),  # not a sequence
        (nok, [1], due, until, "interest_first"),  # not a Payment
        (nok, [pay], due, D(2025, 3, 31), "interest_first"),  # payment after until
        (Money.of(-1, "NOK"), [], due, until, "interest_first"),  # negative principal
        (Money.of(-1, "NOK"), [], D(1990, 1, 1), until, "interest_first"),  # day count first
        (nok, [], D(1990, 1, 1), until, "interest_first"),  # before the tables
        (nok, [], D(2026, 12, 1), D(2027, 2, 1), "interest_first"),  # past the horizon
        (nok, [pay], D(1993, 12, 1), D(2025, 3, 1), "interest_first"),  # before the rates
        (nok, (), due, dt.datetime(2025, 9, 1), "interest_first"),  # a datetime
        (nok, (), OtherDate(2025, 3, 1), until, "interest_first"),  # a date subclass
    ]
    for principal, payments, first, last, order in cases:
        expected = outcome(
            functools.partial(
                reference_no_balance, principal, payments, first, last, builtin(), order
            )
        )
        got = outcome(
            functools.partial(
                no.late_interest_on_balance,
                principal,
                payments,
                roll_due_date=False,
                due_date=first,
                until=last,
                payments_reduce=order,
            )
        )
        same_balance(got, expected)
    sek = Money.of(1000, "SEK")
    chosen: Any
    for chosen in ("x", None, DayCount.ACTUAL_360):
        expected = outcome(
            functools.partial(
                reference_se_balance, sek, [], due, until, builtin(), "principal", chosen
            )
        )
        got = outcome(
            functools.partial(
                se.late_interest_on_balance,
                sek,
                [],
                roll_due_date=False,
                due_date=due,
                until=until,
                payments_reduce="principal",
                day_count=chosen,
            )
        )
        same_balance(got, expected)


def test_round_interest_builds_trusted_money_with_the_checked_currency() -> None:
    # The trusted Money of round_interest: the same digits, and an unknown currency is refused
    # with Money's own message, as before.
    assert _digits(round_interest(Fraction(12345, 1000), "NOK")) == _digits(
        reference_round(Fraction(12345, 1000), "NOK")
    )
    with pytest.raises(InvalidInput) as got:
        round_interest(Fraction(1, 3), "DKK")
    with pytest.raises(InvalidInput) as want:
        Money(Decimal(0), "DKK")  # type: ignore[arg-type]
    assert str(got.value) == str(want.value)


def test_a_law_book_gets_its_rate_index_once_it_is_used_again() -> None:
    # A book made for one call is split through the look-ups (its index would cost more than
    # it saves); one used _INDEX_AFTER times gets its index. The results are the same all along.
    book = builtin().extend(NO_RATE, _entries((D(2027, 1, 1), Decimal("13.00"))))
    principal = Money.of("12345.67", "NOK")
    for extra in range(interest_engine._INDEX_AFTER + 3):
        paid = D(2027, 2, 1) + dt.timedelta(days=extra)  # a new span each time: no memo
        expected = reference_no(principal, D(2026, 12, 1), paid, book)
        same(
            no.late_interest(
                principal, due_date=D(2026, 12, 1), paid_on=paid, law=book, roll_due_date=False
            ),
            expected,
        )
        # the split counted, up to _INDEX_AFTER; from the next call on, the index is used
        assert interest_engine._BOOK_SPLITS[book] == min(extra + 1, interest_engine._INDEX_AFTER)
    assert interest_engine._index_pays(book)
    assert interest_engine._index_pays(None)  # the built-in book: always
