"""End-to-end tests of the Norwegian collection timeline (inkassorules.no.timeline).

Golden values are computed by hand in the comments (shared/domain/norway.md §§ 2-3, 5, 8-11).
Forsinkelsesrente 2026 H1 is 12.00 %: 8000 NOK earns 960 NOK a year, 1/365 of it per day.
"""

from __future__ import annotations

import datetime as dt
from datetime import date
from zoneinfo import ZoneInfo

import attrs
import pytest

from inkassorules import AgreementMade, Case, ContactAttempt, LetterSent
from inkassorules.claims import Claim, DebtorKind, Payment
from inkassorules.disputes import Dispute
from inkassorules.errors import RuleRefused
from inkassorules.instalments import InstalmentAgreement
from inkassorules.money import Money
from inkassorules.no import contact_allowed
from inkassorules.no import timeline as no_timeline
from inkassorules.timeline import Channel, CreditorPolicy, StepKind, next_step, plan

OSLO = ZoneInfo("Europe/Oslo")


def nok(amount: str) -> Money:
    return Money.of(amount, "NOK")


def claim(**changes: object) -> Claim:
    base = Claim(
        principal=nok("8000"),
        due_date=date(2026, 3, 2),  # a Monday: the interest start is not rolled
        jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
        reference="2026-117",
    )
    return attrs.evolve(base, **changes)


def test_consumer_claim_matches_hand_computed_golden_case() -> None:
    timeline = plan(claim(), as_of=date(2026, 3, 2))
    assert timeline == no_timeline.plan(claim(), as_of=date(2026, 3, 2))
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
        # friendly reminder: policy 2 Mar + 5 = 7 Mar; no fee; 960 x 5/365 = 13.1507 -> 13.15
        (
            StepKind.FRIENDLY_REMINDER,
            date(2026, 3, 3),
            date(2026, 3, 7),
            "policy",
            nok("0"),
            nok("13.15"),
            nok("0"),
            None,
        ),
        # purring: earliest fee day 2 Mar + 14 = 16 Mar; 750 / 20 = 37.50 -> 38;
        # 960 x 14/365 = 36.8219 -> 36.82; deadline 16 Mar + 14 = 30 Mar
        (
            StepKind.REMINDER,
            date(2026, 3, 16),
            date(2026, 3, 16),
            "law",
            nok("38"),
            nok("36.82"),
            nok("38"),
            date(2026, 3, 30),
        ),
        # inkassovarsel: the day after the purring deadline, 31 Mar; second 1/20 fee allowed
        # (the first purring's 14-day deadline was missed): 38; 960 x 29/365 = 76.2740 -> 76.27;
        # deadline 31 Mar + 14 = 14 Apr (§ 9, not rolled)
        (
            StepKind.COLLECTION_NOTICE,
            date(2026, 3, 3),
            date(2026, 3, 31),
            "policy",
            nok("38"),
            nok("76.27"),
            nok("76"),
            date(2026, 4, 14),
        ),
        # betalingsoppfordring: after the varsel deadline (§ 10), 15 Apr; 3/20 x 750 = 112.50
        # -> 113; 960 x 44/365 = 115.7260 -> 115.73; fees 38 + 38 + 113 = 189; deadline 29 Apr
        (
            StepKind.COLLECTION_DEMAND,
            date(2026, 4, 15),
            date(2026, 4, 15),
            "law",
            nok("113"),
            nok("115.73"),
            nok("189"),
            date(2026, 4, 29),
        ),
        # legal steps: after the demand deadline, 30 Apr; 960 x 59/365 = 155.1781 -> 155.18
        (
            StepKind.LEGAL_ACTION,
            date(2026, 4, 30),
            date(2026, 4, 30),
            "law",
            nok("0"),
            nok("155.18"),
            nok("189"),
            None,
        ),
    ]
    demand = timeline.steps[3]
    assert demand.total == nok("8304.73")  # 8000 + 115.73 + 189
    legal = timeline.steps[4]
    assert legal.latest_on == date(2026, 10, 15)  # § 11: six months after 15 Apr
    assert [s.next_kind for s in timeline.steps][:2] == [
        StepKind.REMINDER,
        StepKind.COLLECTION_NOTICE,
    ]
    assert all(s.status == "planned" for s in timeline.steps)
    assert timeline.stopped is None


