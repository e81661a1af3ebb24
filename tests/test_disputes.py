"""Disputed claims: which steps may be taken, for which amount (issue 5)."""

from __future__ import annotations

from datetime import date

import pytest

from inkassorules.claims import Claim, DebtorKind
from inkassorules.disputes import (
    Dispute,
    Step,
    StepDecision,
    is_step_allowed,
    may_take_step,
    withheld_amount,
)
from inkassorules.errors import CurrencyMismatch, InvalidInput
from inkassorules.money import Money
from inkassorules.steps import StepKind


def nok(amount: str | int) -> Money:
    return Money.of(amount, "NOK")


def sek(amount: str | int) -> Money:
    return Money.of(amount, "SEK")


NO_CLAIM = Claim(
    principal=nok(10000),
    due_date=date(2026, 3, 1),
    jurisdiction="NO",
    debtor_kind=DebtorKind.CONSUMER,
)
SE_CLAIM = Claim(
    principal=sek(5000),
    due_date=date(2026, 3, 1),
    jurisdiction="SE",
    debtor_kind=DebtorKind.CONSUMER,
)


def defect(amount: Money, raised: date = date(2026, 3, 10), **kwargs) -> Dispute:
    return Dispute(amount=amount, raised_on=raised, reason="the door was damaged", **kwargs)


# -- no dispute ------------------------------------------------------------------------------


NO_STEPS = [
    StepKind.FRIENDLY_REMINDER,
    StepKind.REMINDER,
    StepKind.COLLECTION_NOTICE,
    StepKind.COLLECTION_DEMAND,
    StepKind.LEGAL_ACTION,
]
SE_STEPS = [
    StepKind.FRIENDLY_REMINDER,
    StepKind.REMINDER,
    StepKind.COLLECTION_WARNING,
    StepKind.COLLECTION_DEMAND,
    StepKind.NOTICE_BEFORE_ENFORCEMENT,
    StepKind.LEGAL_ACTION,
]


@pytest.mark.parametrize(
    ("claim", "step"),
    [(NO_CLAIM, step) for step in NO_STEPS] + [(SE_CLAIM, step) for step in SE_STEPS],
)
def test_undisputed_claim_every_step_for_the_whole_amount(claim, step):
    decision = may_take_step(claim, step, on=date(2026, 4, 1))
    assert decision.allowed
    assert decision.amount == claim.principal
    assert decision.withheld.is_zero
    assert decision.cost_base == claim.principal
    assert decision.basis == ()
    assert not decision.provisional


# -- Norway ----------------------------------------------------------------------------------


def test_no_partial_dispute_withholds_what_the_defect_is_worth():
    # 10 000 - 2 500 disputed = 7 500 may be collected
    decision = may_take_step(
        NO_CLAIM, StepKind.COLLECTION_DEMAND, on=date(2026, 4, 1), disputes=[defect(nok(2500))]
    )
    assert decision.allowed
    assert (decision.amount, decision.withheld, decision.cost_base) == (
        nok(7500),
        nok(2500),
        nok(7500),
    )
    assert decision.provisional  # partial disputes: NOT FOUND in NO law; practice
    text = decision.explain()
    assert "betalingsoppfordring stops for the disputed 2500.00 NOK" in text
    assert "NOT FOUND in Norwegian law" in text
    assert "inkassoloven § 17 annet ledd" in text
    assert "including costs incurred before the objection" in text


def test_no_full_dispute_stops_out_of_court_collection_and_costs():
    full = Dispute.in_full(NO_CLAIM, raised_on=date(2026, 3, 10), reason="never ordered")
    for step in (StepKind.REMINDER, StepKind.COLLECTION_NOTICE, StepKind.COLLECTION_DEMAND):
        decision = may_take_step(NO_CLAIM, step, on=date(2026, 4, 1), disputes=[full])
        assert not decision.allowed
        assert decision.amount == nok(0)
        assert decision.cost_base == nok(0)
        assert decision.withheld == nok(10000)
        assert not decision.provisional
        assert "not allowed" in decision.explain()
    assert not is_step_allowed(NO_CLAIM, "reminder", on=date(2026, 4, 1), disputes=[full])


