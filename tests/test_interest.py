"""The jurisdiction-neutral late-interest engine, and the golden cases of tests/cases/interest.toml."""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

from inkassorules.claims import Payment
from inkassorules.errors import CurrencyMismatch, DataFileError, InvalidInput
from inkassorules.interest import (
    PAYMENTS_REDUCE,
    DayCount,
    InterestPeriod,
    InterestResult,
    InterestStart,
    PaymentApplication,
    RateInForce,
    accrue,
    accrue_on_balance,
    day_count_from_record,
    demand_period_end,
    half_year_starts,
    next_half_year_start,
    round_interest,
)
from inkassorules.law import Citation
from inkassorules.money import WHOLE_UNIT, Money
from inkassorules.no import interest as no_interest
from inkassorules.se import interest as se_interest

D = dt.date
CASES = tomllib.loads(
    (Path(__file__).parent / "cases" / "interest.toml").read_text(encoding="utf-8")
)["cases"]
CITE = Citation("test rule", "https://example.org/")


def flat(rate: str, until: dt.date | None = None) -> RateInForce:
    return RateInForce(rate=Decimal(rate), valid_until=until, basis=(CITE,))


# -- golden cases -------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_case(case):
    module = no_interest if case["jurisdiction"] == "NO" else se_interest
    currency = "NOK" if case["jurisdiction"] == "NO" else "SEK"
    extra = {"day_count": DayCount(case["day_count"])} if "day_count" in case else {}
    # A case gives the first interest day as it is unless it says roll_due_date = true (the
    # arithmetic cases; rolling onto a business day is issue 14 item 5).
    roll = case.get("roll_due_date", False)
    result = module.late_interest(
        Money.of(case["principal"], currency),
        due_date=case["due_date"],
        paid_on=case["paid_on"],
        roll_due_date=roll,
        **extra,
    )
    if roll:
        assert result.start == case["interest_from"]
    assert result.amount == Money.of(case["amount"], currency)
    assert [(p.days, str(p.rate), p.year_length) for p in result.periods] == [
        (days, rate, year) for days, rate, year in case["periods"]
    ]
    assert result.days == (case["paid_on"] - case.get("interest_from", case["due_date"])).days
    if "whole_kronor" in case:
        assert result.amount.rounded(to=WHOLE_UNIT) == Money.of(case["whole_kronor"], currency)


def test_golden_no_case_exact_fraction():
    # 10000 x 12.50/100 x 122/365 + 10000 x 12.25/100 x 62/365 = 228450/365 exactly
    # The first interest day as given (roll_due_date=False): Saturday 1 March 2025 itself.
    result = no_interest.late_interest(
        Money.of(10000, "NOK"), due_date=D(2025, 3, 1), paid_on=D(2025, 9, 1), roll_due_date=False
    )
    assert result.exact == Fraction(228450, 365)
    assert result.periods[0].exact == Fraction(152500, 365)
    assert result.periods[1].exact == Fraction(75950, 365)
    assert result.periods[0].start == D(2025, 3, 1)
    assert result.periods[0].end == D(2025, 7, 1)
    assert result.periods[0].last_day == D(2025, 6, 30)
    assert result.periods[1].end == D(2025, 9, 1)


# -- engine -------------------------------------------------------------------------------------


def test_half_year_boundaries():
    assert next_half_year_start(D(2025, 6, 30)) == D(2025, 7, 1)
    assert next_half_year_start(D(2025, 7, 1)) == D(2026, 1, 1)
    assert next_half_year_start(D(2025, 12, 31)) == D(2026, 1, 1)
    assert next_half_year_start(D(2026, 1, 1)) == D(2026, 7, 1)
    assert half_year_starts(D(2025, 7, 1), D(2025, 7, 1)) == ()
    assert half_year_starts(D(2024, 12, 31), D(2026, 1, 2)) == (
        D(2025, 1, 1),
        D(2025, 7, 1),
        D(2026, 1, 1),
    )


def test_day_counts():
    assert DayCount.ACTUAL_ACTUAL_ISDA.year_length(D(2023, 6, 1)) == 365
    assert DayCount.ACTUAL_ACTUAL_ISDA.year_length(D(2024, 6, 1)) == 366
    assert DayCount.ACTUAL_ACTUAL_ISDA.year_length(D(2100, 6, 1)) == 365  # not a leap year
    assert DayCount.ACTUAL_365_FIXED.year_length(D(2024, 6, 1)) == 365
    assert DayCount.ACTUAL_360.year_length(D(2024, 6, 1)) == 360