def test_earliest_lawful_policy_places_each_step_on_its_legal_day() -> None:
    steps = plan(claim(), as_of=date(2026, 3, 2), policy=CreditorPolicy.earliest_lawful()).steps
    assert [(s.kind, s.planned_on) for s in steps] == [
        (StepKind.REMINDER, date(2026, 3, 16)),
        (StepKind.COLLECTION_NOTICE, date(2026, 3, 31)),  # after the 14-day purring deadline
        (StepKind.COLLECTION_DEMAND, date(2026, 4, 15)),
        (StepKind.LEGAL_ACTION, date(2026, 4, 30)),
    ]


def test_reminder_day_before_and_on_the_fourteenth_day() -> None:
    policy = attrs.evolve(CreditorPolicy.earliest_lawful(), days_after_due={})
    # as_of 15 Mar: the purring is still planned for 16 Mar (law), not earlier
    early = plan(claim(), as_of=date(2026, 3, 15), policy=policy).steps[0]
    assert (early.planned_on, early.governed_by, early.status) == (
        date(2026, 3, 16),
        "law",
        "planned",
    )
    on_day = plan(claim(), as_of=date(2026, 3, 16), policy=policy).steps[0]
    assert (on_day.planned_on, on_day.status, on_day.fee.amount) == (
        date(2026, 3, 16),
        "due",
        nok("38"),
    )


def test_a_creditor_that_charges_no_fees_may_remind_the_day_after_forfall() -> None:
    policy = attrs.evolve(CreditorPolicy.earliest_lawful(), charge_fees=False)
    steps = plan(claim(), as_of=date(2026, 3, 2), policy=policy).steps
    assert steps[0].earliest_lawful == date(2026, 3, 3)
    assert all(s.fee.amount.is_zero for s in steps)
    assert steps[-1].fees == nok("0")


def test_overdue_steps_are_planned_for_as_of_never_earlier() -> None:
    timeline = plan(claim(), as_of=date(2026, 4, 20))
    first = timeline.steps[0]
    assert (first.planned_on, first.status, first.governed_by) == (
        date(2026, 4, 20),
        "overdue",
        "as_of",
    )
    assert all(s.planned_on >= date(2026, 4, 20) for s in timeline.steps)


def test_payment_reduces_interest_then_principal() -> None:
    paid = Payment(amount=nok("3000"), paid_on=date(2026, 3, 20))
    timeline = plan(Case(claim=claim(), events=[paid]), as_of=date(2026, 3, 25))
    first = timeline.steps[0]
    # to 20 Mar: 960 x 18/365 = 47.3425 -> 47.34 interest paid first, then 2952.66 principal;
    # 8000 - 2952.66 = 5047.34; then 5047.34 x 12 % x 5/365 = 8.2970: total exact 55.6395 ->
    # 55.64, less 47.34 paid = 8.30
    assert first.principal == nok("5047.34")
    assert first.interest_due == nok("8.30")
    assert "1 payment(s)" in timeline.notes[0]


def test_paid_in_full_stops_the_timeline() -> None:
    paid = Payment(amount=nok("8100"), paid_on=date(2026, 3, 20))
    timeline = plan(Case(claim=claim(), events=[paid]), as_of=date(2026, 3, 25))
    assert timeline.steps == ()
    assert timeline.stopped is not None
    assert "paid in full" in timeline.stopped
    answer = next_step(Case(claim=claim(), events=[paid]), as_of=date(2026, 3, 25))
    assert answer.step is None
    assert "paid in full" in answer.reason


def test_disputed_claim_stops_at_the_dispute() -> None:
    dispute = Dispute.in_full(claim(), raised_on=date(2026, 3, 20), reason="never ordered")
    friendly = LetterSent(
        kind=StepKind.FRIENDLY_REMINDER,
        sent_on=date(2026, 3, 7),
        fee_charged=nok("0"),
        deadline=None,
        channel=Channel.SMS,
    )
    purring = LetterSent(
        kind=StepKind.REMINDER,
        sent_on=date(2026, 3, 16),
        fee_charged=nok("38"),
        deadline=date(2026, 3, 30),
        channel=Channel.EMAIL,
    )
    case = Case(claim=claim(), events=[dispute, purring, friendly])
    timeline = plan(case, as_of=date(2026, 3, 20))
    # the friendly reminder (7 Mar) and purring (16 Mar) were taken before the objection; the
    # inkassovarsel stops (inkassoloven § 17, Ot.prp. nr. 2 pkt. 5.7.7)
    assert [(s.kind, s.status) for s in timeline.steps] == [
        (StepKind.FRIENDLY_REMINDER, "taken"),
        (StepKind.REMINDER, "taken"),
    ]
    assert timeline.stopped is not None
    assert "inkassovarsel stops" in timeline.stopped
    assert timeline.disputes == (dispute,)
    later = next_step(case, as_of=date(2026, 3, 25))
    assert later.step is None
    assert "stops for the disputed" in later.reason
    # the day before the objection the plan goes on with the inkassovarsel
    before = next_step(case, as_of=date(2026, 3, 19))
    assert before.step is not None
    assert before.step.kind is StepKind.COLLECTION_NOTICE


