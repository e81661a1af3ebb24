"""Hendelser / händelser (the events of a collection case): what was done, paid and said.

A :class:`~inkassorules.case.Case` is a claim with its history. Each event here is one thing
that happened on a day: a letter sent with the fee it charged and the deadline it set, a
payment, a dispute, a postponed due date, an instalment agreement made or cancelled, a credit
note, a phone call, or a legal step. Every event may carry an ``id`` (the collection system's
own key): a case refuses a second event with an ``id`` it already holds, so that a retried
booking can never charge a fee twice.

:class:`~inkassorules.claims.Payment` and :class:`~inkassorules.disputes.Dispute` are events as
they are (a dispute's ``resolved_on`` ends it).

>>> from datetime import date
>>> from inkassorules import Money, StepKind
>>> purring = LetterSent(kind=StepKind.REMINDER, sent_on=date(2026, 5, 20),
...                      fee_charged=Money.of("38", "NOK"), deadline=date(2026, 6, 3))
>>> purring.day, str(purring.fee_charged)
(datetime.date(2026, 5, 20), '38.00 NOK')
>>> LetterSent(kind=StepKind.REMINDER, sent_on=date(2026, 5, 20),
...            fee_charged=Money.of("38", "NOK"), deadline=date(2026, 5, 19))
Traceback (most recent call last):
    ...
inkassorules.errors.InvalidInput: a letter's deadline 2026-05-19 is before it was sent ...
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import TYPE_CHECKING, Final, TypeAlias, cast

import attrs

from inkassorules._checks import check_aware, check_date, check_id
from inkassorules.claims import Payment
from inkassorules.disputes import Dispute
from inkassorules.errors import CurrencyMismatch, InvalidInput
from inkassorules.instalments import CONTRACT_TERM, AccelerationPolicy, InstalmentAgreement
from inkassorules.money import Money
from inkassorules.steps import Channel, StepKind

if TYPE_CHECKING:
    from collections.abc import Iterator
    from zoneinfo import ZoneInfo

__all__ = [
    "AgreementCancelled",
    "AgreementMade",
    "ContactAttempt",
    "CreditGranted",
    "Dispute",
    "DueDatePostponed",
    "Event",
    "LegalActionFiled",
    "LetterSent",
    "Payment",
    "event_day",
    "event_money",
]


def _check_money(value: object, argument: str, *, positive: bool) -> Money:
    if not isinstance(value, Money):
        raise InvalidInput(f"{argument} must be Money, got {value!r}")
    if positive and not value.is_positive:
        raise InvalidInput(f"{argument} must be above zero, got {value}")
    if value.is_negative:
        raise InvalidInput(f"{argument} must not be negative, got {value}")
    return value


def _check_text(value: object, argument: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"{argument} must be a non-empty string, got {value!r}")
    return value


@attrs.frozen(kw_only=True)
class LetterSent:
    """Kravbrev sendt / kravbrev skickat (a collection letter that was sent).

    The friendly reminder, purring / påminnelse, inkassovarsel, Swedish inkassovarning,
    betalingsoppfordring / inkassokrav, or the notice before enforcement. A legal step is a
    :class:`LegalActionFiled`, not a letter.

    Attributes:
        kind: what the letter was (a :class:`~inkassorules.steps.StepKind` other than
            ``LEGAL_ACTION``).
        sent_on: the day it was sent.
        fee_charged: the fee the letter added to the debt (zero for none). For a business
            debtor, include any standard compensation charged with the letter.
        deadline: the last day the letter gave the debtor to pay (or object), or None.
        channel: how it was sent (letter, e-mail or SMS; never a phone call).
        interest_charged: the interest the letter claimed as accrued, if it stated an amount.
        id: the collection system's own key for the event, if any.
    """

    kind: StepKind
    sent_on: dt.date
    fee_charged: Money
    deadline: dt.date | None
    channel: Channel = Channel.LETTER
    interest_charged: Money | None = None
    id: str | None = None

    def __attrs_post_init__(self) -> None:
        # Checked here, not in attrs validators, which can be switched off globally.
        if not isinstance(self.kind, StepKind):
            raise InvalidInput(f"kind must be a StepKind, got {self.kind!r}")
        if self.kind is StepKind.LEGAL_ACTION:
            raise InvalidInput(
                "a legal step is not a letter: record it as LegalActionFiled(on=..., venue=...)"
            )
        check_date(self.sent_on, "sent_on")
        fee = _check_money(self.fee_charged, "fee_charged", positive=False)
        if self.deadline is not None and check_date(self.deadline, "deadline") < self.sent_on:
            raise InvalidInput(
                f"a letter's deadline {self.deadline} is before it was sent ({self.sent_on})"
            )
        if not isinstance(self.channel, Channel):
            raise InvalidInput(f"channel must be a Channel, got {self.channel!r}")
        if self.channel is Channel.PHONE:
            raise InvalidInput(f"a {self.kind.value} is a letter; it cannot be sent by phone")
        if self.interest_charged is not None:
            interest = _check_money(self.interest_charged, "interest_charged", positive=False)
            if interest.currency != fee.currency:
                raise CurrencyMismatch(fee.currency, interest.currency, context="a letter")
        check_id(self.id)

    @property
    def day(self) -> dt.date:
        """The day of the event: ``sent_on``."""
        return self.sent_on


@attrs.frozen(kw_only=True)
class ContactAttempt:
    """Kontaktforsøk / kontaktförsök (an attempt to reach the debtor).

    Attributes:
        at: the moment of the attempt (timezone-aware).
        channel: phone, SMS, e-mail or letter; the phone caps count phone attempts.
        reached: whether the debtor was reached.
        id: the collection system's own key, if any.
    """

    at: dt.datetime
    channel: Channel
    reached: bool = False
    id: str | None = None

    def __attrs_post_init__(self) -> None:
        check_aware(self.at, "at")
        if not isinstance(self.channel, Channel):
            raise InvalidInput(f"channel must be a Channel, got {self.channel!r}")
        if not isinstance(self.reached, bool):
            raise InvalidInput(f"reached must be True or False, got {self.reached!r}")
        check_id(self.id)


@attrs.frozen(kw_only=True)
class DueDatePostponed:
    """Utsatt forfall / anstånd (the creditor agreed to move the due date).

    "Utsette betalingsdatoen": until the new due date the claim is not overdue, so no fee and no
    escalation may be based on the old one.

    Attributes:
        new_due_date: the agreed new due date.
        agreed_on: the day it was agreed.
        id: the collection system's own key, if any.
    """

    new_due_date: dt.date
    agreed_on: dt.date
    id: str | None = None

    def __attrs_post_init__(self) -> None:
        check_date(self.new_due_date, "new_due_date")
        check_date(self.agreed_on, "agreed_on")
        check_id(self.id)

    @property
    def day(self) -> dt.date:
        """The day of the event: ``agreed_on``."""
        return self.agreed_on


_POLICIES: Final = typing.get_args(AccelerationPolicy)


def _check_policy(value: object) -> AccelerationPolicy:
    if not isinstance(value, _POLICIES):
        names = ", ".join(t.__name__ for t in _POLICIES)
        raise InvalidInput(f"acceleration_policy must be one of {names}, got {value!r}")
    return cast("AccelerationPolicy", value)


@attrs.frozen(kw_only=True)
class AgreementMade:
    """Avdragsordning inngått / amorteringsplan träffad (an instalment agreement was made).

    Also "dele regningen i to innbetalinger": a split into two payments is an agreement of two
    instalments.

    Attributes:
        agreement: the agreement (its ``signed_on`` is the day of the event).
        acceleration_policy: how it fails (see :func:`~inkassorules.instalments.accelerate`).
        id: the collection system's own key, if any.
    """

    agreement: InstalmentAgreement
    acceleration_policy: AccelerationPolicy = CONTRACT_TERM
    id: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.agreement, InstalmentAgreement):
            raise InvalidInput(f"agreement must be an InstalmentAgreement, got {self.agreement!r}")
        _check_policy(self.acceleration_policy)
        check_id(self.id)

    @property
    def day(self) -> dt.date:
        """The day of the event: the agreement's ``signed_on``."""
        return self.agreement.signed_on