def test_day_count_record_shape_is_checked():
    assert (
        day_count_from_record({"convention": "actual/360"}, parameter="x") is DayCount.ACTUAL_360
    )
    with pytest.raises(DataFileError, match="convention"):
        day_count_from_record({"convention": "30/360"}, parameter="x")
    with pytest.raises(DataFileError):
        day_count_from_record({"days": 365}, parameter="x")
    with pytest.raises(DataFileError):
        day_count_from_record("actual/365", parameter="x")


def test_demand_period_record_shape_is_checked():
    assert demand_period_end({"days": 30}, sent_on=D(2026, 1, 31), parameter="x") == D(2026, 3, 2)
    # en månad: dateutil clipping, 31 January + 1 month = 28 February
    assert demand_period_end({"months": 1}, sent_on=D(2001, 1, 31), parameter="x") == D(
        2001, 2, 28
    )
    for bad in ({"days": 30, "months": 1}, {}, {"days": 0}, {"days": True}, {"months": "1"}, [30]):
        with pytest.raises(DataFileError):
            demand_period_end(bad, sent_on=D(2026, 1, 1), parameter="x")


def test_accrue_splits_at_rate_validity_inside_a_half_year():
    rates = {D(2025, 1, 1): flat("10", until=D(2025, 3, 31)), D(2025, 4, 1): flat("20")}

    def rate_at(day):
        return rates[D(2025, 1, 1)] if day <= D(2025, 3, 31) else rates[D(2025, 4, 1)]

    result = accrue(
        Money.of(365, "SEK"),
        start=D(2025, 3, 30),
        end=D(2025, 4, 3),
        rate_at=rate_at,
        day_count=DayCount.ACTUAL_365_FIXED,
    )
    # 365 x 10 % x 2/365 = 0.2; 365 x 20 % x 2/365 = 0.4
    assert [(p.days, p.rate) for p in result.periods] == [(2, Decimal(10)), (2, Decimal(20))]
    assert result.exact == Fraction(6, 10)
    assert result.amount == Money.of("0.60", "SEK")
    assert result.basis == (CITE,)


def test_zero_span_reads_no_rate_and_gives_zero():
    def boom(day):
        raise AssertionError(day)

    for end in (D(2025, 1, 1), D(2024, 1, 1)):
        result = accrue(
            Money.of(100, "NOK"), start=D(2025, 1, 1), end=end, rate_at=boom, day_count=None
        )
        assert result.amount == Money.zero("NOK")
        assert result.periods == ()
        assert result.days == 0


def test_accrue_refuses_bad_input():
    with pytest.raises(InvalidInput):
        accrue(
            Money.of(-1, "NOK"),
            start=D(2025, 1, 1),
            end=D(2025, 2, 1),
            rate_at=lambda _: flat("1"),
            day_count=DayCount.ACTUAL_360,
        )
    with pytest.raises(InvalidInput):
        accrue(
            Money.of(1, "NOK"),
            start=D(2025, 1, 1),
            end=D(2025, 2, 1),
            rate_at=lambda _: flat("1"),
            day_count=None,
        )
    with pytest.raises(InvalidInput):
        accrue(
            Money.of(1, "NOK"),
            start=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
            end=D(2025, 2, 1),
            rate_at=lambda _: flat("1"),
            day_count=DayCount.ACTUAL_360,
        )
    with pytest.raises(DataFileError, match="negative"):
        accrue(
            Money.of(1, "NOK"),
            start=D(2025, 1, 1),
            end=D(2025, 2, 1),
            rate_at=lambda _: flat("-0.5"),
            day_count=DayCount.ACTUAL_360,
        )


def test_result_invariants_are_checked_in_post_init():
    principal = Money.of(100, "NOK")
    period = InterestPeriod(
        start=D(2025, 1, 1),
        end=D(2025, 1, 2),
        days=1,
        rate=Decimal(365),
        year_length=365,
        principal=principal,
        exact=Fraction(1),
    )
    with pytest.raises(InvalidInput):
        InterestPeriod(
            start=D(2025, 1, 1),
            end=D(2025, 1, 3),
            days=1,
            rate=Decimal(1),
            year_length=365,
            principal=principal,
            exact=Fraction(1),
        )
    with pytest.raises(InvalidInput, match="sum"):
        InterestResult(
            amount=Money.of(2, "NOK"),
            exact=Fraction(2),
            principal=principal,
            start=D(2025, 1, 1),
            end=D(2025, 1, 2),
            day_count=DayCount.ACTUAL_365_FIXED,
            periods=(period,),
        )
    with pytest.raises(InvalidInput, match="rounded"):
        InterestResult(
            amount=Money.of(2, "NOK"),
            exact=Fraction(1),
            principal=principal,
            start=D(2025, 1, 1),
            end=D(2025, 1, 2),
            day_count=DayCount.ACTUAL_365_FIXED,
            periods=(period,),
        )


