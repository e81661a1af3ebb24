"""The case file: a claim with its history (Case, events), and planning from it.

The hand-computed figures cite the rule they follow.
"""

from __future__ import annotations

import datetime as dt
from datetime import date

import attrs
import pytest

from inkassorules import (
    AgreementCancelled,
    AgreementMade,
    Case,
    Channel,
    Claim,
    ContactAttempt,
    CreditGranted,
    CreditorPolicy,
    CurrencyMismatch,
    DebtorKind,
    Dispute,
    DueDatePostponed,
    DuplicateEvent,
    InstalmentAgreement,
    InvalidInput,
    LegalActionFiled,
    LetterSent,
    Money,
    Payment,
    RuleRefused,
    StepKind,
    next_step,
    plan,
)
from inkassorules.instalments import SwedishConsumerCredit

OSLO = dt.timezone(dt.timedelta(hours=2))  # CEST, summer 2026


def nok(amount: str) -> Money:
    return Money.of(amount, "NOK")


def sek(amount: str) -> Money:
    return Money.of(amount, "SEK")


def no_claim(**changes: object) -> Claim:
    claim = Claim(
        principal=nok("12500"),
        due_date=date(2026, 5, 4),  # a Monday, a business day
        jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
    )
    return attrs.evolve(claim, **changes)


PURRING = LetterSent(
    kind=StepKind.REMINDER,
    sent_on=date(2026, 5, 20),
    fee_charged=nok("38"),
    deadline=date(2026, 6, 3),
    id="letter-1",
)
VARSEL = LetterSent(
    kind=StepKind.COLLECTION_NOTICE,
    sent_on=date(2026, 6, 10),
    fee_charged=nok("38"),
    deadline=date(2026, 6, 24),
    id="letter-2",
)
PAID = Payment(amount=nok("3000"), paid_on=date(2026, 6, 15), id="pay-1")
DISPUTE = Dispute(
    amount=nok("2000"), raised_on=date(2026, 6, 20), reason="damaged delivery", id="dispute-1"
)


def issue_case() -> Case:
    """The Norwegian case of issue 13, events given out of order on purpose."""
    return Case(claim=no_claim(), events=[DISPUTE, PAID, VARSEL, PURRING])


# -- the Case value --------------------------------------------------------------------------


def test_events_are_kept_in_time_order_and_ties_keep_input_order() -> None:
    case = issue_case()
    assert case.events == (PURRING, VARSEL, PAID, DISPUTE)
    same_day = Payment(amount=nok("1"), paid_on=date(2026, 6, 15), id="pay-2")
    assert case.add(same_day).events == (PURRING, VARSEL, PAID, same_day, DISPUTE)
    assert Case(claim=no_claim(), events=[same_day, PAID]).events == (same_day, PAID)


def test_adding_events_in_any_order_gives_the_same_case() -> None:
    one = Case(claim=no_claim()).add(PAID).add(PURRING, DISPUTE).add(VARSEL)
    assert one == issue_case()
    assert one.add() == one  # add returns a new case; nothing to add changes nothing


def test_a_repeated_id_is_refused() -> None:
    retried = attrs.evolve(PURRING, sent_on=date(2026, 5, 21))
    with pytest.raises(DuplicateEvent, match="'letter-1'") as raised:
        issue_case().add(retried)
    assert raised.value.id == "letter-1"
    assert isinstance(raised.value, InvalidInput)
    # events without an id are never taken for the same one
    assert len(Case(claim=no_claim(), events=[attrs.evolve(PAID, id=None)] * 2).events) == 2


def test_an_amount_in_another_currency_is_refused() -> None:
    with pytest.raises(CurrencyMismatch, match="Payment.amount in a NO case"):
        Case(claim=no_claim()).add(Payment(amount=sek("10"), paid_on=date(2026, 6, 1)))
    swedish_fee = attrs.evolve(PURRING, fee_charged=sek("60"), id=None)
    with pytest.raises(CurrencyMismatch, match="LetterSent.fee_charged"):
        Case(claim=no_claim(), events=[swedish_fee])