def test_partial_dispute_collects_the_undisputed_part() -> None:
    defect = Dispute(amount=nok("2000"), raised_on=date(2026, 3, 1), reason="damaged door")
    timeline = plan(Case(claim=claim(), events=[defect]), as_of=date(2026, 3, 2))
    assert len(timeline.steps) == 5
    assert all(s.principal == nok("6000") and s.withheld == nok("2000") for s in timeline.steps)
    assert timeline.steps[0].provisional  # collecting the undisputed part is practice in Norway
    assert any("withheld" in note for note in timeline.notes)


def test_instalment_agreement_replaces_escalation_while_it_holds() -> None:
    agreement = InstalmentAgreement.plan(nok("8000"), count=4, signed_on=date(2026, 4, 1))
    first = [Payment(amount=nok("2000"), paid_on=date(2026, 4, 1))]
    timeline = plan(
        Case(claim=claim(), events=[*first, AgreementMade(agreement=agreement)]),
        as_of=date(2026, 4, 15),
    )
    assert timeline.steps == ()
    assert timeline.agreement_holds
    assert timeline.stopped is not None
    assert "holds" in timeline.stopped


def test_accelerated_agreement_continues_from_the_acceleration() -> None:
    agreement = InstalmentAgreement.plan(nok("8000"), count=4, signed_on=date(2026, 4, 1))
    first = [Payment(amount=nok("2000"), paid_on=date(2026, 4, 1))]
    timeline = plan(
        Case(claim=claim(), events=[*first, AgreementMade(agreement=agreement)]),
        as_of=date(2026, 5, 15),
    )
    assert timeline.acceleration is not None
    # instalment 2 (2000, due 1 May) was missed: 8000 - 2000 = 6000 fell due on 1 May
    assert timeline.acceleration.amount == nok("6000")
    assert timeline.claim.due_date == date(2026, 5, 1)
    assert not timeline.agreement_holds
    assert any("agreement failed" in note for note in timeline.notes)
    purring = timeline.steps[0]  # the friendly reminder is skipped: next formal step at once
    # Issue 14 item 1 (correction): the 14 days of inkassoforskriften § 1-2 run from forfall,
    # 1 May (a holiday) postponed over the weekend of 2-3 May to Monday 4 May (gjeldsbrevloven
    # § 5): earliest fee day 4 May + 14 = 18 May, after as_of (was 15 May, "due"). Interest from
    # 4 May: 6000 x 12 % x 14/365 = 27.6164 -> 27.62 (was 11 days, 21.70).
    assert (purring.kind, purring.planned_on, purring.status) == (
        StepKind.REMINDER,
        date(2026, 5, 18),
        "planned",
    )
    assert purring.principal == nok("6000")
    assert purring.interest_due == nok("27.62")
    assert purring.fee.amount == nok("38")


def test_business_debtor_gets_standard_compensation_from_the_demand() -> None:
    steps = plan(claim(debtor_kind=DebtorKind.BUSINESS), as_of=date(2026, 3, 2)).steps
    # letter fees 38 + 38 + 113 = 189 are covered by the 460 NOK (2026 H1) standardkompensasjon:
    # 189 + (460 - 189) = 460
    assert steps[2].fees == nok("76")
    assert steps[3].fees == nok("460")
    assert steps[4].fees == nok("460")


def test_phone_step_is_placed_in_the_next_contact_window() -> None:
    # due 3 Mar -> friendly reminder on 8 Mar, a Sunday: no calls; the window opens Monday 08:00
    policy = attrs.evolve(CreditorPolicy.practice("NO"), preferred_channel=Channel.PHONE)
    timeline = plan(claim(due_date=date(2026, 3, 3)), as_of=date(2026, 3, 3), policy=policy)
    friendly = timeline.steps[0]
    assert friendly.channel is Channel.PHONE
    assert friendly.contact_at == dt.datetime(2026, 3, 9, 8, 0, tzinfo=OSLO)
    assert (friendly.planned_on, friendly.governed_by) == (date(2026, 3, 9), "contact window")
    assert contact_allowed(friendly.contact_at).allowed
    assert timeline.steps[1].channel is Channel.EMAIL  # a purring is written, never a call


