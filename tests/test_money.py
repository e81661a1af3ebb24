from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inkassorules import CurrencyMismatch, InkassoError, InvalidInput, Money
from inkassorules.money import DECIMAL_CONTEXT, MINOR_UNIT, WHOLE_UNIT, to_decimal

ore_amounts = st.integers(min_value=-(10**12), max_value=10**12).map(
    lambda n: Decimal(n).scaleb(-2)
)


def nok(amount: str | int) -> Money:
    return Money.of(amount, "NOK")


class TestConstruction:
    def test_of_accepts_int_str_decimal(self):
        assert Money.of(35, "NOK") == Money.of("35", "NOK") == Money.of(Decimal(35), "NOK")
        assert Money.of(" 35.50 ", "SEK").amount == Decimal("35.50")

    def test_equal_amounts_with_different_exponents_are_equal_and_hash_equal(self):
        assert nok("35") == nok("35.00")
        assert hash(nok("35")) == hash(nok("35.00"))

    @pytest.mark.parametrize("bad", [0.1, 35.0, True, False, None, [1], object()])
    def test_refuses_non_exact_types(self, bad):
        with pytest.raises(InvalidInput, match="must be an int, a Decimal or a numeric string"):
            Money.of(bad, "NOK")

    def test_float_message_suggests_a_string(self):
        with pytest.raises(InvalidInput, match="write the amount as a string"):
            Money.of(12.5, "NOK")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "bad", ["nan", "NaN", "sNaN", "inf", "-Infinity", Decimal("NaN"), Decimal("Infinity")]
    )
    def test_refuses_non_finite(self, bad):
        with pytest.raises(InvalidInput, match="finite"):
            Money.of(bad, "NOK")

    @pytest.mark.parametrize("bad", ["", "35 kr", "1,50", "abc"])
    def test_refuses_non_numbers(self, bad):
        with pytest.raises(InvalidInput, match="must be a number"):
            Money.of(bad, "NOK")

    @pytest.mark.parametrize("bad", ["EUR", "nok", "", None])
    def test_refuses_unknown_currency(self, bad):
        with pytest.raises(InvalidInput, match="currency must be one of NOK, SEK"):
            Money.of(1, bad)

    def test_direct_construction_is_checked_too(self):
        with pytest.raises(InvalidInput):
            Money(1.5, "NOK")  # type: ignore[arg-type]
        with pytest.raises(InvalidInput):
            Money(Decimal("NaN"), "NOK")

    def test_errors_are_library_errors_and_builtin_value_errors(self):
        with pytest.raises(InkassoError):
            Money.of(0.1, "NOK")  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            Money.of(0.1, "NOK")  # type: ignore[arg-type]

    def test_frozen(self):
        m = nok(1)
        with pytest.raises(AttributeError):
            m.amount = Decimal(2)  # type: ignore[misc]


class TestArithmetic:
    def test_add_sub_neg_abs(self):
        assert nok("35") + nok("3.50") == nok("38.50")
        assert nok("35") - nok("40") == nok("-5")
        assert -nok("5") == nok("-5")
        assert abs(nok("-5")) == nok("5")
        assert +nok("5") == nok("5")

    def test_sum_starts_from_zero(self):
        assert sum([nok(1), nok(2)]) == nok(3)
        assert Money.total([], currency="SEK") == Money.zero("SEK")

    def test_mixing_currencies_raises(self):
        with pytest.raises(CurrencyMismatch, match="expected an amount in NOK, got SEK"):
            nok(1) + Money.of(1, "SEK")
        with pytest.raises(CurrencyMismatch):
            nok(1) < Money.of(1, "SEK")  # noqa: B015 -- the comparison raises

    def test_adding_a_number_raises(self):
        with pytest.raises(InvalidInput, match="cannot add Money and int"):
            nok(1) + 1  # type: ignore[operator]

    def test_times_fraction_is_exact(self):
        assert nok(750).times(Fraction(1, 20)) == nok("37.5")
        assert nok(750) * Fraction(3, 20) == nok("112.5")
        assert Decimal(2) * nok("0.5") == nok(1)

    def test_times_refuses_float(self):
        with pytest.raises(InvalidInput):
            nok(1) * 1.5  # type: ignore[operator]

    def test_comparisons(self):
        assert nok(1) < nok(2) <= nok(2) < nok(3)
        assert nok(3) > nok(2) >= nok(2)
        assert nok(0).is_zero
        assert nok(1).is_positive
        assert nok(-1).is_negative

    def test_independent_of_ambient_decimal_context(self):
        with decimal.localcontext() as ctx:  # noqa: TID251 -- proving the library ignores it
            ctx.prec = 3
            ctx.rounding = decimal.ROUND_DOWN
            assert nok("1234567.891") + nok("0.009") == nok("1234567.900")
            assert nok("100").times(Decimal("0.1225")) == nok("12.2500")
            assert nok("37.50").rounded(to=WHOLE_UNIT) == nok(38)


