"""Foreldelse / preskription: golden cases computed by hand, the day before and the day of."""

from __future__ import annotations

import datetime as dt
from datetime import date

import pytest

from inkassorules import (
    AgreementMade,
    Case,
    Claim,
    DebtorKind,
    DueDatePostponed,
    InstalmentAgreement,
    InvalidInput,
    LegalActionFiled,
    LetterSent,
    Money,
    NotInForce,
    Payment,
    StepKind,
)
from inkassorules.limitations import Limitation, limitation


def _no(due: date = date(2026, 5, 4), kind: DebtorKind = DebtorKind.CONSUMER) -> Claim:
    return Claim(
        principal=Money.of("12500", "NOK"), due_date=due, jurisdiction="NO", debtor_kind=kind
    )


def _se(
    due: date = date(2025, 3, 3),
    kind: DebtorKind = DebtorKind.CONSUMER,
    invoice_date: date | None = None,
) -> Claim:
    return Claim(
        principal=Money.of("900", "SEK"),
        due_date=due,
        jurisdiction="SE",
        debtor_kind=kind,
        invoice_date=invoice_date,
    )


def _barred(case: Case | Claim, day: date) -> bool:
    return limitation(case, as_of=day).is_time_barred


# -- Norway -------------------------------------------------------------------------------------


def test_no_three_years_from_the_due_date_day_before_and_day_of():
    # foreldelsesloven § 2 (3 years) and § 3 nr. 1 (from forfall, Mon 2026-05-04); the first
    # time-barred day is the same date three years on (the earlier reading, medium).
    result = limitation(_no(), as_of=date(2026, 7, 1))
    assert result.time_barred_on == date(2029, 5, 4)
    assert result.runs_from == date(2026, 5, 4)
    assert result.set_by is None
    assert result.period == "3 years"
    assert result.provisional  # the day convention is medium confidence
    assert not _barred(_no(), date(2029, 5, 3))
    assert _barred(_no(), date(2029, 5, 4))


def test_no_payment_interrupts_and_starts_a_new_period():
    # foreldelsesloven § 14: a part payment acknowledges the claim; new 3 years from 2026-06-15.
    payment = Payment(amount=Money.of("3000", "NOK"), paid_on=date(2026, 6, 15))
    case = Case(claim=_no(), events=[payment])
    result = limitation(case, as_of=date(2029, 6, 14))
    assert result.time_barred_on == date(2029, 6, 15)
    assert result.set_by is payment
    assert not result.is_time_barred
    assert _barred(case, date(2029, 6, 15))
    assert any("§ 14" in c.rule for c in result.basis)


def test_no_payment_after_as_of_is_not_read():
    payment = Payment(amount=Money.of("3000", "NOK"), paid_on=date(2026, 6, 15))
    case = Case(claim=_no(), events=[payment])
    assert limitation(case, as_of=date(2026, 6, 14)).time_barred_on == date(2029, 5, 4)


def test_no_instalment_agreement_is_a_promise_to_pay():
    # § 14 "løfte om betaling": the agreement signed on 2027-02-01 starts 3 new years.
    agreement = InstalmentAgreement.plan(
        Money.of("12500", "NOK"), count=5, signed_on=date(2027, 2, 1)
    )
    case = Case(claim=_no(), events=[AgreementMade(agreement=agreement)])
    result = limitation(case, as_of=date(2027, 3, 1))
    assert result.time_barred_on == date(2030, 2, 1)


def test_no_legal_step_interrupts_with_a_new_ordinary_period_marked_medium():
    # §§ 15-17: the forliksklage of 2028-11-06 interrupts; § 21 (lasts while pending, 10 years
    # after a judgment) is not known from the case: 3 years from filing, medium.
    step = LegalActionFiled(on=date(2028, 11, 6), venue="forliksrådet")
    case = Case(claim=_no(), events=[step])
    result = limitation(case, as_of=date(2029, 1, 1))
    assert result.time_barred_on == date(2031, 11, 6)
    assert result.set_by is step
    assert any("§ 21" in c.rule and c.confidence == "medium" for c in result.basis)


