"""Boundary tests written to kill mutants of inkassorules.events (the events of a case).

Each test pins one rule of an event's checks (the exact error type and the argument the message
names), a boundary (a deadline on the day the letter was sent is allowed, the day before is not),
the defaults, and what :func:`event_day` and :func:`event_money` give for every kind of event.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from inkassorules.claims import Payment
from inkassorules.disputes import Dispute
from inkassorules.errors import CurrencyMismatch, InvalidInput, NaiveDatetime
from inkassorules.events import (
    EVENT_TYPES,
    AgreementCancelled,
    AgreementMade,
    ContactAttempt,
    CreditGranted,
    DueDatePostponed,
    LegalActionFiled,
    LetterSent,
    event_day,
    event_money,
)
from inkassorules.instalments import (
    CONTRACT_TERM,
    ContractTerm,
    InstalmentAgreement,
    NorwegianConsumerCredit,
    SwedishConsumerCredit,
)
from inkassorules.money import Money
from inkassorules.steps import Channel, StepKind

UTC = dt.UTC
OSLO_SUMMER = dt.timezone(dt.timedelta(hours=2))  # CEST
MAY_20 = dt.date(2026, 5, 20)
AGREEMENT = InstalmentAgreement.plan(
    Money.of("1000", "NOK"), signed_on=dt.date(2026, 7, 1), count=2
)


def nok(amount: str) -> Money:
    return Money.of(amount, "NOK")


def sek(amount: str) -> Money:
    return Money.of(amount, "SEK")


def letter(**changes: object) -> LetterSent:
    fields: dict[str, object] = {
        "kind": StepKind.REMINDER,
        "sent_on": MAY_20,
        "fee_charged": nok("38"),
        "deadline": dt.date(2026, 6, 3),
    }
    fields.update(changes)
    return LetterSent(**fields)  # type: ignore[arg-type]


def exact(message: str) -> str:
    """A ``match=`` pattern for the whole message."""
    return "^" + re.escape(message) + "$"


# -- LetterSent ------------------------------------------------------------------------------


def test_a_letter_keeps_its_fields_and_its_defaults() -> None:
    purring = letter()
    assert purring.kind is StepKind.REMINDER
    assert purring.sent_on == MAY_20
    assert purring.fee_charged == nok("38")
    assert purring.deadline == dt.date(2026, 6, 3)
    assert purring.channel is Channel.LETTER  # sent by post unless said otherwise
    assert purring.interest_charged is None
    assert purring.id is None
    assert purring.day == MAY_20  # the day of a letter is the day it was sent


def test_a_letter_kind_must_be_a_step_kind() -> None:
    with pytest.raises(InvalidInput, match=exact("kind must be a StepKind, got 'reminder'")):
        letter(kind="reminder")


def test_a_legal_step_is_not_a_letter() -> None:
    message = "a legal step is not a letter: record it as LegalActionFiled(on=..., venue=...)"
    with pytest.raises(InvalidInput, match=exact(message)):
        letter(kind=StepKind.LEGAL_ACTION)


def test_every_other_step_kind_can_be_a_letter() -> None:
    for kind in StepKind:
        if kind is not StepKind.LEGAL_ACTION:
            assert letter(kind=kind).kind is kind


def test_a_letter_sent_on_must_be_a_date_not_a_datetime() -> None:
    moment = dt.datetime(2026, 5, 20, 12, 0, tzinfo=UTC)
    with pytest.raises(InvalidInput, match=r"^sent_on must be a datetime\.date, got "):
        letter(sent_on=moment, deadline=None)


def test_a_letter_fee_must_be_money() -> None:
    with pytest.raises(InvalidInput, match=exact("fee_charged must be Money, got '38'")):
        letter(fee_charged="38")


def test_a_letter_with_no_fee_is_allowed_but_a_negative_fee_is_not() -> None:
    assert letter(fee_charged=nok("0")).fee_charged == nok("0")  # a friendly reminder: no fee
    with pytest.raises(
        InvalidInput, match=exact("fee_charged must not be negative, got -0.01 NOK")
    ):
        letter(fee_charged=nok("-0.01"))


def test_a_letter_deadline_on_the_day_it_was_sent_is_allowed() -> None:
    assert letter(deadline=MAY_20).deadline == MAY_20


def test_a_letter_deadline_the_day_before_it_was_sent_is_refused() -> None:
    message = "a letter's deadline 2026-05-19 is before it was sent (2026-05-20)"
    with pytest.raises(InvalidInput, match=exact(message)):
        letter(deadline=dt.date(2026, 5, 19))


def test_a_letter_without_a_deadline_is_allowed() -> None:
    assert letter(deadline=None).deadline is None


def test_a_letter_deadline_must_be_a_date() -> None:
    with pytest.raises(
        InvalidInput, match=r"^deadline must be a datetime\.date, got '2026-06-03'"
    ):
        letter(deadline="2026-06-03")


def test_a_letter_channel_must_be_a_channel() -> None:
    with pytest.raises(InvalidInput, match=exact("channel must be a Channel, got 'sms'")):
        letter(channel="sms")


def test_a_letter_cannot_be_sent_by_phone() -> None:
    with pytest.raises(
        InvalidInput, match=exact("a reminder is a letter; it cannot be sent by phone")
    ):
        letter(channel=Channel.PHONE)
    for channel in (Channel.SMS, Channel.EMAIL, Channel.LETTER):
        assert letter(channel=channel).channel is channel


def test_a_letter_interest_must_be_money_in_the_fee_currency() -> None:
    assert letter(interest_charged=nok("0")).interest_charged == nok("0")
    assert letter(interest_charged=nok("12.50")).interest_charged == nok("12.50")
    with pytest.raises(InvalidInput, match=exact("interest_charged must be Money, got 12")):
        letter(interest_charged=12)
    with pytest.raises(
        InvalidInput, match=exact("interest_charged must not be negative, got -1.00 NOK")
    ):
        letter(interest_charged=nok("-1"))
    with pytest.raises(
        CurrencyMismatch, match=exact("expected an amount in NOK, got SEK (a letter)")
    ) as raised:
        letter(interest_charged=sek("5"))
    assert (raised.value.expected, raised.value.got) == ("NOK", "SEK")


def test_a_swedish_letter_with_swedish_interest_is_allowed() -> None:
    paminnelse = letter(fee_charged=sek("60"), interest_charged=sek("5"))
    assert paminnelse.interest_charged == sek("5")


def test_a_letter_id_must_be_a_non_empty_string() -> None:
    assert letter(id="letter-1").id == "letter-1"
    message = "an event's id must be a non-empty string or None, got ' '"
    with pytest.raises(InvalidInput, match=exact(message)):
        letter(id=" ")


# -- ContactAttempt --------------------------------------------------------------------------


def test_a_contact_attempt_keeps_its_fields_and_defaults() -> None:
    at = dt.datetime(2026, 6, 1, 10, 0, tzinfo=OSLO_SUMMER)
    call = ContactAttempt(at=at, channel=Channel.PHONE)
    assert call.at == at
    assert call.channel is Channel.PHONE
    assert call.reached is False  # not reached unless recorded
    assert call.id is None
    assert ContactAttempt(at=at, channel=Channel.SMS, reached=True, id="c1").reached is True


def test_a_contact_attempt_needs_an_aware_moment() -> None:
    with pytest.raises(NaiveDatetime) as raised:
        ContactAttempt(at=dt.datetime(2026, 6, 1, 10, 0), channel=Channel.PHONE)
    assert raised.value.argument == "at"
    with pytest.raises(
        InvalidInput, match=r"^at must be a timezone-aware datetime, got datetime\.date"
    ):
        ContactAttempt(at=dt.date(2026, 6, 1), channel=Channel.PHONE)


def test_a_contact_attempt_channel_and_reached_are_checked() -> None:
    at = dt.datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
    with pytest.raises(InvalidInput, match=exact("channel must be a Channel, got 'phone'")):
        ContactAttempt(at=at, channel="phone")
    with pytest.raises(InvalidInput, match=exact("reached must be True or False, got 1")):
        ContactAttempt(at=at, channel=Channel.PHONE, reached=1)
    with pytest.raises(InvalidInput, match=r"^an event's id must be a non-empty string"):
        ContactAttempt(at=at, channel=Channel.PHONE, id="")


# -- DueDatePostponed ------------------------------------------------------------------------


def test_a_postponement_is_checked_and_its_day_is_the_day_agreed() -> None:
    moved = DueDatePostponed(new_due_date=dt.date(2026, 8, 1), agreed_on=dt.date(2026, 7, 2))
    assert moved.new_due_date == dt.date(2026, 8, 1)
    assert moved.day == dt.date(2026, 7, 2)
    assert moved.id is None
    with pytest.raises(InvalidInput, match=r"^new_due_date must be a datetime\.date, got None"):
        DueDatePostponed(new_due_date=None, agreed_on=dt.date(2026, 7, 2))
    with pytest.raises(InvalidInput, match=r"^agreed_on must be a datetime\.date, got None"):
        DueDatePostponed(new_due_date=dt.date(2026, 8, 1), agreed_on=None)
    with pytest.raises(InvalidInput, match=r"^an event's id must be a non-empty string"):
        DueDatePostponed(new_due_date=dt.date(2026, 8, 1), agreed_on=dt.date(2026, 7, 2), id=3)


# -- AgreementMade ---------------------------------------------------------------------------


def test_an_agreement_made_defaults_to_the_contract_term() -> None:
    made = AgreementMade(agreement=AGREEMENT)
    assert made.agreement is AGREEMENT
    assert made.acceleration_policy is CONTRACT_TERM
    assert made.id is None
    assert made.day == dt.date(2026, 7, 1)  # the agreement's signed_on


def test_an_agreement_made_takes_every_acceleration_policy() -> None:
    for policy in (ContractTerm(), SwedishConsumerCredit(), NorwegianConsumerCredit()):
        assert (
            AgreementMade(agreement=AGREEMENT, acceleration_policy=policy).acceleration_policy
            is policy
        )


def test_an_agreement_made_refuses_a_policy_that_is_not_one() -> None:
    message = (
        "acceleration_policy must be one of ContractTerm, SwedishConsumerCredit, "
        "NorwegianConsumerCredit, got 'contract'"
    )
    with pytest.raises(InvalidInput, match=exact(message)):
        AgreementMade(agreement=AGREEMENT, acceleration_policy="contract")


def test_an_agreement_made_needs_an_agreement_and_a_valid_id() -> None:
    with pytest.raises(
        InvalidInput, match=exact("agreement must be an InstalmentAgreement, got None")
    ):
        AgreementMade(agreement=None)
    with pytest.raises(InvalidInput, match=r"^an event's id must be a non-empty string"):
        AgreementMade(agreement=AGREEMENT, id="")


# -- AgreementCancelled ----------------------------------------------------------------------


def test_an_agreement_cancelled_is_checked() -> None:
    ended = AgreementCancelled(on=dt.date(2026, 9, 1))
    assert ended.reason is None
    assert ended.id is None
    assert ended.day == dt.date(2026, 9, 1)
    assert AgreementCancelled(on=dt.date(2026, 9, 1), reason="missed").reason == "missed"
    with pytest.raises(InvalidInput, match=r"^on must be a datetime\.date, got None"):
        AgreementCancelled(on=None)
    with pytest.raises(InvalidInput, match=exact("reason must be a non-empty string, got '  '")):
        AgreementCancelled(on=dt.date(2026, 9, 1), reason="  ")
    with pytest.raises(InvalidInput, match=exact("reason must be a non-empty string, got 7")):
        AgreementCancelled(on=dt.date(2026, 9, 1), reason=7)
    with pytest.raises(InvalidInput, match=r"^an event's id must be a non-empty string"):
        AgreementCancelled(on=dt.date(2026, 9, 1), id="")


# -- CreditGranted ---------------------------------------------------------------------------


def test_a_credit_must_be_above_zero() -> None:
    credit = CreditGranted(amount=nok("0.01"), on=dt.date(2026, 9, 2), reason="defect")
    assert credit.amount == nok("0.01")  # one øre is the smallest credit
    assert credit.id is None
    assert credit.day == dt.date(2026, 9, 2)
    with pytest.raises(InvalidInput, match=exact("amount must be above zero, got 0.00 NOK")):
        CreditGranted(amount=nok("0"), on=dt.date(2026, 9, 2), reason="defect")
    with pytest.raises(InvalidInput, match=exact("amount must be above zero, got -5.00 NOK")):
        CreditGranted(amount=nok("-5"), on=dt.date(2026, 9, 2), reason="defect")
    with pytest.raises(InvalidInput, match=exact("amount must be Money, got 100")):
        CreditGranted(amount=100, on=dt.date(2026, 9, 2), reason="defect")


def test_a_credit_needs_a_day_a_reason_and_a_valid_id() -> None:
    with pytest.raises(InvalidInput, match=r"^on must be a datetime\.date, got '2026-09-02'"):
        CreditGranted(amount=nok("1"), on="2026-09-02", reason="defect")
    with pytest.raises(InvalidInput, match=exact("reason must be a non-empty string, got ''")):
        CreditGranted(amount=nok("1"), on=dt.date(2026, 9, 2), reason="")
    with pytest.raises(InvalidInput, match=exact("reason must be a non-empty string, got None")):
        CreditGranted(amount=nok("1"), on=dt.date(2026, 9, 2), reason=None)
    with pytest.raises(InvalidInput, match=r"^an event's id must be a non-empty string"):
        CreditGranted(amount=nok("1"), on=dt.date(2026, 9, 2), reason="defect", id="")


# -- LegalActionFiled ------------------------------------------------------------------------


def test_a_legal_step_is_checked() -> None:
    filed = LegalActionFiled(on=dt.date(2026, 9, 3), venue="forliksrådet")
    assert filed.venue == "forliksrådet"
    assert filed.fee_charged is None
    assert filed.id is None
    assert filed.day == dt.date(2026, 9, 3)
    free = LegalActionFiled(on=dt.date(2026, 9, 3), venue="namsmannen", fee_charged=nok("0"))
    assert free.fee_charged == nok("0")  # zero costs claimed is allowed
    with pytest.raises(InvalidInput, match=r"^on must be a datetime\.date, got None"):
        LegalActionFiled(on=None, venue="namsmannen")
    with pytest.raises(InvalidInput, match=exact("venue must be a non-empty string, got ''")):
        LegalActionFiled(on=dt.date(2026, 9, 3), venue="")
    with pytest.raises(
        InvalidInput, match=exact("fee_charged must not be negative, got -1.00 NOK")
    ):
        LegalActionFiled(on=dt.date(2026, 9, 3), venue="namsmannen", fee_charged=nok("-1"))
    with pytest.raises(InvalidInput, match=exact("fee_charged must be Money, got 1")):
        LegalActionFiled(on=dt.date(2026, 9, 3), venue="namsmannen", fee_charged=1)
    with pytest.raises(InvalidInput, match=r"^an event's id must be a non-empty string"):
        LegalActionFiled(on=dt.date(2026, 9, 3), venue="namsmannen", id="")


# -- event_day and event_money ---------------------------------------------------------------

PAYMENT = Payment(amount=nok("3000"), paid_on=dt.date(2026, 6, 15))
DISPUTE = Dispute(
    amount=nok("2000"),
    raised_on=dt.date(2026, 6, 20),
    reason="damaged delivery",
    resolved_on=dt.date(2026, 7, 20),
)


def test_event_day_of_a_payment_and_a_dispute() -> None:
    zone = dt.UTC
    assert event_day(PAYMENT, zone) == dt.date(2026, 6, 15)  # paid_on
    assert event_day(DISPUTE, zone) == dt.date(2026, 6, 20)  # raised_on, not resolved_on


def test_event_day_of_a_call_is_its_local_date_in_the_zone() -> None:
    # 22:30 UTC on 1 June is 00:30 on 2 June in Oslo (CEST, UTC+2)
    call = ContactAttempt(at=dt.datetime(2026, 6, 1, 22, 30, tzinfo=UTC), channel=Channel.PHONE)
    assert event_day(call, OSLO_SUMMER) == dt.date(2026, 6, 2)
    assert event_day(call, UTC) == dt.date(2026, 6, 1)


def test_event_day_of_the_other_events_is_their_day() -> None:
    assert event_day(letter(), UTC) == MAY_20
    moved = DueDatePostponed(new_due_date=dt.date(2026, 8, 1), agreed_on=dt.date(2026, 7, 2))
    assert event_day(moved, UTC) == dt.date(2026, 7, 2)
    assert event_day(AgreementMade(agreement=AGREEMENT), UTC) == dt.date(2026, 7, 1)
    assert event_day(AgreementCancelled(on=dt.date(2026, 9, 1)), UTC) == dt.date(2026, 9, 1)
    credit = CreditGranted(amount=nok("1"), on=dt.date(2026, 9, 2), reason="defect")
    assert event_day(credit, UTC) == dt.date(2026, 9, 2)
    filed = LegalActionFiled(on=dt.date(2026, 9, 3), venue="namsmannen")
    assert event_day(filed, UTC) == dt.date(2026, 9, 3)


def test_event_day_refuses_what_is_not_an_event() -> None:
    with pytest.raises(InvalidInput, match=exact("not an event: '2026-06-01'")):
        event_day("2026-06-01", UTC)


def test_the_event_types_are_the_nine_kinds() -> None:
    assert (
        LetterSent,
        Payment,
        Dispute,
        ContactAttempt,
        DueDatePostponed,
        AgreementMade,
        AgreementCancelled,
        CreditGranted,
        LegalActionFiled,
    ) == EVENT_TYPES


def test_event_money_of_a_letter() -> None:
    assert list(event_money(letter())) == [("fee_charged", nok("38"))]
    with_interest = letter(interest_charged=nok("12.50"))
    assert list(event_money(with_interest)) == [
        ("fee_charged", nok("38")),
        ("interest_charged", nok("12.50")),
    ]


def test_event_money_of_amounts_and_agreements() -> None:
    assert list(event_money(PAYMENT)) == [("amount", nok("3000"))]
    assert list(event_money(DISPUTE)) == [("amount", nok("2000"))]
    credit = CreditGranted(amount=nok("100"), on=dt.date(2026, 9, 2), reason="defect")
    assert list(event_money(credit)) == [("amount", nok("100"))]
    made = AgreementMade(agreement=AGREEMENT)
    assert list(event_money(made)) == [("agreement.total", nok("1000"))]


def test_event_money_of_a_legal_step_and_of_events_without_money() -> None:
    costs = LegalActionFiled(on=dt.date(2026, 9, 3), venue="namsmannen", fee_charged=nok("0"))
    assert list(event_money(costs)) == [("fee_charged", nok("0"))]
    assert list(event_money(LegalActionFiled(on=dt.date(2026, 9, 3), venue="namsmannen"))) == []
    call = ContactAttempt(at=dt.datetime(2026, 6, 1, 10, 0, tzinfo=UTC), channel=Channel.PHONE)
    assert list(event_money(call)) == []
    moved = DueDatePostponed(new_due_date=dt.date(2026, 8, 1), agreed_on=dt.date(2026, 7, 2))
    assert list(event_money(moved)) == []
    assert list(event_money(AgreementCancelled(on=dt.date(2026, 9, 1)))) == []
