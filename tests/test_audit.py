"""Revisjon / granskning: audits that find each kind of violation, computed by hand in the test.

Norwegian claim: a consumer owes 12 500 kr due Monday 2026-05-04 (the issue's case); the 2026
inkassosats is 750 kr (inkassoforskriften § 1-1), so a purring or inkassovarsel carries at most
1/20 x 750 = 37.50 -> 38 kr (§ 1-2, rounded to whole kroner) and a betalingsoppfordring 3/20 x
750 = 112.50 -> 113 kr. Swedish claim: a consumer owes 5 000 kr due Monday 2026-03-02.
"""

from __future__ import annotations

import datetime as dt
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from inkassorules import (
    AgreementMade,
    Case,
    Channel,
    Claim,
    ContactAttempt,
    DebtorKind,
    Dispute,
    DueDatePostponed,
    InstalmentAgreement,
    InvalidInput,
    LegalActionFiled,
    LetterSent,
    Money,
    Payment,
    StepKind,
)
from inkassorules.compliance import Audit, Finding, Severity, audit
from inkassorules.instalments import SwedishConsumerCredit
from inkassorules.law import Citation

OSLO = ZoneInfo("Europe/Oslo")
AS_OF = date(2026, 7, 1)


def nok(amount: str) -> Money:
    return Money.of(amount, "NOK")


def sek(amount: str) -> Money:
    return Money.of(amount, "SEK")


NO_CLAIM = Claim(
    principal=nok("12500"), due_date=date(2026, 5, 4), jurisdiction="NO",
    debtor_kind=DebtorKind.CONSUMER,
)  # fmt: skip
SE_CLAIM = Claim(
    principal=sek("5000"), due_date=date(2026, 3, 2), jurisdiction="SE",
    debtor_kind=DebtorKind.CONSUMER,
)  # fmt: skip


def letter(
    kind: StepKind, sent: date, fee: Money, deadline: date | None, **extra: object
) -> LetterSent:
    return LetterSent(kind=kind, sent_on=sent, fee_charged=fee, deadline=deadline, **extra)  # type: ignore[arg-type]


def no_case(*events: object) -> Case:
    return Case(claim=NO_CLAIM, events=events)  # type: ignore[arg-type]


def se_case(*events: object) -> Case:
    return Case(claim=SE_CLAIM, events=events)  # type: ignore[arg-type]


def rules(result: Audit, severity: Severity | None = None) -> list[str]:
    return [f.rule for f in result.findings if severity is None or f.severity is severity]


PURRING = letter(StepKind.REMINDER, date(2026, 5, 20), nok("38"), date(2026, 6, 3))
VARSEL = letter(StepKind.COLLECTION_NOTICE, date(2026, 6, 10), nok("38"), date(2026, 6, 24))


# -- the issue's lawful case --------------------------------------------------------------------


def test_the_issues_norwegian_case_is_lawful_up_to_2026_07_01():
    # Purring 2026-05-20 (16 days after forfall, INKF § 1-2: 38 kr, deadline 14 days), varsel
    # 2026-06-10 after the purring's deadline ran out (§ 1-3: the second 1/20 fee; inkassoloven
    # § 9: deadline 2026-06-24, 14 days), 3 000 kr paid, 2 000 kr disputed after the last step.
    case = no_case(
        PURRING,
        VARSEL,
        Payment(amount=nok("3000"), paid_on=date(2026, 6, 15)),
        Dispute(amount=nok("2000"), raised_on=date(2026, 6, 20), reason="defect"),
    )
    result = audit(case, as_of=AS_OF)
    assert result.lawful
    assert result.unlawful == ()
    assert result.excess == nok("0")
    assert result.findings == ()
    assert result.provisional  # the 2026 rounding and the limitation day are medium
    assert result.basis


# -- fees -----------------------------------------------------------------------------------------


def test_a_fee_above_its_cap_has_its_excess():
    # INKF § 1-2 første ledd: at most 38 kr in 2026; 60 kr charged -> 22 kr above the law.
    result = audit(
        no_case(letter(StepKind.REMINDER, date(2026, 5, 20), nok("60"), None)), as_of=AS_OF
    )
    [finding] = result.unlawful
    assert finding.excess == nok("22")
    assert finding.allowed == "at most 38.00 NOK"
    assert result.excess == nok("22")
    assert not result.lawful