def test_a_letter_the_country_does_not_have_is_refused_with_the_rule() -> None:
    claim = Claim(
        principal=sek("1000"),
        due_date=date(2026, 3, 2),
        jurisdiction="SE",
        debtor_kind=DebtorKind.CONSUMER,
    )
    varsel = LetterSent(
        kind=StepKind.COLLECTION_NOTICE,
        sent_on=date(2026, 3, 9),
        fee_charged=sek("0"),
        deadline=date(2026, 3, 23),
    )
    with pytest.raises(RuleRefused, match="inkassovarsel is a Norwegian letter") as raised:
        Case(claim=claim, events=[varsel])
    assert "inkassoloven (NO) § 9" in raised.value.rule
    warning = LetterSent(
        kind=StepKind.COLLECTION_WARNING,
        sent_on=date(2026, 5, 9),
        fee_charged=nok("0"),
        deadline=None,
    )
    with pytest.raises(RuleRefused, match="inkassovarning is Swedish practice"):
        Case(claim=no_claim(), events=[warning])


def test_events_check_their_own_values() -> None:
    with pytest.raises(InvalidInput, match="LegalActionFiled"):
        LetterSent(
            kind=StepKind.LEGAL_ACTION,
            sent_on=date(2026, 6, 1),
            fee_charged=nok("0"),
            deadline=None,
        )
    with pytest.raises(InvalidInput, match="cannot be sent by phone"):
        attrs.evolve(PURRING, channel=Channel.PHONE)
    with pytest.raises(InvalidInput, match="must not be negative"):
        attrs.evolve(PURRING, fee_charged=nok("-1"))
    with pytest.raises(InvalidInput, match="id must be a non-empty string"):
        attrs.evolve(PAID, id="")
    with pytest.raises(InvalidInput, match="id must be a non-empty string"):
        attrs.evolve(DISPUTE, id=7)
    with pytest.raises(InvalidInput, match="above zero"):
        CreditGranted(amount=nok("0"), on=date(2026, 6, 1), reason="defect")
    with pytest.raises(InvalidInput, match="venue"):
        LegalActionFiled(on=date(2026, 6, 1), venue=" ")
    with pytest.raises(InvalidInput, match="timezone-aware"):
        ContactAttempt(at=dt.datetime(2026, 6, 1, 9), channel=Channel.PHONE)
    with pytest.raises(InvalidInput, match="events must be one of"):
        Case(claim=no_claim(), events=[date(2026, 6, 1)])
    with pytest.raises(InvalidInput, match="sequence of events"):
        Case(claim=no_claim(), events="payments")
    with pytest.raises(InvalidInput, match="claim must be a Claim"):
        Case(claim="claim", events=())  # type: ignore[arg-type]


def test_credits_and_disputes_above_the_principal_are_refused() -> None:
    with pytest.raises(InvalidInput, match="credits of 12500.01 NOK"):
        Case(
            claim=no_claim(),
            events=[
                CreditGranted(amount=nok("12500"), on=date(2026, 6, 1), reason="defect"),
                CreditGranted(amount=nok("0.01"), on=date(2026, 6, 2), reason="rounding"),
            ],
        )
    with pytest.raises(InvalidInput, match="more than the claim's principal"):
        Case(
            claim=no_claim(),
            events=[Dispute(amount=nok("12500.01"), raised_on=date(2026, 6, 1), reason="x")],
        )


def test_a_contact_attempt_counts_on_its_local_day() -> None:
    late = ContactAttempt(
        at=dt.datetime(2026, 6, 1, 22, 30, tzinfo=dt.UTC), channel=Channel.PHONE
    )  # 00:30 on 2 June in Oslo
    case = Case(claim=no_claim(), events=[late, PAID])
    assert case.day_of(late) == date(2026, 6, 2)
    assert case.until(date(2026, 6, 1)).events == ()
    assert case.until(date(2026, 6, 2)).events == (late,)
    assert case.after(date(2026, 6, 2)) == (PAID,)


def test_postponements_credits_and_agreements_as_they_stand_on_a_day() -> None:
    moved = DueDatePostponed(new_due_date=date(2026, 6, 1), agreed_on=date(2026, 5, 2))
    agreement = InstalmentAgreement.plan(nok("12500"), count=2, signed_on=date(2026, 5, 10))
    made = AgreementMade(agreement=agreement)
    cancelled = AgreementCancelled(on=date(2026, 6, 20), reason="the debtor asked")
    credit = CreditGranted(amount=nok("500"), on=date(2026, 5, 15), reason="scratched door")
    case = Case(claim=no_claim(), events=[cancelled, credit, made, moved])
    # the day before and the day of each event
    assert case.due_date_on(date(2026, 5, 1)) == date(2026, 5, 4)
    assert case.due_date_on(date(2026, 5, 2)) == date(2026, 6, 1)
    assert case.credited_on(date(2026, 5, 14)) == nok("0")
    assert case.credited_on(date(2026, 5, 15)) == nok("500")
    assert case.agreement_on(date(2026, 5, 9)) is None
    assert case.agreement_on(date(2026, 5, 10)) == made
    assert case.agreement_on(date(2026, 6, 19)) == made
    assert case.agreement_on(date(2026, 6, 20)) is None
    # an agreement made after a cancellation holds again
    again = AgreementMade(
        agreement=InstalmentAgreement.plan(nok("12500"), count=2, signed_on=date(2026, 6, 25))
    )
    assert case.add(again).agreement_on(date(2026, 6, 25)) == again


