"""Payment allocation: dekningsrekkefølge / avräkningsordning (issue 5)."""

from __future__ import annotations

from datetime import date

import pytest

from inkassorules.allocation import DEFAULT_ORDER, Allocation, Component, allocate
from inkassorules.claims import Payment
from inkassorules.errors import CurrencyMismatch, InvalidInput
from inkassorules.money import Money


def nok(amount: str | int) -> Money:
    return Money.of(amount, "NOK")


def sek(amount: str | int) -> Money:
    return Money.of(amount, "SEK")


def test_default_order_is_costs_interest_principal():
    assert DEFAULT_ORDER == (Component.COSTS, Component.INTEREST, Component.PRINCIPAL)
    # 1 000 paid; costs 280 -> 720 left; interest 120.50 -> 599.50 left; principal 5 000 takes 599.50
    parts = allocate(nok(1000), costs=nok(280), interest=nok("120.50"), principal=nok(5000))
    assert (parts.costs, parts.interest, parts.principal, parts.overpayment) == (
        nok(280),
        nok("120.50"),
        nok("599.50"),
        nok(0),
    )
    assert parts.order == DEFAULT_ORDER
    assert parts.part(Component.PRINCIPAL) == nok("599.50")
    assert "Lovavdelingen 19.08.1999" in parts.explain()
    assert "practice, not law" in parts.explain()


def test_small_payment_goes_to_costs_only():
    parts = allocate(sek(100), costs=sek(180), interest=sek(40), principal=sek(500))
    assert (parts.costs, parts.interest, parts.principal) == (sek(100), sek(0), sek(0))


def test_overpayment_is_shown_not_lost():
    # owed 180 + 40 + 500 = 720; 1 000 paid -> 280 over
    parts = allocate(sek(1000), costs=sek(180), interest=sek(40), principal=sek(500))
    assert parts.overpayment == sek(280)
    assert "overpayment 280.00 SEK" in parts.explain()
    assert "9 kap. 5 § handelsbalken" in parts.explain()
    assert "Dir. 2025:37" in parts.explain()


def test_debtor_designation_comes_first():
    # designated principal: 1 000 to principal (5 000 owed); costs and interest get nothing
    parts = allocate(
        nok(1000),
        costs=nok(280),
        interest=nok(100),
        principal=nok(5000),
        designated=Component.PRINCIPAL,
    )
    assert (parts.costs, parts.interest, parts.principal) == (nok(0), nok(0), nok(1000))
    assert parts.order == (Component.PRINCIPAL, Component.COSTS, Component.INTEREST)
    assert "Krüger" in parts.explain()


def test_designation_spills_over_in_order():
    # designated interest 100; then costs 280; then principal 620
    parts = allocate(
        nok(1000), costs=nok(280), interest=nok(100), principal=nok(5000), designated="interest"
    )
    assert (parts.interest, parts.costs, parts.principal) == (nok(100), nok(280), nok(620))


def test_custom_order_principal_first():
    parts = allocate(
        nok(1000),
        costs=nok(280),
        interest=nok(100),
        principal=nok(800),
        order=(Component.PRINCIPAL, Component.INTEREST, Component.COSTS),
    )
    assert (parts.principal, parts.interest, parts.costs) == (nok(800), nok(100), nok(100))


def test_payment_object_is_accepted():
    payment = Payment(amount=nok(50), paid_on=date(2026, 4, 1), designation="invoice 17")
    parts = allocate(payment, costs=nok(0), interest=nok(0), principal=nok(100))
    assert parts.principal == nok(50)
    assert parts.payment == nok(50)


def test_unrounded_interest_is_allocated_exactly():
    parts = allocate(sek(100), costs=sek(0), interest=Money.of("163.455", "SEK"), principal=sek(1))
    assert parts.interest == sek(100)
    parts = allocate(
        sek(200), costs=sek(0), interest=Money.of("163.455", "SEK"), principal=sek(100)
    )
    assert parts.principal == Money.of("36.545", "SEK")


@pytest.mark.parametrize("payment", [nok(0), nok(-5)])
def test_payment_must_be_positive(payment):
    with pytest.raises(InvalidInput, match="above zero"):
        allocate(payment, costs=nok(1), interest=nok(1), principal=nok(1))


def test_payment_must_be_money():
    with pytest.raises(InvalidInput, match="payment must be Money or Payment"):
        allocate(100, costs=nok(1), interest=nok(1), principal=nok(1))  # type: ignore[arg-type]


def test_amounts_owed_are_checked():
    with pytest.raises(InvalidInput, match="costs must not be negative"):
        allocate(nok(10), costs=nok(-1), interest=nok(1), principal=nok(1))
    with pytest.raises(CurrencyMismatch, match="interest"):
        allocate(nok(10), costs=nok(1), interest=sek(1), principal=nok(1))
    with pytest.raises(InvalidInput, match="principal must be Money"):
        allocate(nok(10), costs=nok(1), interest=nok(1), principal="1")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "order",
    [
        ("costs", "interest"),
        ("costs", "costs", "principal"),
        ("costs", "interest", "principal", "costs"),
        ("fees", "interest", "principal"),
    ],
)
def test_order_must_name_each_component_once(order):
    with pytest.raises(InvalidInput, match="order must"):
        allocate(nok(10), costs=nok(1), interest=nok(1), principal=nok(1), order=order)


def test_designation_must_be_a_component():
    with pytest.raises(InvalidInput, match="designated must be one of"):
        allocate(nok(10), costs=nok(1), interest=nok(1), principal=nok(1), designated="invoice 17")


def test_allocation_refuses_parts_that_do_not_add_up():
    with pytest.raises(InvalidInput, match="add up to 9.00 NOK, not to the payment 10.00 NOK"):
        Allocation(
            payment=nok(10),
            costs=nok(4),
            interest=nok(5),
            principal=nok(0),
            overpayment=nok(0),
            order=DEFAULT_ORDER,
            basis=(),
        )
    with pytest.raises(InvalidInput, match="must not be negative"):
        Allocation(
            payment=nok(10),
            costs=nok(11),
            interest=nok(-1),
            principal=nok(0),
            overpayment=nok(0),
            order=DEFAULT_ORDER,
            basis=(),
        )
