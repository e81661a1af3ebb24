"""Tests of inkassorules.ledger: charges() and balance(), with hand-computed golden cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest

import inkassorules
from inkassorules import (
    Case,
    Claim,
    ClaimKind,
    CreditorKind,
    DebtorKind,
    Dispute,
    LegalActionFiled,
    LetterSent,
    Money,
    Payment,
    StepKind,
)
from inkassorules.errors import InvalidInput
from inkassorules.events import AgreementMade, CreditGranted, DueDatePostponed
from inkassorules.fees import FeeCap
from inkassorules.instalments import InstalmentAgreement
from inkassorules.ledger import Balance, Charge, balance, charges
from inkassorules.no.interest import late_interest_on_balance
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


def se_b2b() -> Claim:
    # 4 a § lag 1981:739 covers a business's claim for goods or services on a business: the
    # claim must say so (Claim.creditor_kind, Claim.claim_kind) for the 450 kr to arise.
    return attrs.evolve(
        se_claim(DebtorKind.BUSINESS),
        creditor_kind=CreditorKind.BUSINESS,
        claim_kind=ClaimKind.GOODS_OR_SERVICES,
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


def test_business_compensation_unknown_figure_is_said() -> None:
    # 2017 H2 standardkompensasjon is NOT FOUND in the data (norway.md § 6): the ordinary fee
    # alone counts (1/20 of the 2017 inkassosats), and the charge says why, provisional.
    claim = Claim(
        principal=nok(5000),
        due_date=date(2017, 8, 1),
        jurisdiction="NO",
        debtor_kind=DebtorKind.BUSINESS,
    )
    letter = purring(date(2017, 8, 16), "500", date(2017, 8, 30))
    (charge,) = charges(Case(claim=claim, events=[letter]))
    ordinary = charges(
        Case(claim=attrs.evolve(claim, debtor_kind=DebtorKind.CONSUMER), events=[letter])
    )[0]
    assert charge.lawful == ordinary.lawful
    assert charge.lawful.is_positive
    assert any("no standardkompensasjon counted" in r for r in charge.reasons)
    assert charge.provisional


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
    found = charges(Case(claim=se_b2b(), events=events))
    assert [(c.lawful, c.excess) for c in found] == [(sek(450), sek(0)), (sek(680), sek(20))]
    assert "förseningsersättning" in found[0].explain()
    # without the facts of 4 a § (who the creditor is, what the claim is for) no 450 kr arise:
    # only the krav's 180 kr is lawful
    unknown = charges(Case(claim=se_claim(DebtorKind.BUSINESS), events=events))
    assert [(c.lawful, c.excess) for c in unknown] == [(sek(180), sek(270)), (sek(680), sek(20))]


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


# -- balance ------------------------------------------------------------------------------------

# The built-in Norwegian late-interest rate for 2026 H1 is 12.00 % (FOR-2025-12-18-2658,
# data/no/interest/late_interest_rate.toml); the day count is actual/actual-isda (1/365 per day
# in 2026, data/no/interest/day_count.toml). Interest is rounded once, to øre, ROUND_HALF_UP.

ISSUE_PAYMENT = Payment(amount=nok(3000), paid_on=date(2026, 6, 15))
ISSUE_DISPUTE = Dispute(amount=nok(2000), raised_on=date(2026, 6, 20), reason="a defect")


def issue_case(payment: Payment = ISSUE_PAYMENT) -> Case:
    return Case(claim=no_claim(), events=[ISSUE_PURRING, ISSUE_VARSEL, payment, ISSUE_DISPUTE])


def test_issue_case_balance_split() -> None:
    owed = balance(issue_case(), on=date(2026, 7, 1))
    # Interest from Mon 2026-05-04 (FRL § 2; a business day, not rolled). To the payment on
    # 06-15: 42 days, 12500 x 12 % x 42/365 = 172.602740 -> 172.60 accrued.
    # The 3000 pays costs first (38 + 38 = 76, both lawful, INKF § 1-2), then interest 172.60,
    # then principal 3000 - 76 - 172.60 = 2751.40 (practice order, Lovavdelingen 19.08.1999).
    (allocation,) = owed.allocations
    assert (allocation.costs, allocation.interest, allocation.principal) == (
        nok(76),
        nok("172.60"),
        nok("2751.40"),
    )
    assert allocation.overpayment == nok(0)
    # Principal 12500 - 2751.40 = 9748.60. Interest 06-15..06-30 (16 days) on 9748.60:
    # 9748.60 x 12 % x 16/365 = 51.280307; total exact 223.883047 -> 223.88, less 172.60 paid
    # = 51.28. Fees 76 - 76 = 0. Total 9748.60 + 51.28 + 0 = 9799.88.
    assert owed.principal == nok("9748.60")
    assert owed.interest_accrued == nok("223.88")
    assert owed.interest == nok("51.28")
    assert owed.fees == nok(0)
    assert owed.total == nok("9799.88")
    # The reasonable dispute of 2000 stands on 07-01: withheld from out-of-court collection.
    assert owed.withheld == nok(2000)
    assert owed.overpaid == nok(0)
    assert owed.interest_start.start == date(2026, 5, 4)
    assert [c.lawful for c in owed.charges] == [nok(38), nok(38)]
    assert owed.provisional  # practice allocation order and the 2026 fee rounding are medium


def test_interest_equals_late_interest_on_balance() -> None:
    # The same principal reductions through the interest module give the same interest.
    owed = balance(issue_case(), on=date(2026, 7, 1))
    direct = late_interest_on_balance(
        nok(12500),
        [Payment(amount=nok("2751.40"), paid_on=date(2026, 6, 15))],
        due_date=date(2026, 5, 4),
        until=date(2026, 7, 1),
        payments_reduce="principal",
    )
    assert owed.interest_accrued == direct.interest
    assert owed.principal == direct.principal_outstanding


def test_balance_before_the_payment_and_on_the_due_date() -> None:
    # On the due date nothing has accrued; the day after, one day: 12500 x 12 %/365 = 4.109589.
    assert balance(issue_case(), on=date(2026, 5, 4)).total == nok(12500)
    assert balance(issue_case(), on=date(2026, 5, 5)).interest == nok("4.11")
    # On 06-14 (the day before the payment): 41 days = 168.493151 -> 168.49, plus fees 76.
    before = balance(issue_case(), on=date(2026, 6, 14))
    assert (before.interest, before.fees, before.allocations) == (nok("168.49"), nok(76), ())
    assert before.withheld == nok(0)  # the dispute is raised on 06-20
    assert before.total == nok("12744.49")


def test_fee_above_cap_only_lawful_part_is_owed() -> None:
    # A purring charging 60: only 38 is owed (INKF § 1-2); 22 excess is never owed.
    case = Case(claim=no_claim(), events=[purring(date(2026, 5, 20), "60", date(2026, 6, 3))])
    owed = balance(case, on=date(2026, 5, 21))
    assert owed.fees == nok(38)
    assert owed.excess == nok(22)
    # 17 days of interest: 12500 x 12 % x 17/365 = 69.863014 -> 69.86.
    assert owed.total == nok(12500) + nok("69.86") + nok(38)


def test_designation_to_principal_comes_first() -> None:
    # The debtor's own designation comes first (Krüger, Pengekrav s. 221).
    owed = balance(
        issue_case(Payment(amount=nok(3000), paid_on=date(2026, 6, 15), designation="principal")),
        on=date(2026, 7, 1),
    )
    (allocation,) = owed.allocations
    assert (allocation.costs, allocation.interest, allocation.principal) == (
        nok(0),
        nok(0),
        nok(3000),
    )
    # Interest: 172.602740 to 06-15, then 9500 x 12 % x 16/365 = 49.972603: 222.575343 ->
    # 222.58, none paid. Fees 76 unpaid. Total 9500 + 222.58 + 76 = 9798.58.
    assert (owed.principal, owed.interest, owed.fees) == (nok(9500), nok("222.58"), nok(76))
    assert owed.total == nok("9798.58")


def test_other_designation_text_keeps_the_default_order() -> None:
    plain = balance(issue_case(), on=date(2026, 7, 1))
    noted = balance(
        issue_case(Payment(amount=nok(3000), paid_on=date(2026, 6, 15), designation="faktura 7")),
        on=date(2026, 7, 1),
    )
    assert noted.allocations[0].costs == plain.allocations[0].costs == nok(76)
    assert noted.total == plain.total
    assert noted.to_records()[0]["designation"] == "faktura 7"


def test_overpayment_is_never_lost() -> None:
    # 1000 due 05-04; 1100 paid on 05-14: 10 days, 1000 x 12 % x 10/365 = 3.287671 -> 3.29.
    # Interest 3.29, principal 1000, overpaid 1100 - 1003.29 = 96.71; nothing more accrues.
    case = Case(
        claim=no_claim(principal="1000"),
        events=[Payment(amount=nok(1100), paid_on=date(2026, 5, 14))],
    )
    for day in (date(2026, 5, 14), date(2026, 8, 1)):
        owed = balance(case, on=day)
        assert (owed.principal, owed.interest, owed.fees, owed.total) == (
            nok(0),
            nok(0),
            nok(0),
            nok(0),
        )
        assert owed.overpaid == nok("96.71")


def test_credit_lowers_the_principal_from_its_day() -> None:
    # Credit of 2500 on 05-14: 10 days on 12500 (41.095890) + 10 days on 10000 (32.876712)
    # = 73.972603 -> 73.97 on 05-24. Principal 10000.
    credit = CreditGranted(amount=nok(2500), on=date(2026, 5, 14), reason="defect")
    owed = balance(Case(claim=no_claim(), events=[credit]), on=date(2026, 5, 24))
    assert (owed.principal, owed.interest, owed.credited) == (nok(10000), nok("73.97"), nok(2500))
    assert owed.total == nok("10073.97")


def test_credit_after_full_payment_is_owed_back() -> None:
    # Paid in full on the due date (no interest day), then a credit of 200: nothing is owed and
    # the 200 is shown as credit beyond the principal owed.
    events = [
        Payment(amount=nok(1000), paid_on=date(2026, 5, 4)),
        CreditGranted(amount=nok(200), on=date(2026, 5, 10), reason="price reduction"),
    ]
    owed = balance(Case(claim=no_claim(principal="1000"), events=events), on=date(2026, 6, 1))
    assert (owed.total, owed.credited, owed.credit_unapplied) == (nok(0), nok(0), nok(200))


def test_postponement_before_default_moves_the_interest_start() -> None:
    # Agreed 05-01 (before interest started on 05-04): new due date Mon 05-18. On 05-28: 10
    # days, 12500 x 12 % x 10/365 = 41.095890 -> 41.10.
    moved = DueDatePostponed(new_due_date=date(2026, 5, 18), agreed_on=date(2026, 5, 1))
    owed = balance(Case(claim=no_claim(), events=[moved]), on=date(2026, 5, 28))
    assert owed.interest == nok("41.10")


def test_postponement_after_default_keeps_accrued_interest_and_pauses() -> None:
    # Agreed 05-14 (interest running since 05-04): 10 days accrued stay (41.095890); no
    # interest 05-14..05-26; from the new due date Wed 05-27 to 06-06, 10 more days: 82.191781
    # -> 82.19 (the reading that cannot overcharge, medium).
    moved = DueDatePostponed(new_due_date=date(2026, 5, 27), agreed_on=date(2026, 5, 14))
    owed = balance(Case(claim=no_claim(), events=[moved]), on=date(2026, 6, 6))
    assert owed.interest == nok("82.19")
    assert len(owed.interest_parts) == 2
    assert owed.provisional
    # A new due date on Whit Monday 2026-05-25 (2. pinsedag) rolls to Tue 05-26 (gjeldsbrevloven
    # § 5): 9 days after it, 36.986301 + 41.095890 = 78.082191 -> 78.08.
    holiday = DueDatePostponed(new_due_date=date(2026, 5, 25), agreed_on=date(2026, 5, 14))
    assert balance(Case(claim=no_claim(), events=[holiday]), on=date(2026, 6, 4)).interest == nok(
        "78.08"
    )


def test_postponement_never_brings_interest_forward() -> None:
    # A "postponement" to an earlier day before the due date does not start interest earlier;
    # a second agreement during a pause does not reopen the paused days.
    earlier = DueDatePostponed(new_due_date=date(2026, 4, 27), agreed_on=date(2026, 4, 20))
    owed = balance(Case(claim=no_claim(), events=[earlier]), on=date(2026, 5, 14))
    assert owed.interest == nok("41.10")  # 10 days from 05-04, as without it
    pause = DueDatePostponed(new_due_date=date(2026, 6, 1), agreed_on=date(2026, 5, 14))
    back = DueDatePostponed(new_due_date=date(2026, 5, 15), agreed_on=date(2026, 5, 20))
    owed = balance(Case(claim=no_claim(), events=[pause, back]), on=date(2026, 5, 30))
    # 05-04..05-13 (10 days, 41.095890) and 05-20..05-29 (10 days): 82.191781 -> 82.19.
    assert owed.interest == nok("82.19")


def test_a_second_postponement_does_not_reach_back_before_its_own_day() -> None:
    # Agreed on the due day 05-04: due 05-18 (no interest yet). Agreed 05-12: due 05-06, a day
    # already past, when the due date in force was 05-18. Interest runs from 05-12 at the
    # earliest (the days before were not overdue; the reading that cannot overcharge): on 05-22,
    # 10 days, 12500 x 12 % x 10/365 = 41.095890 -> 41.10 (not 16 days from 05-06, 65.75).
    first = DueDatePostponed(new_due_date=date(2026, 5, 18), agreed_on=date(2026, 5, 4))
    back = DueDatePostponed(new_due_date=date(2026, 5, 6), agreed_on=date(2026, 5, 12))
    owed = balance(Case(claim=no_claim(), events=[first, back]), on=date(2026, 5, 22))
    assert owed.interest == nok("41.10")
    # The day before the agreement still counts nothing; agreed on 05-18 instead: 4 days
    # (05-18..05-21), 12500 x 12 % x 4/365 = 16.438356 -> 16.44.
    later = DueDatePostponed(new_due_date=date(2026, 5, 6), agreed_on=date(2026, 5, 18))
    owed = balance(Case(claim=no_claim(), events=[first, later]), on=date(2026, 5, 22))
    assert owed.interest == nok("16.44")


def test_same_day_fee_is_not_covered_by_that_days_payment() -> None:
    # A purring of 05-20 and a payment of 100 the same day: the payment covers interest
    # (16 days: 65.753425 -> 65.75) and principal 34.25; the 38 fee stays owed.
    events = [
        purring(date(2026, 5, 20), "38", date(2026, 6, 3)),
        Payment(amount=nok(100), paid_on=date(2026, 5, 20)),
    ]
    owed = balance(Case(claim=no_claim(), events=events), on=date(2026, 5, 20))
    (allocation,) = owed.allocations
    assert (allocation.costs, allocation.interest, allocation.principal) == (
        nok(0),
        nok("65.75"),
        nok("34.25"),
    )
    assert owed.fees == nok(38)


def test_events_after_the_day_do_not_count() -> None:
    owed = balance(issue_case(), on=date(2026, 5, 19))
    assert owed.charges == ()
    assert owed.case.events == ()


@pytest.mark.parametrize(
    ("on", "interest", "provisional_rate"),
    [
        # Days 05-04..06-30: 58 days at 12.00 % (2026 H1): 12500 x 12 % x 58/365 = 238.356164.
        (date(2026, 7, 1), nok("238.36"), False),
        # One more day, 07-01, at the 2026 H2 rate 12.25 % (medium confidence in the data):
        # 12500 x 12.25 %/365 = 4.195205; 242.551370 -> 242.55.
        (date(2026, 7, 2), nok("242.55"), True),
    ],
)
def test_interest_across_the_half_year_boundary(
    on: date, interest: Money, provisional_rate: bool
) -> None:
    owed = balance(no_claim(), on=on)
    assert owed.interest == interest
    medium = [c for c in owed.basis if c.confidence == "medium" and c.valid_from is not None]
    assert bool(medium) is provisional_rate


def test_bare_claim() -> None:
    # 15 days on 12500: 61.643836 -> 61.64.
    owed = balance(no_claim(), on=date(2026, 5, 19))
    assert (owed.principal, owed.interest, owed.fees, owed.total) == (
        nok(12500),
        nok("61.64"),
        nok(0),
        nok("12561.64"),
    )
    assert isinstance(owed, Balance)


def test_swedish_business_case() -> None:
    # SE business debtor, 10000 kr due Mon 2026-03-02. Inkassokrav by e-mail on 03-03 with a
    # lawful deadline (03-11) charging 450: the förseningsersättning (4 a § lag 1981:739)
    # replaces the 180 krav fee, so 450 is lawful. Kronofogden on 03-16 charging 680:
    # ansökningsavgift 300 + own work 380 (48 § lag 1990:746). Dröjsmålsränta: referensränta
    # 2.00 % + 8 = 10.00 % (9 § räntelagen, 2026 H1), actual/365: 03-02..03-31 = 30 days,
    # 10000 x 10 % x 30/365 = 82.191781 -> 82.19. Total 10000 + 82.19 + 1130 = 11212.19.
    events = [
        krav(date(2026, 3, 3), "450", date(2026, 3, 11), Channel.EMAIL),
        LegalActionFiled(on=date(2026, 3, 16), venue="Kronofogden", fee_charged=sek(680)),
    ]
    owed = balance(Case(claim=se_b2b(), events=events), on=date(2026, 4, 1))
    assert (owed.principal, owed.interest, owed.fees) == (sek(10000), sek("82.19"), sek(1130))
    assert owed.total == sek("11212.19")


def test_swedish_payment_allocation() -> None:
    # Consumer, 10000 due 03-02, krav 180 on 03-03; 2000 paid on 04-01: costs 180, interest
    # 30 days (82.191781 -> 82.19), principal 1737.81 -> 8262.19 owed.
    events = [
        krav(date(2026, 3, 3), "180", date(2026, 3, 11), Channel.EMAIL),
        Payment(amount=sek(2000), paid_on=date(2026, 4, 1)),
    ]
    owed = balance(Case(claim=se_claim(), events=events), on=date(2026, 4, 1))
    (allocation,) = owed.allocations
    assert (allocation.costs, allocation.interest, allocation.principal) == (
        sek(180),
        sek("82.19"),
        sek("1737.81"),
    )
    assert owed.total == sek("8262.19")


def test_withheld_is_the_standing_reasonable_dispute_at_most_the_principal() -> None:
    resolved = Dispute(
        amount=nok(2000), raised_on=date(2026, 6, 20), reason="x", resolved_on=date(2026, 6, 25)
    )
    case = Case(claim=no_claim(), events=[ISSUE_PURRING, ISSUE_VARSEL, ISSUE_PAYMENT, resolved])
    assert balance(case, on=date(2026, 6, 24)).withheld == nok(2000)
    assert balance(case, on=date(2026, 6, 25)).withheld == nok(0)
    unfounded = Dispute(
        amount=nok(2000), raised_on=date(2026, 6, 20), reason="x", reasonable=False
    )
    case = Case(claim=no_claim(), events=[unfounded])
    assert balance(case, on=date(2026, 7, 1)).withheld == nok(0)
    whole = Dispute(amount=nok(1000), raised_on=date(2026, 5, 4), reason="x")
    paid = Payment(amount=nok(600), paid_on=date(2026, 5, 4), designation="principal")
    case = Case(claim=no_claim(principal="1000"), events=[whole, paid])
    assert balance(case, on=date(2026, 5, 5)).withheld == nok(400)


def test_records_html_and_explain() -> None:
    owed = balance(issue_case(), on=date(2026, 7, 1))
    (row,) = owed.to_records()
    assert row["paid_on"] == date(2026, 6, 15)
    assert row["principal"] == Decimal("2751.40")
    assert row["currency"] == "NOK"
    html = owed._repr_html_()
    assert '<td class="num">2751.40</td>' in html
    text = owed.explain()
    assert "9799.88 NOK" in text
    assert "Dekningsrekkefølge" in text


def test_balance_is_callable_from_the_package_and_the_module() -> None:
    import inkassorules.ledger as module

    assert inkassorules.balance(issue_case(), on=date(2026, 7, 1)).total == nok("9799.88")
    assert module.balance(issue_case(), on=date(2026, 7, 1)).total == nok("9799.88")
    from inkassorules import balance as top

    assert top(issue_case(), on=date(2026, 7, 1)).total == nok("9799.88")


def test_balance_refuses_bad_input() -> None:
    with pytest.raises(InvalidInput, match="on"):
        balance(issue_case(), on="2026-07-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="Case"):
        balance(42, on=date(2026, 7, 1))  # type: ignore[arg-type]
    owed = balance(issue_case(), on=date(2026, 7, 1))
    with pytest.raises(InvalidInput, match="not conserved"):
        Balance(
            case=owed.case,
            on=owed.on,
            principal=owed.principal,
            interest=owed.interest,
            fees=owed.fees,
            withheld=owed.withheld,
            overpaid=nok(1),
            allocations=owed.allocations,
            charges=owed.charges,
            interest_start=owed.interest_start,
            basis=owed.basis,
            payments=owed.payments,
            interest_accrued=owed.interest_accrued,
            credited=owed.credited,
            credit_unapplied=owed.credit_unapplied,
        )


def test_letters_before_a_weekend_forfall_do_not_break_the_ledger() -> None:
    # Found by tests/properties/test_balance_properties.py (CI, 2026-12): the due date
    # 2026-01-10 is a Saturday, so the forfall is Monday 2026-01-12 (gjeldsbrevloven § 5).
    # Letters sent on the Saturday and the Sunday come before forfall: they earn no fee and do
    # not count as earlier letters for inkassoforskriften § 1-3, and nothing raises.
    from inkassorules import Case, Claim, DebtorKind, LetterSent, Money, StepKind, audit, next_step
    from inkassorules.ledger import balance as ledger_balance
    from inkassorules.ledger import charges as ledger_charges

    claim = Claim(
        principal=Money.of("100.00", "NOK"),
        due_date=date(2026, 1, 10),
        jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
    )
    case = Case(
        claim=claim,
        events=(
            LetterSent(
                kind=StepKind.FRIENDLY_REMINDER,
                sent_on=date(2026, 1, 10),
                fee_charged=Money.of("0.00", "NOK"),
                deadline=None,
            ),
            LetterSent(
                kind=StepKind.REMINDER,
                sent_on=date(2026, 1, 11),
                fee_charged=Money.of("35.00", "NOK"),
                deadline=None,
            ),
        ),
    )
    found = ledger_charges(case)
    assert [c.lawful for c in found] == [Money.zero("NOK")] * len(found)
    assert found[-1].excess == Money.of("35.00", "NOK")
    ledger_balance(case, on=date(2026, 1, 11))
    assert audit(case, as_of=date(2026, 1, 20)).findings
    next_step(case, as_of=date(2026, 1, 20))