@pytest.mark.parametrize(("sent", "excess"), [(date(2026, 5, 17), "38"), (date(2026, 5, 18), "0")])
def test_a_fee_earlier_than_14_days_after_forfall(sent, excess):
    # INKF § 1-2 første ledd: the earliest fee-bearing day is 2026-05-04 + 14 = 2026-05-18.
    result = audit(no_case(letter(StepKind.REMINDER, sent, nok("38"), None)), as_of=AS_OF)
    assert result.excess == nok(excess)
    assert result.lawful is (excess == "0")
    if excess != "0":
        assert "§ 1-2" in result.unlawful[0].rule


def test_a_third_small_fee_is_beyond_the_letter_limits():
    # INKF § 1-3 første ledd: two 1/20 fees at most; the third letter's 38 kr are all excess.
    case = no_case(
        letter(StepKind.REMINDER, date(2026, 5, 18), nok("38"), date(2026, 6, 1)),
        letter(StepKind.REMINDER, date(2026, 6, 2), nok("38"), date(2026, 6, 16)),
        letter(StepKind.COLLECTION_NOTICE, date(2026, 6, 17), nok("38"), date(2026, 7, 1)),
    )
    result = audit(case, as_of=AS_OF)
    [finding] = result.unlawful
    assert finding.event is case.letters[2]
    assert finding.excess == nok("38")
    assert "§ 1-3" in finding.rule


def test_no_fee_while_the_whole_claim_is_reasonably_disputed():
    # inkassoloven § 17 annet ledd: no costs; and no collection step while it stands.
    case = no_case(
        Dispute.in_full(NO_CLAIM, raised_on=date(2026, 5, 10), reason="never ordered"),
        letter(StepKind.REMINDER, date(2026, 5, 20), nok("38"), date(2026, 6, 3)),
    )
    result = audit(case, as_of=AS_OF)
    assert result.excess == nok("38")
    assert len(result.unlawful) == 2  # the fee and the step itself
    assert any("§ 17" in f.rule for f in result.unlawful)


def test_a_partial_dispute_leaves_a_note_for_the_undisputed_part():
    case = no_case(
        Dispute(amount=nok("2000"), raised_on=date(2026, 5, 10), reason="defect"),
        letter(StepKind.REMINDER, date(2026, 5, 20), nok("38"), date(2026, 6, 3)),
    )
    result = audit(case, as_of=AS_OF)
    assert result.lawful
    [note] = result.notes
    assert note.allowed == "collection of the undisputed 10500.00 NOK only"


# -- timing of letters --------------------------------------------------------------------------


@pytest.mark.parametrize(("sent", "found"), [(date(2026, 5, 4), True), (date(2026, 5, 5), False)])
def test_an_inkassovarsel_only_after_forfall(sent, found):
    # inkassoloven § 9 første ledd: "etter kravets forfall" (Monday 2026-05-04, a business day).
    varsel = letter(StepKind.COLLECTION_NOTICE, sent, nok("0"), sent + dt.timedelta(days=14))
    result = audit(no_case(varsel), as_of=AS_OF)
    assert ("inkassoloven § 9 første ledd" in rules(result, Severity.UNLAWFUL)) is found


@pytest.mark.parametrize(
    ("deadline", "found"), [(date(2026, 5, 18), True), (date(2026, 5, 19), False)]
)
def test_an_inkassovarsel_deadline_of_at_least_14_days(deadline, found):
    # inkassoloven § 9 annet ledd: sent 2026-05-05 -> the deadline is 2026-05-19 at the earliest.
    varsel = letter(StepKind.COLLECTION_NOTICE, date(2026, 5, 5), nok("0"), deadline)
    result = audit(no_case(varsel), as_of=AS_OF)
    assert ("inkassoloven § 9 annet ledd" in rules(result)) is found


