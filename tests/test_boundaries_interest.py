"""Boundary tests written to kill mutants of :mod:`inkassorules.interest` (the interest engine).

Each test pins a value the rule gives, worked out by hand in its comment: the split of a span at
1 January / 1 July and at a rate's last day, the day-count year, ROUND_HALF_UP at the half øre,
the allocation of a payment to interest and principal, the records and texts of a result, and
the exact error type with a message that names the argument or rule. Run by
``scripts/mutation.py interest`` (and the country modules' runs).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from inkassorules import interest as engine
from inkassorules.claims import Payment
from inkassorules.errors import CurrencyMismatch, DataFileError, InvalidInput, NotInForce
from inkassorules.interest import (
    BalanceInterestResult,
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
    to_money,
)
from inkassorules.law import Citation, builtin
from inkassorules.money import Money
from inkassorules.no import interest as no_interest
from inkassorules.se import interest as se_interest

D = dt.date
CITE = Citation("test rule", "https://example.org/rule")
OTHER = Citation("other rule", "https://example.org/other")
FIXED = DayCount.ACTUAL_365_FIXED
ISDA = DayCount.ACTUAL_ACTUAL_ISDA


def bounded(rate_at, limit: int = 50):
    """*rate_at*, failing the test once called more than *limit* times.

    A span of a few half-years needs a few look-ups; a split that stops advancing (a mutant
    of the loop) then fails at once instead of running until the time-out.
    """
    calls = 0

    def lookup(day):
        nonlocal calls
        calls += 1
        if calls > limit:
            msg = f"more than {limit} rate look-ups, the last on {day}"
            raise AssertionError(msg)
        return rate_at(day)

    return lookup


def flat(rate: str, until: dt.date | None = None, basis: tuple[Citation, ...] = (CITE,)):
    """A rate lookup giving *rate* on every day."""
    quote = RateInForce(rate=Decimal(rate), valid_until=until, basis=basis)
    return bounded(lambda _day: quote)


def sek(amount: str | int) -> Money:
    return Money.of(amount, "SEK")


def nok(amount: str | int) -> Money:
    return Money.of(amount, "NOK")


def _clear_memos() -> None:
    engine._DISTINCT.clear()
    engine._BOOK_SPLITS.clear()
    for country in (no_interest, se_interest):
        country._SPLITS._indexes.clear()
        country._SPLITS._plans.clear()
        country._SPLITS.rate_on.cache_clear()
        country._day_count_on.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_memos():
    """Empty the engine's memos (and the countries' splits) so no value cached before a mutant."""
    _clear_memos()
    yield
    _clear_memos()


# -- DayCount ----------------------------------------------------------------------------------


def test_day_count_year_length_per_convention():
    # ISDA: 366 in a leap year (2024, 2000), 365 otherwise (2023, 1900); the others ignore leaps.
    assert ISDA.year_length(D(2024, 12, 31)) == 366
    assert ISDA.year_length(D(2000, 1, 1)) == 366
    assert ISDA.year_length(D(2023, 12, 31)) == 365
    assert ISDA.year_length(D(1900, 6, 1)) == 365
    assert FIXED.year_length(D(2024, 2, 29)) == 365
    assert DayCount.ACTUAL_360.year_length(D(2024, 2, 29)) == 360
    assert DayCount.ACTUAL_360.year_length(D(2023, 2, 28)) == 360


def test_day_count_unknown_value_is_invalid_input_naming_the_class():
    with pytest.raises(InvalidInput, match=r"'30/360' is not a DayCount: expected one of"):
        DayCount("30/360")
    assert DayCount("actual/actual-isda") is ISDA
    assert DayCount("actual/365-fixed") is FIXED
    assert DayCount("actual/360") is DayCount.ACTUAL_360


def test_day_count_hash_is_identity_hash():
    assert hash(FIXED) == object.__hash__(FIXED)
    assert {FIXED: 1, ISDA: 2}[ISDA] == 2


def test_day_count_from_record_reads_each_convention():
    for member in DayCount:
        got = day_count_from_record({"convention": member.value}, parameter="p")
        assert got is member


def test_day_count_from_record_errors_name_the_parameter_and_key():
    with pytest.raises(DataFileError) as err:
        day_count_from_record({"convention": "actual/365-fixed", "x": 1}, parameter="no.dc")
    assert err.value.path == "no.dc"
    assert err.value.key == "value"
    assert "expected {convention = ...}, got" in err.value.problem
    with pytest.raises(DataFileError) as err:
        day_count_from_record(["convention"], parameter="no.dc")
    assert err.value.key == "value"
    with pytest.raises(DataFileError) as err:
        day_count_from_record({"convention": "30E/360"}, parameter="se.dc")
    assert err.value.path == "se.dc"
    assert err.value.key == "value.convention"
    assert err.value.problem == (
        "must be one of ['actual/actual-isda', 'actual/365-fixed', 'actual/360'], got '30E/360'"
    )
    assert err.value.__cause__ is None
    assert err.value.__suppress_context__


# -- demand_period_end -------------------------------------------------------------------------


def test_demand_period_end_days_and_months():
    # 14 days after 2026-02-20 is 2026-03-06; 1 day after is the next day.
    assert demand_period_end({"days": 14}, sent_on=D(2026, 2, 20), parameter="p") == D(2026, 3, 6)
    assert demand_period_end({"days": 1}, sent_on=D(2026, 2, 28), parameter="p") == D(2026, 3, 1)
    # 1 month after 31 January 2024 (leap year) is 29 February; 2 months after is 31 March.
    assert demand_period_end({"months": 1}, sent_on=D(2024, 1, 31), parameter="p") == D(
        2024, 2, 29
    )
    assert demand_period_end({"months": 2}, sent_on=D(2024, 1, 31), parameter="p") == D(
        2024, 3, 31
    )


def test_demand_period_end_errors_name_parameter_and_key():
    with pytest.raises(DataFileError) as err:
        demand_period_end([1], sent_on=D(2026, 1, 1), parameter="no.demand")
    assert (err.value.path, err.value.key) == ("no.demand", "value")
    assert err.value.problem == "expected a table, got [1]"
    with pytest.raises(DataFileError) as err:
        demand_period_end({"days": 1, "months": 1}, sent_on=D(2026, 1, 1), parameter="no.demand")
    assert (err.value.path, err.value.key) == ("no.demand", "value")
    assert err.value.problem.startswith("needs exactly one of days/months: ")
    with pytest.raises(DataFileError) as err:
        demand_period_end({"weeks": 2}, sent_on=D(2026, 1, 1), parameter="no.demand")
    assert err.value.key == "value"
    for key, bad in (("days", 0), ("months", 0), ("days", -1), ("days", False), ("months", 1.0)):
        with pytest.raises(DataFileError) as err:
            demand_period_end({key: bad}, sent_on=D(2026, 1, 1), parameter="se.demand")
        assert (err.value.path, err.value.key) == ("se.demand", f"value.{key}")
        assert err.value.problem == f"must be a whole number >= 1: {bad!r}"
    # True is a bool, not the count 1.
    with pytest.raises(DataFileError, match="whole number"):
        demand_period_end({"days": True}, sent_on=D(2026, 1, 1), parameter="p")


# -- rounding and exact amounts ----------------------------------------------------------------


def test_round_interest_half_up_at_the_half_ore():
    # 0.005 is exactly half an øre: up to 0.01; one millionth less stays 0.00.
    assert round_interest(Fraction(1, 200), "NOK") == nok("0.01")
    assert round_interest(Fraction(4999, 1000000), "NOK") == nok("0.00")
    assert round_interest(Fraction(5001, 1000000), "NOK") == nok("0.01")
    # 2/3 = 0.666.. -> 0.67; 1/3 -> 0.33; 1/8 = 0.125 -> 0.13 (a tie goes up).
    assert round_interest(Fraction(2, 3), "SEK") == sek("0.67")
    assert round_interest(Fraction(1, 3), "SEK") == sek("0.33")
    assert round_interest(Fraction(1, 8), "SEK") == sek("0.13")
    assert round_interest(Fraction(0), "SEK") == sek("0.00")
    assert round_interest(7, "SEK") == sek("7.00")
    rounded = round_interest(Fraction(12345, 100), "NOK")
    assert rounded.amount.as_tuple().exponent == -2
    assert str(rounded) == "123.45 NOK"
    assert rounded.currency == "NOK"


def test_round_interest_large_values_take_the_decimal_path_with_the_same_rule():
    # 10**20 kroner and a tie: 10**20 + 0.005 -> 10**20 + 0.01 (ROUND_HALF_UP).
    big = Fraction(10**20) + Fraction(1, 200)
    assert round_interest(big, "NOK").amount == Decimal(10**20) + Decimal("0.01")
    just_below = Fraction(10**20) + Fraction(4999, 1000000)
    assert round_interest(just_below, "NOK").amount == Decimal(10**20)
    huge_denominator = Fraction(1, 3 * 10**20)
    assert round_interest(huge_denominator, "SEK") == sek("0.00")
    assert round_interest(Fraction(10**20, 3 * 10**20 + 1), "SEK") == sek("0.33")
    # 10**30 / 3 needs 32 digits to the øre: more than Decimal's default 28, within the 50 here.
    assert round_interest(Fraction(10**30, 3), "SEK").amount == Decimal("3" * 30 + ".33")
    assert round_interest(Fraction(2 * 10**30, 3), "SEK").amount == Decimal("6" * 29 + "6.67")
    # A negative exact sum (never from the engine) rounds half away from zero: -0.005 -> -0.01.
    assert round_interest(Fraction(-1, 200), "NOK") == nok("-0.01")
    # The integer path's boundary, 10**20 - 1 over 10**20 - 1 (= 1): exactly 1.00.
    assert round_interest(Fraction(10**20 - 1, 3), "SEK").amount == Decimal(
        "33333333333333333333.00"
    )


def test_round_interest_refuses_a_bad_currency_and_a_float():
    with pytest.raises(InvalidInput, match=r"currency must be one of .*, got 'EUR'"):
        round_interest(Fraction(1, 3), "EUR")
    with pytest.raises(InvalidInput, match=r"currency must be one of .*, got 'EUR'"):
        round_interest(Fraction(10**21, 3), "EUR")
    with pytest.raises(InvalidInput, match=r"an exact amount is a Fraction, got 0\.5"):
        round_interest(0.5, "NOK")
    with pytest.raises(InvalidInput, match="an exact amount is a Fraction, got True"):
        round_interest(True, "NOK")
    with pytest.raises(InvalidInput, match="an exact amount is a Fraction, got '1'"):
        to_money("1", "NOK")


def test_to_money_keeps_fifty_digits():
    # 1/3 to 50 significant digits: 0.333... (50 threes).
    assert to_money(Fraction(1, 3), "NOK").amount == Decimal("0." + "3" * 50)
    assert to_money(Fraction(5, 2), "SEK") == sek("2.5")
    assert to_money(3, "SEK").amount == Decimal(3)
    assert to_money(Fraction(5, 2), "SEK").currency == "SEK"
    with pytest.raises(InvalidInput, match="currency"):
        to_money(Fraction(1, 2), "DKK")


# -- half-years --------------------------------------------------------------------------------


def test_next_half_year_start_each_side_of_july():
    assert next_half_year_start(D(2025, 1, 1)) == D(2025, 7, 1)
    assert next_half_year_start(D(2025, 6, 30)) == D(2025, 7, 1)
    assert next_half_year_start(D(2025, 7, 1)) == D(2026, 1, 1)
    assert next_half_year_start(D(2025, 12, 31)) == D(2026, 1, 1)
    assert next_half_year_start(D(9999, 6, 30)) == D(9999, 7, 1)


def test_next_half_year_start_refuses_after_the_last_half_year():
    with pytest.raises(InvalidInput, match=r"no half-year starts after 9999-07-01"):
        next_half_year_start(D(9999, 7, 1))
    with pytest.raises(InvalidInput, match="^day must be a datetime.date"):
        next_half_year_start("2025-01-01")


def test_half_year_starts_is_open_at_both_ends():
    # (start, end): neither 2025-07-01 as start nor 2026-07-01 as end is included.
    assert half_year_starts(D(2025, 7, 1), D(2026, 7, 1)) == (D(2026, 1, 1),)
    assert half_year_starts(D(2025, 6, 30), D(2026, 7, 2)) == (
        D(2025, 7, 1),
        D(2026, 1, 1),
        D(2026, 7, 1),
    )
    assert half_year_starts(D(2025, 6, 30), D(2025, 7, 1)) == ()
    assert half_year_starts(D(2025, 6, 30), D(2025, 7, 2)) == (D(2025, 7, 1),)
    assert half_year_starts(D(2026, 1, 1), D(2025, 1, 1)) == ()
    with pytest.raises(InvalidInput, match="^end must be a datetime.date"):
        half_year_starts(D(2025, 1, 1), "2026-01-01")
    with pytest.raises(InvalidInput, match="^day must be a datetime.date"):
        half_year_starts("2025-01-01", D(2026, 1, 1))


# -- accrue ------------------------------------------------------------------------------------


def test_accrue_counts_start_and_not_end_across_1_july():
    # 29 June .. 2 July 2025 (end 3 July): 2 days in H1, 2 in H2; each 1000 x 10 % x 2/365.
    result = accrue(
        sek(1000),
        start=D(2025, 6, 29),
        end=D(2025, 7, 3),
        rate_at=flat("10"),
        day_count=FIXED,
        basis=(OTHER,),
    )
    assert [(p.start, p.end, p.days, p.year_length) for p in result.periods] == [
        (D(2025, 6, 29), D(2025, 7, 1), 2, 365),
        (D(2025, 7, 1), D(2025, 7, 3), 2, 365),
    ]
    assert [p.exact for p in result.periods] == [Fraction(200, 365), Fraction(200, 365)]
    assert [p.principal for p in result.periods] == [sek(1000), sek(1000)]
    assert [p.rate for p in result.periods] == [Decimal(10), Decimal(10)]
    assert result.exact == Fraction(400, 365)  # 1.0958.. -> 1.10
    assert result.amount == sek("1.10")
    assert (result.start, result.end, result.day_count) == (D(2025, 6, 29), D(2025, 7, 3), FIXED)
    assert result.principal == sek(1000)
    assert result.days == 4
    # The rate's citation first, then the basis passed in; each once.
    assert result.basis == (CITE, OTHER)


def test_accrue_one_day_is_one_period():
    # One day, 30 June 2025: 3650 x 10 % x 1/365 = 1.00 exactly.
    result = accrue(
        sek(3650), start=D(2025, 6, 30), end=D(2025, 7, 1), rate_at=flat("10"), day_count=FIXED
    )
    assert [(p.start, p.end, p.days) for p in result.periods] == [
        (D(2025, 6, 30), D(2025, 7, 1), 1)
    ]
    assert result.periods[0].exact == Fraction(1)
    assert result.exact == Fraction(1)
    assert result.amount == sek("1.00")
    assert result.periods[0].last_day == D(2025, 6, 30)
    assert result.periods[0].amount == sek("1")


def test_accrue_isda_uses_each_half_years_own_year():
    # 1 Dec 2023 .. 1 Feb 2024 at 12 %: 31 days of 2023 over 365, 31 days of 2024 over 366.
    # 36600 x 12 % x 31/365 = 136152/365 = 373.019.. and 36600 x 12 % x 31/366 = 372;
    # sum 745.019.. -> 745.02.
    result = accrue(
        nok(36600), start=D(2023, 12, 1), end=D(2024, 2, 1), rate_at=flat("12"), day_count=ISDA
    )
    assert [(p.days, p.year_length) for p in result.periods] == [(31, 365), (31, 366)]
    assert result.periods[1].exact == Fraction(372)
    assert result.periods[0].exact == Fraction(36600 * 12 * 31, 100 * 365)
    assert result.exact == Fraction(36600 * 12 * 31, 36500) + 372
    assert result.amount == nok("745.02")


def test_accrue_actual_360_and_a_fractional_rate():
    # 1000 x 12.25 % x 30/360 = 10.2083.. -> 10.21.
    result = accrue(
        sek(1000),
        start=D(2025, 3, 1),
        end=D(2025, 3, 31),
        rate_at=flat("12.25"),
        day_count=DayCount.ACTUAL_360,
    )
    assert result.exact == Fraction(1000 * 1225 * 30, 100 * 100 * 360)
    assert result.amount == sek("10.21")
    assert result.periods[0].year_length == 360


def test_accrue_splits_the_day_after_valid_until_and_at_half_years():
    # Rate 10 % until 15 March (last day), then 20 % to the end of the year (rate open-ended).
    first = RateInForce(rate=Decimal(10), valid_until=D(2025, 3, 15), basis=(CITE,))
    second = RateInForce(rate=Decimal(20), valid_until=None, basis=(OTHER, CITE))
    seen: list[dt.date] = []

    def rate_at(day):
        seen.append(day)
        return first if day <= D(2025, 3, 15) else second

    result = accrue(
        sek(365),
        start=D(2025, 3, 14),
        end=D(2025, 7, 2),
        rate_at=bounded(rate_at, limit=3),
        day_count=FIXED,
    )
    # 14-15 March at 10 %: 365 x 10 % x 2/365 = 0.2; 16 March..30 June (107 days) at 20 %: 21.4;
    # 1 July (1 day) at 20 %: 0.2. The look-ups are made on the first day of each part only.
    assert [(p.start, p.days, p.rate) for p in result.periods] == [
        (D(2025, 3, 14), 2, Decimal(10)),
        (D(2025, 3, 16), 107, Decimal(20)),
        (D(2025, 7, 1), 1, Decimal(20)),
    ]
    assert seen == [D(2025, 3, 14), D(2025, 3, 16), D(2025, 7, 1)]
    assert result.exact == Fraction(218, 10)
    assert result.amount == sek("21.80")
    assert result.basis == (CITE, OTHER)


def test_accrue_valid_until_on_the_last_day_of_the_span():
    # valid_until is the last interest day: no extra split, one period of 3 days.
    quote = RateInForce(rate=Decimal(10), valid_until=D(2025, 3, 3), basis=())
    result = accrue(
        sek(365),
        start=D(2025, 3, 1),
        end=D(2025, 3, 4),
        rate_at=lambda _day: quote,
        day_count=FIXED,
    )
    assert [(p.start, p.end, p.days) for p in result.periods] == [
        (D(2025, 3, 1), D(2025, 3, 4), 3)
    ]
    assert result.basis == ()


def test_accrue_zero_rate_and_zero_principal_give_zero_with_periods():
    zero_rate = accrue(
        sek(1000), start=D(2025, 1, 1), end=D(2025, 1, 11), rate_at=flat("0"), day_count=FIXED
    )
    assert zero_rate.amount == sek(0)
    assert [p.days for p in zero_rate.periods] == [10]
    zero_principal = accrue(
        sek(0), start=D(2025, 1, 1), end=D(2025, 1, 11), rate_at=flat("10"), day_count=FIXED
    )
    assert zero_principal.exact == 0
    assert zero_principal.periods[0].principal == sek(0)


def test_accrue_non_positive_span_is_zero_and_keeps_its_fields():
    for end in (D(2025, 1, 1), D(2024, 12, 31)):
        result = accrue(nok(100), start=D(2025, 1, 1), end=end, rate_at=flat("10"), day_count=None)
        assert result.amount == nok("0.00")
        assert str(result.amount) == "0.00 NOK"
        assert result.exact == Fraction(0)
        assert (result.start, result.end) == (D(2025, 1, 1), end)
        assert result.principal == nok(100)
        assert result.day_count is None
        assert (result.periods, result.basis) == ((), ())
    kept = accrue(
        nok(1), start=D(2025, 1, 2), end=D(2025, 1, 1), rate_at=flat("1"), day_count=ISDA
    )
    assert kept.day_count is ISDA


def test_accrue_errors_name_the_argument():
    with pytest.raises(InvalidInput, match="principal must not be negative, got -0.01 NOK"):
        accrue(
            nok("-0.01"),
            start=D(2025, 1, 1),
            end=D(2025, 1, 2),
            rate_at=flat("1"),
            day_count=FIXED,
        )
    with pytest.raises(InvalidInput, match="principal must be Money, got 100"):
        accrue(100, start=D(2025, 1, 1), end=D(2025, 1, 2), rate_at=flat("1"), day_count=FIXED)
    with pytest.raises(InvalidInput, match="day_count must be a DayCount, got 'actual/360'"):
        accrue(
            nok(1),
            start=D(2025, 1, 1),
            end=D(2025, 1, 2),
            rate_at=flat("1"),
            day_count="actual/360",
        )
    with pytest.raises(InvalidInput, match="^start must be a datetime.date"):
        accrue(nok(1), start="2025-01-01", end=D(2025, 1, 2), rate_at=flat("1"), day_count=FIXED)
    with pytest.raises(InvalidInput, match="^end must be a datetime.date"):
        accrue(nok(1), start=D(2025, 1, 1), end="2025-01-02", rate_at=flat("1"), day_count=FIXED)
    with pytest.raises(DataFileError) as err:
        accrue(
            nok(1), start=D(2025, 3, 1), end=D(2025, 3, 2), rate_at=flat("-0.01"), day_count=FIXED
        )
    assert (err.value.path, err.value.key) == ("late-interest rate", "2025-03-01")
    assert err.value.problem == "rate -0.01 % is negative"


def test_accrue_zero_principal_is_allowed_and_negative_zero_rate_is_not_negative():
    result = accrue(
        nok("0.00"), start=D(2025, 1, 1), end=D(2025, 1, 2), rate_at=flat("-0"), day_count=FIXED
    )
    assert result.amount == nok(0)


# -- the result's texts and records ------------------------------------------------------------


def _two_part_result() -> InterestResult:
    # 29 June .. 2 July 2025 on 1000 SEK at 10 %: two parts of 2 days, 200/365 = 0.547945.. each.
    return accrue(
        sek(1000),
        start=D(2025, 6, 29),
        end=D(2025, 7, 3),
        rate_at=flat("10"),
        day_count=FIXED,
    )


def test_interest_result_explain_is_line_by_line():
    assert _two_part_result().explain() == (
        "1.10 SEK late interest on 1000.00 SEK, 4 days\n"
        "  2025-06-29..2025-06-30: 1000 x 10 % x 2/365 = 0.547945 SEK\n"
        "  2025-07-01..2025-07-02: 1000 x 10 % x 2/365 = 0.547945 SEK\n"
        "- test rule <https://example.org/rule>"
    )
    # Without citations there is no citation line.
    bare = accrue(
        sek(1000),
        start=D(2025, 1, 1),
        end=D(2025, 1, 2),
        rate_at=flat("36.5", basis=()),
        day_count=FIXED,
    )
    assert bare.explain() == (
        "1.00 SEK late interest on 1000.00 SEK, 1 days\n"
        "  2025-01-01..2025-01-01: 1000 x 36.5 % x 1/365 = 1.00 SEK"
    )


def test_interest_result_repr_and_records():
    result = _two_part_result()
    assert repr(result) == (
        "InterestResult(1.10 SEK on 1000.00 SEK, 2025-06-29..2025-07-03, 4 days, 2 periods)"
    )
    assert result.to_records() == [
        {
            "start": D(2025, 6, 29),
            "last_day": D(2025, 6, 30),
            "days": 2,
            "rate": Decimal(10),
            "year_length": 365,
            "principal": Decimal("1000.00"),
            "interest": Decimal("0.547945"),
            "currency": "SEK",
        },
        {
            "start": D(2025, 7, 1),
            "last_day": D(2025, 7, 2),
            "days": 2,
            "rate": Decimal(10),
            "year_length": 365,
            "principal": Decimal("1000.00"),
            "interest": Decimal("0.547945"),
            "currency": "SEK",
        },
    ]
    # The record keeps six places (to_records' "interest"), not the 50 of the exact amount.
    assert str(result.to_records()[0]["interest"]) == "0.547945"


def test_interest_result_html_table():
    html = _two_part_result()._repr_html_()
    assert html.startswith(
        '<table class="inkassorules"><caption>Late interest on 1000.00 SEK from 2025-06-29 '
        "until payment on 2025-07-03</caption>"
    )
    head = (
        "<tr><th>Start</th><th>Last day</th><th>Days</th><th>Rate</th><th>Year length</th>"
        "<th>Principal</th><th>Interest</th><th>Currency</th></tr>"
    )
    assert head in html
    assert (
        '<tr><td>2025-06-29</td><td>2025-06-30</td><td class="num">2</td>'
        '<td class="num">10</td><td class="num">365</td><td class="num">1000.00</td>'
        '<td class="num">0.55</td><td>SEK</td></tr>'
    ) in html
    assert (
        "<p>Total 1.10 SEK: 4 days, the exact parts added and rounded once to øre / öre "
        "(ROUND_HALF_UP)</p>"
    ) in html
    assert (
        '<a href="https://example.org/rule" target="_blank" rel="noopener">test rule</a>' in html
    )


def test_interest_result_unrounded_and_provisional():
    result = _two_part_result()
    # 400/365 to 50 significant digits.
    assert result.unrounded.amount == Decimal(
        "1.0958904109589041095890410958904109589041095890411"
    )
    assert result.unrounded.currency == "SEK"
    assert result.provisional is False
    medium = Citation("medium rule", "https://example.org/m", confidence="medium")
    shaky = accrue(
        sek(1),
        start=D(2025, 1, 1),
        end=D(2025, 1, 2),
        rate_at=flat("1", basis=(medium,)),
        day_count=FIXED,
    )
    assert shaky.provisional is True


def test_interest_start_explain_and_check():
    start = InterestStart(start=D(2026, 1, 2), reasons=("one", "two"), basis=(CITE,))
    assert (
        start.explain()
        == "interest from 2026-01-02: one; two\n- test rule <https://example.org/rule>"
    )
    assert InterestStart(start=D(2026, 1, 2), reasons=("one",)).explain() == (
        "interest from 2026-01-02: one"
    )
    assert InterestStart(start=D(2026, 1, 2), basis=(CITE,)).explain() == (
        "interest from 2026-01-02\n- test rule <https://example.org/rule>"
    )
    assert InterestStart(start=D(2026, 1, 2)).reasons == ()
    assert InterestStart(start=D(2026, 1, 2)).basis == ()
    medium = Citation("m", "https://example.org/m", confidence="medium")
    assert InterestStart(start=D(2026, 1, 2), basis=(medium,)).provisional is True
    assert start.provisional is False
    with pytest.raises(InvalidInput, match="^start must be a datetime.date, got '2026-01-02'"):
        InterestStart(start="2026-01-02")


# -- hand-built results are checked ------------------------------------------------------------


def _period(**changes) -> InterestPeriod:
    fields = {
        "start": D(2025, 1, 1),
        "end": D(2025, 1, 3),
        "days": 2,
        "rate": Decimal(10),
        "year_length": 365,
        "principal": sek(365),
        "exact": Fraction(2, 10),
    }
    return InterestPeriod(**(fields | changes))


def test_interest_period_checks_days_against_the_span():
    assert _period().days == 2
    with pytest.raises(InvalidInput, match=r"2025-01-01\.\.2025-01-03 with 3 days"):
        _period(days=3)
    with pytest.raises(InvalidInput, match="an interest period needs end after start"):
        _period(days=1)
    with pytest.raises(InvalidInput, match="with 0 days"):
        _period(end=D(2025, 1, 1), days=0)
    with pytest.raises(InvalidInput, match="with -1 days"):
        _period(end=D(2024, 12, 31), days=-1)
    with pytest.raises(InvalidInput, match="InterestPeriod.days must be int"):
        _period(days="2")


def test_interest_result_checks_sum_and_rounding():
    period = _period()  # exact 0.2
    ok = InterestResult(
        amount=sek("0.20"),
        exact=Fraction(1, 5),
        principal=sek(365),
        start=D(2025, 1, 1),
        end=D(2025, 1, 3),
        day_count=FIXED,
        periods=(period,),
    )
    assert ok.basis == ()
    empty = InterestResult(
        amount=sek(0),
        exact=Fraction(0),
        principal=sek(1),
        start=D(2025, 1, 1),
        end=D(2025, 1, 1),
        day_count=None,
    )
    assert empty.periods == ()
    with pytest.raises(InvalidInput, match=r"exact 1/5 is not the sum of the periods, 2/5"):
        InterestResult(
            amount=sek("0.20"),
            exact=Fraction(1, 5),
            principal=sek(365),
            start=D(2025, 1, 1),
            end=D(2025, 1, 3),
            day_count=FIXED,
            periods=(period, period),
        )
    with pytest.raises(InvalidInput, match=r"amount 0.21 SEK is not the rounded exact sum 1/5"):
        InterestResult(
            amount=sek("0.21"),
            exact=Fraction(1, 5),
            principal=sek(365),
            start=D(2025, 1, 1),
            end=D(2025, 1, 3),
            day_count=FIXED,
            periods=(period,),
        )
    with pytest.raises(InvalidInput, match="InterestResult.day_count must be DayCount or None"):
        InterestResult(
            amount=sek(0),
            exact=Fraction(0),
            principal=sek(1),
            start=D(2025, 1, 1),
            end=D(2025, 1, 1),
            day_count="actual/360",
        )


def test_payment_application_checks_the_parts():
    payment = Payment(amount=sek(100), paid_on=D(2025, 2, 1))
    ok = PaymentApplication(
        payment=payment,
        applied_on=D(2025, 2, 1),
        to_interest=sek(10),
        to_principal=sek(90),
        overpayment=sek(0),
    )
    assert ok.to_principal == sek(90)
    with pytest.raises(InvalidInput, match=r"a payment of 100.00 SEK was applied as 99.00 SEK"):
        PaymentApplication(
            payment=payment,
            applied_on=D(2025, 2, 1),
            to_interest=sek(10),
            to_principal=sek(89),
            overpayment=sek(0),
        )
    # Each part negative in turn, the parts still adding up to the 100 paid.
    for to_interest, to_principal, overpayment in ((-1, 101, 0), (0, -1, 101), (101, 0, -1)):
        with pytest.raises(InvalidInput, match="^no part of an applied payment may be negative$"):
            PaymentApplication(
                payment=payment,
                applied_on=D(2025, 2, 1),
                to_interest=sek(to_interest),
                to_principal=sek(to_principal),
                overpayment=sek(overpayment),
            )


# -- interest on a changing balance ------------------------------------------------------------
# At 36.5 % a year, ACTUAL_365_FIXED, every krone of balance costs 0.001 a day: 1000 SEK costs
# exactly 1.00 SEK a day, which keeps the hand arithmetic below exact.

START = D(2025, 1, 1)
UNTIL = D(2025, 1, 21)  # 20 interest days, all in the first half-year


def pay(amount: str | int, on: dt.date, currency: str = "SEK") -> Payment:
    return Payment(amount=Money.of(amount, currency), paid_on=on)


def on_balance(payments, *, mode="interest_first", principal=1000, until=UNTIL, basis=()):
    return accrue_on_balance(
        sek(principal),
        payments,
        start=START,
        until=until,
        rate_at=flat("36.5"),
        day_count=FIXED,
        payments_reduce=mode,
        basis=basis,
    )


def _split(application: PaymentApplication) -> tuple[Money, Money, Money]:
    return application.to_interest, application.to_principal, application.overpayment


def test_balance_interest_first_pays_accrued_interest_then_principal():
    # 10 days on 1000 = 10.00 accrued on 11 Jan; 105 paid: 10.00 interest, 95.00 principal.
    # Then 10 days on 905 = 9.05; interest 19.05 in all, 9.05 of it unpaid.
    result = on_balance([pay(105, D(2025, 1, 11))])
    assert [_split(a) for a in result.applications] == [(sek(10), sek(95), sek(0))]
    assert result.applications[0].applied_on == D(2025, 1, 11)
    assert [(p.start, p.end, p.principal, p.exact) for p in result.periods] == [
        (START, D(2025, 1, 11), sek(1000), Fraction(10)),
        (D(2025, 1, 11), UNTIL, sek(905), Fraction(905, 100)),
    ]
    assert result.exact == Fraction(1905, 100)
    assert result.interest == sek("19.05")
    assert result.principal_outstanding == sek(905)
    assert result.interest_outstanding == sek("9.05")
    assert result.overpayment == sek(0)
    assert (result.principal, result.start, result.until) == (sek(1000), START, UNTIL)
    assert result.payments_reduce == "interest_first"


def test_balance_principal_first_leaves_the_interest_owed():
    # 105 paid on 11 Jan all to principal (895 left), nothing to the 10.00 accrued;
    # then 10 days on 895 = 8.95: interest 18.95, all of it unpaid.
    result = on_balance([pay(105, D(2025, 1, 11))], mode="principal")
    assert [_split(a) for a in result.applications] == [(sek(0), sek(105), sek(0))]
    assert result.interest == sek("18.95")
    assert result.principal_outstanding == sek(895)
    assert result.interest_outstanding == sek("18.95")
    assert result.payments_reduce == "principal"


def test_balance_principal_first_then_interest_then_overpayment():
    # 1015 paid on 11 Jan, principal first: 1000 principal, 10.00 interest, 5.00 over.
    # The principal is paid, so no interest runs after 11 Jan: one period only.
    result = on_balance([pay(1015, D(2025, 1, 11))], mode="principal")
    assert [_split(a) for a in result.applications] == [(sek(10), sek(1000), sek(5))]
    assert len(result.periods) == 1
    assert result.interest == sek(10)
    assert result.principal_outstanding == sek(0)
    assert result.interest_outstanding == sek(0)
    assert result.overpayment == sek(5)


def test_balance_overpayment_and_no_interest_once_paid():
    # 1020 on 11 Jan (interest first): 10.00 interest, 1000 principal, 10.00 over. A later
    # 50 finds nothing owed: all of it is overpayment, 60.00 in all; no interest after 11 Jan.
    result = on_balance([pay(1020, D(2025, 1, 11)), pay(50, D(2025, 1, 15))])
    assert [_split(a) for a in result.applications] == [
        (sek(10), sek(1000), sek(10)),
        (sek(0), sek(0), sek(50)),
    ]
    assert [(p.start, p.end) for p in result.periods] == [(START, D(2025, 1, 11))]
    assert result.overpayment == sek(60)
    assert result.interest == sek(10)
    assert result.interest_outstanding == sek(0)
    assert result.principal_outstanding == sek(0)


def test_balance_interest_due_is_the_rounded_total_minus_what_was_paid():
    # 1005 at 1.005 a day. 2 Jan: 1.005 accrued, rounds to 1.01; 1.01 paid all to interest.
    # 3 Jan: 2.010 accrued, rounds to 2.01; due 2.01 - 1.01 = 1.00 (not 1.005 -> 1.01 again);
    # 5.00 paid: 1.00 interest, 4.00 principal. Then 18 days on 1001 = 18.018; 20.028 -> 20.03.
    result = on_balance(
        [pay("1.01", D(2025, 1, 2)), pay(5, D(2025, 1, 3))], principal=1005, mode="interest_first"
    )
    assert [_split(a) for a in result.applications] == [
        (sek("1.01"), sek(0), sek(0)),
        (sek("1.00"), sek(4), sek(0)),
    ]
    assert result.exact == Fraction(1005 * 2, 1000) + Fraction(1001 * 18, 1000)
    assert result.interest == sek("20.03")
    assert result.interest_outstanding == sek("18.02")
    assert result.principal_outstanding == sek(1001)


def test_balance_payment_before_start_takes_effect_on_start():
    # 100 paid on 20 Dec 2024 reduces the principal from 1 Jan: 20 days on 900 = 18.00.
    result = on_balance([pay(100, D(2024, 12, 20))])
    assert result.applications[0].applied_on == START
    assert result.applications[0].payment.paid_on == D(2024, 12, 20)
    assert [_split(a) for a in result.applications] == [(sek(0), sek(100), sek(0))]
    assert [(p.start, p.end, p.principal) for p in result.periods] == [(START, UNTIL, sek(900))]
    assert result.interest == sek(18)


def test_balance_payment_on_start_and_on_until():
    # Paid on the first interest day: no interest yet, all 100 to principal; on until itself:
    # allowed, after 20 days on 900 (18.00): 18.00 interest, 2.00 principal.
    result = on_balance([pay(100, START), pay(20, UNTIL)])
    assert [a.applied_on for a in result.applications] == [START, UNTIL]
    assert [_split(a) for a in result.applications] == [
        (sek(0), sek(100), sek(0)),
        (sek(18), sek(2), sek(0)),
    ]
    assert result.interest == sek(18)
    assert result.interest_outstanding == sek(0)
    assert result.principal_outstanding == sek(898)
    assert len(result.periods) == 1


def test_balance_payments_are_sorted_by_day_and_same_day_keeps_order():
    # Given out of order: 11 Jan's 5 then 200 are applied after 5 Jan's 4, in their given order.
    # 5 Jan: 4.00 accrued, 4 paid to interest. 11 Jan: 10.00 accrued, 6.00 due: 5 to interest;
    # then 1.00 due: 1 to interest, 199 to principal. Then 10 days on 801 = 8.01.
    first, second, early = pay(5, D(2025, 1, 11)), pay(200, D(2025, 1, 11)), pay(4, D(2025, 1, 5))
    result = on_balance([first, second, early])
    assert [a.payment for a in result.applications] == [early, first, second]
    assert [_split(a) for a in result.applications] == [
        (sek(4), sek(0), sek(0)),
        (sek(5), sek(0), sek(0)),
        (sek(1), sek(199), sek(0)),
    ]
    assert result.interest == sek("18.01")
    assert result.principal_outstanding == sek(801)
    assert result.interest_outstanding == sek("8.01")
    # A generator is a sequence of payments too.
    again = on_balance(p for p in [first, second, early])
    assert again == result


def test_balance_without_payments_or_principal():
    result = on_balance([])
    assert result.interest == sek(20)
    assert result.applications == ()
    assert result.principal_outstanding == sek(1000)
    assert result.interest_outstanding == sek(20)
    nothing = on_balance([], principal=0)
    assert nothing.periods == ()
    assert nothing.interest == sek(0)
    backwards = on_balance([], until=START)
    assert backwards.periods == ()
    assert backwards.interest == sek(0)


def test_balance_basis_is_the_rates_then_the_rules_once():
    result = on_balance([pay(1, D(2025, 1, 11))], basis=(OTHER,))
    assert result.basis == (CITE, OTHER)
    assert result.provisional is False


def test_balance_refuses_bad_arguments_naming_them():
    with pytest.raises(
        InvalidInput,
        match=r"payments_reduce must be one of \['principal', 'interest_first'\], got 'costs'",
    ):
        on_balance([], mode="costs")
    with pytest.raises(InvalidInput, match="payments must be a sequence of Payment, got 'abc'"):
        on_balance("abc")
    with pytest.raises(InvalidInput, match="payments must be a sequence of Payment, got b'ab'"):
        on_balance(b"ab")
    with pytest.raises(InvalidInput, match="payments must be a sequence of Payment, got 5"):
        on_balance(5)
    with pytest.raises(InvalidInput, match="payments must hold Payment objects, got 5"):
        on_balance([pay(1, START), 5])
    with pytest.raises(CurrencyMismatch) as err:
        on_balance([pay(1, START, "NOK")])
    assert (err.value.expected, err.value.got) == ("SEK", "NOK")
    assert "(a payment)" in str(err.value)
    with pytest.raises(
        InvalidInput,
        match=(
            r"^a payment on 2025-01-22 is after until=2025-01-21; "
            r"calculate up to the last payment or later$"
        ),
    ):
        on_balance([pay(1, D(2025, 1, 22))])
    with pytest.raises(InvalidInput, match="principal must not be negative"):
        on_balance([], principal=-1)
    with pytest.raises(InvalidInput, match="^start must be a datetime.date"):
        accrue_on_balance(
            sek(1), [], start="2025-01-01", until=UNTIL, rate_at=flat("1"), day_count=FIXED
        )
    with pytest.raises(InvalidInput, match="^until must be a datetime.date"):
        accrue_on_balance(
            sek(1), [], start=START, until="2025-01-21", rate_at=flat("1"), day_count=FIXED
        )


def test_balance_default_mode_is_interest_first():
    result = accrue_on_balance(
        sek(1000),
        [pay(105, D(2025, 1, 11))],
        start=START,
        until=UNTIL,
        rate_at=flat("36.5"),
        day_count=FIXED,
    )
    assert result.payments_reduce == "interest_first"
    assert result.basis == (CITE,)
    assert [_split(a) for a in result.applications] == [(sek(10), sek(95), sek(0))]


def _three_payments() -> BalanceInterestResult:
    # 100 on 20 Dec 2024 (to principal from 1 Jan: 900 left); 10 days on 900 = 9.00; on 11 Jan
    # 5 (to interest) then 200 (4.00 interest, 196 principal: 704 left); 10 days on 704 = 7.04.
    return on_balance(
        [pay(100, D(2024, 12, 20)), pay(5, D(2025, 1, 11)), pay(200, D(2025, 1, 11))]
    )


def test_balance_with_three_payments_by_hand():
    result = _three_payments()
    assert [_split(a) for a in result.applications] == [
        (sek(0), sek(100), sek(0)),
        (sek(5), sek(0), sek(0)),
        (sek(4), sek(196), sek(0)),
    ]
    assert result.interest == sek("16.04")
    assert result.interest_outstanding == sek("7.04")
    assert result.principal_outstanding == sek(704)


def test_balance_records_put_a_payment_before_the_period_of_its_day():
    rows = _three_payments().to_records()
    assert [(r["event"], r["start"]) for r in rows] == [
        ("payment", START),
        ("interest", START),
        ("payment", D(2025, 1, 11)),
        ("payment", D(2025, 1, 11)),
        ("interest", D(2025, 1, 11)),
    ]
    assert rows[0] == {
        "event": "payment",
        "start": START,
        "last_day": START,
        "days": 0,
        "rate": None,
        "balance": None,
        "interest": None,
        "paid": Decimal("100.00"),
        "to_interest": Decimal("0.00"),
        "to_principal": Decimal("100.00"),
        "overpayment": Decimal("0.00"),
        "currency": "SEK",
    }
    assert rows[1] == {
        "event": "interest",
        "start": START,
        "last_day": D(2025, 1, 10),
        "days": 10,
        "rate": Decimal("36.5"),
        "balance": Decimal("900.00"),
        "interest": Decimal("9.000000"),
        "paid": None,
        "to_interest": None,
        "to_principal": None,
        "overpayment": None,
        "currency": "SEK",
    }
    assert [r["paid"] for r in rows[2:4]] == [Decimal(5), Decimal(200)]
    assert rows[4]["balance"] == Decimal("704.00")
    assert rows[4]["interest"] == Decimal("7.04")
    assert list(rows[0]) == [
        "event",
        "start",
        "last_day",
        "days",
        "rate",
        "balance",
        "interest",
        "paid",
        "to_interest",
        "to_principal",
        "overpayment",
        "currency",
    ]


def test_balance_explain_repr_and_html():
    result = on_balance([pay(105, D(2025, 1, 11))], basis=(OTHER,))
    assert result.explain() == (
        "19.05 SEK late interest 2025-01-01..2025-01-21 (payments reduce: interest_first)\n"
        "  2025-01-01..2025-01-10: 1000 x 36.5 % x 10/365 = 10.00 SEK\n"
        "  2025-01-11..2025-01-20: 905.00 x 36.5 % x 10/365 = 9.05 SEK\n"
        "  paid 105.00 SEK on 2025-01-11: interest 10.00 SEK, principal 95.00 SEK, "
        "overpayment 0.00 SEK\n"
        "  outstanding: principal 905.00 SEK, interest 9.05 SEK; overpayment 0.00 SEK\n"
        "- test rule <https://example.org/rule>\n"
        "- other rule <https://example.org/other>"
    )
    assert repr(result) == (
        "BalanceInterestResult(19.05 SEK on 1000.00 SEK, 2025-01-01..2025-01-21, 1 payments; "
        "outstanding 905.00 SEK + 9.05 SEK)"
    )
    html = result._repr_html_()
    assert html.startswith(
        '<table class="inkassorules"><caption>Late interest on a balance of 1000.00 SEK from '
        "2025-01-01 until 2025-01-21 (payments reduce: interest_first)</caption>"
    )
    assert "<th>Event</th><th>Start</th><th>Last day</th><th>Days</th><th>Rate</th>" in html
    assert (
        "<p>Interest 19.05 SEK (rounded once to øre / öre, ROUND_HALF_UP); outstanding: principal "
        "905.00 SEK, interest 9.05 SEK; overpayment 0.00 SEK</p>"
    ) in html
    assert (
        '<a href="https://example.org/other" target="_blank" rel="noopener">other rule</a>' in html
    )
    bare = accrue_on_balance(
        sek(1000),
        [],
        start=START,
        until=D(2025, 1, 2),
        rate_at=flat("36.5", basis=()),
        day_count=FIXED,
    )
    assert bare.explain() == (
        "1.00 SEK late interest 2025-01-01..2025-01-02 (payments reduce: interest_first)\n"
        "  2025-01-01..2025-01-01: 1000 x 36.5 % x 1/365 = 1.00 SEK\n"
        "  outstanding: principal 1000.00 SEK, interest 1.00 SEK; overpayment 0.00 SEK"
    )


# -- the rate index and the memoised splits (the country modules' engine room) -----------------
# A synthetic table: 10 % to 15 March 2025, 20 % from 16 March to 31 December 2025, 5 % in the
# first half of 2026, then nothing (NotInForce). Its segments (a rate entry within a half-year):
# [1 Jan, 16 Mar) 10 %, [16 Mar, 1 Jul) 20 %, [1 Jul 2025, 1 Jan 2026) 20 %, [1 Jan, 1 Jul) 5 %.

CITE_A = Citation("entry A", "https://example.org/a")
CITE_B = Citation("entry B", "https://example.org/b")
CITE_C = Citation("entry C", "https://example.org/c")
QUOTE_A = RateInForce(rate=Decimal(10), valid_until=D(2025, 3, 15), basis=(CITE_A,))
QUOTE_B = RateInForce(rate=Decimal(20), valid_until=D(2025, 12, 31), basis=(CITE_B,))
QUOTE_C = RateInForce(rate=Decimal(5), valid_until=D(2026, 6, 30), basis=(CITE_C, CITE_A))


TABLE_FIRST = D(2025, 1, 1)


def table(day: dt.date) -> RateInForce:
    if D(2025, 1, 1) <= day <= D(2025, 3, 15):
        return QUOTE_A
    if D(2025, 3, 16) <= day <= D(2025, 12, 31):
        return QUOTE_B
    if D(2026, 1, 1) <= day <= D(2026, 6, 30):
        return QUOTE_C
    raise NotInForce("test.rate", day, "not in the test table")


def _index(first=TABLE_FIRST, rate_at=table, day_count=FIXED) -> engine._RateIndex:
    return engine._RateIndex(first, bounded(rate_at), day_count)


def _part(start, end, rate, year=365):
    # (start, end, days, rate, year, rate x days, 100 x year) for a whole-number rate.
    days = (end - start).days
    return (start, end, days, Decimal(rate), year, rate * days, 100 * year)


def test_plan_splits_a_span_by_hand():
    # 10 Mar 2025 .. 5 Jan 2026: 6 days at 10 %, 107 at 20 %, 184 at 20 %, 4 at 5 %;
    # factor 60/36500 + 2140/36500 + 3680/36500 + 20/36500 = 5900/36500 = 59/365.
    plan = engine._plan(D(2025, 3, 10), D(2026, 1, 5), table, FIXED, (OTHER,))
    assert plan.parts == (
        _part(D(2025, 3, 10), D(2025, 3, 16), 10),
        _part(D(2025, 3, 16), D(2025, 7, 1), 20),
        _part(D(2025, 7, 1), D(2026, 1, 1), 20),
        _part(D(2026, 1, 1), D(2026, 1, 5), 5),
    )
    assert (plan.factor_numerator, plan.factor_denominator) == (59, 365)
    assert plan.day_count is FIXED
    assert plan.basis == (CITE_A, CITE_B, CITE_C, OTHER)


def test_plan_with_a_fractional_rate_keeps_the_rates_denominator():
    # 12.25 % = 49/4: one day on a 360-day year is 49 / (4 x 100 x 360).
    quote = RateInForce(rate=Decimal("12.25"), valid_until=None, basis=())
    plan = engine._plan(D(2025, 1, 1), D(2025, 1, 2), lambda _day: quote, DayCount.ACTUAL_360, ())
    assert plan.parts == ((D(2025, 1, 1), D(2025, 1, 2), 1, Decimal("12.25"), 360, 49, 144000),)
    assert (plan.factor_numerator, plan.factor_denominator) == (49, 144000)


def test_rate_index_plans_equal_the_look_ups_by_hand():
    index = _index()
    spans = [
        (D(2025, 3, 10), D(2026, 1, 5)),  # head, two whole segments, tail
        (D(2025, 1, 1), D(2026, 7, 1)),  # the whole index, both ends on its edges
        (D(2025, 3, 16), D(2025, 7, 1)),  # exactly one segment
        (D(2025, 3, 20), D(2025, 4, 20)),  # inside one segment
        (D(2025, 3, 15), D(2025, 3, 17)),  # one day either side of a change of rate
        (D(2025, 6, 30), D(2025, 7, 1)),  # the last day of a half-year
        (D(2025, 12, 31), D(2026, 1, 2)),  # across a new year
        (D(2026, 6, 30), D(2026, 7, 1)),  # the index's last day
        (D(2025, 1, 1), D(2025, 1, 2)),  # its first day
    ]
    for start, end in spans:
        want = engine._plan(start, end, table, FIXED, (OTHER,))
        got = index.plan(start, end, (OTHER,))
        assert got == want, (start, end)
    whole = index.plan(D(2025, 1, 1), D(2026, 7, 1), ())
    # 74 days at 10 %, 107 + 184 at 20 %, 181 at 5 %: (740 + 5820 + 905) / 36500 = 7465/36500.
    assert (whole.factor_numerator, whole.factor_denominator) == (1493, 7300)
    assert whole.basis == (CITE_A, CITE_B, CITE_C)
    one = index.plan(D(2025, 3, 20), D(2025, 4, 20), ())
    # 31 days at 20 %: 620/36500 = 31/1825, in lowest terms.
    assert one.parts == (_part(D(2025, 3, 20), D(2025, 4, 20), 20),)
    assert (one.factor_numerator, one.factor_denominator) == (31, 1825)
    assert type(one.factor_numerator) is int
    assert type(one.factor_denominator) is int
    assert one.basis == (CITE_B,)
    assert one.day_count is FIXED


def test_rate_index_answers_none_outside_itself():
    index = _index()
    assert index.plan(D(2024, 12, 31), D(2025, 1, 5), ()) is None  # starts before it
    assert index.plan(D(2026, 6, 1), D(2026, 7, 2), ()) is None  # ends after it
    assert index.plan(D(2026, 6, 1), D(2026, 7, 1), ()) is not None
    assert index.plan(D(2025, 1, 1), D(2025, 1, 5), ()) is not None
    assert index.day_count is FIXED


def test_rate_index_ends_at_a_negative_open_ended_or_failing_look_up():
    def ending(last_quote):
        def rate_at(day):
            if day >= D(2026, 7, 1):
                raise NotInForce("test.rate", day, "not in the test table")
            return last_quote if day >= D(2026, 1, 1) else table(day)

        return rate_at

    negative = RateInForce(rate=Decimal(-1), valid_until=D(2026, 6, 30), basis=())
    open_ended = RateInForce(rate=Decimal(5), valid_until=None, basis=())
    zero = RateInForce(rate=Decimal(0), valid_until=D(2026, 6, 30), basis=())
    for quote in (negative, open_ended):
        index = _index(rate_at=ending(quote))
        assert index.plan(D(2025, 12, 1), D(2026, 1, 1), ()) is not None
        assert index.plan(D(2025, 12, 1), D(2026, 1, 2), ()) is None
    # A zero rate is a rate: the index goes on through it.
    assert _index(rate_at=ending(zero)).plan(D(2025, 12, 1), D(2026, 1, 2), ()) is not None

    def raising(error):
        def rate_at(day):
            if day >= D(2026, 1, 1):
                raise error
            return table(day)

        return rate_at

    for error in (
        NotInForce("x", D(2026, 1, 1), "gap"),
        OverflowError("date value out of range"),
        ValueError("bad"),
    ):
        index = _index(rate_at=raising(error))
        assert index.plan(D(2025, 12, 1), D(2026, 1, 1), ()) is not None
        assert index.plan(D(2025, 12, 1), D(2026, 1, 2), ()) is None
    # valid_until on the last date there is: the day after overflows, and the index stops.
    last = RateInForce(rate=Decimal(1), valid_until=dt.date.max, basis=())
    assert (
        _index(first=D(9999, 12, 1), rate_at=lambda _day: last).plan(
            D(9999, 12, 1), D(9999, 12, 2), ()
        )
        is None
    )
    # From 1 July 9999 no half-year follows: InvalidInput, and the index stops before it.
    late = RateInForce(rate=Decimal(1), valid_until=D(9999, 12, 30), basis=())
    stopped = _index(first=D(9999, 1, 1), rate_at=lambda _day: late)
    assert stopped.plan(D(9999, 1, 1), D(9999, 7, 1), ()) is not None
    assert stopped.plan(D(9999, 1, 1), D(9999, 7, 2), ()) is None


def test_rate_index_without_a_first_day_is_empty():
    empty = engine._RateIndex(None, table, FIXED)
    assert empty.plan(D(2025, 3, 1), D(2025, 3, 2), ()) is None
    assert empty.plan(dt.date.min, dt.date.min + dt.timedelta(days=1), ()) is None


def test_rate_index_isda_segments_use_their_own_year():
    # 1 Dec 2023 .. 1 Feb 2024 at a flat 12 % valid to 2024-12-31: 31/365 and 31/366.
    quote = RateInForce(rate=Decimal(12), valid_until=D(2024, 12, 31), basis=())

    def rate_at(day):
        if day > D(2024, 12, 31):
            raise NotInForce("test.rate", day, "not in the test table")
        return quote

    index = _index(first=D(2023, 7, 1), rate_at=rate_at, day_count=ISDA)
    got = index.plan(D(2023, 12, 1), D(2024, 2, 1), ())
    assert got.parts == (
        _part(D(2023, 12, 1), D(2024, 1, 1), 12, 365),
        _part(D(2024, 1, 1), D(2024, 2, 1), 12, 366),
    )
    assert Fraction(got.factor_numerator, got.factor_denominator) == Fraction(
        12 * 31, 36500
    ) + Fraction(12 * 31, 36600)
    assert got == engine._plan(D(2023, 12, 1), D(2024, 2, 1), rate_at, ISDA, ())
    # Three segments, the middle one whole: Dec 2023, H1 2024, 1 Jul 2024.
    three = index.plan(D(2023, 12, 31), D(2024, 7, 2), ())
    assert [p[2] for p in three.parts] == [1, 182, 1]
    assert three == engine._plan(D(2023, 12, 31), D(2024, 7, 2), rate_at, ISDA, ())


def test_rate_index_basis_follows_the_basis_asked_for():
    index = _index()
    span = (D(2025, 3, 10), D(2025, 3, 20))
    assert index.plan(*span, (OTHER,)).basis == (CITE_A, CITE_B, OTHER)
    assert index.plan(*span, ()).basis == (CITE_A, CITE_B)
    assert index.plan(*span, (CITE_B, OTHER)).basis == (CITE_A, CITE_B, OTHER)
    assert index.plan(*span, (OTHER, OTHER)).basis == (CITE_A, CITE_B, OTHER)
    assert index.plan(D(2025, 12, 1), D(2026, 2, 1), ()).basis == (CITE_B, CITE_C, CITE_A)


def test_accrue_planned_from_an_index_plan_equals_accrue():
    plan = _index().plan(D(2025, 3, 10), D(2026, 1, 5), (OTHER,))
    got = engine._accrue_planned(sek(3650), D(2025, 3, 10), D(2026, 1, 5), plan)
    want = accrue(
        sek(3650),
        start=D(2025, 3, 10),
        end=D(2026, 1, 5),
        rate_at=table,
        day_count=FIXED,
        basis=(OTHER,),
    )
    assert got == want
    # 3650 x 59/365 = 590 exactly.
    assert got.exact == Fraction(590)
    assert got.amount == sek(590)
    assert [p.exact for p in got.periods] == [
        Fraction(6),
        Fraction(214),
        Fraction(368),
        Fraction(2),
    ]
    # A principal with øre: 0.01 x 59/365 = 0.0016.. rounds to 0.00; 1.01 x 59/365 -> 0.16.
    small = engine._accrue_planned(sek("1.01"), D(2025, 3, 10), D(2026, 1, 5), plan)
    assert small.exact == Fraction(101 * 59, 100 * 365)
    assert small.amount == sek("0.16")
    single = _index().plan(D(2025, 3, 20), D(2025, 4, 20), ())
    one = engine._accrue_planned(sek("18.25"), D(2025, 3, 20), D(2025, 4, 20), single)
    # 18.25 x 20 % x 31/365 = 0.31 exactly.
    assert one.exact == Fraction(31, 100)
    assert one.periods[0].exact == Fraction(31, 100)
    assert one.amount == sek("0.31")
    assert (one.start, one.end, one.principal, one.day_count) == (
        D(2025, 3, 20),
        D(2025, 4, 20),
        sek("18.25"),
        FIXED,
    )


def test_balance_without_payments_from_a_plan_equals_accrue_on_balance():
    plan = engine._plan(D(2025, 3, 10), D(2026, 1, 5), table, FIXED, (OTHER,))
    for mode in ("interest_first", "principal"):
        got = engine._on_balance_without_payments(
            sek("1.01"), D(2025, 3, 10), D(2026, 1, 5), mode, plan
        )
        want = accrue_on_balance(
            sek("1.01"),
            [],
            start=D(2025, 3, 10),
            until=D(2026, 1, 5),
            rate_at=table,
            day_count=FIXED,
            payments_reduce=mode,
            basis=(OTHER,),
        )
        assert got == want
        assert got.interest == sek("0.16")
        assert got.interest_outstanding == sek("0.16")
        assert got.principal_outstanding == sek("1.01")
        assert got.overpayment == sek(0)
        assert got.overpayment.currency == "SEK"
        assert got.applications == ()
        assert got.payments_reduce == mode
        assert got.basis == (CITE_A, CITE_B, CITE_C, OTHER)
        assert (got.start, got.until, got.principal) == (
            D(2025, 3, 10),
            D(2026, 1, 5),
            sek("1.01"),
        )


class _Book:
    """A stand-in law book key: _Splits only hands it back to its own callables."""


def _splits(first_day=lambda _book: TABLE_FIRST):
    asked: list[tuple[dt.date, object]] = []

    def rate(day, book):
        asked.append((day, book))
        return table(day)

    return engine._Splits(rate, first_day), asked


def test_splits_of_the_builtin_book_come_from_its_index():
    splits, asked = _splits()
    want = engine._plan(D(2025, 3, 10), D(2026, 1, 5), table, FIXED, (OTHER,))
    assert splits.split(None, D(2025, 3, 10), D(2026, 1, 5), FIXED, (OTHER,)) == want
    # The index read the table once per segment, from its first day, with the built-in book.
    assert [day for day, _ in asked] == [
        D(2025, 1, 1),
        D(2025, 3, 16),
        D(2025, 7, 1),
        D(2026, 1, 1),
        D(2026, 7, 1),
    ]
    assert {book for _, book in asked} == {builtin()}
    asked.clear()
    again = splits.split(None, D(2025, 3, 20), D(2025, 4, 20), FIXED, ())
    assert again.parts == (_part(D(2025, 3, 20), D(2025, 4, 20), 20),)
    assert asked == []  # the index is kept: no more look-ups
    assert splits.index(None, FIXED) is splits.index(None, FIXED)
    assert splits.index(None, FIXED) is not splits.index(None, ISDA)
    assert splits.index(None, ISDA).day_count is ISDA


def test_splits_outside_the_index_take_the_look_ups_and_their_error():
    splits, _asked = _splits()
    # Ends after the table: the look-ups run, and the table's error comes through.
    with pytest.raises(NotInForce, match="test.rate has no value on 2026-07-01"):
        splits.split(None, D(2026, 6, 1), D(2026, 7, 2), FIXED, ())
    # Starts before the table.
    with pytest.raises(NotInForce, match="test.rate has no value on 2024-12-31"):
        splits.split(None, D(2024, 12, 31), D(2025, 1, 2), FIXED, ())


def test_splits_without_a_first_day_use_the_look_ups():
    def no_table(_book):
        raise NotInForce("test.rate", D(2025, 1, 1), "no table")

    splits, asked = _splits(first_day=no_table)
    want = engine._plan(D(2025, 3, 10), D(2025, 3, 20), table, FIXED, ())
    assert splits.split(None, D(2025, 3, 10), D(2025, 3, 20), FIXED, ()) == want
    assert [day for day, _ in asked] == [D(2025, 3, 10), D(2025, 3, 16)]


def test_splits_of_another_book_use_the_look_ups_until_it_pays():
    splits, asked = _splits()
    book = _Book()
    for count in range(1, engine._INDEX_AFTER + 1):
        plan = splits.split(book, D(2025, 3, 10), D(2025, 3, 20), FIXED, ())
        assert plan == engine._plan(D(2025, 3, 10), D(2025, 3, 20), table, FIXED, ())
        assert engine._BOOK_SPLITS[book] == count
    # The look-ups are memoised per (book, day): two days, asked once each, with the book.
    assert asked == [(D(2025, 3, 10), book), (D(2025, 3, 16), book)]
    assert splits.rate_on(book, D(2025, 3, 10)) is QUOTE_A
    assert splits._indexes == {}
    # The ninth split builds the book's index, from the first day, with the book itself.
    asked.clear()
    splits.split(book, D(2025, 3, 10), D(2025, 3, 20), FIXED, ())
    assert asked[0] == (D(2025, 1, 1), book)
    assert len(asked) == 5
    assert (book, FIXED) in splits._indexes


def test_index_pays_for_the_builtin_book_and_after_eight_splits():
    assert engine._index_pays(None) is True
    assert engine._BOOK_SPLITS == {}
    book = _Book()
    assert [engine._index_pays(book) for _ in range(engine._INDEX_AFTER)] == [False] * 8
    assert dict(engine._BOOK_SPLITS) == {book: 8}
    assert engine._index_pays(book) is True
    assert dict(engine._BOOK_SPLITS) == {book: 8}
    other = _Book()
    assert engine._index_pays(other) is False
    assert engine._BOOK_SPLITS[other] == 1


def test_index_pays_table_is_emptied_only_for_a_new_book_when_full():
    books = [_Book() for _ in range(engine._BOOKS_COUNTED)]
    for book in books[:-1]:
        engine._index_pays(book)
    assert len(engine._BOOK_SPLITS) == 255
    engine._index_pays(books[-1])  # the 256th book: the table is not yet full before it
    assert len(engine._BOOK_SPLITS) == 256
    engine._index_pays(books[0])  # a known book: counted on, nothing emptied
    assert len(engine._BOOK_SPLITS) == 256
    assert engine._BOOK_SPLITS[books[0]] == 2
    newcomer = _Book()
    engine._index_pays(newcomer)  # a new book and the table full: emptied first
    assert dict(engine._BOOK_SPLITS) == {newcomer: 1}


def test_distinct_keeps_first_appearance_and_its_memo_is_bounded():
    assert engine._distinct((CITE, OTHER, CITE)) == (CITE, OTHER)
    assert engine._distinct(()) == ()
    key = (id(CITE), id(OTHER), id(CITE))
    assert engine._DISTINCT[key] == ((CITE, OTHER, CITE), (CITE, OTHER))
    assert engine._distinct((CITE, OTHER, CITE)) == (CITE, OTHER)  # from the memo
    assert engine._distinct((OTHER, CITE)) == (OTHER, CITE)
    # Equal citations that are different objects are still one citation.
    twin = Citation("test rule", "https://example.org/rule")
    assert engine._distinct((CITE, twin)) == (CITE,)
    engine._DISTINCT.clear()
    made = [Citation(f"c{i}", "https://example.org/") for i in range(engine._DISTINCT_KEPT)]
    for citation in made[:-1]:
        engine._distinct((citation,))
    assert len(engine._DISTINCT) == 1023
    engine._distinct((made[-1],))
    assert len(engine._DISTINCT) == 1024
    engine._distinct((CITE,))
    assert list(engine._DISTINCT) == [(id(CITE),)]


def test_splits_keep_and_kept_and_their_bounds():
    splits, _ = _splits()
    plan = engine._plan(D(2025, 3, 10), D(2025, 3, 20), table, FIXED, ())
    span = (None, D(2025, 3, 10), D(2025, 3, 20))
    assert splits.kept(span) is None
    assert splits.keep(span, plan) is plan
    assert splits.kept(span) is plan
    assert splits.kept((None, D(2025, 3, 10), D(2025, 3, 21))) is None
    for i in range(engine._SPLITS_KEPT - 1):
        splits.keep((i,), plan)
    assert len(splits._plans) == 4096
    splits.keep(("last",), plan)
    assert list(splits._plans) == [("last",)]
    for i in range(engine._INDEXES_KEPT):
        splits._indexes[i, FIXED] = None
    splits.index(None, FIXED)
    assert list(splits._indexes) == [(None, FIXED)]
    splits._indexes.clear()
    for i in range(engine._INDEXES_KEPT - 1):
        splits._indexes[i, FIXED] = None
    splits.index(None, FIXED)
    assert len(splits._indexes) == 64


def test_rate_index_basis_memo_is_bounded_per_index():
    index = _index()
    index.plan(D(2025, 3, 10), D(2025, 3, 20), ())
    assert len(index._basis) == 1
    for i in range(engine._DISTINCT_KEPT - 1):
        index._basis[1000 + i, 0] = ((), ())
    assert len(index._basis) == 1024
    assert index.plan(D(2025, 3, 10), D(2025, 3, 20), ()).basis == (CITE_A, CITE_B)  # kept
    assert len(index._basis) == 1024
    index.plan(D(2025, 4, 10), D(2025, 4, 20), ())
    assert list(index._basis) == [(1, 1)]


def test_country_balance_paid_in_full_on_the_due_date_has_no_period_and_no_basis():
    # Paid in full on the first interest day: no day bears interest, so no period and no
    # citation (the stretch due_date..due_date is empty and is not split).
    for module, currency in ((no_interest, "NOK"), (se_interest, "SEK")):
        result = module.late_interest_on_balance(
            Money.of(10000, currency),
            [pay(10000, D(2025, 3, 3), currency)],
            due_date=D(2025, 3, 3),
            until=D(2025, 9, 1),
            roll_due_date=False,
        )
        assert result.periods == ()
        assert result.basis == ()
        assert result.interest == Money.of(0, currency)
        assert result.principal_outstanding == Money.of(0, currency)


def _hand_built(principal, applications, *, interest, **changes):
    zero = sek(0)
    fields = {
        "interest": interest,
        "exact": Fraction(0),
        "principal": principal,
        "start": START,
        "until": UNTIL,
        "payments_reduce": "interest_first",
        "periods": (),
        "applications": applications,
        "principal_outstanding": principal
        - Money.total((a.to_principal for a in applications), currency="SEK"),
        "interest_outstanding": interest
        - Money.total((a.to_interest for a in applications), currency="SEK"),
        "overpayment": Money.total((a.overpayment for a in applications), currency="SEK")
        if applications
        else zero,
    }
    return BalanceInterestResult(**(fields | changes))


def _applied(paid, to_interest, to_principal, overpayment):
    return PaymentApplication(
        payment=pay(paid, D(2025, 1, 11)),
        applied_on=D(2025, 1, 11),
        to_interest=sek(to_interest),
        to_principal=sek(to_principal),
        overpayment=sek(overpayment),
    )


def test_hand_built_balance_result_that_conserves_money_is_accepted():
    # 1020 paid: 10 interest, 1000 principal, 10 over; nothing outstanding.
    result = _hand_built(sek(1000), (_applied(1020, 10, 1000, 10),), interest=sek(10))
    assert result.overpayment == sek(10)
    assert result.interest_outstanding == sek(0)
    assert result.principal_outstanding == sek(0)
    assert result.basis == ()
    # 30 paid: 10 interest, 20 principal; 980 and 5 outstanding.
    partial = _hand_built(sek(1000), (_applied(30, 10, 20, 0),), interest=sek(15))
    assert (partial.principal_outstanding, partial.interest_outstanding) == (sek(980), sek(5))


def test_hand_built_balance_result_checks_each_invariant():
    good = (_applied(1020, 10, 1000, 10),)
    with pytest.raises(InvalidInput, match="^payments are not conserved in their applications$"):
        _hand_built(sek(1000), good, interest=sek(10), overpayment=sek(11))
    with pytest.raises(InvalidInput, match="^payments are not conserved in their applications$"):
        _hand_built(sek(1000), good, interest=sek(10), overpayment=sek(9))
    with pytest.raises(
        InvalidInput, match="^principal_outstanding is not principal minus principal paid$"
    ):
        _hand_built(sek(1000), good, interest=sek(10), principal_outstanding=sek(1))
    with pytest.raises(
        InvalidInput, match="^interest_outstanding is not interest minus interest paid$"
    ):
        _hand_built(sek(1000), good, interest=sek(10), interest_outstanding=sek(1))
    # An application made by the engine's trusted path that does not add up is caught too.
    broken = PaymentApplication._trusted(
        payment=pay(100, D(2025, 1, 11)),
        applied_on=D(2025, 1, 11),
        to_interest=sek(0),
        to_principal=sek(90),
        overpayment=sek(0),
    )
    with pytest.raises(InvalidInput, match="^payments are not conserved in their applications$"):
        _hand_built(sek(1000), (broken,), interest=sek(0))
    # More principal paid than owed: the principal outstanding alone is negative.
    with pytest.raises(InvalidInput, match="^nothing outstanding may be negative$"):
        _hand_built(sek(100), (_applied(150, 0, 150, 0),), interest=sek(0))
    # More interest paid than accrued: the interest outstanding alone is negative.
    with pytest.raises(InvalidInput, match="^nothing outstanding may be negative$"):
        _hand_built(sek(100), (_applied(10, 10, 0, 0),), interest=sek(0))


def test_html_of_an_empty_result_still_names_its_columns():
    # No interest day (paid on the due date): no row, but the table keeps its header.
    empty = accrue(sek(1000), start=START, end=START, rate_at=flat("10"), day_count=None)
    assert (
        "<thead><tr><th>Start</th><th>Last day</th><th>Days</th><th>Rate</th>"
        "<th>Year length</th><th>Principal</th><th>Interest</th><th>Currency</th></tr></thead>"
        "<tbody></tbody>"
    ) in empty._repr_html_()
    assert "<p>Total 0.00 SEK: 0 days," in empty._repr_html_()
    balance = accrue_on_balance(
        sek(1000), [], start=START, until=START, rate_at=flat("10"), day_count=None
    )
    assert (
        "<thead><tr><th>Event</th><th>Start</th><th>Last day</th><th>Days</th><th>Rate</th>"
        "<th>Balance</th><th>Interest</th><th>Paid</th><th>To interest</th><th>To principal</th>"
        "<th>Overpayment</th><th>Currency</th></tr></thead><tbody></tbody>"
    ) in balance._repr_html_()


def test_a_rate_that_ends_before_the_day_asked_is_refused_not_looped_on() -> None:
    # A caller's look-up that answers 2025-01-01 with a rate valid only until 2024-12-31 gave
    # no progress (the next part would start on 2025-01-01 again): the split looped forever.
    def stale(_day: dt.date) -> RateInForce:
        return RateInForce(rate=Decimal(10), valid_until=dt.date(2024, 12, 31), basis=())

    with pytest.raises(DataFileError) as err:
        accrue(
            Money.of(1000, "SEK"),
            start=dt.date(2025, 1, 1),
            end=dt.date(2025, 2, 1),
            rate_at=stale,
            day_count=DayCount.ACTUAL_360,
        )
    assert err.value.path == "late-interest rate"
    assert err.value.key == "2025-01-01"
    assert err.value.problem == (
        "the rate looked up for 2025-01-01 holds only until 2024-12-31, before that day"
    )

    # Valid until the day asked itself: one day, 1000 x 10 % x 1/360 = 0.277777 -> 0.28.
    def one_day(day: dt.date) -> RateInForce:
        return RateInForce(rate=Decimal(10), valid_until=day, basis=())

    got = accrue(
        Money.of(1000, "SEK"),
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 1, 2),
        rate_at=one_day,
        day_count=DayCount.ACTUAL_360,
    )
    assert got.amount == Money.of("0.28", "SEK")