# -- next_step and plan from the history -------------------------------------------------------


def test_the_issue_case_continues_with_the_betalingsoppfordring() -> None:
    case = issue_case()
    answer = next_step(case, as_of=date(2026, 7, 1))
    assert answer.step is not None
    assert answer.step.kind is StepKind.COLLECTION_DEMAND
    # inkassoloven § 10: after the inkassovarsel's deadline (24 June) has run out -> 25 June
    assert answer.step.earliest_lawful == date(2026, 6, 25)
    assert answer.lawful_today
    # inkassoforskriften § 1-2 tredje ledd: 3/20 of the inkassosats 750 = 112.50, rounded to
    # the whole krone from 2026 (medium) = 113; § 1-3 allows it after two 1/20 letters
    assert answer.step.fee.amount == nok("113")
    # the partial dispute withholds 2 000 kr; the undisputed part is collected (practice)
    assert answer.step.withheld == nok("2000")
    # the policy's day was 25 June, which has passed: planned for as_of
    assert (answer.step.status, answer.step.planned_on) == ("overdue", date(2026, 7, 1))


def test_the_plan_shows_the_steps_taken_then_the_remaining_steps() -> None:
    timeline = plan(issue_case(), as_of=date(2026, 7, 1))
    assert [(s.kind, s.status) for s in timeline.steps] == [
        (StepKind.REMINDER, "taken"),
        (StepKind.COLLECTION_NOTICE, "taken"),
        (StepKind.COLLECTION_DEMAND, "overdue"),
        (StepKind.LEGAL_ACTION, "planned"),
    ]
    taken = timeline.taken
    assert [(s.planned_on, s.fee.amount, s.deadline) for s in taken] == [
        (date(2026, 5, 20), nok("38"), date(2026, 6, 3)),
        (date(2026, 6, 10), nok("38"), date(2026, 6, 24)),
    ]
    assert all(s.governed_by == "recorded" for s in taken)
    # no new purring or inkassovarsel is planned: their fees would break § 1-3
    assert [s.kind for s in timeline.planned] == [
        StepKind.COLLECTION_DEMAND,
        StepKind.LEGAL_ACTION,
    ]
    demand, legal = timeline.planned
    # inkassoloven § 10: at least 14 days to pay: 1 July + 14 = 15 July; § 11: legal steps
    # after that deadline
    assert demand.deadline == date(2026, 7, 15)
    assert legal.earliest_lawful == date(2026, 7, 16)
    # fees due on the demand: the 38 + 38 charged were lawful, and the 3 000 kr paid on 15 June
    # covered them first (costs -> interest -> principal): only the demand's 113 is due
    assert demand.fees == nok("113")
    # the amounts due are the ledger's (balance): 12 500 - (3 000 - 76 - 172.60) = 9 748.60,
    # of which 2 000 is withheld; interest 16 days on 9 748.60 at 12 % = 51.28
    assert demand.principal == nok("7748.60")
    assert demand.withheld == nok("2000")
    assert demand.interest_due == nok("51.28")
    assert [(s.charged, s.fee.amount) for s in taken] == [(nok("38"), nok("38"))] * 2


def test_a_policy_may_start_after_the_steps_the_case_has_taken() -> None:
    policy = CreditorPolicy(steps=(StepKind.COLLECTION_DEMAND, StepKind.LEGAL_ACTION))
    answer = next_step(issue_case(), as_of=date(2026, 7, 1), policy=policy)
    assert answer.step is not None
    assert answer.step.kind is StepKind.COLLECTION_DEMAND
    # without the inkassovarsel in the case, the same policy is refused (inkassoloven § 10)
    with pytest.raises(RuleRefused, match="needs the inkassovarsel first"):
        next_step(Case(claim=no_claim(), events=[PURRING]), as_of=date(2026, 7, 1), policy=policy)


