from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inkassorules import Claim, DebtorKind, InvalidInput, Money, Payment, builtin
from inkassorules.law import Citation
from inkassorules.serialization import from_json, structure, to_json, unstructure

claims = st.builds(
    Claim,
    principal=st.integers(min_value=1, max_value=10**9).map(
        lambda n: Money(Decimal(n).scaleb(-2), "NOK")
    ),
    due_date=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
    jurisdiction=st.just("NO"),
    debtor_kind=st.sampled_from(DebtorKind),
    reference=st.none() | st.text(max_size=20),
)


@given(claims)
def test_claims_round_trip(claim):
    assert from_json(to_json(claim), Claim) == claim


def test_payment_and_citation_round_trip():
    p = Payment(amount=Money.of("500.10", "SEK"), paid_on=dt.date(2026, 4, 1), designation="x")
    assert from_json(to_json(p), Payment) == p
    c = builtin().at("no.inkassosats", dt.date(2026, 1, 1)).citation
    assert structure(unstructure(c), Citation) == c


def test_decimals_fractions_and_datetimes():
    assert unstructure(Decimal("12.25")) == "12.25"
    assert structure("1/20", Fraction) == Fraction(1, 20)
    moment = dt.datetime(2026, 3, 29, 1, 30, tzinfo=ZoneInfo("Europe/Oslo"))
    text = unstructure(moment)
    assert text == "2026-03-29T01:30:00+01:00"
    assert structure(text, dt.datetime) == moment


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ('{"amount": "1", "currency": "EUR"}', Money),
        ('{"amount": "x", "currency": "NOK"}', Money),
        ('{"amount": "1"}', Money),
        (
            (
                '{"principal": {"amount": "1", "currency": "NOK"}, "due_date": "2026-02-30", '
                '"jurisdiction": "NO", "debtor_kind": "consumer"}'
            ),
            Claim,
        ),
        (
            (
                '{"principal": {"amount": "1", "currency": "NOK"}, "due_date": "2026-02-01", '
                '"jurisdiction": "DK", "debtor_kind": "consumer"}'
            ),
            Claim,
        ),
        ("not json", Money),
        ('"1/0"', Fraction),
        ('"one/two"', Fraction),
        ("1" * 5_000, Claim),
        ("1", Claim),
        ("[]", Claim),
    ],
)
def test_bad_json_is_a_clear_error(text, cls):
    with pytest.raises(InvalidInput):
        from_json(text, cls)


def test_naive_datetime_is_refused():
    with pytest.raises(InvalidInput, match="timezone-aware"):
        structure("2026-03-29T01:30:00", dt.datetime)
    with pytest.raises(InvalidInput, match="timezone-aware"):
        unstructure(dt.datetime(2026, 3, 29, 1, 30))
