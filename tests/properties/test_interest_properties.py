"""Hypothesis properties of late interest in both countries (issue 4).

The calls pass ``roll_due_date=False``: these are invariants of the arithmetic over a given span;
rolling a due date onto a business day (issue 14 item 5) is tested in tests/no and tests/se.

Additive over a split date before rounding; monotone in paid_on and in the principal; zero for
non-positive spans; never negative; equal to a naive day-by-day sum; money conserved when
payments reduce the balance; RateNotPublished after the last published half-year.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inkassorules.claims import Payment
from inkassorules.errors import RateNotPublished
from inkassorules.interest import DayCount
from inkassorules.law import builtin, half_year_of
from inkassorules.money import Money
from inkassorules.no import interest as no_interest
from inkassorules.se import interest as se_interest

D = dt.date
# (module, currency, first day the tables cover, last day they cover)
COUNTRIES = {
    "NO": (no_interest, "NOK", D(1994, 1, 1), D(2026, 12, 31)),
    "SE": (se_interest, "SEK", D(2002, 7, 1), D(2026, 6, 30)),
}
countries = st.sampled_from(sorted(COUNTRIES))


def amounts(currency: str, max_value: int = 10_000_000) -> st.SearchStrategy[Money]:
    """Two-decimal Money from 0 to *max_value*; shrinks towards 0."""
    return st.integers(min_value=0, max_value=max_value * 100).map(
        lambda ore: Money.of(Decimal(ore).scaleb(-2), currency)
    )


@st.composite
def spans(draw, code: str, n: int = 2) -> list[dt.date]:
    """*n* sorted dates a <= b ... such that every day in [first, last) has a rate."""
    _, _, first, last = COUNTRIES[code]
    horizon = last + dt.timedelta(days=1)  # paid_on may be the day after the last rate day
    return sorted(draw(st.dates(min_value=first, max_value=horizon)) for _ in range(n))


@given(data=st.data(), code=countries)
def test_additive_over_a_split_date_before_rounding(data, code):
    module, currency, _, _ = COUNTRIES[code]
    a, b, c = data.draw(spans(code, 3))
    principal = data.draw(amounts(currency))
    whole = module.late_interest(principal, due_date=a, paid_on=c, roll_due_date=False)
    left = module.late_interest(principal, due_date=a, paid_on=b, roll_due_date=False)
    right = module.late_interest(principal, due_date=b, paid_on=c, roll_due_date=False)
    assert left.exact + right.exact == whole.exact
    assert left.days + right.days == whole.days == (c - a).days


@given(data=st.data(), code=countries)
def test_monotone_in_paid_on(data, code):
    module, currency, _, _ = COUNTRIES[code]
    due, paid_early, paid_late = data.draw(spans(code, 3))
    principal = data.draw(amounts(currency))
    early = module.late_interest(principal, due_date=due, paid_on=paid_early, roll_due_date=False)
    late = module.late_interest(principal, due_date=due, paid_on=paid_late, roll_due_date=False)
    assert early.exact <= late.exact
    assert early.amount <= late.amount


@given(data=st.data(), code=countries)
def test_monotone_in_principal(data, code):
    module, currency, _, _ = COUNTRIES[code]
    due, paid = data.draw(spans(code))
    small, large = sorted([data.draw(amounts(currency)), data.draw(amounts(currency))])
    assert (
        module.late_interest(small, due_date=due, paid_on=paid, roll_due_date=False).amount
        <= module.late_interest(large, due_date=due, paid_on=paid, roll_due_date=False).amount
    )


@given(
    code=countries,
    due=st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)),
    back=st.integers(min_value=0, max_value=40_000),
    pennies=st.integers(min_value=0, max_value=10**9),
)
def test_zero_for_non_positive_spans_on_any_dates(code, due, back, pennies):
    module, currency, _, _ = COUNTRIES[code]
    paid = max(D(1, 1, 1), due - dt.timedelta(days=back))
    result = module.late_interest(
        Money.of(Decimal(pennies).scaleb(-2), currency),
        due_date=due,
        paid_on=paid,
        roll_due_date=False,
    )
    assert result.amount.is_zero
    assert result.periods == ()


@given(data=st.data(), code=countries)
def test_never_negative_and_every_rate_positive(data, code):
    # SE referensränta was negative 2016 H2 - 2019 H1, dröjsmålsränta stayed at 7.50
    module, currency, _, _ = COUNTRIES[code]
    due, paid = data.draw(spans(code))
    result = module.late_interest(
        data.draw(amounts(currency)), due_date=due, paid_on=paid, roll_due_date=False
    )
    assert not result.amount.is_negative
    assert result.exact >= 0
    assert all(p.rate > 0 and p.exact >= 0 for p in result.periods)


@settings(max_examples=25)
@given(data=st.data(), code=countries)
def test_equals_a_naive_day_by_day_sum(data, code):
    module, currency, first, last = COUNTRIES[code]
    due = data.draw(st.dates(min_value=first, max_value=last))
    paid = min(
        last + dt.timedelta(days=1),
        due + dt.timedelta(days=data.draw(st.integers(min_value=0, max_value=800))),
    )
    principal = data.draw(amounts(currency))
    day_count = DayCount.ACTUAL_ACTUAL_ISDA if code == "NO" else DayCount.ACTUAL_365_FIXED
    naive = Fraction(0)
    day = due
    while day < paid:
        rate = module.late_interest_rate(on=day)
        naive += Fraction(principal.amount) * Fraction(rate) / (100 * day_count.year_length(day))
        day += dt.timedelta(days=1)
    assert (
        module.late_interest(principal, due_date=due, paid_on=paid, roll_due_date=False).exact
        == naive
    )


@given(data=st.data(), code=countries)
def test_rate_not_published_after_the_horizon_names_the_half_year(data, code):
    module, _, _, last = COUNTRIES[code]
    day = data.draw(st.dates(min_value=last + dt.timedelta(days=1), max_value=D(2100, 12, 31)))
    with pytest.raises(RateNotPublished) as caught:
        module.late_interest_rate(on=day)
    assert caught.value.half_year == half_year_of(day)
    assert half_year_of(day) in str(caught.value)
    assert "LawBook.extend" in str(caught.value)


@st.composite
def payment_lists(draw, code: str, start: dt.date, until: dt.date) -> list[Payment]:
    currency = COUNTRIES[code][1]
    return [
        Payment(
            amount=draw(amounts(currency, 20_000).filter(lambda m: m.is_positive)),
            paid_on=draw(st.dates(min_value=start - dt.timedelta(days=30), max_value=until)),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=5)))
    ]


@settings(max_examples=40)
@given(data=st.data(), code=countries)
def test_balance_conserves_money_and_interest_first_costs_no_less(data, code):
    module, currency, _, _ = COUNTRIES[code]
    start, until = data.draw(spans(code))
    principal = data.draw(amounts(currency, 50_000))
    payments = data.draw(payment_lists(code, start, until))
    paid = Money.total((p.amount for p in payments), currency=currency)
    results = {
        mode: module.late_interest_on_balance(
            principal,
            payments,
            due_date=start,
            until=until,
            payments_reduce=mode,
            roll_due_date=False,
        )
        for mode in ("principal", "interest_first")
    }
    for result in results.values():
        to_principal = principal - result.principal_outstanding
        to_interest = result.interest - result.interest_outstanding
        assert to_principal + to_interest + result.overpayment == paid
        assert not result.principal_outstanding.is_negative
        assert not result.interest_outstanding.is_negative
        assert not result.overpayment.is_negative
    # paying interest first leaves more principal bearing interest for longer
    assert results["interest_first"].exact >= results["principal"].exact
    if not payments:
        plain = module.late_interest(principal, due_date=start, paid_on=until, roll_due_date=False)
        assert results["principal"].exact == plain.exact
        assert results["principal"].interest == plain.amount


@settings(max_examples=20)
@given(
    rate=st.decimals(min_value=Decimal("0.25"), max_value=Decimal(20), places=2),
    days=st.integers(min_value=1, max_value=400),
)
def test_an_extended_book_then_works(rate, days):
    book = builtin().extend(
        "se.interest.reference_rate",
        [
            {
                "valid_from": D(2026, 7, 1),
                "value": rate,
                "citation": "9 § räntelagen; supplied by the caller",
                "url": "https://www.riksbank.se/",
            }
        ],
    )
    due = D(2026, 7, 1)
    paid = min(due + dt.timedelta(days=days), D(2027, 1, 1))
    result = se_interest.late_interest(
        Money.of(36500, "SEK"), due_date=due, paid_on=paid, law=book, roll_due_date=False
    )
    # 36500 x (rate + 8) % x days/365 = (rate + 8) x days exactly
    assert result.amount == Money.of((rate + 8) * (paid - due).days, "SEK")