def test_the_day_before_the_varsel_deadline_ran_out() -> None:
    answer = next_step(issue_case(), as_of=date(2026, 6, 24))
    assert answer.step is not None
    assert answer.step.kind is StepKind.COLLECTION_DEMAND
    assert not answer.lawful_today
    assert answer.earliest_on == date(2026, 6, 25)


def test_a_full_reasonable_dispute_stops_the_case() -> None:
    full = Dispute.in_full(no_claim(), raised_on=date(2026, 6, 20), reason="never ordered")
    case = Case(claim=no_claim(), events=[PURRING, VARSEL, full])
    answer = next_step(case, as_of=date(2026, 7, 1))
    assert answer.step is None
    assert "betalingsoppfordring stops for the disputed 12500.00 NOK" in answer.reason
    # resolved: collection resumes the day it is resolved
    resolved = attrs.evolve(full, resolved_on=date(2026, 7, 10))
    case = Case(claim=no_claim(), events=[PURRING, VARSEL, resolved])
    assert next_step(case, as_of=date(2026, 7, 9)).step is None
    resumed = next_step(case, as_of=date(2026, 7, 10))
    assert resumed.step is not None
    assert resumed.step.kind is StepKind.COLLECTION_DEMAND


def test_every_step_taken_leaves_nothing_to_plan() -> None:
    demand = LetterSent(
        kind=StepKind.COLLECTION_DEMAND,
        sent_on=date(2026, 6, 25),
        fee_charged=nok("113"),
        deadline=date(2026, 7, 9),
    )
    filed = LegalActionFiled(on=date(2026, 7, 20), venue="forliksrådet")
    case = Case(claim=no_claim(), events=[PURRING, VARSEL, demand, filed])
    answer = next_step(case, as_of=date(2026, 7, 21))
    assert answer.step is None
    assert answer.reason == "no step left: the case has taken every step of the policy"
    assert [s.kind for s in plan(case, as_of=date(2026, 7, 21)).steps][-1] is (
        StepKind.LEGAL_ACTION
    )


def test_a_postponed_due_date_moves_the_plan() -> None:
    moved = DueDatePostponed(new_due_date=date(2026, 6, 1), agreed_on=date(2026, 5, 2))
    case = Case(claim=no_claim(), events=[moved])
    timeline = plan(case, as_of=date(2026, 5, 3), policy=CreditorPolicy.earliest_lawful())
    # inkassoforskriften § 1-2: a purring fee from 14 days after the (new) due date, 15 June
    assert timeline.planned[0].earliest_lawful == date(2026, 6, 15)
    assert timeline.claim.due_date == date(2026, 6, 1)
    assert any("postponed from 2026-05-04 to 2026-06-01" in n for n in timeline.notes)
    # the day before it was agreed, the plan still counts from 4 May: 18 May
    before = plan(case, as_of=date(2026, 5, 1), policy=CreditorPolicy.earliest_lawful())
    assert before.planned[0].earliest_lawful == date(2026, 5, 18)


def test_credits_lower_the_principal_and_a_full_credit_ends_the_case() -> None:
    credit = CreditGranted(amount=nok("2500"), on=date(2026, 5, 10), reason="price reduction")
    timeline = plan(Case(claim=no_claim(), events=[credit]), as_of=date(2026, 5, 10))
    assert timeline.claim.principal == nok("10000")
    assert timeline.planned[0].principal == nok("10000")
    full = CreditGranted(amount=nok("12500"), on=date(2026, 5, 10), reason="credit note")
    ended = plan(Case(claim=no_claim(), events=[full]), as_of=date(2026, 5, 10))
    assert ended.steps == ()
    assert ended.stopped == "the claim is credited in full: nothing is left to collect"


def test_a_cancelled_agreement_lets_collection_go_on() -> None:
    agreement = InstalmentAgreement.plan(
        nok("12500"),
        count=4,
        signed_on=date(2026, 5, 25),
        first_due=date(2026, 6, 15),
        first_at_signing=False,
    )
    case = Case(
        claim=no_claim(),
        events=[PURRING, AgreementMade(agreement=agreement)],
    )
    holds = plan(case, as_of=date(2026, 6, 1))
    assert holds.agreement_holds
    assert [s.status for s in holds.steps] == ["taken"]
    cancelled = case.add(AgreementCancelled(on=date(2026, 6, 5)))
    goes_on = next_step(cancelled, as_of=date(2026, 6, 5))
    assert goes_on.step is not None
    assert goes_on.step.kind is StepKind.COLLECTION_NOTICE


