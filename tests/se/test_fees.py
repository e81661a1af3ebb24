"""Swedish fee rules: lag (1981:739), förseningsersättning, the krav deadline, Kronofogden."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inkassorules.calendar import calendar_for
from inkassorules.claims import ClaimKind, CreditorKind, DebtorKind
from inkassorules.errors import CurrencyMismatch, InvalidInput, NotInForce, RuleRefused
from inkassorules.fees import FeeCap
from inkassorules.law import builtin
from inkassorules.money import Money
from inkassorules.se import fees
from inkassorules.se.fees import (
    CollectionDemandDeadline,
    check_payment_order_allowed,
    collection_demand_deadline,
    collection_demand_fee_cap,
    enforcement_basic_fee,
    fees_with_standard_compensation,
    instalment_agreement_fee_cap,
    is_payment_order_allowed,
    payment_order_application_fee,
    payment_order_cost_cap,
    reminder_fee_cap,
    standard_compensation,
)

D = dt.date
CASES = Path(__file__).parent.parent / "cases" / "se_fees.toml"


def sek(amount: str | int) -> Money:
    return Money.of(amount, "SEK").rounded()


# -- the three lag 1981:739 fees: the day before and the day of every change -------------------


class MeasureFee(NamedTuple):
    rule: Callable[..., FeeCap]
    extra: dict[str, bool]
    old: str  # from 2003-07-01 (förordning 1981:1057, SFS 2003:294)
    new: str  # from 2013-03-16 (4 § 2 st lag 1981:739, SFS 2013:56)


MEASURE_FEES = [
    MeasureFee(reminder_fee_cap, {"fee_agreed": True}, "50", "60"),
    MeasureFee(collection_demand_fee_cap, {"meets_inkassolagen_5": True}, "160", "180"),
    MeasureFee(instalment_agreement_fee_cap, {"complete_written_plan": True}, "150", "170"),
]
FEE_IDS = ["reminder", "demand", "plan"]


@pytest.mark.parametrize("fee", MEASURE_FEES, ids=FEE_IDS)
def test_amounts_before_2003_07_01_are_not_found(fee):
    with pytest.raises(NotInForce, match="NOT FOUND"):
        fee.rule(sent_on=D(2003, 6, 30), due_date=D(2003, 6, 1), **fee.extra)
    with pytest.raises(NotInForce, match="table starts 1983-01-01"):
        fee.rule(sent_on=D(1982, 12, 31), due_date=D(1982, 12, 1), **fee.extra)


@pytest.mark.parametrize("fee", MEASURE_FEES, ids=FEE_IDS)
def test_forordning_1981_1057_amounts_from_2003_07_01(fee):
    assert fee.rule(sent_on=D(2003, 7, 1), due_date=D(2003, 6, 2), **fee.extra).amount == sek(
        fee.old
    )


@pytest.mark.parametrize("fee", MEASURE_FEES, ids=FEE_IDS)
def test_old_amount_on_2013_03_15_measures_before_sfs_2013_56(fee):
    cap = fee.rule(sent_on=D(2013, 3, 15), due_date=D(2013, 2, 28), **fee.extra)
    assert cap.amount == sek(fee.old)
    assert "1981:1057" in cap.basis[0].rule


@pytest.mark.parametrize("fee", MEASURE_FEES, ids=FEE_IDS)
def test_lag_1981_739_4_section_amount_from_2013_03_16(fee):
    cap = fee.rule(sent_on=D(2013, 3, 16), due_date=D(2013, 2, 28), **fee.extra)
    assert cap.amount == sek(fee.new)
    assert "SFS 2013:56" in cap.basis[0].rule
    assert cap.basis[0].valid_from == D(2013, 3, 16)
    assert not cap.provisional


@pytest.mark.parametrize("fee", MEASURE_FEES, ids=FEE_IDS)
def test_amount_chosen_by_date_of_measure_not_debt(fee):
    # debt fell due in 2012 (old amounts), measure taken in 2026: the 2026 amount applies
    assert fee.rule(sent_on=D(2026, 1, 5), due_date=D(2012, 5, 2), **fee.extra).amount == sek(
        fee.new
    )


@pytest.mark.parametrize("fee", MEASURE_FEES, ids=FEE_IDS)
def test_measure_on_or_before_due_date_gives_nothing(fee):
    for sent in (D(2026, 3, 1), D(2026, 3, 2)):
        cap = fee.rule(sent_on=sent, due_date=D(2026, 3, 2), **fee.extra)
        assert cap.amount == sek(0)
        assert "not after the due date" in cap.reasons[0]
        assert cap.provisional  # the after-due-date rule is IMY's reading (medium)
    assert fee.rule(sent_on=D(2026, 3, 3), due_date=D(2026, 3, 2), **fee.extra).amount == sek(
        fee.new
    )


@pytest.mark.parametrize("fee", MEASURE_FEES, ids=FEE_IDS)
def test_due_date_on_a_non_business_day_moves_to_next_vardag(fee):
    # 2026-06-19 is midsommarafton (Friday): the due date moves to Monday 2026-06-22
    cap = fee.rule(sent_on=D(2026, 6, 22), due_date=D(2026, 6, 19), **fee.extra)
    assert cap.amount == sek(0)
    assert "moves to 2026-06-22" in cap.reasons[0]
    assert fee.rule(sent_on=D(2026, 6, 23), due_date=D(2026, 6, 19), **fee.extra).amount == sek(
        fee.new
    )


def test_reminder_fee_needs_agreement_by_default_zero():
    cap = reminder_fee_cap(sent_on=D(2026, 3, 10), due_date=D(2026, 3, 2))
    assert cap.amount == sek(0)
    assert not cap.allowed
    assert cap.reasons == (
        (
            "no agreement on a påminnelseavgift made no later than when the debt arose "
            "(2 § lag 1981:739)"
        ),
    )


def test_reminder_fee_once_per_claim():
    cap = reminder_fee_cap(
        sent_on=D(2026, 3, 10),
        due_date=D(2026, 3, 2),
        fee_agreed=True,
        reminder_fee_already_charged=True,
    )
    assert cap.amount == sek(0)
    assert "one per claim" in cap.reasons[0]
    assert cap.provisional


def test_reminder_fee_lists_every_reason():
    cap = reminder_fee_cap(
        sent_on=D(2026, 3, 2), due_date=D(2026, 3, 2), reminder_fee_already_charged=True
    )
    assert len(cap.reasons) == 3


def test_reminder_fee_explain_names_the_statute():
    cap = reminder_fee_cap(sent_on=D(2026, 3, 10), due_date=D(2026, 3, 2), fee_agreed=True)
    text = cap.explain()
    assert text.startswith("60.00 SEK: påminnelseavgift")
    assert "4 § 2 st p.1 lag (1981:739)" in text
    assert "se.fees.reminder_fee from 2013-03-16" in text


def test_collection_demand_must_meet_inkassolagen_5():
    cap = collection_demand_fee_cap(
        sent_on=D(2026, 3, 20), due_date=D(2026, 3, 2), meets_inkassolagen_5=False
    )
    assert cap.amount == sek(0)
    assert "5 § inkassolagen" in cap.reasons[0]


def test_collection_demand_fee_needs_the_callers_5_section_statement():
    # Issue 14 item 4: 3 § p.1 lag 1981:739 owes the 180 kr only for a krav meeting 5 §
    # inkassolagen; the library cannot read a letter, so the statement is a required keyword.
    import inspect

    parameter = inspect.signature(collection_demand_fee_cap).parameters["meets_inkassolagen_5"]
    assert parameter.default is inspect.Parameter.empty
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
    with pytest.raises(InvalidInput, match="meets_inkassolagen_5"):
        collection_demand_fee_cap(
            sent_on=D(2026, 3, 20),
            due_date=D(2026, 3, 2),
            meets_inkassolagen_5=None,  # type: ignore[arg-type]
        )
    # The due-date boundary with the statement given: 2 March (Monday) is the due date itself,
    # nothing; 3 March, the day after, 180 kr.
    assert not collection_demand_fee_cap(
        sent_on=D(2026, 3, 2), due_date=D(2026, 3, 2), meets_inkassolagen_5=True
    ).allowed
    assert collection_demand_fee_cap(
        sent_on=D(2026, 3, 3), due_date=D(2026, 3, 2), meets_inkassolagen_5=True
    ).amount == sek(180)


def test_collection_demand_fee_payment_booked_before_krav():
    before = collection_demand_fee_cap(
        sent_on=D(2026, 3, 20),
        due_date=D(2026, 3, 2),
        meets_inkassolagen_5=True,
        paid_on=D(2026, 3, 19),
    )
    assert before.amount == sek(0)
    assert "booked on 2026-03-19" in before.reasons[0]
    same_day = collection_demand_fee_cap(
        sent_on=D(2026, 3, 20),
        due_date=D(2026, 3, 2),
        meets_inkassolagen_5=True,
        paid_on=D(2026, 3, 20),
    )
    assert same_day.amount == sek(180)


def test_instalment_plan_must_be_complete_and_written():
    cap = instalment_agreement_fee_cap(
        sent_on=D(2026, 4, 1), due_date=D(2026, 3, 2), complete_written_plan=False
    )
    assert cap.amount == sek(0)
    assert "whole remaining debt" in cap.reasons[0]


def test_instalment_plan_flag_is_required():
    with pytest.raises(TypeError):
        instalment_agreement_fee_cap(sent_on=D(2026, 4, 1), due_date=D(2026, 3, 2))  # type: ignore[call-arg]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"sent_on": "2026-03-10", "due_date": D(2026, 3, 2)},
        {"sent_on": dt.datetime(2026, 3, 10, tzinfo=dt.UTC), "due_date": D(2026, 3, 2)},
        {"sent_on": D(2026, 3, 10), "due_date": D(2026, 3, 2), "fee_agreed": 1},
        {
            "sent_on": D(2026, 3, 10),
            "due_date": D(2026, 3, 2),
            "reminder_fee_already_charged": None,
        },
    ],
)
def test_reminder_fee_refuses_bad_arguments(kwargs):
    with pytest.raises(InvalidInput):
        reminder_fee_cap(**kwargs)


def test_caller_may_supply_the_missing_pre_2003_amounts():
    book = builtin().extend(
        "se.fees.reminder_fee",
        [
            {
                "valid_from": D(1996, 12, 1),
                "value": 45,
                "citation": "förordning (1981:1057), SFS 1996:938 (caller-verified)",
                "url": "https://open.karnovgroup.se/naringsratt/SFS1981-1057",
            }
        ],
        replace_unknown=True,
    )
    cap = reminder_fee_cap(
        sent_on=D(2000, 3, 10), due_date=D(2000, 3, 1), fee_agreed=True, law=book
    )
    assert cap.amount == sek(45)
    with pytest.raises(NotInForce):
        reminder_fee_cap(sent_on=D(1996, 11, 30), due_date=D(1996, 11, 1), law=book)


# -- förseningsersättning (4 a § lag 1981:739) ------------------------------------------------


# 4 a § 1 st lag 1981:739: a näringsidkare's claim for payment for goods or services (issue 14
# item 3: the facts are given explicitly; not given, no 450 kr).
IN_SCOPE: dict[str, Any] = {
    "creditor_kind": CreditorKind.BUSINESS,
    "claim_kind": ClaimKind.GOODS_OR_SERVICES,
}


def test_standard_compensation_day_before_and_day_of_2013_03_16():
    before = standard_compensation(
        due_date=D(2013, 3, 15), debtor_kind=DebtorKind.BUSINESS, **IN_SCOPE
    )
    assert before.amount == sek(0)
    assert "on or after 2013-03-16" in before.reasons[0]
    assert before.provisional  # the transitional reading rests on one court report
    on = standard_compensation(
        due_date=D(2013, 3, 16), debtor_kind=DebtorKind.BUSINESS, **IN_SCOPE
    )
    assert on.amount == sek(450)
    assert on.basis[0].parameter == "se.fees.standard_compensation"


def test_standard_compensation_public_body_debtor():
    cap = standard_compensation(
        due_date=D(2026, 3, 2), debtor_kind=DebtorKind.PUBLIC_BODY, **IN_SCOPE
    )
    assert cap.amount == sek(450)


def test_standard_compensation_needs_the_facts_of_4_a_section():
    # Not given (the defaults): zero, with both missing facts named.
    cap = standard_compensation(due_date=D(2026, 3, 2), debtor_kind=DebtorKind.BUSINESS)
    assert cap.amount == sek(0)
    assert any("creditor's kind is not given" in r for r in cap.reasons)
    assert any("claim's kind is not given" in r for r in cap.reasons)
    # Only one given: still zero.
    for partial in (
        {"creditor_kind": CreditorKind.BUSINESS},
        {"claim_kind": ClaimKind.GOODS_OR_SERVICES},
    ):
        assert not standard_compensation(
            due_date=D(2026, 3, 2), debtor_kind=DebtorKind.BUSINESS, **partial
        ).allowed
    # A loan, or another claim, is not a claim for goods or services.
    for other in (ClaimKind.LOAN, ClaimKind.OTHER):
        cap = standard_compensation(
            due_date=D(2026, 3, 2),
            debtor_kind=DebtorKind.BUSINESS,
            creditor_kind=CreditorKind.BUSINESS,
            claim_kind=other,
        )
        assert cap.amount == sek(0)
        assert "not a claim for payment for goods or services" in cap.reasons[0]
    # A public body or a private person as creditor is not a näringsidkare.
    for creditor in (CreditorKind.PUBLIC_BODY, CreditorKind.CONSUMER):
        cap = standard_compensation(
            due_date=D(2026, 3, 2),
            debtor_kind=DebtorKind.BUSINESS,
            creditor_kind=creditor,
            claim_kind=ClaimKind.GOODS_OR_SERVICES,
        )
        assert cap.amount == sek(0)
        assert "not a näringsidkare" in cap.reasons[0]
    with pytest.raises(InvalidInput, match="claim_kind"):
        standard_compensation(
            due_date=D(2026, 3, 2),
            debtor_kind=DebtorKind.BUSINESS,
            claim_kind="goods_or_services",  # type: ignore[arg-type]
        )


def test_standard_compensation_never_for_consumers_even_before_2013():
    for due in (D(2026, 3, 2), D(1999, 1, 1)):
        cap = standard_compensation(due_date=due, debtor_kind=DebtorKind.CONSUMER)
        assert cap.amount == sek(0)
        assert cap.reasons[0] == "never against a consumer (4 a § 1 st lag 1981:739)"


def test_standard_compensation_refuses_a_string_debtor_kind():
    with pytest.raises(InvalidInput):
        standard_compensation(due_date=D(2026, 3, 2), debtor_kind="business")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fees_charged", "kind", "expected"),
    [
        ("0", DebtorKind.BUSINESS, "450"),
        ("410", DebtorKind.BUSINESS, "450"),
        ("450", DebtorKind.BUSINESS, "450"),
        ("450.01", DebtorKind.PUBLIC_BODY, "450.01"),
        ("600", DebtorKind.BUSINESS, "600"),
        ("240", DebtorKind.CONSUMER, "240"),
    ],
)
def test_fees_with_standard_compensation_is_max_of_450_and_fees(fees_charged, kind, expected):
    cap = fees_with_standard_compensation(
        ordinary_fees=Money.of(fees_charged, "SEK"),
        due_date=D(2026, 3, 2),
        debtor_kind=kind,
        **IN_SCOPE,
    )
    assert cap.amount == sek(expected)
    # Without the facts of 4 a § the ordinary fees stand alone (issue 14 item 3).
    alone = fees_with_standard_compensation(
        ordinary_fees=Money.of(fees_charged, "SEK"), due_date=D(2026, 3, 2), debtor_kind=kind
    )
    assert alone.amount == sek(fees_charged)


def test_fees_with_standard_compensation_before_2013_keeps_fees():
    cap = fees_with_standard_compensation(
        ordinary_fees=sek(410),
        due_date=D(2013, 3, 15),
        debtor_kind=DebtorKind.BUSINESS,
        **IN_SCOPE,
    )
    assert cap.amount == sek(410)
    assert "stand alone" in cap.reasons[-1]


def test_fees_with_standard_compensation_refuses_bad_amounts():
    with pytest.raises(InvalidInput):
        fees_with_standard_compensation(
            ordinary_fees=Money.of("-1", "SEK"),
            due_date=D(2026, 3, 2),
            debtor_kind=DebtorKind.BUSINESS,
        )
    with pytest.raises(CurrencyMismatch):
        fees_with_standard_compensation(
            ordinary_fees=Money.of("1", "NOK"),
            due_date=D(2026, 3, 2),
            debtor_kind=DebtorKind.BUSINESS,
        )
    with pytest.raises(InvalidInput):
        fees_with_standard_compensation(
            ordinary_fees=Decimal(1),
            due_date=D(2026, 3, 2),
            debtor_kind=DebtorKind.BUSINESS,  # type: ignore[arg-type]
        )


# -- the inkassokrav deadline -------------------------------------------------------------------


def test_demand_deadline_not_established_before_2021():
    with pytest.raises(NotInForce):
        collection_demand_deadline(sent_on=D(2020, 12, 31), received_on=D(2021, 1, 4))
    deadline = collection_demand_deadline(sent_on=D(2021, 1, 1), received_on=D(2021, 1, 4))
    assert deadline.calendar_day_limit == D(2021, 1, 9)
    # bank days after Mon 4 Jan 2021: 5 Jan, (6 Jan trettondedag jul), 7, 8, 11 Jan
    assert deadline.bank_day_limit == D(2021, 1, 11)
    assert deadline.earliest_last_day == D(2021, 1, 11)


def test_demand_deadline_eight_days_not_rolled_off_a_weekend():
    # sent Fri 2026-03-06 and received the same day: 8 days = Sat 03-14, not moved to Monday;
    # 4 bank days after Fri 03-06 = Thu 03-12
    deadline = collection_demand_deadline(sent_on=D(2026, 3, 6), received_on=D(2026, 3, 6))
    assert deadline.earliest_last_day == D(2026, 3, 14)
    assert deadline.allows(D(2026, 3, 14))
    assert not deadline.allows(D(2026, 3, 13))
    assert "2026-03-14" in deadline.explain()


def test_demand_deadline_refuses_receipt_before_sending():
    with pytest.raises(InvalidInput):
        collection_demand_deadline(sent_on=D(2026, 3, 6), received_on=D(2026, 3, 5))


def test_demand_deadline_receipt_is_required():
    with pytest.raises(TypeError):
        collection_demand_deadline(sent_on=D(2026, 3, 6))  # type: ignore[call-arg]


def test_demand_deadline_result_checks_its_invariant():
    with pytest.raises(InvalidInput):
        CollectionDemandDeadline(
            sent_on=D(2026, 3, 6),
            received_on=D(2026, 3, 6),
            calendar_day_limit=D(2026, 3, 14),
            bank_day_limit=D(2026, 3, 12),
            day=D(2026, 3, 12),
        )


# -- Kronofogden --------------------------------------------------------------------------------


def test_application_fee_history():
    with pytest.raises(NotInForce):
        payment_order_application_fee(filed_on=D(1991, 12, 31))
    first = payment_order_application_fee(filed_on=D(1992, 1, 1))
    assert first.amount == sek(200)
    assert first.provisional
    for unknown in (D(1992, 1, 2), D(2008, 12, 11)):
        with pytest.raises(NotInForce, match="NOT FOUND"):
            payment_order_application_fee(filed_on=unknown)
    current = payment_order_application_fee(filed_on=D(2008, 12, 12))
    assert current.amount == sek(300)
    assert not current.provisional


@pytest.mark.parametrize(("assistance", "amount"), [(False, 380), (True, 420)])
def test_own_work_cap_day_before_and_day_of_2014_01_01(assistance, amount):
    with pytest.raises(NotInForce, match="F \\(2006:882\\)"):
        payment_order_cost_cap(filed_on=D(2013, 12, 31), enforcement_assistance=assistance)
    cap = payment_order_cost_cap(filed_on=D(2014, 1, 1), enforcement_assistance=assistance)
    assert cap.amount == sek(amount)
    assert "SFS 2013:1062" in cap.basis[0].rule


def test_own_work_cap_refuses_a_non_bool_flag():
    with pytest.raises(InvalidInput):
        payment_order_cost_cap(filed_on=D(2014, 1, 1), enforcement_assistance="yes")  # type: ignore[arg-type]


def test_enforcement_fee_600_from_2017_07_01_sfs_2017_471():
    # Correction (issue 14 item 7): the table started 2026-11-01; 6 § F 1992:1094 as worded by
    # SFS 2017:471 ("Grundavgiften är 600 kronor", in force 2017-07-01) moves the start back.
    with pytest.raises(NotInForce, match="the table starts 2017-07-01"):
        enforcement_basic_fee(applied_on=D(2017, 6, 30))
    cap = enforcement_basic_fee(applied_on=D(2017, 7, 1))
    assert cap.amount == sek(600)
    assert "SFS 2017:471" in cap.basis[0].rule
    assert cap.basis[0].confidence == "high"
    # The day before the old start is now covered too, at the same 600 kr.
    assert enforcement_basic_fee(applied_on=D(2026, 10, 31)).amount == sek(600)


def test_disputed_claim_does_not_go_to_payment_order():
    with pytest.raises(RuleRefused, match="disputed claim") as info:
        check_payment_order_allowed(
            applied_on=D(2026, 4, 1), demand_deadline=D(2026, 3, 20), disputed=True
        )
    assert "Finansinspektionen" in info.value.rule
    assert not is_payment_order_allowed(
        applied_on=D(2026, 4, 1), demand_deadline=D(2026, 3, 20), disputed=True
    )


def test_payment_order_needs_a_krav_and_its_deadline_passed():
    with pytest.raises(RuleRefused, match="no inkassokrav"):
        check_payment_order_allowed(applied_on=D(2026, 4, 1), demand_deadline=None)
    with pytest.raises(RuleRefused, match="has not passed"):
        check_payment_order_allowed(applied_on=D(2026, 3, 20), demand_deadline=D(2026, 3, 20))
    check_payment_order_allowed(applied_on=D(2026, 3, 21), demand_deadline=D(2026, 3, 20))
    assert is_payment_order_allowed(applied_on=D(2026, 3, 21), demand_deadline=D(2026, 3, 20))


def test_payment_order_check_refuses_bad_flags():
    with pytest.raises(InvalidInput):
        is_payment_order_allowed(
            applied_on=D(2026, 3, 21),
            demand_deadline=D(2026, 3, 20),
            disputed="no",  # type: ignore[arg-type]
        )


# -- golden cases -------------------------------------------------------------------------------


def _load_cases() -> list[dict[str, Any]]:
    with CASES.open("rb") as file:
        cases: list[dict[str, Any]] = tomllib.load(file)["cases"]
    return cases


def _call(call: dict[str, Any]) -> object:
    kwargs = dict(call["kwargs"])
    if "debtor_kind" in kwargs:
        kwargs["debtor_kind"] = DebtorKind(kwargs["debtor_kind"])
    if "ordinary_fees" in kwargs:
        kwargs["ordinary_fees"] = Money.of(kwargs["ordinary_fees"], "SEK")
    if "creditor_kind" in kwargs:
        kwargs["creditor_kind"] = CreditorKind(kwargs["creditor_kind"])
    if "claim_kind" in kwargs:
        kwargs["claim_kind"] = ClaimKind(kwargs["claim_kind"])
    return getattr(fees, call["function"])(**kwargs)


@pytest.mark.parametrize("case", _load_cases(), ids=lambda case: case["id"])
def test_golden_case(case):
    assert case["source"]
    assert case["arithmetic"]
    results = [_call(call) for call in case["calls"]]
    if "expected_date" in case:
        (deadline,) = results
        assert isinstance(deadline, CollectionDemandDeadline)
        assert deadline.earliest_last_day == case["expected_date"]
    else:
        assert all(isinstance(r, FeeCap) for r in results)
        total = Money.total((r.amount for r in results if isinstance(r, FeeCap)), currency="SEK")
        assert total == sek(case["expected_total"])


# -- property: no fee above its cap, none negative ----------------------------------------------

LATEST = D(2035, 12, 31)
measure_dates = st.dates(min_value=D(2003, 7, 1), max_value=LATEST)
due_dates = st.dates(min_value=D(1990, 1, 1), max_value=LATEST)
flags = st.booleans()


def _cap(name: str, on: dt.date) -> Money:
    return builtin().amount(name, on).value


@settings(max_examples=60)
@given(sent_on=measure_dates, due_date=due_dates, agreed=flags, charged=flags)
def test_reminder_fee_never_above_cap_or_negative(sent_on, due_date, agreed, charged):
    cap = reminder_fee_cap(
        sent_on=sent_on,
        due_date=due_date,
        fee_agreed=agreed,
        reminder_fee_already_charged=charged,
    )
    assert not cap.amount.is_negative
    assert cap.amount <= _cap("se.fees.reminder_fee", sent_on)
    assert cap.allowed or cap.reasons


@settings(max_examples=60)
@given(sent_on=measure_dates, due_date=due_dates, compliant=flags, paid=st.none() | due_dates)
def test_demand_fee_never_above_cap_or_negative(sent_on, due_date, compliant, paid):
    cap = collection_demand_fee_cap(
        sent_on=sent_on, due_date=due_date, meets_inkassolagen_5=compliant, paid_on=paid
    )
    assert not cap.amount.is_negative
    assert cap.amount <= _cap("se.fees.collection_demand_fee", sent_on)
    assert cap.allowed or cap.reasons


@settings(max_examples=60)
@given(sent_on=measure_dates, due_date=due_dates, complete=flags)
def test_plan_fee_never_above_cap_or_negative(sent_on, due_date, complete):
    cap = instalment_agreement_fee_cap(
        sent_on=sent_on, due_date=due_date, complete_written_plan=complete
    )
    assert not cap.amount.is_negative
    assert cap.amount <= _cap("se.fees.instalment_agreement_fee", sent_on)
    assert cap.allowed or cap.reasons


@settings(max_examples=60)
@given(
    due_date=st.dates(min_value=D(1990, 1, 1), max_value=LATEST),
    kind=st.sampled_from(DebtorKind),
    creditor=st.none() | st.sampled_from(CreditorKind),
    claim_kind=st.none() | st.sampled_from(ClaimKind),
    charged=st.decimals(min_value=0, max_value=5000, places=2),
)
def test_standard_compensation_and_combination_bounded(
    due_date, kind, creditor, claim_kind, charged
):
    facts = {"creditor_kind": creditor, "claim_kind": claim_kind}
    cap = standard_compensation(due_date=due_date, debtor_kind=kind, **facts)
    assert not cap.amount.is_negative
    assert cap.amount <= sek(450)
    assert cap.allowed or cap.reasons
    if kind is DebtorKind.CONSUMER:
        assert not cap.allowed
    # Never on facts not given or outside 4 a § (issue 14 item 3).
    if creditor is not CreditorKind.BUSINESS or claim_kind is not ClaimKind.GOODS_OR_SERVICES:
        assert not cap.allowed
    ordinary = Money.of(charged, "SEK")
    combined = fees_with_standard_compensation(
        ordinary_fees=ordinary, due_date=due_date, debtor_kind=kind, **facts
    )
    assert ordinary <= combined.amount <= max(ordinary, sek(450))
    assert combined.amount == max(ordinary, cap.amount)


@settings(max_examples=40)
@given(filed_on=st.dates(min_value=D(2026, 11, 1), max_value=LATEST), assistance=flags)
def test_kronofogden_fees_positive_and_at_their_table_value(filed_on, assistance):
    for cap, name in (
        (payment_order_application_fee(filed_on=filed_on), "se.kronofogden.application_fee"),
        (enforcement_basic_fee(applied_on=filed_on), "se.kronofogden.enforcement_basic_fee"),
    ):
        assert cap.amount == _cap(name, filed_on).rounded()
    own = payment_order_cost_cap(filed_on=filed_on, enforcement_assistance=assistance)
    assert sek(0) < own.amount <= sek(420)


@settings(max_examples=40)
@given(
    sent_on=st.dates(min_value=D(2021, 1, 1), max_value=LATEST),
    lag=st.integers(min_value=0, max_value=20),
)
def test_demand_deadline_never_shorter_than_either_minimum(sent_on, lag):
    received_on = sent_on + dt.timedelta(days=lag)
    deadline = collection_demand_deadline(sent_on=sent_on, received_on=received_on)
    assert deadline.earliest_last_day >= sent_on + dt.timedelta(days=8)
    assert fees_business_days(received_on, deadline.earliest_last_day) >= 4


def fees_business_days(start: dt.date, end: dt.date) -> int:
    return calendar_for("SE").business_days_between(start, end)


def test_shared_signatures_work_with_only_the_shared_keywords():
    # the part of the signatures the typing Protocol checks (shared_fee_names.md)
    book = builtin()
    assert reminder_fee_cap(
        sent_on=D(2026, 3, 10), due_date=D(2026, 3, 2), law=book
    ).amount == sek(0)
    # collection_demand_fee_cap left the Protocol: the 5 § statement is required (issue 14
    # item 4), so the shared keywords alone are refused by Python, not answered with 180 kr.
    with pytest.raises(TypeError, match="meets_inkassolagen_5"):
        collection_demand_fee_cap(  # type: ignore[call-arg]
            sent_on=D(2026, 3, 10), due_date=D(2026, 3, 2), law=book
        )
    assert collection_demand_fee_cap(
        sent_on=D(2026, 3, 10), due_date=D(2026, 3, 2), meets_inkassolagen_5=True, law=book
    ).amount == sek(180)
    assert standard_compensation(
        due_date=D(2026, 3, 2), debtor_kind=DebtorKind.BUSINESS, law=book, **IN_SCOPE
    ).amount == sek(450)


def test_public_names_sorted_and_importable():
    assert fees.__all__ == sorted(fees.__all__)
    assert all(callable(getattr(fees, name)) for name in fees.__all__)


def test_old_due_date_outside_the_calendar_is_no_obstacle():
    # the calendar starts 2000-01-01; a 1995 due date needs no rolling for a 2026 reminder
    cap = reminder_fee_cap(sent_on=D(2026, 3, 10), due_date=D(1995, 6, 30), fee_agreed=True)
    assert cap.amount == sek(60)


def test_demand_deadline_result_refuses_receipt_before_sending():
    with pytest.raises(InvalidInput):
        CollectionDemandDeadline(
            sent_on=D(2026, 3, 6),
            received_on=D(2026, 3, 5),
            calendar_day_limit=D(2026, 3, 14),
            bank_day_limit=D(2026, 3, 11),
            day=D(2026, 3, 14),
        )