def test_no_disputed_claim_may_go_to_forliksradet():
    full = Dispute.in_full(NO_CLAIM, raised_on=date(2026, 3, 10), reason="never ordered")
    decision = may_take_step(NO_CLAIM, StepKind.LEGAL_ACTION, on=date(2026, 4, 1), disputes=[full])
    assert decision.allowed
    assert decision.amount == nok(10000)
    assert decision.cost_base == nok(0)  # no collection costs on a reasonably disputed claim
    assert "forliksråd / domstol" in decision.explain()


def test_no_payment_order_is_not_a_norwegian_step():
    with pytest.raises(InvalidInput, match="use StepKind.LEGAL_ACTION"):
        may_take_step(NO_CLAIM, Step.PAYMENT_ORDER, on=date(2026, 4, 1))


@pytest.mark.parametrize(
    ("claim", "step"),
    [
        (NO_CLAIM, StepKind.COLLECTION_WARNING),
        (NO_CLAIM, StepKind.NOTICE_BEFORE_ENFORCEMENT),
        (SE_CLAIM, StepKind.COLLECTION_NOTICE),
    ],
)
def test_a_step_the_country_does_not_have_is_refused(claim, step):
    with pytest.raises(InvalidInput, match=rf"{step.value} is not a step of {claim.jurisdiction}"):
        may_take_step(claim, step, on=date(2026, 4, 1))


def test_only_the_legal_step_has_a_venue():
    with pytest.raises(InvalidInput, match="only the legal step has a venue"):
        may_take_step(NO_CLAIM, StepKind.REMINDER, on=date(2026, 4, 1), venue="forliksrådet")
    with pytest.raises(InvalidInput, match="venue must be a non-empty string"):
        may_take_step(SE_CLAIM, StepKind.LEGAL_ACTION, on=date(2026, 4, 1), venue=" ")


@pytest.mark.parametrize(
    ("claim", "legacy", "kind", "venue"),
    [
        (NO_CLAIM, Step.REMINDER, StepKind.REMINDER, None),
        (NO_CLAIM, Step.COLLECTION_NOTICE, StepKind.COLLECTION_NOTICE, None),
        (NO_CLAIM, Step.COURT, StepKind.LEGAL_ACTION, "forliksrådet"),
        (SE_CLAIM, Step.COLLECTION_NOTICE, StepKind.COLLECTION_WARNING, None),
        (SE_CLAIM, Step.PAYMENT_ORDER, StepKind.LEGAL_ACTION, "Kronofogden"),
        (SE_CLAIM, Step.COURT, StepKind.LEGAL_ACTION, "tingsrätten"),
        (SE_CLAIM, "payment_order", StepKind.LEGAL_ACTION, "Kronofogden"),
    ],
)
def test_the_deprecated_step_still_works_for_one_release(claim, legacy, kind, venue):
    full = Dispute.in_full(claim, raised_on=date(2026, 3, 20), reason="never ordered")
    with pytest.warns(DeprecationWarning, match=r"disputes\.Step is deprecated.*pass a StepKind"):
        old = may_take_step(claim, legacy, on=date(2026, 4, 1), disputes=[full])
    new = may_take_step(claim, kind, on=date(2026, 4, 1), disputes=[full], venue=venue)
    assert old == new
    assert (old.step, old.venue) == (kind, venue if kind is StepKind.LEGAL_ACTION else None)


# -- Sweden ----------------------------------------------------------------------------------


def test_se_disputed_claim_goes_to_court_not_betalningsforelaggande():
    full = Dispute.in_full(SE_CLAIM, raised_on=date(2026, 3, 20), reason="never ordered")
    refused = may_take_step(SE_CLAIM, StepKind.LEGAL_ACTION, on=date(2026, 4, 1), disputes=[full])
    assert refused.venue == "Kronofogden"  # the Swedish default venue
    assert not refused.allowed
    assert "betalningsföreläggande stops" in refused.explain()
    assert "finansinspektionen.se" in refused.explain()
    court = may_take_step(
        SE_CLAIM, StepKind.LEGAL_ACTION, on=date(2026, 4, 1), disputes=[full], venue="tingsrätten"
    )
    assert court.allowed
    assert court.amount == sek(5000)
    assert "stämning vid tingsrätt" in court.explain()