@pytest.mark.parametrize(("sent", "found"), [(date(2026, 6, 3), True), (date(2026, 6, 4), False)])
def test_a_betalingsoppfordring_only_after_the_varsels_deadline(sent, found):
    # inkassoloven § 10 første ledd: the varsel of 2026-05-20 ran to 2026-06-03.
    varsel = letter(StepKind.COLLECTION_NOTICE, date(2026, 5, 20), nok("0"), date(2026, 6, 3))
    demand = letter(StepKind.COLLECTION_DEMAND, sent, nok("0"), sent + dt.timedelta(days=14))
    result = audit(no_case(varsel, demand), as_of=AS_OF)
    assert ("inkassoloven § 10 første ledd" in rules(result, Severity.UNLAWFUL)) is found


def test_a_betalingsoppfordring_without_an_inkassovarsel():
    demand = letter(StepKind.COLLECTION_DEMAND, date(2026, 6, 4), nok("0"), date(2026, 6, 18))
    [finding] = audit(no_case(demand), as_of=AS_OF).unlawful
    assert "no inkassovarsel before it" in finding.message


def _to_demand() -> tuple[LetterSent, LetterSent]:
    varsel = letter(StepKind.COLLECTION_NOTICE, date(2026, 5, 20), nok("0"), date(2026, 6, 3))
    demand = letter(StepKind.COLLECTION_DEMAND, date(2026, 6, 4), nok("0"), date(2026, 6, 18))
    return varsel, demand


@pytest.mark.parametrize(
    ("filed", "found"),
    [
        (date(2026, 6, 18), True),  # the demand's deadline has not run out (§ 11)
        (date(2026, 6, 19), False),
        (date(2026, 12, 4), False),  # six months after 2026-06-04 (§ 11): the last day
        (date(2026, 12, 5), True),
    ],
)
def test_legal_action_after_the_demands_deadline_and_within_six_months(filed, found):
    action = LegalActionFiled(on=filed, venue="forliksrådet")
    result = audit(no_case(*_to_demand(), action), as_of=date(2027, 1, 1))
    assert ("inkassoloven § 11" in rules(result, Severity.UNLAWFUL)) is found


def test_legal_action_without_a_betalingsoppfordring():
    action = LegalActionFiled(on=date(2026, 6, 19), venue="forliksrådet")
    [finding] = audit(no_case(action), as_of=AS_OF).unlawful
    assert finding.rule == "inkassoloven § 11"


# -- postponement, agreements -------------------------------------------------------------------


@pytest.mark.parametrize(("sent", "found"), [(date(2026, 6, 1), True), (date(2026, 6, 2), False)])
def test_steps_before_a_postponed_due_date(sent, found):
    # "Utsette betalingsdatoen": agreed on 2026-05-10, the claim falls due Monday 2026-06-01.
    moved = DueDatePostponed(new_due_date=date(2026, 6, 1), agreed_on=date(2026, 5, 10))
    result = audit(no_case(moved, letter(StepKind.REMINDER, sent, nok("0"), None)), as_of=AS_OF)
    assert ("utsatt forfall" in rules(result, Severity.UNLAWFUL)) is found


def test_a_fee_before_a_postponed_due_date_is_excess_once():
    moved = DueDatePostponed(new_due_date=date(2026, 6, 1), agreed_on=date(2026, 5, 10))
    result = audit(no_case(moved, PURRING), as_of=AS_OF)
    # The purring of 2026-05-20 is before the new forfall: its 38 kr are excess, counted once.
    assert result.excess == nok("38")
    assert "utsatt forfall" in rules(result, Severity.UNLAWFUL)


def _agreement(policy: object = None) -> AgreementMade:
    plan = InstalmentAgreement.plan(nok("12500"), count=3, signed_on=date(2026, 6, 1))
    if policy is None:
        return AgreementMade(agreement=plan)
    return AgreementMade(agreement=plan, acceleration_policy=policy)  # type: ignore[arg-type]


def test_escalation_while_an_agreement_holds_is_at_risk():
    # Instalments 4 166.66 on 2026-06-01, 4 166.66 on 2026-07-01 and 4 166.68 on 2026-08-01;
    # the first is paid on time, so on 2026-06-15 the agreement holds (accelerate: None).
    first = Payment(amount=nok("4166.66"), paid_on=date(2026, 6, 1))
    varsel = letter(StepKind.COLLECTION_NOTICE, date(2026, 6, 15), nok("0"), date(2026, 6, 29))
    result = audit(no_case(PURRING, _agreement(), first, varsel), as_of=AS_OF)
    assert "avdragsordning / amorteringsplan" in rules(result, Severity.AT_RISK)


