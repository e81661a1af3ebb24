"""End-to-end tests of the Swedish collection timeline (inkassorules.se.timeline).

Golden values are computed by hand in the comments (shared/domain/sweden.md §§ 1, 3, 4, 8, 10).
Dröjsmålsränta 2026 H1 is 2.00 + 8 = 10.00 %: 10000 SEK earns 1000 SEK a year, 1/365 per day.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from inkassorules import Case, LetterSent
from inkassorules.claims import Claim, ClaimKind, CreditorKind, DebtorKind
from inkassorules.disputes import Dispute
from inkassorules.errors import InvalidInput, RateNotPublished
from inkassorules.money import Money
from inkassorules.se import timeline as se_timeline
from inkassorules.se.interest import late_interest
from inkassorules.timeline import Channel, CreditorPolicy, StepKind, next_step, plan


def sek(amount: str) -> Money:
    return Money.of(amount, "SEK")


def claim(**changes: object) -> Claim:
    base = Claim(
        principal=sek("10000"),
        due_date=date(2026, 2, 2),  # a Monday
        jurisdiction="SE",
        debtor_kind=DebtorKind.BUSINESS,
        reference="F-88",
        # an invoice for goods from a business: within 4 a § lag 1981:739 (issue 14 item 3)
        creditor_kind=CreditorKind.BUSINESS,
        claim_kind=ClaimKind.GOODS_OR_SERVICES,
    )
    return attrs.evolve(base, **changes)


def test_business_claim_without_the_facts_of_4_a_section_gets_no_450() -> None:
    # Issue 14 item 3: creditor_kind / claim_kind not given: the 450 kr are never added. The
    # inkassokrav's fees are its own 180 kr; Kronofogden's 300 + 380 = 680 come on top: 860.
    steps = plan(claim(creditor_kind=None, claim_kind=None), as_of=date(2026, 2, 2)).steps
    assert [s.fees for s in steps] == [sek("0"), sek("180"), sek("860")]
    assert any("creditor's kind is not given" in r for r in steps[1].reasons)
    # A loan from a business: outside 4 a § (goods or services only), the same fees.
    loan = plan(claim(claim_kind=ClaimKind.LOAN), as_of=date(2026, 2, 2)).steps
    assert [s.fees for s in loan] == [sek("0"), sek("180"), sek("860")]


def test_business_claim_matches_hand_computed_golden_case() -> None:
    timeline = plan(claim(), as_of=date(2026, 2, 2))
    assert timeline == se_timeline.plan(claim(), as_of=date(2026, 2, 2))
    rows = [
        (
            s.kind,
            s.earliest_lawful,
            s.planned_on,
            s.governed_by,
            s.fee.amount,
            s.interest_due,
            s.fees,
            s.deadline,
        )
        for s in timeline.steps
    ]
    assert rows == [
        # påminnelse: practice 2 Feb + 5 = 7 Feb (lawful from 3 Feb); no fee agreed;
        # 1000 x 5/365 = 13.6986 -> 13.70; policy deadline 7 Feb + 10 = 17 Feb.
        # Fees 450: the förseningsersättning arises with the right to dröjsmålsränta, from
        # 3 Feb (4 a § lag 1981:739; issue 14 item 3 correction: was 0 until the inkassokrav).
        (
            StepKind.REMINDER,
            date(2026, 2, 3),
            date(2026, 2, 7),
            "policy",
            sek("0"),
            sek("13.70"),
            sek("450"),
            date(2026, 2, 17),
        ),
        # inkassokrav: after the reminder deadline, 18 Feb; 180 kr; deadline max(18 + 8 = 26 Feb,
        # 4 bank days after receipt by e-mail on 18 Feb: 19, 20, 23, 24 Feb) = 26 Feb;
        # 1000 x 16/365 = 43.8356 -> 43.84; fees max(450 förseningsersättning, 180) = 450
        (
            StepKind.COLLECTION_DEMAND,
            date(2026, 2, 3),
            date(2026, 2, 18),
            "policy",
            sek("180"),
            sek("43.84"),
            sek("450"),
            date(2026, 2, 26),
        ),
        # betalningsföreläggande: after the krav deadline (6 § inkassolagen), 27 Feb; 300 + 380 =
        # 680; fees 450 + 680 = 1130; 1000 x 25/365 = 68.4932 -> 68.49
        (
            StepKind.LEGAL_ACTION,
            date(2026, 2, 27),
            date(2026, 2, 27),
            "law",
            sek("680"),
            sek("68.49"),
            sek("1130"),
            None,
        ),
    ]
    assert timeline.steps[1].total == sek("10493.84")  # 10000 + 43.84 + 450


def test_consumer_pays_only_the_agreed_reminder_fee_and_the_krav_fee() -> None:
    consumer = claim(debtor_kind=DebtorKind.CONSUMER)
    # 2 § lag 1981:739: the påminnelseavgift must be agreed when the debt arose (a fact of the
    # claim, Claim.reminder_fee_agreed).
    agreed = attrs.evolve(consumer, reminder_fee_agreed=True)
    steps = plan(agreed, as_of=date(2026, 2, 2)).steps
    assert [s.fee.amount for s in steps] == [sek("60"), sek("180"), sek("680")]
    assert [s.fees for s in steps] == [sek("60"), sek("240"), sek("920")]
    not_agreed = plan(consumer, as_of=date(2026, 2, 2)).steps
    assert not_agreed[0].fee.amount == sek("0")


def test_due_date_on_a_weekend_moves_before_the_first_measure() -> None:
    # due Saturday 7 Feb -> Monday 9 Feb (skuldebrevslagen 5 §): the first measure on 10 Feb
    steps = plan(
        claim(due_date=date(2026, 2, 7)),
        as_of=date(2026, 2, 7),
        policy=CreditorPolicy.earliest_lawful(),
    ).steps
    assert steps[0].earliest_lawful == date(2026, 2, 10)


def test_practice_steps_are_policy_options() -> None:
    policy = attrs.evolve(
        CreditorPolicy.practice("SE"),
        steps=(
            StepKind.REMINDER,
            StepKind.COLLECTION_WARNING,
            StepKind.COLLECTION_DEMAND,
            StepKind.NOTICE_BEFORE_ENFORCEMENT,
            StepKind.LEGAL_ACTION,
        ),
        deadline_days={
            StepKind.REMINDER: 10,
            StepKind.COLLECTION_WARNING: 7,
            StepKind.NOTICE_BEFORE_ENFORCEMENT: 4,
        },
    )
    steps = plan(claim(), as_of=date(2026, 2, 2), policy=policy).steps
    assert [s.name for s in steps] == [
        "betalningspåminnelse",
        "inkassovarning",
        "inkassokrav",
        "kravbrev inför ansökan hos Kronofogden",
        "betalningsföreläggande (Kronofogden)",
    ]
    # warning 18 Feb (+7 = 25 Feb); krav 26 Feb (deadline 26 Feb + 8 = 6 Mar); notice 7 Mar
    # (+4 = 11 Mar, Kreditbevakarna's buffer); application 12 Mar
    assert [s.planned_on for s in steps] == [
        date(2026, 2, 7),
        date(2026, 2, 18),
        date(2026, 2, 26),
        date(2026, 3, 7),
        date(2026, 3, 12),
    ]
    assert steps[1].fee.amount.is_zero
    assert steps[3].fee.amount.is_zero


def test_disputed_claim_does_not_go_to_kronofogden() -> None:
    dispute = Dispute.in_full(claim(), raised_on=date(2026, 2, 20), reason="never delivered")
    reminder = LetterSent(
        kind=StepKind.REMINDER,
        sent_on=date(2026, 2, 7),
        fee_charged=sek("0"),
        deadline=date(2026, 2, 17),
        channel=Channel.EMAIL,
    )
    krav = LetterSent(
        kind=StepKind.COLLECTION_DEMAND,
        sent_on=date(2026, 2, 18),
        fee_charged=sek("180"),
        deadline=date(2026, 2, 26),
        channel=Channel.EMAIL,
    )
    case = Case(claim=claim(), events=[reminder, krav, dispute])
    timeline = plan(case, as_of=date(2026, 2, 27))
    # the krav's deadline has run out, but a sakligt grundad invändning keeps the claim from
    # Kronofogden (6 § inkassolagen; Finansinspektionen)
    assert [(s.kind, s.status) for s in timeline.steps] == [
        (StepKind.REMINDER, "taken"),
        (StepKind.COLLECTION_DEMAND, "taken"),
    ]
    assert timeline.stopped is not None
    assert "betalningsföreläggande stops" in timeline.stopped


def test_krav_by_letter_needs_the_delivery_estimate() -> None:
    letters = attrs.evolve(CreditorPolicy.practice("SE"), preferred_channel=Channel.LETTER)
    with pytest.raises(InvalidInput, match="letter_delivery_days"):
        plan(claim(), as_of=date(2026, 2, 2), policy=letters)
    # sent 18 Feb, received 20 Feb: 4 bank days 23, 24, 25, 26 Feb; 8 days: 26 Feb
    known = attrs.evolve(letters, letter_delivery_days=2)
    assert plan(claim(), as_of=date(2026, 2, 2), policy=known).steps[1].deadline == date(
        2026, 2, 26
    )
    slow = attrs.evolve(letters, letter_delivery_days=5)  # received 23 Feb: 24, 25, 26, 27 Feb
    assert plan(claim(), as_of=date(2026, 2, 2), policy=slow).steps[1].deadline == date(
        2026, 2, 27
    )


def test_interest_after_the_published_rates_is_unknown_not_guessed() -> None:
    # The referensränta for 2026 H2 is not in the built-in data: a plan keeps every step whose
    # day and kind the law decides, and says which amounts cannot be known, and why.
    timeline = plan(claim(due_date=date(2026, 6, 22)), as_of=date(2026, 6, 22))
    reminder, krav = timeline.steps[:2]
    assert reminder.planned_on == date(2026, 6, 27)
    assert reminder.unknown == ()
    assert reminder.interest_due is not None
    assert krav.interest is None
    assert krav.interest_due is None
    assert krav.total is None
    assert [u.field for u in krav.unknown] == ["interest"]
    assert "2026 H2" in krav.unknown[0].reason
    assert krav.principal == sek("10000")  # no payment: the principal is known
    assert krav.fee.amount == sek("180")  # the fee does not depend on the rate
    assert timeline.unknown == (krav.unknown[0].reason,)
    assert "interest unknown: " in krav.explain()
    assert krav.to_record()["interest"] == "unknown"
    # the interest up to 1 July runs through 30 June, the last day the data knows; from 2 July
    # on it is unknown
    known = next_step(claim(due_date=date(2026, 6, 22)), as_of=date(2026, 7, 1))
    unknown = next_step(claim(due_date=date(2026, 6, 22)), as_of=date(2026, 7, 2))
    assert known.step is not None
    assert unknown.step is not None
    assert known.step.unknown == ()
    assert [u.field for u in unknown.step.unknown] == ["interest"]
    # what *is* the unknown number still refuses
    with pytest.raises(RateNotPublished):
        late_interest(sek("10000"), due_date=date(2026, 6, 22), paid_on=date(2026, 7, 2))


def test_next_step_says_when() -> None:
    answer = next_step(claim(), as_of=date(2026, 2, 2))
    assert answer.step is not None
    assert answer.step.kind is StepKind.REMINDER
    assert not answer.lawful_today  # the due date itself: nothing yet
    assert answer.earliest_on == date(2026, 2, 3)
    assert answer.planned_on == date(2026, 2, 7)
    today = next_step(claim(), as_of=date(2026, 2, 10))
    assert today.lawful_today
    assert "today" in today.reason


def test_country_next_step_equals_the_dispatching_one() -> None:
    assert se_timeline.next_step(claim(), as_of=date(2026, 2, 20)) == next_step(
        claim(), as_of=date(2026, 2, 20)
    )


def test_kronofogden_needs_an_inkassokrav() -> None:
    from inkassorules.errors import RuleRefused

    policy = CreditorPolicy(steps=(StepKind.REMINDER, StepKind.LEGAL_ACTION))
    with pytest.raises(RuleRefused, match="needs the inkassokrav first") as refused:
        plan(claim(), as_of=date(2026, 2, 2), policy=policy)
    assert "6 § inkassolagen" in refused.value.rule