def test_se_payment_order_for_the_undisputed_part():
    # 5 000 - 1 200 disputed = 3 800
    decision = may_take_step(
        SE_CLAIM, "legal_action", on=date(2026, 4, 1), disputes=[defect(sek(1200))]
    )
    assert decision.allowed
    assert (decision.amount, decision.withheld, decision.cost_base) == (
        sek(3800),
        sek(1200),
        sek(3800),
    )
    assert decision.provisional
    assert "interninfo.se" in decision.explain()
    assert "collection costs only on the undisputed 3800.00 SEK" in decision.explain()
    assert "4 § första stycket lag (1981:739)" in decision.explain()


# -- timing, unfounded disputes, several disputes ----------------------------------------------


def test_dispute_counts_from_the_day_it_is_raised():
    dispute = defect(nok(2500), raised=date(2026, 3, 10))
    assert withheld_amount(NO_CLAIM, [dispute], on=date(2026, 3, 9)) == nok(0)
    assert withheld_amount(NO_CLAIM, [dispute], on=date(2026, 3, 10)) == nok(2500)


def test_resolved_dispute_stops_withholding_on_the_day_it_is_resolved():
    dispute = defect(nok(2500), resolved_on=date(2026, 5, 1))
    assert withheld_amount(NO_CLAIM, [dispute], on=date(2026, 4, 30)) == nok(2500)
    assert withheld_amount(NO_CLAIM, [dispute], on=date(2026, 5, 1)) == nok(0)


def test_unfounded_dispute_withholds_nothing_but_is_reported():
    dispute = defect(nok(10000), reasonable=False)
    decision = may_take_step(
        NO_CLAIM, StepKind.COLLECTION_NOTICE, on=date(2026, 4, 1), disputes=[dispute]
    )
    assert decision.allowed
    assert decision.amount == nok(10000)
    assert "obviously unfounded" in decision.explain()
    assert len(decision.basis) == 1


def test_several_disputes_add_up_but_never_past_the_principal():
    disputes = [defect(nok(6000)), defect(nok(6000), raised=date(2026, 3, 12))]
    assert withheld_amount(NO_CLAIM, disputes, on=date(2026, 3, 11)) == nok(6000)
    assert withheld_amount(NO_CLAIM, disputes, on=date(2026, 3, 12)) == nok(10000)
    decision = may_take_step(NO_CLAIM, StepKind.REMINDER, on=date(2026, 3, 12), disputes=disputes)
    assert not decision.allowed


# -- checks ----------------------------------------------------------------------------------


def test_dispute_checks():
    with pytest.raises(InvalidInput, match="above zero"):
        defect(nok(0))
    with pytest.raises(InvalidInput, match="must be Money"):
        Dispute(amount=100, raised_on=date(2026, 3, 1), reason="x")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="needs a reason"):
        Dispute(amount=nok(1), raised_on=date(2026, 3, 1), reason="  ")
    with pytest.raises(InvalidInput, match="raised_on must be a datetime.date"):
        Dispute(amount=nok(1), raised_on="2026-03-01", reason="x")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="reasonable must be True or False"):
        defect(nok(1), reasonable="yes")
    with pytest.raises(InvalidInput, match="cannot be resolved"):
        defect(nok(1), resolved_on=date(2026, 3, 9))


def test_dispute_against_the_claim():
    with pytest.raises(InvalidInput, match="more than the claim's principal"):
        withheld_amount(NO_CLAIM, [defect(nok(10001))], on=date(2026, 4, 1))
    with pytest.raises(CurrencyMismatch, match="a dispute"):
        withheld_amount(NO_CLAIM, [defect(sek(1))], on=date(2026, 4, 1))
    with pytest.raises(InvalidInput, match="disputes must be Dispute"):
        withheld_amount(NO_CLAIM, [nok(1)], on=date(2026, 4, 1))  # type: ignore[list-item]
    with pytest.raises(InvalidInput, match="claim must be a Claim"):
        withheld_amount("claim", [], on=date(2026, 4, 1))  # type: ignore[arg-type]


def test_unknown_step():
    with pytest.raises(InvalidInput, match="step must be a StepKind"):
        may_take_step(NO_CLAIM, "enforcement", on=date(2026, 4, 1))


def test_step_decision_explain_without_basis():
    decision = StepDecision(
        step=StepKind.REMINDER,
        on=date(2026, 4, 1),
        allowed=True,
        amount=nok(1),
        withheld=nok(0),
        cost_base=nok(1),
        reasons=(),
        basis=(),
    )
    assert decision.explain() == "reminder on 2026-04-01: allowed, for 1.00 NOK"
