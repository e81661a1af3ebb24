"""One vocabulary (issue 18 item 5): one StepKind, one result shape per rule, docs that match.

The timeline's steps, the disputes rule's decisions, the fee letters and a case's letters all
speak ``StepKind``; the old names (``disputes.Step``, ``inkassorules.Step``,
``no.fees.LetterKind``) still work for one release, with a DeprecationWarning.
"""

from __future__ import annotations

from datetime import date

import pytest

import inkassorules
from inkassorules import Claim, DebtorKind, Money, StepKind, no, plan, se
from inkassorules.disputes import Dispute, Step, may_take_step
from inkassorules.no.fees import FEE_LETTER_KINDS, CollectionDemandDeadline, FeeLetter
from inkassorules.timeline import CreditorPolicy

NO_CLAIM = Claim(
    principal=Money.of("12500", "NOK"),
    due_date=date(2026, 5, 4),  # a Monday
    jurisdiction="NO",
    debtor_kind=DebtorKind.CONSUMER,
)
SE_CLAIM = Claim(
    principal=Money.of("5000", "SEK"),
    due_date=date(2026, 3, 2),
    jurisdiction="SE",
    debtor_kind=DebtorKind.CONSUMER,
)


@pytest.mark.parametrize("claim", [NO_CLAIM, SE_CLAIM], ids=["NO", "SE"])
def test_the_timeline_and_the_disputes_rule_speak_one_step_kind(claim):
    full = Dispute.in_full(claim, raised_on=claim.due_date, reason="never ordered")
    for step in plan(claim, as_of=claim.due_date).steps:
        assert type(step.kind) is StepKind
        decision = may_take_step(claim, step.kind, on=step.planned_on, disputes=[full])
        assert decision.step is step.kind


def test_fee_letters_are_step_kinds():
    assert FEE_LETTER_KINDS == (
        StepKind.REMINDER,
        StepKind.COLLECTION_NOTICE,
        StepKind.COLLECTION_DEMAND,
    )
    letter = FeeLetter(kind=StepKind.REMINDER, sent_on=date(2026, 5, 18))
    assert letter.kind is StepKind.REMINDER
    with pytest.raises(inkassorules.InvalidInput, match="FeeLetter.kind must be"):
        FeeLetter(kind=StepKind.LEGAL_ACTION, sent_on=date(2026, 5, 18))


def test_the_old_names_warn_and_are_the_same_things():
    with pytest.warns(DeprecationWarning, match=r"no\.fees\.LetterKind is deprecated"):
        assert no.fees.LetterKind is StepKind
    with pytest.warns(DeprecationWarning, match=r"inkassorules\.Step is deprecated"):
        assert inkassorules.Step is Step
    assert "Step" not in inkassorules.__all__
    assert "LetterKind" not in no.fees.__all__


def test_collection_demand_deadline_has_one_shape_in_both_countries():
    sent = date(2026, 4, 2)
    norway = no.fees.collection_demand_deadline(sent_on=sent)
    sweden = se.fees.collection_demand_deadline(sent_on=sent, received_on=date(2026, 4, 3))
    assert type(norway) is type(sweden) is CollectionDemandDeadline
    # NO inkassoloven § 10: at least 14 days from sending, not rolled: 2026-04-16.
    assert norway.day == norway.earliest_last_day == date(2026, 4, 16)
    assert (norway.received_on, norway.bank_day_limit) == (None, None)
    # SE 5 § inkassolagen: 8 days from sending (2026-04-10) and 4 bank days after receipt on
    # 2026-04-03 (långfredagen, not counted): 04-06 is annandag påsk, so 04-07 to 04-10.
    assert sweden.day == sweden.earliest_last_day == date(2026, 4, 10)


def test_earliest_lawful_is_the_first_lawful_day_with_or_without_the_fee():
    """docs/timeline.md: the definition of ``earliest_lawful`` matches the output."""
    policy = CreditorPolicy(
        steps=[StepKind.COLLECTION_NOTICE, StepKind.COLLECTION_DEMAND, StepKind.LEGAL_ACTION]
    )
    notice = plan(NO_CLAIM, as_of=NO_CLAIM.due_date, policy=policy).steps[0]
    # Inkassoloven § 9: after forfall, so 2026-05-05; INKF § 1-2: no fee before 14 days after
    # forfall (2026-05-18), so the varsel taken on its earliest day carries none.
    assert notice.kind is StepKind.COLLECTION_NOTICE
    assert notice.earliest_lawful == notice.planned_on == date(2026, 5, 5)
    assert notice.fee.amount.is_zero
    assert "2026-05-18" in notice.fee.reasons[0]
    reminder = plan(NO_CLAIM, as_of=NO_CLAIM.due_date).steps[1]
    # A purring planned with its fee: from the first day it may carry it (INKF § 1-2).
    assert reminder.kind is StepKind.REMINDER
    assert reminder.earliest_lawful == date(2026, 5, 18)
    assert reminder.fee.amount == Money.of("38", "NOK")  # 1/20 of the inkassosats 750 kr


def test_a_collection_demand_deadline_holds_days_not_moments():
    import datetime as dt
    from zoneinfo import ZoneInfo

    moment = dt.datetime(2026, 3, 2, 10, 30, tzinfo=ZoneInfo("Europe/Oslo"))
    day = date(2026, 3, 2)
    with pytest.raises(
        inkassorules.InvalidInput, match=r"CollectionDemandDeadline\.bank_day_limit must be"
    ):
        CollectionDemandDeadline(
            day=day, sent_on=day, received_on=day, calendar_day_limit=day, bank_day_limit=moment
        )
