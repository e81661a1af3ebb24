from __future__ import annotations

import datetime as dt

import pytest

from inkassorules import (
    Claim,
    ClaimKind,
    CreditorKind,
    CurrencyMismatch,
    DebtorKind,
    InvalidInput,
    Money,
    Payment,
    UnknownJurisdiction,
)


def claim(**changes):
    fields = {
        "principal": Money.of("8000", "NOK"),
        "due_date": dt.date(2026, 3, 2),
        "jurisdiction": "NO",
        "debtor_kind": DebtorKind.CONSUMER,
    }
    return Claim(**(fields | changes))


def test_a_valid_claim():
    c = claim(invoice_date=dt.date(2026, 2, 15), reference="INV-1")
    assert c.currency == "NOK"
    assert c.debtor_kind.is_consumer
    assert not DebtorKind.BUSINESS.is_consumer


def test_currency_must_match_jurisdiction():
    with pytest.raises(CurrencyMismatch, match="expected an amount in SEK, got NOK"):
        claim(jurisdiction="SE")


def test_unknown_jurisdiction():
    with pytest.raises(UnknownJurisdiction):
        claim(jurisdiction="DK")


@pytest.mark.parametrize("amount", ["0", "-1"])
def test_principal_above_zero(amount):
    with pytest.raises(InvalidInput, match="above zero"):
        claim(principal=Money.of(amount, "NOK"))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("principal", 8000),
        ("due_date", "2026-03-02"),
        ("due_date", dt.datetime(2026, 3, 2, tzinfo=dt.UTC)),
        ("debtor_kind", "consumer"),
    ],
)
def test_fields_are_checked(field, value):
    with pytest.raises(InvalidInput):
        claim(**{field: value})


def test_invoice_date_not_after_due_date():
    with pytest.raises(InvalidInput, match="after due_date"):
        claim(invoice_date=dt.date(2026, 3, 3))


def test_claims_are_frozen_and_keyword_only():
    with pytest.raises(TypeError):
        Claim(Money.of(1, "NOK"), dt.date(2026, 1, 1), "NO", DebtorKind.CONSUMER)  # type: ignore[misc]
    with pytest.raises(AttributeError):
        claim().due_date = dt.date(2026, 1, 1)  # type: ignore[misc]


def test_payment():
    p = Payment(
        amount=Money.of("500", "NOK"), paid_on=dt.date(2026, 4, 1), designation="principal"
    )
    assert p.designation == "principal"
    with pytest.raises(InvalidInput, match="above zero"):
        Payment(amount=Money.zero("NOK"), paid_on=dt.date(2026, 4, 1))
    with pytest.raises(InvalidInput, match="must be Money"):
        Payment(amount="500", paid_on=dt.date(2026, 4, 1))  # type: ignore[arg-type]


def test_creditor_and_claim_kind_default_to_not_given_and_are_checked():
    # Issue 14 item 3: the facts of 4 a § lag 1981:739, appended after reference, keyword-only.
    plain = claim()
    assert (plain.creditor_kind, plain.claim_kind) == (None, None)
    given = claim(creditor_kind=CreditorKind.BUSINESS, claim_kind=ClaimKind.LOAN)
    assert given.creditor_kind is CreditorKind.BUSINESS
    assert given.claim_kind is ClaimKind.LOAN
    with pytest.raises(InvalidInput, match="creditor_kind"):
        claim(creditor_kind="business")
    with pytest.raises(InvalidInput, match="claim_kind"):
        claim(claim_kind="loan")