def test_escalation_after_the_agreement_failed_is_not_a_finding():
    # Nothing paid: the first instalment (due 2026-06-01) was missed, the remainder fell due.
    varsel = letter(StepKind.COLLECTION_NOTICE, date(2026, 6, 15), nok("0"), date(2026, 6, 29))
    result = audit(no_case(PURRING, _agreement(), varsel), as_of=AS_OF)
    assert "avdragsordning / amorteringsplan" not in rules(result)


def test_swedish_consumer_credit_acceleration_before_its_conditions_is_unlawful():
    # 34 § KKrL: no notice was sent, so the remainder has not fallen due.
    plan = InstalmentAgreement.plan(sek("5000"), count=10, signed_on=date(2026, 3, 20))
    made = AgreementMade(agreement=plan, acceleration_policy=SwedishConsumerCredit())
    krav = letter(StepKind.COLLECTION_DEMAND, date(2026, 5, 4), sek("0"), date(2026, 5, 14))
    result = audit(se_case(made, krav), as_of=AS_OF)
    assert "34 § konsumentkreditlagen" in rules(result, Severity.UNLAWFUL)


# -- contact ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("hour", "minute", "found"), [(20, 59, False), (21, 0, True)])
def test_a_phone_call_outside_the_window(hour, minute, found):
    # Finanstilsynet rundskriv 5/2022 (medium): weekdays 08:00-21:00; Tuesday 2026-05-05.
    call = ContactAttempt(
        at=dt.datetime(2026, 5, 5, hour, minute, tzinfo=OSLO), channel=Channel.PHONE
    )
    result = audit(no_case(call), as_of=AS_OF)
    assert bool(result.at_risk) is found
    assert result.lawful  # guidance, not statute: at risk, not unlawful


def test_phone_caps_per_day_and_week():
    # 1 a day, 5 a week (rundskriv 5/2022): a second call on Tuesday and a sixth call in the
    # week of Monday 2026-05-04 to Saturday 2026-05-09 break the caps.
    calls = [
        ContactAttempt(at=dt.datetime(2026, 5, day, 10, tzinfo=OSLO), channel=Channel.PHONE)
        for day in (4, 5, 6, 7, 8, 9)
    ]
    second = ContactAttempt(at=dt.datetime(2026, 5, 5, 12, tzinfo=OSLO), channel=Channel.PHONE)
    result = audit(no_case(*calls, second), as_of=AS_OF)
    flagged = {f.event for f in result.at_risk}
    assert flagged == {second, calls[4], calls[5]}  # 2nd on 5 May; 5th and 6th of the week
    messages = " ".join(f.message for f in result.at_risk)
    assert "cap of 1 a day" in messages
    assert "cap of 5 a week" in messages


def test_swedish_contact_outside_the_default_policy_is_a_note():
    # No Swedish statute sets hours: the library's default policy is not law (NOTE).
    call = ContactAttempt(
        at=dt.datetime(2026, 3, 7, 10, tzinfo=ZoneInfo("Europe/Stockholm")), channel=Channel.PHONE
    )
    result = audit(se_case(call), as_of=AS_OF)
    [note] = result.notes
    assert note.severity is Severity.NOTE
    assert "Saturdays" in note.message


# -- Sweden ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("deadline", "found"), [(date(2026, 3, 17), True), (date(2026, 3, 18), False)]
)
def test_an_inkassokrav_deadline_of_8_days(deadline, found):
    # 5 § 3 st inkassolagen: sent Tuesday 2026-03-10 -> at least 2026-03-18 (8 days; 4 bank days
    # from receipt on the sending day end 2026-03-16). The statute asks for a "skälig tid"; the
    # 8 days / 4 bank days are the supervisor's guidance (IMY's allmänna råd; medium since
    # Finansinspektionen took over in 2024), so a shorter deadline is at risk, not unlawful.
    krav = letter(StepKind.COLLECTION_DEMAND, date(2026, 3, 10), sek("0"), deadline)
    result = audit(se_case(krav), as_of=AS_OF)
    assert ("5 § 3 st inkassolagen (1974:182)" in rules(result, Severity.AT_RISK)) is found
    assert "5 § 3 st inkassolagen (1974:182)" not in rules(result, Severity.UNLAWFUL)


