"""Boundary tests for inkassorules.se.fees (lag 1981:739): exact reasons, argument names, law=.

The three measure fees are memoised (an lru_cache per rule); every test here starts from empty
caches, so each answer is computed by the rule itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from inkassorules.claims import ClaimKind, CreditorKind, DebtorKind
from inkassorules.errors import CurrencyMismatch, InvalidInput
from inkassorules.fees import FeeCap
from inkassorules.law import LawBook, builtin, parse_parameter
from inkassorules.money import Money
from inkassorules.se import fees
from inkassorules.se.fees import (
    collection_demand_fee_cap,
    fees_with_standard_compensation,
    instalment_agreement_fee_cap,
    reminder_fee_cap,
    standard_compensation,
)

D = dt.date
IN_SCOPE: dict[str, Any] = {
    "creditor_kind": CreditorKind.BUSINESS,
    "claim_kind": ClaimKind.GOODS_OR_SERVICES,
}


def sek(amount: str | int) -> Money:
    return Money.of(amount, "SEK").rounded()


@pytest.fixture(autouse=True)
def _empty_caches() -> Iterator[None]:
    fees._reminder_fee_kept.cache_clear()
    fees._demand_fee_kept.cache_clear()
    yield
    fees._reminder_fee_kept.cache_clear()
    fees._demand_fee_kept.cache_clear()


class Day(dt.date):
    """A date subclass that formats differently: its results must not come from the memo."""

    def isoformat(self) -> str:
        return f"day {super().isoformat()}"


def _with(name: str, table: dict[str, Any]) -> LawBook:
    base = builtin()
    parameter = parse_parameter({"name": name, **table}, path="<test book>")
    return LawBook({**{n: base.parameter(n) for n in base.names}, name: parameter})


def _midsommarafton_a_vardag() -> LawBook:
    # A book whose SE calendar has only the allmänna helgdagar (no de-facto holidays), so
    # midsommarafton, Friday 2026-06-19, is a vardag in it (but not in the built-in book).
    return _with(
        "se.business_days",
        {
            "title": "Vardag (test book: allmänna helgdagar only)",
            "unit": "record",
            "values": [
                {
                    "valid_from": D(2000, 1, 1),
                    "value": {"non_business_weekdays": [5, 6], "holiday_categories": ["public"]},
                    "citation": "test book: midsommarafton counted as a vardag",
                    "url": "https://example.org/test-book",
                }
            ],
        },
    )


# -- after the due date (skuldebrevslagen 5 §): the look-back over the days before the measure --


MEASURES: list[tuple[Callable[..., FeeCap], dict[str, bool], str, str]] = [
    (reminder_fee_cap, {"fee_agreed": True}, "reminder sent", "60"),
    (collection_demand_fee_cap, {"meets_inkassolagen_5": True}, "inkassokrav sent", "180"),
    (instalment_agreement_fee_cap, {"complete_written_plan": True}, "amorteringsplan sent", "170"),
]
IDS = ["reminder", "demand", "plan"]


@pytest.mark.parametrize(("rule", "extra", "measure", "amount"), MEASURES, ids=IDS)
def test_sunday_measure_after_a_friday_due_date_counts(rule, extra, measure, amount):
    del measure
    # Due Friday 2026-03-06 (a vardag), measure Sunday 03-08: Saturday 03-07 is no vardag, but
    # Friday 03-06 is, so the measure is after the due date: the full 2013 amount.
    assert rule(sent_on=D(2026, 3, 8), due_date=D(2026, 3, 6), **extra).amount == sek(amount)


@pytest.mark.parametrize(("rule", "extra", "measure", "amount"), MEASURES, ids=IDS)
def test_due_date_rolled_off_a_weekend_names_the_measure(rule, extra, measure, amount):
    del amount
    # Due Saturday 2026-03-07 moves to Monday 03-09; a measure that Monday is not after it.
    cap = rule(sent_on=D(2026, 3, 9), due_date=D(2026, 3, 7), **extra)
    assert cap.amount == sek(0)
    assert cap.reasons == (
        (
            f"the due date 2026-03-07 is not a vardag and moves to 2026-03-09 (skuldebrevslagen "
            f"5 §); the {measure} on 2026-03-09 is not after it"
        ),
    )
    assert fees._AFTER_DUE_DATE in cap.basis
    on_due = rule(sent_on=D(2026, 3, 2), due_date=D(2026, 3, 2), **extra)
    assert on_due.reasons == (
        (
            f"the {measure} on 2026-03-02 is not after the due date 2026-03-02; only measures "
            "after the due date count"
        ),
    )


@pytest.mark.parametrize(("rule", "extra", "measure", "amount"), MEASURES, ids=IDS)
def test_the_law_books_calendar_decides_the_vardag(rule, extra, measure, amount):
    del measure
    # Midsommarafton 2026-06-19 is a vardag in the test book: a measure Monday 06-22 counts;
    # in the built-in book the due date moves to 06-22 and the measure is not after it.
    book = _midsommarafton_a_vardag()
    cap = rule(sent_on=D(2026, 6, 22), due_date=D(2026, 6, 19), law=book, **extra)
    assert cap.amount == sek(amount)
    assert rule(sent_on=D(2026, 6, 22), due_date=D(2026, 6, 19), **extra).amount == sek(0)
    # The slow path (a date subclass) reads the same book.
    slow = rule(sent_on=Day(2026, 6, 22), due_date=Day(2026, 6, 19), law=book, **extra)
    assert slow.amount == sek(amount)


# -- exact reasons ----------------------------------------------------------------------------


def test_reminder_fee_reasons_exactly():
    granted = reminder_fee_cap(sent_on=D(2026, 3, 10), due_date=D(2026, 3, 2), fee_agreed=True)
    assert granted.reasons == (
        (
            "påminnelseavgift for a written reminder sent 2026-03-10, after the due date, agreed no "
            "later than when the debt arose: at most 60.00 SEK"
        ),
    )
    refused = reminder_fee_cap(
        sent_on=D(2026, 3, 10), due_date=D(2026, 3, 2), reminder_fee_already_charged=True
    )
    assert refused.amount == sek(0)
    assert refused.reasons == (
        (
            "no agreement on a påminnelseavgift made no later than when the debt arose "
            "(2 § lag 1981:739)"
        ),
        "a påminnelseavgift was already charged for this claim: one per claim",
    )
    assert refused.basis[-1] is fees._ONCE_PER_CLAIM
    assert None not in refused.basis


def test_demand_fee_reasons_exactly():
    granted = collection_demand_fee_cap(
        sent_on=D(2026, 3, 20), due_date=D(2026, 3, 2), meets_inkassolagen_5=True
    )
    assert granted.reasons == (
        (
            "ersättning för inkassokrav for a krav meeting 5 § inkassolagen sent 2026-03-20, after "
            "the due date: at most 180.00 SEK"
        ),
    )
    refused = collection_demand_fee_cap(
        sent_on=D(2026, 3, 20),
        due_date=D(2026, 3, 2),
        meets_inkassolagen_5=False,
        paid_on=D(2026, 3, 19),
    )
    assert refused.reasons == (
        "the krav does not meet 5 § inkassolagen (1974:182) (3 § p.1 lag 1981:739)",
        "the payment was booked on 2026-03-19, before the krav was sent on 2026-03-20",
    )
    assert refused.basis[-1] is fees._PAID_BEFORE_DEMAND
    # Booked the day the krav was sent: the fee is owed (IMY: "no later than the day").
    same_day = collection_demand_fee_cap(
        sent_on=D(2026, 3, 20),
        due_date=D(2026, 3, 2),
        meets_inkassolagen_5=True,
        paid_on=D(2026, 3, 20),
    )
    assert same_day.amount == sek(180)
    assert fees._PAID_BEFORE_DEMAND not in same_day.basis


def test_plan_fee_reasons_exactly():
    granted = instalment_agreement_fee_cap(
        sent_on=D(2026, 4, 1), due_date=D(2026, 3, 2), complete_written_plan=True
    )
    assert granted.reasons == (
        (
            "upprättande av amorteringsplan for a complete written plan sent 2026-04-01: at most "
            "170.00 SEK"
        ),
    )
    refused = instalment_agreement_fee_cap(
        sent_on=D(2026, 4, 1), due_date=D(2026, 3, 2), complete_written_plan=False
    )
    assert refused.reasons == (
        (
            "the plan is not a written, complete plan for the whole remaining debt made together "
            "with the debtor (3 § p.2 lag 1981:739)"
        ),
    )


# -- the memo: plain dates are memoised, a date subclass is computed afresh --------------------


def test_reminder_fee_memo_only_for_plain_dates():
    plain = reminder_fee_cap(sent_on=D(2026, 3, 10), due_date=D(2026, 3, 2), fee_agreed=True)
    again = reminder_fee_cap(sent_on=D(2026, 3, 10), due_date=D(2026, 3, 2), fee_agreed=True)
    assert again is plain
    for sent_on, due_date in (
        (Day(2026, 3, 10), D(2026, 3, 2)),
        (D(2026, 3, 10), Day(2026, 3, 2)),
        (Day(2026, 3, 10), Day(2026, 3, 2)),
    ):
        cap = reminder_fee_cap(sent_on=sent_on, due_date=due_date, fee_agreed=True)
        assert cap.reasons == (
            (
                f"påminnelseavgift for a written reminder sent {sent_on.isoformat()}, after the due "
                "date, agreed no later than when the debt arose: at most 60.00 SEK"
            ),
        )
    refused = reminder_fee_cap(
        sent_on=Day(2026, 3, 2),
        due_date=Day(2026, 3, 2),
        reminder_fee_already_charged=True,
    )
    assert refused.reasons == (
        (
            "the reminder sent on day 2026-03-02 is not after the due date day 2026-03-02; only "
            "measures after the due date count"
        ),
        (
            "no agreement on a påminnelseavgift made no later than when the debt arose "
            "(2 § lag 1981:739)"
        ),
        "a påminnelseavgift was already charged for this claim: one per claim",
    )


def test_demand_fee_memo_only_for_plain_dates():
    kwargs: dict[str, Any] = {"meets_inkassolagen_5": True}
    plain = collection_demand_fee_cap(sent_on=D(2026, 3, 20), due_date=D(2026, 3, 2), **kwargs)
    assert plain is collection_demand_fee_cap(
        sent_on=D(2026, 3, 20), due_date=D(2026, 3, 2), **kwargs
    )
    for sent_on, due_date in (
        (Day(2026, 3, 20), D(2026, 3, 2)),
        (D(2026, 3, 20), Day(2026, 3, 2)),
    ):
        cap = collection_demand_fee_cap(sent_on=sent_on, due_date=due_date, **kwargs)
        assert cap.reasons == (
            (
                f"ersättning för inkassokrav for a krav meeting 5 § inkassolagen sent "
                f"{sent_on.isoformat()}, after the due date: at most 180.00 SEK"
            ),
        )
    paid = {"sent_on": D(2026, 3, 20), "due_date": D(2026, 3, 2), "meets_inkassolagen_5": False}
    first = collection_demand_fee_cap(paid_on=D(2026, 3, 19), **paid)
    assert first is collection_demand_fee_cap(paid_on=D(2026, 3, 19), **paid)
    slow = collection_demand_fee_cap(paid_on=Day(2026, 3, 19), **paid)
    assert slow.reasons == (
        "the krav does not meet 5 § inkassolagen (1974:182) (3 § p.1 lag 1981:739)",
        "the payment was booked on day 2026-03-19, before the krav was sent on 2026-03-20",
    )
    assert slow.amount == sek(0)


# -- refused arguments name the argument --------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "extra"),
    [(rule, extra) for rule, extra, _, _ in MEASURES],
    ids=IDS,
)
def test_measure_fees_name_the_bad_argument(rule, extra):
    good: dict[str, Any] = {"sent_on": D(2026, 3, 10), "due_date": D(2026, 3, 2), **extra}
    for argument in ("sent_on", "due_date"):
        with pytest.raises(InvalidInput, match=f"^{argument} must be a datetime.date, got '2026'"):
            rule(**{**good, argument: "2026"})
    for flag in extra:
        with pytest.raises(InvalidInput, match=f"^{flag} must be True or False, got 1$"):
            rule(**{**good, flag: 1})
    with pytest.raises(InvalidInput, match="law"):
        rule(**good, law="builtin")


def test_reminder_and_demand_name_their_other_arguments():
    base: dict[str, Any] = {"sent_on": D(2026, 3, 10), "due_date": D(2026, 3, 2)}
    with pytest.raises(
        InvalidInput, match="^reminder_fee_already_charged must be True or False, got None$"
    ):
        reminder_fee_cap(**base, reminder_fee_already_charged=None)
    with pytest.raises(InvalidInput, match="^paid_on must be a datetime.date, got '2026-03-09'"):
        collection_demand_fee_cap(**base, meets_inkassolagen_5=True, paid_on="2026-03-09")


def test_standard_compensation_names_the_bad_argument():
    good: dict[str, Any] = {"due_date": D(2026, 3, 2), "debtor_kind": DebtorKind.BUSINESS}
    with pytest.raises(InvalidInput, match="^due_date must be a datetime.date, got '2026'"):
        standard_compensation(**{**good, "due_date": "2026"})
    with pytest.raises(InvalidInput, match="^debtor_kind must be a DebtorKind, got 'business'$"):
        standard_compensation(**{**good, "debtor_kind": "business"})
    with pytest.raises(
        InvalidInput, match="^creditor_kind must be a CreditorKind or None, got 'business'$"
    ):
        standard_compensation(**good, creditor_kind="business")
    with pytest.raises(InvalidInput, match="^claim_kind must be a ClaimKind or None, got 'loan'$"):
        standard_compensation(**good, claim_kind="loan")
    with pytest.raises(InvalidInput, match="law"):
        standard_compensation(**good, law="builtin")


def test_fees_with_standard_compensation_error_messages():
    good: dict[str, Any] = {"due_date": D(2026, 3, 2), "debtor_kind": DebtorKind.BUSINESS}
    with pytest.raises(InvalidInput, match="^ordinary_fees must be Money, got 1$"):
        fees_with_standard_compensation(ordinary_fees=1, **good)
    with pytest.raises(InvalidInput, match="^ordinary_fees must not be negative, got -1.00 SEK$"):
        fees_with_standard_compensation(ordinary_fees=sek("-1"), **good)
    with pytest.raises(CurrencyMismatch) as info:
        fees_with_standard_compensation(ordinary_fees=Money.of("1", "NOK"), **good)
    assert str(info.value) == "expected an amount in SEK, got NOK (ordinary_fees)"
    assert (info.value.expected, info.value.got) == ("SEK", "NOK")
    with pytest.raises(InvalidInput, match="law"):
        fees_with_standard_compensation(ordinary_fees=sek(0), law="builtin", **good)


# -- förseningsersättning (4 a § lag 1981:739) -------------------------------------------------


def test_standard_compensation_reasons_exactly():
    missing = standard_compensation(due_date=D(2026, 3, 2), debtor_kind=DebtorKind.BUSINESS)
    assert missing.reasons == (
        (
            "the creditor's kind is not given (creditor_kind): 4 a § 1 st lag 1981:739 needs a "
            "näringsidkare creditor"
        ),
        (
            "the claim's kind is not given (claim_kind): 4 a § 1 st lag 1981:739 covers only a "
            "claim for payment for goods or services"
        ),
    )
    public = standard_compensation(
        due_date=D(2026, 3, 2),
        debtor_kind=DebtorKind.BUSINESS,
        creditor_kind=CreditorKind.PUBLIC_BODY,
        claim_kind=ClaimKind.LOAN,
    )
    assert public.reasons == (
        "the creditor is a public body, not a näringsidkare (4 a § 1 st lag 1981:739)",
        (
            "the claim is a loan claim, not a claim for payment for goods or services "
            "(4 a § 1 st lag 1981:739)"
        ),
    )
    owed = standard_compensation(
        due_date=D(2026, 3, 2), debtor_kind=DebtorKind.PUBLIC_BODY, **IN_SCOPE
    )
    assert owed.amount == sek(450)
    assert owed.reasons == (
        (
            "förseningsersättning 450.00 SEK: a fixed amount, owed without agreement from the "
            "moment late-payment interest runs on a claim for goods or services due 2026-03-02 "
            "(public_body debtor, business creditor)"
        ),
    )
    assert owed.basis[1:] == (fees._COMPENSATION_SCOPE, fees._COMPENSATION_TRIGGER)


def _compensation_from_2014() -> LawBook:
    # A test book in which 4 a § applies from 2014-01-01 at 500 kr.
    return _with(
        "se.fees.standard_compensation",
        {
            "title": "Förseningsersättning (test book)",
            "unit": "SEK",
            "values": [
                {
                    "valid_from": D(2014, 1, 1),
                    "value": 500,
                    "citation": "test book: 500 kr from 2014",
                    "url": "https://example.org/test-book",
                }
            ],
        },
    )


def test_standard_compensation_reads_the_law_book():
    book = _compensation_from_2014()
    before = standard_compensation(
        due_date=D(2013, 12, 31), debtor_kind=DebtorKind.BUSINESS, law=book, **IN_SCOPE
    )
    assert before.reasons == (
        (
            "the claim fell due on 2013-12-31; 4 a § applies only to claims falling due on or "
            "after 2014-01-01"
        ),
    )
    on = standard_compensation(
        due_date=D(2014, 1, 1), debtor_kind=DebtorKind.BUSINESS, law=book, **IN_SCOPE
    )
    assert on.amount == sek(500)


def test_fees_with_standard_compensation_reasons_basis_and_law():
    owed = fees_with_standard_compensation(
        ordinary_fees=sek(410), due_date=D(2026, 3, 2), debtor_kind=DebtorKind.BUSINESS, **IN_SCOPE
    )
    compensation = standard_compensation(
        due_date=D(2026, 3, 2), debtor_kind=DebtorKind.BUSINESS, **IN_SCOPE
    )
    assert owed.reasons == (
        (
            "förseningsersättning 450.00 SEK covers the ordinary fees up to its amount; only fees "
            "above it are added: max(450.00 SEK, 410.00 SEK) = 450.00 SEK"
        ),
    )
    assert owed.basis == (*compensation.basis, fees._COMPENSATION_REPLACES)
    alone = fees_with_standard_compensation(
        ordinary_fees=sek(410), due_date=D(2026, 3, 2), debtor_kind=DebtorKind.CONSUMER
    )
    consumer = standard_compensation(due_date=D(2026, 3, 2), debtor_kind=DebtorKind.CONSUMER)
    assert alone.basis == consumer.basis
    assert alone.reasons == (
        *consumer.reasons,
        "no förseningsersättning, so the ordinary fees stand alone: 410.00 SEK",
    )
    # law= is passed on: in the test book a claim due in 2013-06 gets no 450 kr, and 2014 gets
    # 500 kr, so max(500, 410) = 500.
    book = _compensation_from_2014()
    kwargs: dict[str, Any] = {"ordinary_fees": sek(410), "debtor_kind": DebtorKind.BUSINESS}
    assert fees_with_standard_compensation(
        due_date=D(2013, 6, 3), law=book, **kwargs, **IN_SCOPE
    ).amount == sek(410)
    assert fees_with_standard_compensation(
        due_date=D(2013, 6, 3), **kwargs, **IN_SCOPE
    ).amount == sek(450)
    assert fees_with_standard_compensation(
        due_date=D(2014, 1, 1), law=book, **kwargs, **IN_SCOPE
    ).amount == sek(500)