@attrs.frozen(kw_only=True)
class AgreementCancelled:
    """Avdragsordning avsluttet / amorteringsplan avslutad (the agreement was ended).

    Attributes:
        on: the day the agreement ended; collection goes on from the history.
        reason: why, as text, if recorded.
        id: the collection system's own key, if any.
    """

    on: dt.date
    reason: str | None = None
    id: str | None = None

    def __attrs_post_init__(self) -> None:
        check_date(self.on, "on")
        if self.reason is not None:
            _check_text(self.reason, "reason")
        check_id(self.id)

    @property
    def day(self) -> dt.date:
        """The day of the event: ``on``."""
        return self.on


@attrs.frozen(kw_only=True)
class CreditGranted:
    """Prisavslag / kreditnota (a credit that lowers the claim, e.g. for a defect).

    A withholding for a defect usually ends in a credit: the credited amount is no longer owed.

    Attributes:
        amount: the credited amount; above zero.
        on: the day the credit was granted.
        reason: why, as text.
        id: the collection system's own key, if any.
    """

    amount: Money
    on: dt.date
    reason: str
    id: str | None = None

    def __attrs_post_init__(self) -> None:
        _check_money(self.amount, "amount", positive=True)
        check_date(self.on, "on")
        _check_text(self.reason, "reason")
        check_id(self.id)

    @property
    def day(self) -> dt.date:
        """The day of the event: ``on``."""
        return self.on