def test_a_krav_without_a_deadline():
    krav = letter(StepKind.COLLECTION_DEMAND, date(2026, 3, 10), sek("0"), None)
    [finding] = audit(se_case(krav), as_of=AS_OF).unlawful
    assert "gave no deadline" in finding.message


def test_swedish_fees_above_the_caps():
    # 2 § lag 1981:739: no påminnelseavgift unless agreed (60 kr -> all excess); 4 § 2 st p.2:
    # at most 180 kr for the inkassokrav (200 kr -> 20 kr excess).
    case = se_case(
        letter(StepKind.REMINDER, date(2026, 3, 3), sek("60"), date(2026, 3, 13)),
        letter(StepKind.COLLECTION_DEMAND, date(2026, 3, 16), sek("200"), date(2026, 3, 24)),
    )
    result = audit(case, as_of=AS_OF)
    assert [f.excess for f in result.unlawful] == [sek("60"), sek("20")]
    assert result.excess == sek("80")


def test_no_forseningsersattning_for_a_consumer():
    # 4 a § lag 1981:739: the 450 kr are never for a consumer; 180 + 450 charged -> 450 excess.
    krav = letter(StepKind.COLLECTION_DEMAND, date(2026, 3, 16), sek("630"), date(2026, 3, 24))
    result = audit(se_case(krav), as_of=AS_OF)
    assert result.excess == sek("450")


@pytest.mark.parametrize(
    ("filed", "found"), [(date(2026, 3, 24), True), (date(2026, 3, 25), False)]
)
def test_kronofogden_only_after_the_kravs_deadline(filed, found):
    # 6 § inkassolagen: the krav of 2026-03-16 gave until 2026-03-24.
    krav = letter(StepKind.COLLECTION_DEMAND, date(2026, 3, 16), sek("180"), date(2026, 3, 24))
    result = audit(se_case(krav, LegalActionFiled(on=filed, venue="Kronofogden")), as_of=AS_OF)
    assert ("6 § inkassolagen (1974:182)" in rules(result, Severity.UNLAWFUL)) is found


def test_kronofogden_not_for_a_claim_disputed_in_full():
    krav = letter(StepKind.COLLECTION_DEMAND, date(2026, 3, 16), sek("0"), date(2026, 3, 24))
    dispute = Dispute.in_full(SE_CLAIM, raised_on=date(2026, 3, 20), reason="never delivered")
    result = audit(
        se_case(krav, dispute, LegalActionFiled(on=date(2026, 4, 1), venue="Kronofogden")),
        as_of=AS_OF,
    )
    assert "betalningsföreläggande: tvistig fordran" in rules(result, Severity.UNLAWFUL)


# -- limitation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "severity"),
    [
        (date(2029, 5, 3), None),
        (date(2029, 5, 4), Severity.AT_RISK),
        (date(2029, 5, 7), Severity.UNLAWFUL),
    ],
)
def test_collection_after_the_claim_became_time_barred(sent, severity):
    # foreldelsesloven §§ 2-3: 3 years from 2026-05-04; 2029-05-04 itself depends on the day
    # reading (medium), a later day is certain. A creditor's letter does not interrupt.
    result = audit(
        no_case(letter(StepKind.REMINDER, sent, nok("0"), None)), as_of=date(2029, 6, 1)
    )
    found = [f for f in result.findings if f.rule == "foreldelsesloven §§ 2, 3 og 24"]
    assert [f.severity for f in found] == ([] if severity is None else [severity])


def test_a_swedish_krav_after_three_years_on_a_consumer():
    # 2 § andra stycket preskriptionslagen (3 years assumed for a consumer: medium -> at risk);
    # the påminnelse of 2026-03-03 interrupted (5 §): time-barred from 2029-03-03.
    reminder = letter(StepKind.REMINDER, date(2026, 3, 3), sek("0"), date(2026, 3, 13))
    late = letter(StepKind.COLLECTION_DEMAND, date(2029, 3, 5), sek("0"), date(2029, 3, 15))
    result = audit(se_case(reminder, late), as_of=date(2029, 4, 1))
    [finding] = [f for f in result.findings if "preskriptionslagen" in f.rule]
    assert finding.event is late
    assert finding.severity is Severity.AT_RISK
    assert "time-barred from 2029-03-03" in finding.message


