"""Tests of inkassorules.balance: charges() and balance(), with hand-computed golden cases."""

from __future__ import annotations

from datetime import date

import pytest

from inkassorules import (
    Case,
    Claim,
    DebtorKind,
    Dispute,
    LegalActionFiled,
    LetterSent,
    Money,
    Payment,
    StepKind,
)
from inkassorules.balance import Charge, charges
from inkassorules.errors import InvalidInput
from inkassorules.events import AgreementMade, CreditGranted, DueDatePostponed
from inkassorules.fees import FeeCap
from inkassorules.instalments import InstalmentAgreement
from inkassorules.steps import Channel


def nok(amount: str | int) -> Money:
    return Money.of(amount, "NOK")


def sek(amount: str | int) -> Money:
    return Money.of(amount, "SEK")


def no_claim(kind: DebtorKind = DebtorKind.CONSUMER, principal: str = "12500") -> Claim:
    # Due Monday 2026-05-04, a business day (no rolling in either reading).
    return Claim(
        principal=nok(principal), due_date=date(2026, 5, 4), jurisdiction="NO", debtor_kind=kind
    )


def se_claim(kind: DebtorKind = DebtorKind.CONSUMER, principal: str = "10000") -> Claim:
    # Due Monday 2026-03-02, a vardag.
    return Claim(
        principal=sek(principal), due_date=date(2026, 3, 2), jurisdiction="SE", debtor_kind=kind
    )


def purring(sent: date, fee: str, deadline: date | None) -> LetterSent:
    return LetterSent(
        kind=StepKind.REMINDER, sent_on=sent, fee_charged=nok(fee), deadline=deadline
    )


def varsel(sent: date, fee: str, deadline: date | None) -> LetterSent:
    return LetterSent(
        kind=StepKind.COLLECTION_NOTICE, sent_on=sent, fee_charged=nok(fee), deadline=deadline
    )


def oppfordring(sent: date, fee: str, deadline: date | None) -> LetterSent:
    return LetterSent(
        kind=StepKind.COLLECTION_DEMAND, sent_on=sent, fee_charged=nok(fee), deadline=deadline
    )


ISSUE_PURRING = purring(date(2026, 5, 20), "38", date(2026, 6, 3))
ISSUE_VARSEL = varsel(date(2026, 6, 10), "38", date(2026, 6, 24))


# -- charges: Norway ----------------------------------------------------------------------------


def test_issue_case_letters_are_lawful() -> None:
    # INKF § 1-2 første/annet ledd: 1/20 of the inkassosats 750 = 37.50, rounded to 38 (2026).
    # The purring of 05-20 is >= 14 days after the due date 05-04 (05-18); the varsel of 06-10
    # follows a fee-bearing purring whose 14-day deadline (06-03) was missed (INKF § 1-3).
    case = Case(claim=no_claim(), events=[ISSUE_PURRING, ISSUE_VARSEL])
    found = charges(case)
    assert [(c.charged, c.lawful, c.excess) for c in found] == [
        (nok(38), nok(38), nok(0)),
        (nok(38), nok(38), nok(0)),
    ]
    assert [c.day for c in found] == [date(2026, 5, 20), date(2026, 6, 10)]
    assert all(c.checked for c in found)
    assert found[0].provisional  # the 2026 rounding to whole kroner is medium confidence
    assert "inkassosats" in found[0].explain()


def test_fee_above_its_cap_shows_the_excess() -> None:
    # INKF § 1-2 første ledd: at most 38 kr in 2026; 60 charged -> 38 lawful, 22 excess.
    case = Case(claim=no_claim(), events=[purring(date(2026, 5, 20), "60", date(2026, 6, 3))])
    (charge,) = charges(case)
    assert (charge.cap.amount, charge.lawful, charge.excess) == (nok(38), nok(38), nok(22))


@pytest.mark.parametrize(
    ("sent", "lawful"),
    [
        (date(2026, 5, 17), nok(0)),  # 13 days after forfall: no fee (INKF § 1-2 første ledd)
        (date(2026, 5, 18), nok(38)),  # day 14: the fee is lawful
    ],
)
def test_purring_fee_boundary_fourteen_days(sent: date, lawful: Money) -> None:
    case = Case(claim=no_claim(), events=[purring(sent, "38", add14(sent))])
    (charge,) = charges(case)
    assert charge.lawful == lawful
    assert charge.excess == nok(38) - lawful