def test_only_phone_attempts_count_against_the_phone_caps() -> None:
    policy = attrs.evolve(CreditorPolicy.practice("NO"), preferred_channel=Channel.PHONE)
    claim = no_claim(due_date=date(2026, 6, 1))
    # the friendly reminder is due 6 June (5 days after the due date), a Saturday
    sms = ContactAttempt(
        at=dt.datetime(2026, 6, 6, 9, 0, tzinfo=OSLO), channel=Channel.SMS, reached=True
    )
    call = attrs.evolve(sms, channel=Channel.PHONE)
    by_sms = plan(Case(claim=claim, events=[sms]), as_of=date(2026, 6, 6), policy=policy)
    by_phone = plan(Case(claim=claim, events=[call]), as_of=date(2026, 6, 6), policy=policy)
    first_sms, first_phone = by_sms.planned[0], by_phone.planned[0]
    assert first_sms.contact_at is not None
    assert first_phone.contact_at is not None
    assert first_sms.contact_at.date() == date(2026, 6, 6)
    # one call already that day: the daily cap (1 call) is reached; Sunday is closed
    assert first_phone.contact_at.date() == date(2026, 6, 8)


def se_business_claim() -> Claim:
    return Claim(
        principal=sek("40000"),
        due_date=date(2026, 3, 2),  # a Monday
        jurisdiction="SE",
        debtor_kind=DebtorKind.BUSINESS,
    )


def test_a_swedish_business_claim_after_the_krav_goes_to_kronofogden() -> None:
    reminder = LetterSent(
        kind=StepKind.REMINDER,
        sent_on=date(2026, 3, 9),
        fee_charged=sek("0"),
        deadline=date(2026, 3, 19),
        channel=Channel.EMAIL,
    )
    krav = LetterSent(
        kind=StepKind.COLLECTION_DEMAND,
        sent_on=date(2026, 3, 23),
        fee_charged=sek("180"),
        deadline=date(2026, 3, 31),
        channel=Channel.EMAIL,
    )
    case = Case(claim=se_business_claim(), events=[krav, reminder])
    answer = next_step(case, as_of=date(2026, 4, 1))
    assert answer.step is not None
    assert answer.step.kind is StepKind.LEGAL_ACTION
    # 6 § inkassolagen: only after the krav's deadline (31 March) -> 1 April
    assert answer.step.earliest_lawful == date(2026, 4, 1)
    assert answer.lawful_today
    # Kronofogden: application fee 300 kr + the applicant's own work 380 kr (48 § lag 1990:746)
    assert answer.step.fee.amount == sek("680")
    # the day before: waiting for the deadline to run out
    before = next_step(case, as_of=date(2026, 3, 31))
    assert before.step is not None
    assert not before.lawful_today
    assert before.earliest_on == date(2026, 4, 1)


def test_a_swedish_consumer_who_missed_two_instalments() -> None:
    claim = Claim(
        principal=sek("12000"),
        due_date=date(2025, 9, 1),
        jurisdiction="SE",
        debtor_kind=DebtorKind.CONSUMER,
    )
    agreement = InstalmentAgreement.plan(
        sek("12000"),
        count=12,
        signed_on=date(2025, 10, 1),
        first_due=date(2025, 11, 3),
        first_at_signing=False,
    )
    assert [i.amount for i in agreement.instalments] == [sek("1000")] * 12
    paid = [
        Payment(amount=sek("1000"), paid_on=i.due_date) for i in agreement.instalments[:3]
    ]  # November, December, January paid; February and March missed
    notice = date(2026, 4, 10)
    made = AgreementMade(
        agreement=agreement, acceleration_policy=SwedishConsumerCredit(notices_sent_on=(notice,))
    )
    case = Case(claim=claim, events=[made, *paid])
    # 33 § konsumentkreditlagen: on 10 April the February and March instalments (2 000 kr) are
    # each more than a month late: more than 10 % (1 200 kr) of the 12 000 kr credit, and more
    # than 5 % across two instalments. 34 §: four weeks' notice from 10 April: the remainder
    # falls due on 8 May; the day before, the agreement still holds
    assert plan(case, as_of=date(2026, 5, 7)).agreement_holds
    timeline = plan(case, as_of=date(2026, 5, 8))
    assert timeline.acceleration is not None
    # 12 000 - 3 x 1 000 paid = 9 000
    assert timeline.acceleration.amount == sek("9000")
    assert timeline.acceleration.fell_due_on == date(2026, 5, 8)
    assert timeline.planned[0].kind is StepKind.REMINDER
    assert timeline.planned[0].principal == sek("9000")