def test_no_creditor_letter_does_not_interrupt():
    # foreldelsesloven §§ 14-17: only acknowledgement and legal steps interrupt.
    letter = LetterSent(
        kind=StepKind.REMINDER,
        sent_on=date(2028, 5, 2),
        fee_charged=Money.zero("NOK"),
        deadline=date(2028, 5, 16),
    )
    result = limitation(Case(claim=_no(), events=[letter]), as_of=date(2029, 5, 4))
    assert result.time_barred_on == date(2029, 5, 4)
    assert result.is_time_barred
    assert any("letters do not interrupt" in r for r in result.reasons)


def test_no_postponement_before_forfall_moves_the_start():
    # § 3 nr. 1: agreed on 2026-04-20, before the due date, to 2026-06-01 (a Monday).
    moved = DueDatePostponed(new_due_date=date(2026, 6, 1), agreed_on=date(2026, 4, 20))
    result = limitation(Case(claim=_no(), events=[moved]), as_of=date(2026, 7, 1))
    assert result.time_barred_on == date(2029, 6, 1)
    assert result.set_by is None


def test_no_postponement_after_forfall_is_an_acknowledgement_from_the_day_agreed():
    # § 14 (medium reading): from the day agreed, 2026-05-20, not from the new due date.
    moved = DueDatePostponed(new_due_date=date(2026, 6, 15), agreed_on=date(2026, 5, 20))
    result = limitation(Case(claim=_no(), events=[moved]), as_of=date(2026, 7, 1))
    assert result.time_barred_on == date(2029, 5, 20)
    assert result.set_by is moved


def test_an_interruption_after_the_bar_revives_nothing():
    # jusinfo.no: an acknowledgement after the period ran out does not revive the claim.
    late = Payment(amount=Money.of("100", "NOK"), paid_on=date(2029, 5, 10))
    result = limitation(Case(claim=_no(), events=[late]), as_of=date(2029, 6, 1))
    assert result.time_barred_on == date(2029, 5, 4)
    assert result.set_by is None
    assert result.is_time_barred
    assert "later events do not revive it" in result.explain()


def test_a_leap_day_start_gives_28_february():
    assert limitation(_no(date(2024, 2, 29)), as_of=date(2024, 3, 1)).time_barred_on == date(
        2027, 2, 28
    )


def test_no_before_the_table_starts_refuses():
    with pytest.raises(NotInForce):
        limitation(_no(date(2004, 6, 30)), as_of=date(2005, 1, 1))
    assert limitation(_no(date(2004, 7, 1)), as_of=date(2005, 1, 1)).time_barred_on == date(
        2007, 7, 1
    )


# -- Sweden -------------------------------------------------------------------------------------


def test_se_consumer_three_years_from_the_due_date_when_nothing_else_is_known():
    # 2 § andra stycket preskriptionslagen: 3 years on a consumer (assumed: medium); tillkomst
    # taken as the due date 2025-03-03 (no invoice date), the latest it can be.
    result = limitation(_se(), as_of=date(2026, 1, 1))
    assert result.time_barred_on == date(2028, 3, 3)
    assert result.period == "3 years"
    assert result.provisional
    assert not _barred(_se(), date(2028, 3, 2))
    assert _barred(_se(), date(2028, 3, 3))


def test_se_business_debtor_ten_years():
    # 2 § första stycket: 10 years.
    claim = _se(kind=DebtorKind.BUSINESS)
    assert limitation(claim, as_of=date(2026, 1, 1)).time_barred_on == date(2035, 3, 3)
    assert limitation(claim, as_of=date(2026, 1, 1)).period == "10 years"
    assert not _barred(claim, date(2035, 3, 2))
    assert _barred(claim, date(2035, 3, 3))


def test_se_invoice_date_is_the_tillkomst():
    claim = _se(invoice_date=date(2025, 2, 14))
    assert limitation(claim, as_of=date(2026, 1, 1)).time_barred_on == date(2028, 2, 14)


def test_se_written_demand_interrupts_from_the_sending_day():
    # 5 § 2 and 6 §: the inkassokrav of 2025-04-01 starts 3 new years.
    krav = LetterSent(
        kind=StepKind.COLLECTION_DEMAND,
        sent_on=date(2025, 4, 1),
        fee_charged=Money.of("180", "SEK"),
        deadline=date(2025, 4, 11),
    )
    case = Case(claim=_se(), events=[krav])
    assert not _barred(case, date(2028, 3, 31))
    assert _barred(case, date(2028, 4, 1))
    assert limitation(case, as_of=date(2028, 4, 1)).set_by is krav