def add14(day: date) -> date:
    return date.fromordinal(day.toordinal() + 14)


def test_third_small_fee_is_unlawful() -> None:
    # INKF § 1-3: at most two 1/20 fees (two purringer, or a purring and a varsel).
    case = Case(
        claim=no_claim(),
        events=[
            ISSUE_PURRING,
            purring(date(2026, 6, 4), "38", date(2026, 6, 18)),
            varsel(date(2026, 6, 19), "38", date(2026, 7, 3)),
        ],
    )
    assert [c.lawful for c in charges(case)] == [nok(38), nok(38), nok(0)]


@pytest.mark.parametrize(
    ("sent", "lawful"),
    [
        (date(2026, 6, 24), nok(0)),  # the varsel deadline's last day: not yet missed
        (date(2026, 6, 25), nok(113)),  # day after: 3/20 x 750 = 112.50 -> 113 (INKF § 1-2 (3))
    ],
)
def test_demand_fee_after_the_notice_deadline(sent: date, lawful: Money) -> None:
    case = Case(
        claim=no_claim(),
        events=[ISSUE_PURRING, ISSUE_VARSEL, oppfordring(sent, "113", add14(sent))],
    )
    assert charges(case)[-1].lawful == lawful


def test_friendly_reminder_allows_no_fee_and_counts_as_feeless_purring() -> None:
    # A betalingspåminnelse carries no fee; as an earlier letter it is a purring without a fee,
    # so the next purring is the first fee-bearing one (INKF § 1-3 counts fee-bearing letters).
    friendly = LetterSent(
        kind=StepKind.FRIENDLY_REMINDER,
        sent_on=date(2026, 5, 10),
        fee_charged=nok(25),
        deadline=date(2026, 5, 17),
    )
    case = Case(claim=no_claim(), events=[friendly, ISSUE_PURRING])
    found = charges(case)
    assert [(c.lawful, c.excess) for c in found] == [(nok(0), nok(25)), (nok(38), nok(0))]


def test_whole_reasonable_dispute_removes_the_fee_partial_does_not() -> None:
    # inkassoloven § 17 annet ledd: no costs for a claim the debtor reasonably disputes.
    whole = Dispute(amount=nok(12500), raised_on=date(2026, 5, 19), reason="never ordered")
    case = Case(claim=no_claim(), events=[whole, ISSUE_PURRING])
    assert charges(case)[0].lawful == nok(0)
    partial = Dispute(amount=nok(2000), raised_on=date(2026, 5, 19), reason="a defect")
    case = Case(claim=no_claim(), events=[partial, ISSUE_PURRING])
    assert charges(case)[0].lawful == nok(38)
    # A dispute resolved before the letter withholds nothing.
    resolved = Dispute(
        amount=nok(12500),
        raised_on=date(2026, 5, 10),
        reason="never ordered",
        resolved_on=date(2026, 5, 15),
    )
    assert charges(Case(claim=no_claim(), events=[resolved, ISSUE_PURRING]))[0].lawful == nok(38)


def test_postponed_due_date_moves_the_fee_clock() -> None:
    # Agreed on 05-06: new due date 05-11 (Monday). The purring of 05-20 is 9 days after it:
    # no fee (INKF § 1-2 første ledd counts from the due date in force).
    moved = DueDatePostponed(new_due_date=date(2026, 5, 11), agreed_on=date(2026, 5, 6))
    case = Case(claim=no_claim(), events=[moved, ISSUE_PURRING])
    assert charges(case)[0].lawful == nok(0)


def test_business_debtor_standard_compensation_cumulative() -> None:
    # FRL § 3a: 460 kr (2026 H1, figure on the due date) less the lawful fees before it
    # (38 + 38) = 384, larger than the demand's own 113: the demand may charge 384, so the
    # lawful total is 460, the larger of the ordinary fees (189) and the compensation.
    demand = oppfordring(date(2026, 6, 25), "460", date(2026, 7, 9))
    case = Case(claim=no_claim(DebtorKind.BUSINESS), events=[ISSUE_PURRING, ISSUE_VARSEL, demand])
    found = charges(case)
    assert [c.lawful for c in found] == [nok(38), nok(38), nok(384)]
    assert found[-1].excess == nok(76)
    assert "standardkompensasjon" in found[-1].explain()
    # A consumer gets no compensation (FRL § 4 d): only the 113 of the demand.
    consumer = Case(claim=no_claim(), events=[ISSUE_PURRING, ISSUE_VARSEL, demand])
    assert charges(consumer)[-1].lawful == nok(113)