def test_round_interest_is_half_up_once():
    assert round_interest(Fraction(5, 1000), "NOK") == Money.of("0.01", "NOK")
    assert round_interest(Fraction(4999, 1000000), "NOK") == Money.of("0.00", "NOK")
    assert round_interest(Fraction(1, 3), "SEK") == Money.of("0.33", "SEK")


def test_explain_lists_parts_and_citations():
    result = no_interest.late_interest(
        Money.of(10000, "NOK"), due_date=D(2025, 3, 1), paid_on=D(2025, 9, 1), roll_due_date=False
    )
    text = result.explain()
    assert text.startswith("625.89 NOK late interest on 10000.00 NOK, 184 days")
    assert "2025-03-01..2025-06-30: 10000 x 12.50 % x 122/365 = 417.808219" in text
    assert "2025-07-01..2025-08-31: 10000 x 12.25 % x 62/365 = 208.082192" in text
    assert "FOR-2025-06-23-1321" in text
    assert "forsinkelsesrenteloven § 3" in text
    assert result.unrounded.amount.as_tuple().digits[:6] == (6, 2, 5, 8, 9, 0)


def test_interest_start_explain():
    start = InterestStart(start=D(2026, 1, 2), reasons=("why",), basis=(CITE,))
    assert start.explain() == "interest from 2026-01-02: why\n- test rule <https://example.org/>"
    assert InterestStart(start=D(2026, 1, 2)).explain() == "interest from 2026-01-02"
    assert not start.provisional
    with pytest.raises(InvalidInput):
        InterestStart(start="2026-01-02")  # type: ignore[arg-type]


# -- balance ------------------------------------------------------------------------------------


def pay(amount: str, on: dt.date, currency: str = "SEK") -> Payment:
    return Payment(amount=Money.of(amount, currency), paid_on=on)


END = D(2026, 1, 1)


def balance(payments, *, mode="principal", until=END):
    return accrue_on_balance(
        Money.of(1000, "SEK"),
        payments,
        start=D(2025, 1, 1),
        until=until,
        rate_at=lambda _: flat("36.5"),
        day_count=DayCount.ACTUAL_365_FIXED,
        payments_reduce=mode,
    )


def test_balance_without_payments_equals_simple_interest():
    # 1000 x 36.5 % x 365/365 = 365.00
    result = balance([])
    assert result.interest == Money.of(365, "SEK")
    assert result.principal_outstanding == Money.of(1000, "SEK")
    assert result.interest_outstanding == Money.of(365, "SEK")
    assert result.overpayment == Money.zero("SEK")


def test_balance_principal_first():
    # 1000 x 0.365 x 100/365 = 100.00 accrued on 2025-04-11; the payment of 600 reduces the
    # principal to 400; then 400 x 0.365 x 265/365 = 106.00; total 206.00
    result = balance([pay("600", D(2025, 4, 11))])
    assert [(p.principal.amount, p.days) for p in result.periods] == [
        (Decimal(1000), 100),
        (Decimal(400), 81),
        (Decimal(400), 184),
    ]
    assert result.interest == Money.of(206, "SEK")
    (app,) = result.applications
    assert (app.to_principal, app.to_interest, app.overpayment) == (
        Money.of(600, "SEK"),
        Money.zero("SEK"),
        Money.zero("SEK"),
    )
    assert result.principal_outstanding == Money.of(400, "SEK")
    assert result.interest_outstanding == Money.of(206, "SEK")