def test_se_payment_and_legal_action_interrupt():
    # 5 § 1 (payment 2026-02-02), then 5 § 3 (Kronofogden, filed 2028-06-01): 3 years each.
    pay = Payment(amount=Money.of("100", "SEK"), paid_on=date(2026, 2, 2))
    filed = LegalActionFiled(on=date(2028, 6, 1), venue="Kronofogden")
    case = Case(claim=_se(), events=[pay, filed])
    assert limitation(case, as_of=date(2027, 1, 1)).time_barred_on == date(2029, 2, 2)
    result = limitation(case, as_of=date(2028, 6, 1))
    assert result.time_barred_on == date(2031, 6, 1)
    assert result.set_by is filed
    assert not _barred(case, date(2031, 5, 31))
    assert _barred(case, date(2031, 6, 1))


def test_se_before_the_table_starts_refuses():
    with pytest.raises(NotInForce):
        limitation(_se(date(2010, 9, 9)), as_of=date(2011, 1, 1))
    assert limitation(_se(date(2010, 9, 10)), as_of=date(2011, 1, 1)).time_barred_on == date(
        2013, 9, 10
    )


# -- the result type and arguments --------------------------------------------------------------


def test_explain_names_the_rules():
    text = limitation(_no(), as_of=date(2026, 7, 1)).explain()
    assert text.startswith("NO claim not time-barred on 2026-07-01: time-barred from 2029-05-04")
    assert "foreldelsesloven (LOV-1979-05-18-18) § 2" in text


@pytest.mark.parametrize("as_of", ["2026-07-01", dt.datetime(2026, 7, 1, tzinfo=dt.UTC), None])
def test_bad_as_of_is_refused(as_of):
    with pytest.raises(InvalidInput):
        limitation(_no(), as_of=as_of)


def test_bad_case_and_law_are_refused():
    with pytest.raises(InvalidInput):
        limitation("a claim", as_of=date(2026, 7, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        limitation(_no(), as_of=date(2026, 7, 1), law="builtin")  # type: ignore[arg-type]


def test_a_limitation_checks_its_days():
    with pytest.raises(InvalidInput):
        Limitation(
            case=Case(claim=_no()),
            as_of=date(2026, 7, 1),
            time_barred_on=date(2026, 5, 4),
            runs_from=date(2026, 5, 4),
            set_by=None,
            period="3 years",
        )


@pytest.mark.parametrize(
    ("event", "barred_from"),
    [
        # § 14: the agreement signed 2027-02-01 is a promise to pay.
        (
            AgreementMade(
                agreement=InstalmentAgreement.plan(
                    Money.of("12500", "NOK"), count=5, signed_on=date(2027, 2, 1)
                )
            ),
            date(2030, 2, 1),
        ),
        # §§ 15-17: the forliksklage of 2028-11-06 (new ordinary period from filing, medium).
        (LegalActionFiled(on=date(2028, 11, 6), venue="forliksrådet"), date(2031, 11, 6)),
        # § 14 (medium): a postponement agreed on 2026-05-20, after forfall.
        (
            DueDatePostponed(new_due_date=date(2026, 6, 15), agreed_on=date(2026, 5, 20)),
            date(2029, 5, 20),
        ),
    ],
)
def test_no_each_interruption_the_day_before_and_the_day_of(event, barred_from):
    case = Case(claim=_no(), events=[event])
    assert not _barred(case, barred_from - dt.timedelta(days=1))
    assert _barred(case, barred_from)
    assert limitation(case, as_of=barred_from).set_by is event


def test_se_acknowledgements_the_day_before_and_the_day_of():
    # 5 § 1: an instalment agreement (2026-04-01) and an anstånd agreed 2026-06-01 (medium).
    plan = InstalmentAgreement.plan(Money.of("900", "SEK"), count=3, signed_on=date(2026, 4, 1))
    moved = DueDatePostponed(new_due_date=date(2026, 7, 1), agreed_on=date(2026, 6, 1))
    case = Case(claim=_se(), events=[AgreementMade(agreement=plan), moved])
    assert limitation(case, as_of=date(2026, 5, 1)).time_barred_on == date(2029, 4, 1)
    assert not _barred(case, date(2029, 5, 31))
    assert _barred(case, date(2029, 6, 1))
    assert limitation(case, as_of=date(2029, 6, 1)).set_by is moved