def test_business_compensation_on_the_first_letter() -> None:
    # FRL § 3a is due without a reminder once interest runs: a purring charging 460 is lawful
    # in full for a business debtor (the larger of 38 and 460).
    case = Case(
        claim=no_claim(DebtorKind.BUSINESS),
        events=[purring(date(2026, 5, 20), "500", date(2026, 6, 3))],
    )
    (charge,) = charges(case)
    assert (charge.lawful, charge.excess) == (nok(460), nok(40))


def test_norwegian_court_fee_is_taken_unchecked() -> None:
    action = LegalActionFiled(on=date(2026, 7, 20), venue="forliksrådet", fee_charged=nok(1243))
    (charge,) = charges(Case(claim=no_claim(), events=[action]))
    assert (charge.lawful, charge.excess, charge.checked) == (nok(1243), nok(0), False)
    assert charge.provisional
    assert "outside the library" in charge.reasons[0]


def test_norwegian_agreement_fee_allows_nothing() -> None:
    agreement = InstalmentAgreement.plan(
        nok(12500), signed_on=date(2026, 6, 1), count=2, fee=nok(100)
    )
    (charge,) = charges(Case(claim=no_claim(), events=[AgreementMade(agreement=agreement)]))
    assert (charge.charged, charge.lawful, charge.excess) == (nok(100), nok(0), nok(100))
    assert charge.provisional


def test_bare_claim_has_no_charges() -> None:
    assert charges(no_claim()) == ()


def test_charges_refuses_bad_input() -> None:
    with pytest.raises(InvalidInput, match="Case"):
        charges("a case")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="LawBook"):
        charges(no_claim(), law="builtin")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="letter_delivery_days"):
        charges(no_claim(), letter_delivery_days=-1)


def test_charge_checks_its_own_arithmetic() -> None:
    cap = FeeCap(amount=nok(38))
    with pytest.raises(InvalidInput, match="smaller of charged"):
        Charge(
            event=ISSUE_PURRING,
            day=date(2026, 5, 20),
            charged=nok(60),
            cap=cap,
            lawful=nok(60),
            excess=nok(0),
        )
    with pytest.raises(InvalidInput, match="add up"):
        Charge(
            event=ISSUE_PURRING,
            day=date(2026, 5, 20),
            charged=nok(60),
            cap=cap,
            lawful=nok(38),
            excess=nok(20),
        )


# -- charges: Sweden ----------------------------------------------------------------------------


def krav(sent: date, fee: str, deadline: date | None, channel: Channel) -> LetterSent:
    return LetterSent(
        kind=StepKind.COLLECTION_DEMAND,
        sent_on=sent,
        fee_charged=sek(fee),
        deadline=deadline,
        channel=channel,
    )


@pytest.mark.parametrize(
    ("deadline", "lawful"),
    [
        # Sent Tue 03-03 by e-mail (received the same day): 8 days -> 03-11; 4 bank days after
        # receipt -> 03-09; the later, 03-11, is the earliest lawful last day (5 § inkassolagen).
        (date(2026, 3, 10), sek(0)),  # one day short: the krav does not meet 5 §: no fee
        (date(2026, 3, 11), sek(180)),  # 180 kr (4 § 2 st p.2 lag 1981:739)
    ],
)
def test_swedish_demand_fee_needs_a_lawful_deadline(deadline: date, lawful: Money) -> None:
    case = Case(claim=se_claim(), events=[krav(date(2026, 3, 3), "180", deadline, Channel.EMAIL)])
    (charge,) = charges(case)
    assert charge.lawful == lawful
    assert "meets_inkassolagen_5" in " ".join(charge.reasons)


