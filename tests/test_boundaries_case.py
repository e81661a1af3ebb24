"""Boundary tests written to kill mutants of inkassorules.case (the Case value and its views).

Each test pins one rule of a case: which letters each country has (and the rule cited when one
is refused), the order of events within a day, the duplicate-id and currency checks, the
principal as the ceiling of disputes and credits (equal allowed, one øre more refused), and the
day boundaries of ``until``, ``after``, ``due_date_on``, ``credited_on`` and ``agreement_on``
(the day of an event counts as "by then").
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from inkassorules.case import LETTER_KINDS, Case, as_case
from inkassorules.claims import Claim, DebtorKind, Payment
from inkassorules.disputes import Dispute
from inkassorules.errors import CurrencyMismatch, DuplicateEvent, InvalidInput, RuleRefused
from inkassorules.events import (
    AgreementCancelled,
    AgreementMade,
    ContactAttempt,
    CreditGranted,
    DueDatePostponed,
    LegalActionFiled,
    LetterSent,
)
from inkassorules.instalments import InstalmentAgreement
from inkassorules.money import Money
from inkassorules.steps import Channel, StepKind

UTC = dt.UTC
D = dt.date


def nok(amount: str) -> Money:
    return Money.of(amount, "NOK")


def sek(amount: str) -> Money:
    return Money.of(amount, "SEK")


NO_CLAIM = Claim(
    principal=nok("12500"),
    due_date=D(2026, 5, 4),
    jurisdiction="NO",
    debtor_kind=DebtorKind.CONSUMER,
)
SE_CLAIM = Claim(
    principal=sek("1000"),
    due_date=D(2026, 3, 2),
    jurisdiction="SE",
    debtor_kind=DebtorKind.CONSUMER,
)


def exact(message: str) -> str:
    """A ``match=`` pattern for the whole message."""
    return "^" + re.escape(message) + "$"


def letter(kind: StepKind, on: D, currency: str = "NOK", **changes: object) -> LetterSent:
    return LetterSent(
        kind=kind,
        sent_on=on,
        fee_charged=Money.of("0", currency),
        deadline=None,
        **changes,  # type: ignore[arg-type]
    )


def pay(amount: str, on: D, **changes: object) -> Payment:
    return Payment(amount=nok(amount), paid_on=on, **changes)  # type: ignore[arg-type]


def credit(amount: str, on: D) -> CreditGranted:
    return CreditGranted(amount=nok(amount), on=on, reason="defect")


def agreement(signed_on: D) -> AgreementMade:
    plan = InstalmentAgreement.plan(nok("1000"), signed_on=signed_on, count=2)
    return AgreementMade(agreement=plan)


# -- the letters each country has ------------------------------------------------------------


def test_the_letter_kinds_of_each_country() -> None:
    assert set(LETTER_KINDS) == {"NO", "SE"}
    assert LETTER_KINDS["NO"] == {
        StepKind.FRIENDLY_REMINDER,
        StepKind.REMINDER,
        StepKind.COLLECTION_NOTICE,
        StepKind.COLLECTION_DEMAND,
    }
    assert LETTER_KINDS["SE"] == {
        StepKind.REMINDER,
        StepKind.COLLECTION_WARNING,
        StepKind.COLLECTION_DEMAND,
        StepKind.NOTICE_BEFORE_ENFORCEMENT,
    }


def test_a_case_holds_every_letter_its_country_has() -> None:
    for kind in sorted(LETTER_KINDS["NO"], key=lambda k: k.value):
        held = letter(kind, D(2026, 5, 20))
        assert Case(claim=NO_CLAIM, events=[held]).letters == (held,)
    for kind in sorted(LETTER_KINDS["SE"], key=lambda k: k.value):
        held = letter(kind, D(2026, 3, 9), "SEK")
        assert Case(claim=SE_CLAIM, events=[held]).letters == (held,)


SE_REFUSED = [
    (
        StepKind.COLLECTION_NOTICE,
        (
            "a SE case cannot hold a collection_notice: an inkassovarsel is a Norwegian letter; "
            "Swedish collection has no statutory collection notice: record a practice "
            "inkassovarning as COLLECTION_WARNING, or the inkassokrav as COLLECTION_DEMAND"
        ),
        "inkassoloven (NO) § 9; inkassolagen (1974:182) 5 § (SE)",
    ),
    (
        StepKind.FRIENDLY_REMINDER,
        (
            "a SE case cannot hold a friendly_reminder: Swedish collection treats every "
            "betalningspåminnelse as the reminder: record it as REMINDER with the fee it charged "
            "(zero for none)"
        ),
        "2 § lag (1981:739) om ersättning för inkassokostnader",
    ),
]
NO_REFUSED = [
    (
        StepKind.COLLECTION_WARNING,
        (
            "a NO case cannot hold a collection_warning: an inkassovarning is Swedish practice; the "
            "Norwegian letter before a betalingsoppfordring is the inkassovarsel (COLLECTION_NOTICE)"
        ),
        "inkassoloven § 9",
    ),
    (
        StepKind.NOTICE_BEFORE_ENFORCEMENT,
        (
            "a NO case cannot hold a notice_before_enforcement: a notice before Kronofogden is "
            "Swedish practice; in Norway legal steps follow the betalingsoppfordring (record them "
            "as LegalActionFiled)"
        ),
        "inkassoloven § 11",
    ),
]


@pytest.mark.parametrize(("kind", "message", "rule"), SE_REFUSED)
def test_a_swedish_case_refuses_the_norwegian_letters_with_the_rule(
    kind: StepKind, message: str, rule: str
) -> None:
    with pytest.raises(RuleRefused, match=exact(f"{message} ({rule})")) as raised:
        Case(claim=SE_CLAIM, events=[letter(kind, D(2026, 3, 9), "SEK")])
    assert raised.value.rule == rule


@pytest.mark.parametrize(("kind", "message", "rule"), NO_REFUSED)
def test_a_norwegian_case_refuses_the_swedish_letters_with_the_rule(
    kind: StepKind, message: str, rule: str
) -> None:
    with pytest.raises(RuleRefused, match=exact(f"{message} ({rule})")) as raised:
        Case(claim=NO_CLAIM, events=[letter(kind, D(2026, 5, 20))])
    assert raised.value.rule == rule


# -- the Case value --------------------------------------------------------------------------


def test_a_bare_claim_is_a_case_without_events() -> None:
    case = Case(claim=NO_CLAIM)
    assert case.events == ()
    assert case.claim is NO_CLAIM
    assert case.jurisdiction == "NO"
    assert case.zone == ZoneInfo("Europe/Oslo")
    assert Case(claim=SE_CLAIM).zone == ZoneInfo("Europe/Stockholm")
    assert Case(claim=NO_CLAIM, events=[]).events == ()


def test_a_case_needs_a_claim() -> None:
    with pytest.raises(InvalidInput, match=exact("claim must be a Claim, got None")):
        Case(claim=None)  # type: ignore[arg-type]


def test_events_must_be_a_sequence_of_events() -> None:
    with pytest.raises(
        InvalidInput, match=exact("events must be a sequence of events, got 'pay-1'")
    ):
        Case(claim=NO_CLAIM, events="pay-1")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=exact("events must be a sequence of events, got b'x'")):
        Case(claim=NO_CLAIM, events=b"x")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=exact("events must be a sequence of events, got 7")):
        Case(claim=NO_CLAIM, events=7)  # type: ignore[arg-type]
    names = (
        "LetterSent, Payment, Dispute, ContactAttempt, DueDatePostponed, AgreementMade, "
        "AgreementCancelled, CreditGranted, LegalActionFiled"
    )
    with pytest.raises(
        InvalidInput, match=exact(f"a case's events must be one of {names}; got 'x'")
    ):
        Case(claim=NO_CLAIM, events=["x"])  # type: ignore[list-item]


def test_events_from_a_generator_are_kept() -> None:
    payment = pay("10", D(2026, 6, 1))
    case = Case(claim=NO_CLAIM, events=(e for e in [payment]))
    assert case.events == (payment,)
    assert type(case.events) is tuple


def test_a_single_event_given_as_a_tuple_is_checked() -> None:
    # a one-event tuple goes through every check (the bare-claim shortcut is for () only)
    with pytest.raises(CurrencyMismatch):
        Case(claim=NO_CLAIM, events=(Payment(amount=sek("1"), paid_on=D(2026, 6, 1)),))


def test_events_given_as_a_tuple_are_sorted() -> None:
    late = pay("1", D(2026, 6, 2))
    early = pay("2", D(2026, 6, 1))
    assert Case(claim=NO_CLAIM, events=(late, early)).events == (early, late)


def test_contact_attempts_of_a_day_follow_its_other_events_in_time_order() -> None:
    # 10:00 and 08:00 UTC on 1 June are 12:00 and 10:00 in Oslo, both on 1 June
    ten = ContactAttempt(at=dt.datetime(2026, 6, 1, 10, 0, tzinfo=UTC), channel=Channel.PHONE)
    eight = ContactAttempt(at=dt.datetime(2026, 6, 1, 8, 0, tzinfo=UTC), channel=Channel.SMS)
    payment = pay("10", D(2026, 6, 1))
    before = pay("5", D(2026, 5, 31))
    case = Case(claim=NO_CLAIM, events=[ten, payment, eight, before])
    assert case.events == (before, payment, eight, ten)
    assert case.contact_attempts == (eight, ten)


def test_a_call_late_in_the_evening_counts_on_the_next_local_day() -> None:
    # 22:30 UTC on 1 June is 00:30 on 2 June in Oslo (CEST): after a payment of 2 June
    call = ContactAttempt(at=dt.datetime(2026, 6, 1, 22, 30, tzinfo=UTC), channel=Channel.PHONE)
    payment = pay("10", D(2026, 6, 2))
    case = Case(claim=NO_CLAIM, events=[call, payment])
    assert case.events == (payment, call)
    assert case.day_of(call) == D(2026, 6, 2)
    assert case.until(D(2026, 6, 1)).events == ()
    assert case.after(D(2026, 6, 1)) == (payment, call)


def test_a_repeated_id_is_refused_but_different_ids_are_kept() -> None:
    first = pay("10", D(2026, 6, 1), id="pay-1")
    second = pay("10", D(2026, 6, 1), id="pay-2")
    assert Case(claim=NO_CLAIM, events=[first, second]).events == (first, second)
    retried = pay("10", D(2026, 6, 2), id="pay-1")
    with pytest.raises(DuplicateEvent, match=r"id 'pay-1'") as raised:
        Case(claim=NO_CLAIM, events=[first, second, retried])
    assert raised.value.id == "pay-1"
    with pytest.raises(DuplicateEvent):
        Case(claim=NO_CLAIM, events=[first]).add(retried)


def test_an_amount_in_another_currency_names_the_event_and_field() -> None:
    message = "expected an amount in NOK, got SEK (CreditGranted.amount in a NO case)"
    foreign = CreditGranted(amount=sek("1"), on=D(2026, 6, 1), reason="defect")
    with pytest.raises(CurrencyMismatch, match=exact(message)) as raised:
        Case(claim=NO_CLAIM, events=[foreign])
    assert (raised.value.expected, raised.value.got) == ("NOK", "SEK")
    interest = letter(StepKind.REMINDER, D(2026, 5, 20), interest_charged=nok("1"))
    assert Case(claim=NO_CLAIM, events=[interest]).letters == (interest,)


def test_a_dispute_of_the_whole_principal_is_allowed_but_not_one_ore_more() -> None:
    whole = Dispute(amount=nok("12500"), raised_on=D(2026, 6, 20), reason="not ordered")
    assert Case(claim=NO_CLAIM, events=[whole]).disputes == (whole,)
    more = Dispute(amount=nok("12500.01"), raised_on=D(2026, 6, 20), reason="not ordered")
    message = "a dispute of 12500.01 NOK is more than the claim's principal 12500.00 NOK"
    with pytest.raises(InvalidInput, match=exact(message)):
        Case(claim=NO_CLAIM, events=[more])


def test_credits_up_to_the_principal_are_allowed_but_not_one_ore_more() -> None:
    # 12 000 + 500 = 12 500, the whole principal
    full = [credit("12000", D(2026, 6, 1)), credit("500", D(2026, 6, 2))]
    assert Case(claim=NO_CLAIM, events=full).credits == tuple(full)
    over = [*full, credit("0.01", D(2026, 6, 3))]
    message = "credits of 12500.01 NOK are more than the claim's principal 12500.00 NOK"
    with pytest.raises(InvalidInput, match=exact(message)):
        Case(claim=NO_CLAIM, events=over)


# -- building and views ----------------------------------------------------------------------


def test_add_returns_a_new_case_in_time_order() -> None:
    base = Case(claim=NO_CLAIM, events=[pay("10", D(2026, 6, 2))])
    early = pay("5", D(2026, 6, 1))
    added = base.add(early)
    assert added.events == (early, base.events[0])
    assert base.events == (pay("10", D(2026, 6, 2)),)
    assert added.claim is NO_CLAIM


def test_until_keeps_the_events_of_the_day_and_after_those_after_it() -> None:
    first = pay("1", D(2026, 6, 1))
    second = pay("2", D(2026, 6, 2))
    case = Case(claim=NO_CLAIM, events=[first, second])
    assert case.until(D(2026, 5, 31)).events == ()
    assert case.until(D(2026, 6, 1)).events == (first,)  # the day itself counts
    assert case.until(D(2026, 6, 2)) == case
    assert case.until(D(2026, 6, 1)).claim is NO_CLAIM
    assert case.after(D(2026, 5, 31)) == (first, second)
    assert case.after(D(2026, 6, 1)) == (second,)  # the day itself does not
    assert case.after(D(2026, 6, 2)) == ()


def test_until_and_after_need_a_date() -> None:
    case = Case(claim=NO_CLAIM)
    with pytest.raises(InvalidInput, match=r"^day must be a datetime\.date, got None"):
        case.until(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^day must be a datetime\.date, got None"):
        case.after(None)  # type: ignore[arg-type]
    for view in (case.due_date_on, case.credited_on, case.agreement_on):
        with pytest.raises(InvalidInput, match=r"^day must be a datetime\.date, got '2026-06-01'"):
            view("2026-06-01")  # type: ignore[arg-type]


def test_each_view_holds_only_its_kind_of_event() -> None:
    reminder = letter(StepKind.REMINDER, D(2026, 5, 20))
    payment = pay("100", D(2026, 5, 21))
    dispute = Dispute(amount=nok("200"), raised_on=D(2026, 5, 22), reason="defect")
    call = ContactAttempt(at=dt.datetime(2026, 5, 23, 10, tzinfo=UTC), channel=Channel.PHONE)
    moved = DueDatePostponed(new_due_date=D(2026, 6, 30), agreed_on=D(2026, 5, 24))
    made = agreement(D(2026, 5, 25))
    ended = AgreementCancelled(on=D(2026, 5, 26))
    granted = credit("50", D(2026, 5, 27))
    filed = LegalActionFiled(on=D(2026, 5, 28), venue="forliksrådet")
    events = [reminder, payment, dispute, call, moved, made, ended, granted, filed]
    case = Case(claim=NO_CLAIM, events=list(reversed(events)))
    assert case.events == tuple(events)
    assert case.letters == (reminder,)
    assert case.payments == (payment,)
    assert case.disputes == (dispute,)
    assert case.contact_attempts == (call,)
    assert case.postponements == (moved,)
    assert case.credits == (granted,)
    assert case.legal_actions == (filed,)
    assert case.steps_taken == (reminder, filed)


def test_the_due_date_moves_on_the_day_the_postponement_is_agreed() -> None:
    first = DueDatePostponed(new_due_date=D(2026, 6, 1), agreed_on=D(2026, 5, 10))
    second = DueDatePostponed(new_due_date=D(2026, 7, 1), agreed_on=D(2026, 5, 20))
    case = Case(claim=NO_CLAIM, events=[second, first])
    assert case.due_date_on(D(2026, 5, 9)) == D(2026, 5, 4)  # the claim's own due date
    assert case.due_date_on(D(2026, 5, 10)) == D(2026, 6, 1)
    assert case.due_date_on(D(2026, 5, 19)) == D(2026, 6, 1)
    assert case.due_date_on(D(2026, 5, 20)) == D(2026, 7, 1)  # the latest agreed by then


def test_credits_count_from_the_day_they_are_granted() -> None:
    case = Case(claim=NO_CLAIM, events=[credit("100", D(2026, 6, 1)), credit("50", D(2026, 6, 5))])
    assert case.credited_on(D(2026, 5, 31)) == nok("0")
    assert case.credited_on(D(2026, 6, 1)) == nok("100")
    assert case.credited_on(D(2026, 6, 4)) == nok("100")
    assert case.credited_on(D(2026, 6, 5)) == nok("150")  # 100 + 50
    assert Case(claim=SE_CLAIM).credited_on(D(2026, 6, 5)) == sek("0")


def test_an_agreement_is_in_force_from_its_signing_until_its_cancellation() -> None:
    made = agreement(D(2026, 7, 1))
    ended = AgreementCancelled(on=D(2026, 8, 1))
    case = Case(claim=NO_CLAIM, events=[made, ended])
    assert case.agreement_on(D(2026, 6, 30)) is None
    assert case.agreement_on(D(2026, 7, 1)) is made  # the day it was signed
    assert case.agreement_on(D(2026, 7, 31)) is made
    assert case.agreement_on(D(2026, 8, 1)) is None  # cancelled that day


def test_a_cancellation_before_an_agreement_does_not_end_it() -> None:
    ended = AgreementCancelled(on=D(2026, 6, 1))
    made = agreement(D(2026, 7, 1))
    case = Case(claim=NO_CLAIM, events=[ended, made])
    assert case.agreement_on(D(2026, 7, 1)) is made
    assert Case(claim=NO_CLAIM, events=[ended]).agreement_on(D(2026, 7, 1)) is None


def test_a_cancellation_on_the_signing_day_ends_that_agreement() -> None:
    made = agreement(D(2026, 7, 1))
    ended = AgreementCancelled(on=D(2026, 7, 1))
    case = Case(claim=NO_CLAIM, events=[made, ended])
    assert case.agreement_on(D(2026, 7, 1)) is None


def test_a_new_agreement_after_a_cancellation_is_in_force() -> None:
    old = agreement(D(2026, 7, 1))
    ended = AgreementCancelled(on=D(2026, 8, 1))
    new = agreement(D(2026, 9, 1))
    case = Case(claim=NO_CLAIM, events=[old, ended, new])
    assert case.agreement_on(D(2026, 8, 31)) is None
    assert case.agreement_on(D(2026, 9, 1)) is new
    # a later agreement replaces the earlier one without a cancellation
    replaced = Case(claim=NO_CLAIM, events=[old, new])
    assert replaced.agreement_on(D(2026, 8, 31)) is old
    assert replaced.agreement_on(D(2026, 9, 1)) is new


def test_as_case_takes_a_case_or_a_claim() -> None:
    case = Case(claim=NO_CLAIM, events=[pay("1", D(2026, 6, 1))])
    assert as_case(case) is case
    assert as_case(NO_CLAIM) == Case(claim=NO_CLAIM)
    message = "expected a Case (or a Claim, a case without events), got 'NO'"
    with pytest.raises(InvalidInput, match=exact(message)):
        as_case("NO")