class TestRounding:
    @pytest.mark.parametrize(
        ("amount", "mode", "expected"),
        [
            ("163.455", "ROUND_HALF_UP", "163.46"),
            ("163.455", "ROUND_HALF_EVEN", "163.46"),
            ("163.445", "ROUND_HALF_EVEN", "163.44"),
            ("163.459", "ROUND_DOWN", "163.45"),
            ("-0.005", "ROUND_HALF_UP", "-0.01"),
        ],
    )
    def test_named_modes(self, amount, mode, expected):
        assert nok(amount).rounded(mode=mode) == nok(expected)

    def test_whole_kroner(self):
        assert nok("37.50").rounded(to=WHOLE_UNIT) == nok(38)
        assert nok("112.50").rounded(to=WHOLE_UNIT) == nok(113)
        assert nok("37.49").rounded(to=WHOLE_UNIT) == nok(37)

    def test_bad_mode_and_quantum(self):
        with pytest.raises(InvalidInput, match="rounding mode"):
            nok(1).rounded(mode="ROUND_SOMETIMES")  # type: ignore[arg-type]
        with pytest.raises(InvalidInput, match="positive"):
            nok(1).rounded(to=Decimal(0))

    @given(ore_amounts)
    def test_rounding_whole_ore_changes_nothing(self, amount):
        assert Money(amount, "NOK").rounded() == Money(amount, "NOK")


class TestSplit:
    def test_remainder_goes_last_by_default(self):
        assert [str(p) for p in Money.of(100, "SEK").split(3)] == [
            "33.33 SEK",
            "33.33 SEK",
            "33.34 SEK",
        ]

    def test_remainder_first(self):
        assert Money.of(100, "SEK").split(3, remainder="first")[0] == Money.of("33.34", "SEK")

    @pytest.mark.parametrize("parts", [0, -1, True, 1.0])
    def test_bad_parts(self, parts):
        with pytest.raises(InvalidInput):
            nok(1).split(parts)

    def test_only_whole_ore(self):
        with pytest.raises(InvalidInput, match="whole number of øre"):
            nok("0.005").split(2)

    @given(ore_amounts, st.integers(min_value=1, max_value=400))
    def test_split_conserves_money_to_the_ore(self, amount, parts):
        money = Money(amount, "NOK")
        shares = money.split(parts)
        assert len(shares) == parts
        assert sum(shares) == money
        assert all(s.is_whole_minor_units for s in shares)
        assert max(s.amount for s in shares) - min(s.amount for s in shares) < parts * MINOR_UNIT


class TestText:
    def test_str_is_locale_free(self):
        assert str(nok("1234567.5")) == "1234567.50 NOK"
        assert str(nok("0.125")) == "0.125 NOK"

    def test_repr(self):
        assert repr(nok("35")) == "Money(amount=Decimal('35'), currency='NOK')"


@given(ore_amounts, ore_amounts)
def test_addition_is_exact_and_commutative(a, b):
    assert Money(a, "NOK") + Money(b, "NOK") == Money(b, "NOK") + Money(a, "NOK")
    assert (Money(a, "NOK") + Money(b, "NOK")).amount == DECIMAL_CONTEXT.add(a, b)


def test_to_decimal_names_the_argument():
    with pytest.raises(InvalidInput, match="^factor must be"):
        to_decimal(1.5, argument="factor")