# -- the result types -----------------------------------------------------------------------------


def test_records_html_and_explain():
    result = audit(
        no_case(letter(StepKind.REMINDER, date(2026, 5, 20), nok("60"), None)), as_of=AS_OF
    )
    [record] = result.to_records()
    assert record["day"] == date(2026, 5, 20)
    assert record["excess"] == nok("22").amount
    assert record["currency"] == "NOK"
    assert record["severity"] == "unlawful"
    assert record["event"] == "reminder"
    html = result._repr_html_()
    assert "<caption>Audit as of 2026-07-01: not lawful</caption>" in html
    assert "22.00 NOK" in html
    assert result.explain().startswith(
        "Audit of a NO case as of 2026-07-01: not lawful (1 unlawful, 0 at risk, 0 notes); "
        "charged above the law: 22.00 NOK"
    )


def test_a_bare_claim_and_later_events():
    assert audit(NO_CLAIM, as_of=AS_OF).findings == ()
    late = letter(StepKind.REMINDER, date(2026, 7, 2), nok("60"), None)
    assert audit(no_case(late), as_of=AS_OF).findings == ()


def test_arguments_are_checked():
    with pytest.raises(InvalidInput):
        audit(NO_CLAIM, as_of="2026-07-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        audit("claim", as_of=AS_OF)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        audit(NO_CLAIM, as_of=AS_OF, law="book")  # type: ignore[arg-type]


def test_a_finding_checks_its_fields():
    citation = Citation("inkassoloven § 9", "https://lovdata.no/")
    good = {
        "event": None, "day": AS_OF, "rule": "r", "citation": citation,
        "severity": Severity.NOTE, "message": "m", "allowed": "a", "excess": nok("0"),
    }  # fmt: skip
    Finding(**good)  # type: ignore[arg-type]
    for key, bad in [
        ("excess", nok("-1")),
        ("severity", "note"),
        ("rule", " "),
        ("citation", "inkassoloven"),
        ("event", "letter"),
    ]:
        with pytest.raises(InvalidInput):
            Finding(**{**good, key: bad})  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        Audit(
            case=no_case(),
            as_of=AS_OF,
            findings=[Finding(**{**good, "excess": sek("1")})],
            basis=(),
        )  # type: ignore[arg-type]


def test_the_top_level_functions_survive_importing_their_modules():
    # The functions live in modules of other names (compliance, limitations), so importing
    # the modules never rebinds the package's audit and limitation.
    import inkassorules
    import inkassorules.compliance
    import inkassorules.limitations

    assert inkassorules.audit(NO_CLAIM, as_of=AS_OF).lawful
    assert inkassorules.limitation(NO_CLAIM, as_of=AS_OF).time_barred_on == date(2029, 5, 4)
    assert inkassorules.compliance.Severity is Severity


@pytest.mark.parametrize(
    ("claimed", "excess"), [("65.75", None), ("65.76", "0.01"), ("80.00", "14.25")]
)
def test_interest_claimed_above_the_lawful_interest(claimed, excess):
    # forsinkelsesrenteloven § 3: 12.00 % a year from 2026-01-01 (FOR-2025-12-18-2658), 1/365
    # a day; for the 16 days 2026-05-04 to 2026-05-19 on 12 500 kr:
    # 12 500 x 0.12 x 16 / 365 = 65.753... -> 65.75 kr. Interest is not counted on fees
    # (medium reading), so an excess is at risk, not certainly unlawful.
    purring = letter(
        StepKind.REMINDER, date(2026, 5, 20), nok("38"), date(2026, 6, 3),
        interest_charged=nok(claimed),
    )  # fmt: skip
    result = audit(no_case(purring), as_of=AS_OF)
    found = [f for f in result.findings if f.rule == "forsinkelsesrenteloven"]
    if excess is None:
        assert found == []
    else:
        [finding] = found
        assert finding.excess == nok(excess)
        assert finding.severity is Severity.AT_RISK
        assert finding.allowed == "at most 65.75 NOK of interest (the days before 2026-05-20)"
        assert result.excess == nok(excess)  # the fee of 38 kr was lawful


def test_interest_excess_does_not_hide_a_fee_excess():
    purring = letter(
        StepKind.REMINDER, date(2026, 5, 20), nok("60"), date(2026, 6, 3),
        interest_charged=nok("80.00"),
    )  # fmt: skip
    result = audit(no_case(purring), as_of=AS_OF)
    assert result.excess == nok("22") + nok("14.25")


@pytest.mark.parametrize(
    ("sent", "found"), [(date(2026, 6, 22), True), (date(2026, 6, 23), False)]
)
def test_an_inkassovarsel_after_a_weekend_due_date_rolled_onto_monday(sent, found):
    # gjeldsbrevloven § 5: due Saturday 2026-06-20 -> forfall Monday 2026-06-22; inkassoloven
    # § 9: the varsel only after that day.
    claim = Claim(
        principal=nok("12500"), due_date=date(2026, 6, 20), jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
    )  # fmt: skip
    varsel = letter(StepKind.COLLECTION_NOTICE, sent, nok("0"), sent + dt.timedelta(days=14))
    result = audit(Case(claim=claim, events=[varsel]), as_of=date(2026, 8, 1))
    assert ("inkassoloven § 9 første ledd" in rules(result, Severity.UNLAWFUL)) is found


def test_a_day_the_data_does_not_cover_is_a_note_and_the_audit_is_provisional():
    # The Norwegian phone rules start 2022-12-15 (rundskriv 5/2022): the call cannot be checked.
    claim = Claim(
        principal=nok("1000"), due_date=date(2022, 11, 1), jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
    )  # fmt: skip
    call = ContactAttempt(at=dt.datetime(2022, 12, 14, 10, tzinfo=OSLO), channel=Channel.PHONE)
    result = audit(Case(claim=claim, events=[call]), as_of=date(2023, 1, 1))
    [note] = result.notes
    assert note.rule == "not checked (NotInForce)"
    assert result.unchecked
    assert result.provisional
    assert result.lawful


def test_a_fee_on_a_time_barred_claim_is_all_excess():
    # foreldelsesloven § 24: time-barred from 2029-05-04, so the purring of Monday 2029-05-07
    # may charge nothing, though its 38 kr are within the INKF § 1-2 cap.
    late = letter(StepKind.REMINDER, date(2029, 5, 7), nok("38"), None)
    result = audit(no_case(late), as_of=date(2029, 6, 1))
    [finding] = result.unlawful
    assert finding.rule == "foreldelsesloven §§ 2, 3 og 24"
    assert finding.excess == nok("38")
    assert result.excess == nok("38")


def test_a_kkrl_notice_without_a_33_ground_makes_the_step_unlawful():
    # 33 § KKrL: a notice needs the consumer to be more than a month late with more than 10 %
    # (or 5 % over several instalments); a notice on 2026-03-25, days after signing, has none.
    plan = InstalmentAgreement.plan(sek("5000"), count=10, signed_on=date(2026, 3, 20))
    policy = SwedishConsumerCredit(notices_sent_on=(date(2026, 3, 25),))
    made = AgreementMade(agreement=plan, acceleration_policy=policy)
    krav = letter(StepKind.COLLECTION_DEMAND, date(2026, 5, 4), sek("0"), date(2026, 5, 14))
    result = audit(se_case(made, krav), as_of=AS_OF)
    assert "33-34 §§ konsumentkreditlagen" in rules(result, Severity.UNLAWFUL)


def test_an_amorteringsplan_fee_above_170_kr():
    # 3 § p.2 and 4 § 2 st p.3 lag 1981:739: at most 170 kr; 200 kr charged -> 30 kr excess.
    plan = InstalmentAgreement.plan(
        sek("5000"), count=5, signed_on=date(2026, 4, 1), fee=sek("200")
    )
    result = audit(se_case(AgreementMade(agreement=plan)), as_of=date(2026, 4, 2))
    [finding] = result.unlawful
    assert finding.excess == sek("30")
    assert finding.allowed == "at most 170.00 SEK"
    assert finding.message.startswith("the instalment agreement of 2026-04-01 charged 200.00 SEK")