def test_phone_step_respects_the_contact_history() -> None:
    policy = attrs.evolve(CreditorPolicy.practice("NO"), preferred_channel=Channel.PHONE)
    called = ContactAttempt(at=dt.datetime(2026, 3, 7, 9, 0, tzinfo=OSLO), channel=Channel.PHONE)
    # one call already on Saturday 7 Mar, the day the friendly reminder is due
    friendly = plan(
        Case(claim=claim(), events=[called]), as_of=date(2026, 3, 7), policy=policy
    ).steps[0]
    assert friendly.contact_at == dt.datetime(2026, 3, 9, 8, 0, tzinfo=OSLO)


def test_demand_without_notice_is_refused() -> None:
    policy = CreditorPolicy(steps=(StepKind.REMINDER, StepKind.COLLECTION_DEMAND))
    with pytest.raises(RuleRefused, match="needs the inkassovarsel first"):
        plan(claim(), as_of=date(2026, 3, 2), policy=policy)


def test_a_redated_claim_is_just_another_claim() -> None:
    moved = attrs.evolve(claim(), due_date=date(2026, 4, 1))
    assert plan(moved, as_of=date(2026, 3, 2)).steps[1].planned_on == date(2026, 4, 15)


def test_events_after_as_of_are_not_part_of_the_plan() -> None:
    # A plan knows the history up to the day it is made: a later payment is left out, and a
    # note says so (it used to be refused; a case file may hold later events).
    later = Payment(amount=nok("10"), paid_on=date(2026, 3, 3))
    timeline = plan(Case(claim=claim(), events=[later]), as_of=date(2026, 3, 2))
    assert timeline == attrs.evolve(
        plan(claim(), as_of=date(2026, 3, 2)),
        notes=(
            (
                "1 event(s) after 2026-03-02 are not part of this plan: a plan knows the "
                "history up to the day it is made"
            ),
        ),
    )


def test_legal_action_after_six_months_says_a_new_demand_is_needed() -> None:
    policy = attrs.evolve(
        CreditorPolicy.earliest_lawful(), days_after_due={StepKind.LEGAL_ACTION: 250}
    )
    legal = plan(claim(), as_of=date(2026, 3, 2), policy=policy).steps[-1]
    assert legal.planned_on > legal.latest_on
    assert any("new betalingsoppfordring" in r for r in legal.reasons)


def test_country_next_step_equals_the_dispatching_one() -> None:
    assert no_timeline.next_step(claim(), as_of=date(2026, 3, 20)) == next_step(
        claim(), as_of=date(2026, 3, 20)
    )


def test_steps_after_a_saturday_due_date_count_from_the_postponed_forfall() -> None:
    # Issue 14 item 1. Due Saturday 2026-06-20 -> forfall Monday 22 June (gjeldsbrevloven § 5).
    # Inkassoloven § 9: the inkassovarsel follows forfall, so its earliest day is 23 June (was
    # Sunday 21 June, before forfall); INKF § 1-2: the first fee-bearing purring is 22 + 14 =
    # 6 July (was 4 July, 12 days after forfall).
    steps = {
        s.kind: s for s in plan(claim(due_date=date(2026, 6, 20)), as_of=date(2026, 6, 20)).steps
    }
    assert steps[StepKind.COLLECTION_NOTICE].earliest_lawful == date(2026, 6, 23)
    assert steps[StepKind.FRIENDLY_REMINDER].earliest_lawful == date(2026, 6, 23)
    assert steps[StepKind.REMINDER].earliest_lawful == date(2026, 7, 6)
    assert steps[StepKind.REMINDER].fee.amount == nok("38")
    # A business-day due date (Monday 22 June) is not moved: the same days, the day after it.
    same = {
        s.kind: s for s in plan(claim(due_date=date(2026, 6, 22)), as_of=date(2026, 6, 22)).steps
    }
    assert same[StepKind.COLLECTION_NOTICE].earliest_lawful == date(2026, 6, 23)
    assert same[StepKind.REMINDER].earliest_lawful == date(2026, 7, 6)
    # Friday 19 June is a business day: the varsel may follow on Saturday 20 June.
    friday = {
        s.kind: s for s in plan(claim(due_date=date(2026, 6, 19)), as_of=date(2026, 6, 19)).steps
    }
    assert friday[StepKind.COLLECTION_NOTICE].earliest_lawful == date(2026, 6, 20)
    assert friday[StepKind.REMINDER].earliest_lawful == date(2026, 7, 3)