@attrs.frozen(kw_only=True)
class LegalActionFiled:
    """Rettslig skritt / rättslig åtgärd (a legal step was filed).

    Forliksrådet or namsmannen (utlegg) in Norway; Kronofogden's betalningsföreläggande or a
    court in Sweden.

    Attributes:
        on: the day it was filed.
        venue: where (free text, e.g. ``"forliksrådet"``, ``"namsmannen"``,
            ``"Kronofogden"``).
        fee_charged: the costs the application claimed from the debtor, if recorded.
        id: the collection system's own key, if any.
    """

    on: dt.date
    venue: str
    fee_charged: Money | None = None
    id: str | None = None

    def __attrs_post_init__(self) -> None:
        check_date(self.on, "on")
        _check_text(self.venue, "venue")
        if self.fee_charged is not None:
            _check_money(self.fee_charged, "fee_charged", positive=False)
        check_id(self.id)

    @property
    def day(self) -> dt.date:
        """The day of the event: ``on``."""
        return self.on


Event: TypeAlias = (
    LetterSent
    | Payment
    | Dispute
    | ContactAttempt
    | DueDatePostponed
    | AgreementMade
    | AgreementCancelled
    | CreditGranted
    | LegalActionFiled
)
"""Any event a :class:`~inkassorules.case.Case` can hold."""

EVENT_TYPES: tuple[type, ...] = (
    LetterSent,
    Payment,
    Dispute,
    ContactAttempt,
    DueDatePostponed,
    AgreementMade,
    AgreementCancelled,
    CreditGranted,
    LegalActionFiled,
)


def event_day(event: Event, zone: ZoneInfo) -> dt.date:
    """The day *event* happened; a contact attempt's day is its local date in *zone*.

    >>> from datetime import date, datetime, timezone
    >>> from zoneinfo import ZoneInfo
    >>> call = ContactAttempt(at=datetime(2026, 6, 1, 22, 30, tzinfo=timezone.utc),
    ...                       channel=Channel.PHONE)
    >>> event_day(call, ZoneInfo("Europe/Oslo"))  # 00:30 in Oslo
    datetime.date(2026, 6, 2)
    """
    if isinstance(event, Payment):
        return event.paid_on
    if isinstance(event, Dispute):
        return event.raised_on
    if isinstance(event, ContactAttempt):
        return event.at.astimezone(zone).date()
    if isinstance(event, EVENT_TYPES):
        return event.day
    raise InvalidInput(f"not an event: {event!r}")


def event_money(event: Event) -> Iterator[tuple[str, Money]]:
    """The amounts *event* holds, with the name of each (for currency checks)."""
    if isinstance(event, LetterSent):
        yield "fee_charged", event.fee_charged
        if event.interest_charged is not None:
            yield "interest_charged", event.interest_charged
    elif isinstance(event, Payment | Dispute | CreditGranted):
        yield "amount", event.amount
    elif isinstance(event, AgreementMade):
        yield "agreement.total", event.agreement.total
    elif isinstance(event, LegalActionFiled) and event.fee_charged is not None:
        yield "fee_charged", event.fee_charged
