"""Saksmappe / ärende (a collection case): a claim with its history.

Collection is a history: letters sent with their fees and deadlines, payments, disputes,
postponements, agreements, calls. :class:`Case` holds a :class:`~inkassorules.claims.Claim`
and its :mod:`~inkassorules.events`, and is what :func:`~inkassorules.next_step`,
:func:`~inkassorules.plan`, :func:`~inkassorules.balance` and :func:`~inkassorules.audit`
take.

* Events are kept in time order (the order they are given in is free; events on the same day
  keep the order they were given in, and the contact attempts of a day follow them in the
  order of their moments). A contact attempt's day is its local date.
* :meth:`Case.add` returns a new case; a case never changes.
* An event's ``id`` is recorded once: a second event with an ``id`` already in the case is
  refused with :class:`~inkassorules.errors.DuplicateEvent`.
* Amounts in another currency than the claim's, and letters of a kind the claim's country does
  not have (an inkassovarsel in Sweden), are refused with the rule that says so.

>>> from datetime import date
>>> from inkassorules import Claim, DebtorKind, Money, Payment, StepKind
>>> from inkassorules.events import LetterSent
>>> claim = Claim(principal=Money.of("12500", "NOK"), due_date=date(2026, 5, 4),
...               jurisdiction="NO", debtor_kind=DebtorKind.CONSUMER)
>>> case = Case(claim=claim).add(
...     Payment(amount=Money.of("3000", "NOK"), paid_on=date(2026, 6, 15), id="pay-1"),
...     LetterSent(kind=StepKind.REMINDER, sent_on=date(2026, 5, 20),
...                fee_charged=Money.of("38", "NOK"), deadline=date(2026, 6, 3), id="purring"),
... )
>>> [type(e).__name__ for e in case.events]  # in time order
['LetterSent', 'Payment']
>>> case.add(Payment(amount=Money.of("3000", "NOK"), paid_on=date(2026, 6, 15), id="pay-1"))
Traceback (most recent call last):
    ...
inkassorules.errors.DuplicateEvent: the case already holds an event with id 'pay-1'; ...
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, TypeVar

import attrs

from inkassorules._checks import check_date
from inkassorules.claims import Claim, Payment
from inkassorules.contact import time_zone
from inkassorules.disputes import Dispute
from inkassorules.errors import CurrencyMismatch, DuplicateEvent, InvalidInput, RuleRefused
from inkassorules.events import (
    EVENT_TYPES,
    AgreementCancelled,
    AgreementMade,
    ContactAttempt,
    CreditGranted,
    DueDatePostponed,
    Event,
    LegalActionFiled,
    LetterSent,
    event_day,
    event_money,
)
from inkassorules.money import Money
from inkassorules.steps import StepKind

if TYPE_CHECKING:
    import datetime as dt
    from zoneinfo import ZoneInfo

    from inkassorules.calendar import JurisdictionCode

__all__ = ["LETTER_KINDS", "Case", "as_case"]

_E = TypeVar("_E")

LETTER_KINDS: Final[Mapping[JurisdictionCode, frozenset[StepKind]]] = MappingProxyType(
    {
        "NO": frozenset(
            {
                StepKind.FRIENDLY_REMINDER,
                StepKind.REMINDER,
                StepKind.COLLECTION_NOTICE,
                StepKind.COLLECTION_DEMAND,
            }
        ),
        "SE": frozenset(
            {
                StepKind.REMINDER,
                StepKind.COLLECTION_WARNING,
                StepKind.COLLECTION_DEMAND,
                StepKind.NOTICE_BEFORE_ENFORCEMENT,
            }
        ),
    }
)
"""The kinds of letter each country's collection has (the timeline's kinds, less legal steps)."""

_FOREIGN_KIND: Final[Mapping[tuple[JurisdictionCode, StepKind], tuple[str, str]]] = (
    MappingProxyType(
        {
            ("SE", StepKind.COLLECTION_NOTICE): (
                (
                    "an inkassovarsel is a Norwegian letter; Swedish collection has no "
                    "statutory collection notice: record a practice inkassovarning as "
                    "COLLECTION_WARNING, or the inkassokrav as COLLECTION_DEMAND"
                ),
                "inkassoloven (NO) § 9; inkassolagen (1974:182) 5 § (SE)",
            ),
            ("SE", StepKind.FRIENDLY_REMINDER): (
                (
                    "Swedish collection treats every betalningspåminnelse as the reminder: "
                    "record it as REMINDER with the fee it charged (zero for none)"
                ),
                "2 § lag (1981:739) om ersättning för inkassokostnader",
            ),
            ("NO", StepKind.COLLECTION_WARNING): (
                (
                    "an inkassovarning is Swedish practice; the Norwegian letter before a "
                    "betalingsoppfordring is the inkassovarsel (COLLECTION_NOTICE)"
                ),
                "inkassoloven § 9",
            ),
            ("NO", StepKind.NOTICE_BEFORE_ENFORCEMENT): (
                (
                    "a notice before Kronofogden is Swedish practice; in Norway legal steps "
                    "follow the betalingsoppfordring (record them as LegalActionFiled)"
                ),
                "inkassoloven § 11",
            ),
        }
    )
)


def _order(event: Event, zone: ZoneInfo) -> tuple[dt.date, float]:
    """Where *event* stands in a case: its day, and within the day a contact attempt's moment."""
    day = event_day(event, zone)
    if isinstance(event, ContactAttempt):
        return day, event.at.timestamp()
    return day, float("-inf")