def test_swedish_letter_deadline_counts_delivery_days() -> None:
    # Sent Tue 03-03 by letter with deadline 03-11 (8 days). With 2 delivery days: received
    # Thu 03-05; 4 bank days -> 03-06, 03-09, 03-10, 03-11: meets 5 §. With 5: received Sun
    # 03-08 -> 03-12: too short. Without delivery days the 4 bank days are counted from
    # sending (03-09), flagged provisional.
    case = Case(
        claim=se_claim(),
        events=[krav(date(2026, 3, 3), "180", date(2026, 3, 11), Channel.LETTER)],
    )
    (plain,) = charges(case)
    assert plain.lawful == sek(180)
    assert plain.provisional
    assert charges(case, letter_delivery_days=2)[0].lawful == sek(180)
    assert charges(case, letter_delivery_days=5)[0].lawful == sek(0)


def test_swedish_reminder_fee_only_if_agreed() -> None:
    # 2 § lag 1981:739: a påminnelseavgift only if agreed when the debt arose; the claim does
    # not say so (Claim.reminder_fee_agreed defaults to False): no fee.
    reminder = LetterSent(
        kind=StepKind.REMINDER,
        sent_on=date(2026, 3, 10),
        fee_charged=sek(60),
        deadline=date(2026, 3, 20),
    )
    (charge,) = charges(Case(claim=se_claim(), events=[reminder]))
    assert (charge.lawful, charge.excess) == (sek(0), sek(60))


def test_swedish_practice_letters_allow_nothing() -> None:
    warning = LetterSent(
        kind=StepKind.COLLECTION_WARNING,
        sent_on=date(2026, 3, 10),
        fee_charged=sek(50),
        deadline=None,
    )
    (charge,) = charges(Case(claim=se_claim(), events=[warning]))
    assert (charge.lawful, charge.excess) == (sek(0), sek(50))


def test_swedish_business_case_with_kronofogden() -> None:
    # Business debtor: the krav fee 180 is replaced by the 450 kr förseningsersättning up to its
    # amount (4 a § and 5 § lag 1981:739): a krav charging 450 is lawful in full. Kronofogden's
    # fees come on top: ansökningsavgift 300 + own work 380 = 680 (48 § lag 1990:746).
    events = [
        krav(date(2026, 3, 3), "450", date(2026, 3, 11), Channel.EMAIL),
        LegalActionFiled(on=date(2026, 3, 16), venue="Kronofogden", fee_charged=sek(700)),
    ]
    found = charges(Case(claim=se_claim(DebtorKind.BUSINESS), events=events))
    assert [(c.lawful, c.excess) for c in found] == [(sek(450), sek(0)), (sek(680), sek(20))]
    assert "förseningsersättning" in found[0].explain()


def test_swedish_instalment_plan_fee() -> None:
    # 3 § p.2, 4 § 2 st p.3 lag 1981:739: 170 kr for a complete written plan of the whole debt.
    agreement = InstalmentAgreement.plan(
        sek(10000), signed_on=date(2026, 3, 20), count=4, fee=sek(200)
    )
    (charge,) = charges(Case(claim=se_claim(), events=[AgreementMade(agreement=agreement)]))
    assert (charge.lawful, charge.excess) == (sek(170), sek(30))
    # A plan for less than the principal still owed is not complete: no fee.
    part = InstalmentAgreement.plan(sek(4000), signed_on=date(2026, 3, 20), count=4, fee=sek(170))
    (charge,) = charges(Case(claim=se_claim(), events=[AgreementMade(agreement=part)]))
    assert charge.lawful == sek(0)


def test_swedish_demand_after_full_payment_has_no_fee() -> None:
    # IMY: no krav fee when the debt was paid before the krav was sent.
    events = [
        Payment(amount=sek(10000), paid_on=date(2026, 3, 1)),
        krav(date(2026, 3, 3), "180", date(2026, 3, 11), Channel.EMAIL),
    ]
    assert charges(Case(claim=se_claim(), events=events))[0].lawful == sek(0)


def test_credit_counts_towards_full_payment() -> None:
    events = [
        CreditGranted(amount=sek(4000), on=date(2026, 3, 1), reason="defect"),
        Payment(amount=sek(6000), paid_on=date(2026, 3, 1)),
        krav(date(2026, 3, 3), "180", date(2026, 3, 11), Channel.EMAIL),
    ]
    assert charges(Case(claim=se_claim(), events=events))[0].lawful == sek(0)