def test_letters_before_an_acceleration_still_count_towards_the_fee_limits() -> None:
    # The first instalment falls due at signing (25 May) and is not paid: under the contract
    # term the remainder falls due that day. The purring of 20 May was sent before that due
    # date; it still counts towards inkassoforskriften § 1-3, as a letter of 25 May whose
    # deadline (3 June) was 9 days: too short for a second 1/20 fee (the reading that cannot
    # overcharge).
    agreement = InstalmentAgreement.plan(nok("12500"), count=4, signed_on=date(2026, 5, 25))
    case = Case(claim=no_claim(), events=[PURRING, AgreementMade(agreement=agreement)])
    answer = next_step(case, as_of=date(2026, 6, 10))
    assert answer.step is not None
    assert answer.step.kind is StepKind.COLLECTION_NOTICE
    assert answer.step.fee.amount == nok("0")
    assert plan(case, as_of=date(2026, 6, 10)).acceleration is not None


def test_a_payment_after_the_known_rates_leaves_the_principal_unknown() -> None:
    # Interest first, then principal: a payment on 3 August 2026 pays interest accrued at the
    # 2026 H2 referensränta, which the built-in data does not have, so the principal left after
    # it cannot be known either; the days of the steps still can.
    from inkassorules.errors import NotInForce
    from inkassorules.texts import PaymentDetails, render

    claim = Claim(
        principal=sek("10000"),
        due_date=date(2026, 6, 1),
        jurisdiction="SE",
        debtor_kind=DebtorKind.CONSUMER,
    )
    case = Case(claim=claim, events=[Payment(amount=sek("4000"), paid_on=date(2026, 8, 3))])
    answer = next_step(case, as_of=date(2026, 8, 10))
    assert answer.step is not None
    assert answer.step.planned_on == date(2026, 8, 10)
    assert [u.field for u in answer.step.unknown] == ["interest", "principal"]
    assert answer.step.principal is None
    # a payment before the horizon leaves the principal known
    early = Case(claim=claim, events=[Payment(amount=sek("4000"), paid_on=date(2026, 6, 30))])
    step = next_step(early, as_of=date(2026, 8, 10)).step
    assert step is not None
    assert [u.field for u in step.unknown] == ["interest"]
    assert step.principal is not None
    # a letter must state the amount due: it is not written with an unknown one
    pay = PaymentDetails(account="5050-1055", reference="1234567897", creditor="Exempel AB")
    with pytest.raises(NotInForce, match="the interest of the betalningspåminnelse"):
        render(answer.step, case=case, locale="sv", payment=pay)


def test_next_step_says_when_the_claim_becomes_time_barred() -> None:
    # foreldelsesloven §§ 2-3: three years from forfall (2 May 2023 -> barred from 2 May 2026,
    # the library's reading of the first barred day, medium). A letter does not interrupt it.
    old = no_claim(due_date=date(2023, 5, 2))
    varsel = LetterSent(
        kind=StepKind.COLLECTION_NOTICE,
        sent_on=date(2026, 4, 25),
        fee_charged=nok("0"),
        deadline=date(2026, 5, 9),
    )
    case = Case(claim=old, events=[varsel])
    answer = next_step(case, as_of=date(2026, 4, 26))
    assert answer.time_barred_on == date(2026, 5, 2)
    assert answer.step is not None
    # the betalingsoppfordring would come on 10 May, after the bar: the answer says so
    assert answer.step.planned_on == date(2026, 5, 10)
    assert "becomes time-barred on 2026-05-02" in answer.reason
    assert "forliksråd" in answer.reason
    # the day before the bar a step may still be proposed; from the bar on, none
    assert next_step(case, as_of=date(2026, 5, 1)).step is not None
    barred = next_step(case, as_of=date(2026, 5, 2))
    assert barred.step is None
    assert barred.reason.startswith("the claim has been time-barred since 2026-05-02")
    # a payment interrupts it (§ 14): a new three-year period from the payment
    paid = case.add(Payment(amount=nok("100"), paid_on=date(2026, 4, 30)))
    assert next_step(paid, as_of=date(2026, 5, 2)).time_barred_on == date(2029, 4, 30)