def test_balance_interest_first():
    # 100.00 accrued by 2025-04-11; the 600 pays 100 interest and 500 principal; then
    # 500 x 0.365 x 265/365 = 132.50; total 232.50, of which 132.50 outstanding
    result = balance([pay("600", D(2025, 4, 11))], mode="interest_first")
    (app,) = result.applications
    assert app.to_interest == Money.of(100, "SEK")
    assert app.to_principal == Money.of(500, "SEK")
    assert result.interest == Money.of("232.50", "SEK")
    assert result.interest_outstanding == Money.of("132.50", "SEK")
    assert result.principal_outstanding == Money.of(500, "SEK")
    assert "paid 600.00 SEK on 2025-04-11: interest 100.00 SEK" in result.explain()


def test_balance_overpayment_is_reported_and_interest_stops():
    # 1000 x 0.365 x 100/365 = 100.00; paying 1150 pays 1000 principal, 100 interest, 50 over
    for mode in PAYMENTS_REDUCE:
        result = balance([pay("1150", D(2025, 4, 11))], mode=mode)
        (app,) = result.applications
        assert app.to_principal == Money.of(1000, "SEK")
        assert app.to_interest == Money.of(100, "SEK")
        assert app.overpayment == Money.of(50, "SEK")
        assert result.overpayment == Money.of(50, "SEK")
        assert result.interest == Money.of(100, "SEK")
        assert result.principal_outstanding.is_zero
        assert result.interest_outstanding.is_zero


def test_balance_payment_before_start_and_same_day_order():
    result = balance(
        [pay("300", D(2025, 1, 2)), pay("100", D(2024, 12, 1)), pay("1", D(2025, 1, 2))]
    )
    assert [a.payment.amount.amount for a in result.applications] == [100, 300, 1]
    assert result.applications[0].applied_on == D(2025, 1, 1)
    # 1000 x 0.365 x 1/365 = 1.00 accrued on 2025-01-02 against 900 principal
    assert result.periods[0].principal == Money.of(900, "SEK")
    assert result.principal_outstanding == Money.of(599, "SEK")


def test_balance_refuses_bad_payments():
    with pytest.raises(InvalidInput, match="after until"):
        balance([pay("1", D(2026, 6, 1))])
    with pytest.raises(CurrencyMismatch):
        balance([pay("1", D(2025, 6, 1), "NOK")])
    with pytest.raises(InvalidInput):
        balance(["100"])
    with pytest.raises(InvalidInput):
        balance(Money.of(1, "SEK"))
    with pytest.raises(InvalidInput, match="payments_reduce"):
        balance([], mode="costs_first")


def test_jurisdiction_modules_have_the_same_interest_names():
    shared = {"interest_start", "late_interest", "late_interest_on_balance", "late_interest_rate"}
    assert shared <= set(no_interest.__all__)
    assert shared <= set(se_interest.__all__)
    assert no_interest.__all__ == sorted(no_interest.__all__)
    assert se_interest.__all__ == sorted(se_interest.__all__)


def test_payment_application_invariants():
    payment = pay("100", D(2025, 2, 1))
    zero = Money.zero("SEK")
    with pytest.raises(InvalidInput, match="applied as"):
        PaymentApplication(
            payment=payment,
            applied_on=D(2025, 2, 1),
            to_interest=zero,
            to_principal=Money.of(90, "SEK"),
            overpayment=zero,
        )
    with pytest.raises(InvalidInput, match="negative"):
        PaymentApplication(
            payment=payment,
            applied_on=D(2025, 2, 1),
            to_interest=Money.of(-10, "SEK"),
            to_principal=Money.of(110, "SEK"),
            overpayment=zero,
        )


def test_balance_result_invariants():
    good = balance([pay("600", D(2025, 4, 11))])
    with pytest.raises(InvalidInput, match="principal_outstanding"):
        attrs.evolve(good, principal_outstanding=Money.of(500, "SEK"))
    with pytest.raises(InvalidInput, match="interest_outstanding"):
        attrs.evolve(good, interest_outstanding=Money.of(1, "SEK"))
    with pytest.raises(InvalidInput, match="conserved"):
        attrs.evolve(good, overpayment=Money.of(1, "SEK"))
    assert not good.provisional


def test_provisional_flags_medium_confidence():
    medium = Citation("x", "https://example.org/", confidence="medium")
    result = accrue_on_balance(
        Money.of(1000, "SEK"),
        [],
        start=D(2025, 1, 1),
        until=D(2025, 2, 1),
        rate_at=lambda _: RateInForce(rate=Decimal(1), valid_until=None, basis=(medium,)),
        day_count=DayCount.ACTUAL_360,
    )
    assert result.provisional
    assert "- x (medium confidence) <https://example.org/>" in result.explain()