def _check_events(value: object) -> tuple[Event, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidInput(f"events must be a sequence of events, got {value!r}")
    items = tuple(value)
    for item in items:
        if not isinstance(item, EVENT_TYPES):
            names = ", ".join(t.__name__ for t in EVENT_TYPES)
            raise InvalidInput(f"a case's events must be one of {names}; got {item!r}")
    return items


@attrs.frozen(kw_only=True)
class Case:
    """Saksmappe / ärende (a collection case): a claim and what happened to it.

    Attributes:
        claim: the claim.
        events: its history, in time order (see the module docstring).
    """

    claim: Claim
    events: tuple[Event, ...] = attrs.field(default=(), converter=_check_events)

    def __attrs_post_init__(self) -> None:
        # Checked here, not in attrs validators (they can be switched off globally).
        claim: object = self.claim
        if not isinstance(claim, Claim):
            raise InvalidInput(f"claim must be a Claim, got {claim!r}")
        events = self.events
        if type(events) is tuple and not events:  # a bare claim: nothing to check or sort
            return
        events = _check_events(events)
        zone = time_zone(self.claim.jurisdiction)
        seen: set[str] = set()
        for event in events:
            self._check_event(event, seen)
        # A stable sort: events on the same day keep the order they were given in, and the
        # contact attempts of a day follow them in time order.
        ordered = tuple(sorted(events, key=lambda e: _order(e, zone)))
        object.__setattr__(self, "events", ordered)
        self._check_totals()

    def _check_event(self, event: Event, seen: set[str]) -> None:
        event_id = event.id
        if event_id is not None:
            if event_id in seen:
                raise DuplicateEvent(event_id)
            seen.add(event_id)
        currency = self.claim.currency
        for name, money in event_money(event):
            if money.currency != currency:
                raise CurrencyMismatch(
                    currency,
                    money.currency,
                    context=f"{type(event).__name__}.{name} in a {self.claim.jurisdiction} case",
                )
        if isinstance(event, LetterSent):
            code = self.claim.jurisdiction
            if event.kind not in LETTER_KINDS[code]:
                message, rule = _FOREIGN_KIND[code, event.kind]
                raise RuleRefused(
                    f"a {code} case cannot hold a {event.kind.value}: {message}", rule=rule
                )
        if isinstance(event, Dispute) and event.amount > self.claim.principal:
            raise InvalidInput(
                f"a dispute of {event.amount} is more than the claim's principal "
                f"{self.claim.principal}"
            )

    def _check_totals(self) -> None:
        credited = Money.total((c.amount for c in self.credits), currency=self.claim.currency)
        if credited > self.claim.principal:
            raise InvalidInput(
                f"credits of {credited} are more than the claim's principal {self.claim.principal}"
            )

    # -- building ------------------------------------------------------------------------------

    def add(self, *events: Event) -> Case:
        """A new case with *events* added (kept in time order).

        Raises:
            DuplicateEvent: for an event whose ``id`` the case already holds.
            CurrencyMismatch, RuleRefused, InvalidInput: as :class:`Case` does.
        """
        return Case(claim=self.claim, events=(*self.events, *events))

    def until(self, day: dt.date) -> Case:
        """The case as it stood at the end of *day*: the events up to and including it."""
        check_date(day, "day")
        zone = self.zone
        return Case(
            claim=self.claim, events=tuple(e for e in self.events if event_day(e, zone) <= day)
        )

    def after(self, day: dt.date) -> tuple[Event, ...]:
        """The events after *day*."""
        check_date(day, "day")
        zone = self.zone
        return tuple(e for e in self.events if event_day(e, zone) > day)

    # -- views ---------------------------------------------------------------------------------

    @property
    def jurisdiction(self) -> JurisdictionCode:
        """The claim's jurisdiction."""
        return self.claim.jurisdiction

    @property
    def zone(self) -> ZoneInfo:
        """The local time zone of the claim's country (a contact attempt's day is read in it)."""
        return time_zone(self.claim.jurisdiction)

    def day_of(self, event: Event) -> dt.date:
        """The day *event* happened (a contact attempt: its local date)."""
        return event_day(event, self.zone)

    def _of(self, kind: type[_E]) -> tuple[_E, ...]:
        return tuple(e for e in self.events if isinstance(e, kind))

    @property
    def letters(self) -> tuple[LetterSent, ...]:
        """The letters sent, in time order."""
        return self._of(LetterSent)

    @property
    def payments(self) -> tuple[Payment, ...]:
        """The payments, in time order."""
        return self._of(Payment)

    @property
    def disputes(self) -> tuple[Dispute, ...]:
        """The disputes, in the order they were raised."""
        return self._of(Dispute)

    @property
    def contact_attempts(self) -> tuple[ContactAttempt, ...]:
        """The contact attempts, in time order."""
        return self._of(ContactAttempt)

    @property
    def postponements(self) -> tuple[DueDatePostponed, ...]:
        """The postponed due dates, in the order they were agreed."""
        return self._of(DueDatePostponed)

    @property
    def credits(self) -> tuple[CreditGranted, ...]:
        """The credits granted, in time order."""
        return self._of(CreditGranted)

    @property
    def legal_actions(self) -> tuple[LegalActionFiled, ...]:
        """The legal steps filed, in time order."""
        return self._of(LegalActionFiled)

    @property
    def steps_taken(self) -> tuple[LetterSent | LegalActionFiled, ...]:
        """The collection steps taken: the letters and the legal steps, in time order."""
        return tuple(e for e in self.events if isinstance(e, LetterSent | LegalActionFiled))

    def due_date_on(self, day: dt.date) -> dt.date:
        """The due date in force on *day*: the latest postponement agreed by then, if any.

        >>> from datetime import date
        >>> from inkassorules import Claim, DebtorKind, Money
        >>> claim = Claim(principal=Money.of("900", "SEK"), due_date=date(2026, 3, 2),
        ...               jurisdiction="SE", debtor_kind=DebtorKind.CONSUMER)
        >>> case = Case(claim=claim, events=[DueDatePostponed(new_due_date=date(2026, 4, 1),
        ...                                                   agreed_on=date(2026, 3, 5))])
        >>> case.due_date_on(date(2026, 3, 4)), case.due_date_on(date(2026, 3, 5))
        (datetime.date(2026, 3, 2), datetime.date(2026, 4, 1))
        """
        check_date(day, "day")
        due = self.claim.due_date
        for postponement in self.postponements:
            if postponement.agreed_on <= day:
                due = postponement.new_due_date
        return due

    def credited_on(self, day: dt.date) -> Money:
        """The credits granted up to and including *day*."""
        check_date(day, "day")
        return Money.total(
            (c.amount for c in self.credits if c.on <= day), currency=self.claim.currency
        )

    def agreement_on(self, day: dt.date) -> AgreementMade | None:
        """The instalment agreement in force on *day*: made by then and not cancelled since."""
        check_date(day, "day")
        current: AgreementMade | None = None
        for event in self.events:
            if isinstance(event, AgreementMade) and event.day <= day:
                current = event
            elif (
                isinstance(event, AgreementCancelled)
                and event.on <= day
                and current is not None
                and current.day <= event.on
            ):
                current = None
        return current


def as_case(value: object) -> Case:
    """*value* as a case: a :class:`Case` as it is, a bare claim as a case without events.

    Raises:
        InvalidInput: for anything else.
    """
    if isinstance(value, Case):
        return value
    if isinstance(value, Claim):
        return Case(claim=value)
    raise InvalidInput(f"expected a Case (or a Claim, a case without events), got {value!r}")
