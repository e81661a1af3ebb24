"""Innkrevingsløp / indrivningsplan (collection timeline): the next lawful steps for a claim.

:func:`plan` lays out, from the due date to enforcement, the steps a creditor may take for an
overdue :class:`~inkassorules.claims.Claim`, each with the earliest day the law allows it, the
day the creditor's :class:`CreditorPolicy` plans it, its channel, the fee cap, the late interest
accrued to that day, the amount due split into principal, interest and fees, and the deadline it
sets. :func:`next_step` says what may be done on a given day.

* Norway (:mod:`inkassorules.no.timeline`): a friendly reminder without a fee, purring (fee from
  14 days after the due date), inkassovarsel (deadline at least 14 days), betalingsoppfordring
  (at least 14 days), legal steps (forliksråd / namsmann) within six months of it.
* Sweden (:mod:`inkassorules.se.timeline`): påminnelse (fee only if agreed), inkassokrav (at
  least 8 days and 4 bank days), betalningsföreläggande at Kronofogden after the krav's
  deadline. The practice steps inkassovarning and a notice before Kronofogden are options.

How the planner decides a step's day: the policy's day (``days_after_due``, and the day after
the previous step's deadline plus ``days_between_steps``) and the earliest lawful day are
compared, and the later one is taken; ``governed_by`` says which one governed. The plan is made
on ``as_of``: a step whose day has already passed is planned for ``as_of`` (status
``"overdue"``), never earlier, and the later steps follow from it. A phone step is moved to the
next lawful contact window (08:00 local time or later, per the contact rules). The plan is
pure: the same arguments always give the same timeline; nothing reads the clock.

What changes the plan: payments reduce the amount due (interest first, then principal: the
order costs -> interest -> principal of :func:`~inkassorules.allocation.allocate`, as no fee of
the plan is charged before ``as_of``); a dispute that is not obviously unfounded stops the
out-of-court steps (:func:`~inkassorules.disputes.may_take_step`) and a partial one leaves the
undisputed part; a re-dated due date is just another claim (``attrs.evolve(claim,
due_date=...)``); an instalment agreement replaces the escalation while it holds, and when
:func:`~inkassorules.instalments.accelerate` says it has failed, the plan continues from the
acceleration date with the accelerated balance.

>>> from datetime import date
>>> from inkassorules import Claim, DebtorKind, Money
>>> claim = Claim(principal=Money.of("8000", "NOK"), due_date=date(2026, 3, 2),
...               jurisdiction="NO", debtor_kind=DebtorKind.CONSUMER)
>>> timeline = plan(claim, as_of=date(2026, 3, 2))
>>> [(s.kind.value, s.planned_on.isoformat(), str(s.fee.amount)) for s in timeline.steps]
... # doctest: +NORMALIZE_WHITESPACE
[('friendly_reminder', '2026-03-07', '0.00 NOK'), ('reminder', '2026-03-16', '38.00 NOK'),
 ('collection_notice', '2026-03-31', '38.00 NOK'),
 ('collection_demand', '2026-04-15', '113.00 NOK'), ('legal_action', '2026-04-30', '0.00 NOK')]
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple, TypeGuard, TypeVar

import attrs

from inkassorules import _html, records
from inkassorules._checks import (
    check_aware,
    check_date,
    check_fields,
    check_int,
    check_items,
    check_law,
    check_mapping,
)
from inkassorules.calendar import add_days
from inkassorules.case import Case, as_case
from inkassorules.claims import Claim, Payment
from inkassorules.contact import time_zone
from inkassorules.disputes import Dispute, may_take_step
from inkassorules.errors import CurrencyMismatch, InvalidInput, NotInForce, RuleRefused
from inkassorules.events import (
    AgreementCancelled,
    AgreementMade,
    CreditGranted,
    DueDatePostponed,
    LegalActionFiled,
    LetterSent,
)
from inkassorules.fees import FeeCap
from inkassorules.instalments import (
    Acceleration,
    InstalmentAgreement,
    accelerate,
)
from inkassorules.interest import BalanceInterestResult, InterestStart
from inkassorules.law import Citation, LawBook, any_provisional, builtin, cache_key, explain
from inkassorules.limitations import limitation
from inkassorules.money import MINOR_UNIT, Money
from inkassorules.steps import _DEFAULT_CHANNELS, Channel, StepKind

__all__ = [
    "Channel",
    "CreditorPolicy",
    "Governor",
    "NextStep",
    "Status",
    "Step",
    "StepKind",
    "Timeline",
    "next_step",
    "plan",
]


Status = Literal["taken", "overdue", "due", "planned"]
"""A step's status on ``as_of``: taken (recorded in the case), or planned: its day has passed,
is ``as_of``, or lies ahead."""

Governor = Literal["law", "policy", "as_of", "contact window", "recorded"]

_T = TypeVar("_T")

if TYPE_CHECKING:
    from inkassorules.ledger import Balance, Charge
"""What decided a step's planned day (the latest of the candidates)."""


def _map(value: Mapping[StepKind, int] | None) -> Mapping[StepKind, int]:
    return MappingProxyType(check_mapping(value, "CreditorPolicy's days", object, object))


def _channel_map(value: Mapping[StepKind, Channel] | None) -> Mapping[StepKind, Channel]:
    return MappingProxyType(check_mapping(value, "CreditorPolicy.channels", object, object))


def _kinds(value: Iterable[StepKind]) -> tuple[StepKind, ...]:
    return check_items(value, "CreditorPolicy.steps", StepKind)


@attrs.frozen(kw_only=True)
class CreditorPolicy:
    """Kreditors rutiner / borgenärens rutiner (the creditor's practice within the law).

    A policy never makes a step earlier than the law allows: the planner takes the later of the
    policy's day and the earliest lawful day. Build one with :meth:`earliest_lawful`,
    :meth:`practice` or your own values; change one with ``attrs.evolve``.

    Attributes:
        name: a label shown in the timeline.
        steps: the kinds of step the creditor uses; a country skips kinds it does not know
            (Sweden has no ``COLLECTION_NOTICE`` and treats its påminnelse as the reminder, so
            it skips ``FRIENDLY_REMINDER``; Norway skips the Swedish practice steps).
        days_after_due: for each kind, the earliest day (counted from the due date) the
            creditor takes it. Missing kinds: no policy limit.
        deadline_days: for each kind, the payment deadline (days from sending) the creditor
            sets; never shorter than a legal minimum. Missing kinds: the legal minimum, or no
            deadline where the law sets none.
        days_between_steps: days to wait after the previous step's deadline (or its day, if it
            set none) before the next step; the next step is never before the day after it.
        preferred_channel: the customer's preferred channel, used first where the step allows.
        channels: a channel per kind, overriding the preferred channel.
        charge_fees: whether the creditor charges the fees the law allows.
        letter_delivery_days: the creditor's estimate of the days a letter takes to reach the
            debtor; needed for a Swedish inkassokrav by letter (4 bank days from likely
            receipt). The sources give no number, so there is no default. E-mail and SMS count
            as received the day they are sent.
    """

    name: str = "custom"
    steps: tuple[StepKind, ...] = attrs.field(converter=_kinds)
    days_after_due: Mapping[StepKind, int] = attrs.field(factory=dict, converter=_map)
    deadline_days: Mapping[StepKind, int] = attrs.field(factory=dict, converter=_map)
    days_between_steps: int = 0
    preferred_channel: Channel | None = None
    channels: Mapping[StepKind, Channel] = attrs.field(factory=dict, converter=_channel_map)
    charge_fees: bool = True
    letter_delivery_days: int | None = None

    def __attrs_post_init__(self) -> None:
        # Checked here, not in attrs validators (they can be switched off).
        name: object = self.name
        if not isinstance(name, str):
            raise InvalidInput(f"name must be a string, got {name!r}")
        self._check_steps()
        self._check_channels()
        if not isinstance(self.charge_fees, bool):
            raise InvalidInput(f"charge_fees must be True or False, got {self.charge_fees!r}")

    def _check_steps(self) -> None:
        if not self.steps:
            raise InvalidInput("a policy needs at least one step")
        for kind in self.steps:
            if not isinstance(kind, StepKind):
                raise InvalidInput(f"steps must hold StepKind values, got {kind!r}")
        if len(set(self.steps)) != len(self.steps):
            raise InvalidInput(f"each kind of step may appear once, got {self.steps}")
        for table, what in ((self.days_after_due, "days_after_due"), (self.deadline_days, "")):
            for kind, days in table.items():
                if not isinstance(kind, StepKind):
                    raise InvalidInput(f"keys must be StepKind values, got {kind!r}")
                check_int(days, f"{what or 'deadline_days'}[{kind.value}]", minimum=0)
        check_int(self.days_between_steps, "days_between_steps", minimum=0)
        if self.letter_delivery_days is not None:
            check_int(self.letter_delivery_days, "letter_delivery_days", minimum=0)

    def _check_channels(self) -> None:
        if self.preferred_channel is not None and not isinstance(self.preferred_channel, Channel):
            raise InvalidInput(
                f"preferred_channel must be a Channel, got {self.preferred_channel!r}"
            )
        for kind, channel in self.channels.items():
            key: object = kind
            value: object = channel
            if not isinstance(key, StepKind) or not isinstance(value, Channel):
                raise InvalidInput(f"channels maps StepKind to Channel, got {kind!r}: {channel!r}")
            if kind.written and channel is Channel.PHONE:
                raise InvalidInput(f"a {kind.value} must be in writing; it cannot be a phone call")

    def channel_for(self, kind: StepKind) -> Channel:
        """The channel of *kind*: the one set for it, else the preferred one, else the default.

        The preferred channel is skipped for a written step when it is the phone.
        """
        if not isinstance(kind, StepKind):
            raise InvalidInput(f"channel_for needs a StepKind, got {kind!r}")
        if kind in self.channels:
            return self.channels[kind]
        preferred = self.preferred_channel
        if preferred is not None and not (kind.written and preferred is Channel.PHONE):
            return preferred
        return _DEFAULT_CHANNELS[kind]

    @classmethod
    def earliest_lawful(cls) -> CreditorPolicy:
        """Every statutory step, each on the earliest day the law allows, with fees.

        Deadlines are the legal minimums (a Norwegian purring gets 14 days, the minimum that
        lets the next letter carry a fee, inkassoforskriften § 1-3); no friendly reminder.

        >>> [k.value for k in CreditorPolicy.earliest_lawful().steps]
        ['reminder', 'collection_notice', 'collection_demand', 'legal_action']
        """
        return cls(
            name="earliest lawful",
            steps=(
                StepKind.REMINDER,
                StepKind.COLLECTION_NOTICE,
                StepKind.COLLECTION_DEMAND,
                StepKind.LEGAL_ACTION,
            ),
        )

    @classmethod
    def practice(cls, jurisdiction: str) -> CreditorPolicy:
        """The library's practice default for ``"NO"`` or ``"SE"`` (practice, not law).

        Source: shared/domain/practice.md (the practitioner texts the project serves) and the
        Swedish industry timeline (sweden.md § 10). Norway: a friendly reminder by SMS 5 days
        after the due date, then the statutory steps, each letter with a 14-day deadline
        (Altinn advises "betalingsfrist på 14 dagar" on every fee-bearing purring). Sweden: a
        påminnelse not before 5 days after the due date with 10 days to pay ("if payment is
        missing the case goes to collection after 10 days"), then the inkassokrav and
        Kronofogden; add ``COLLECTION_WARNING`` and ``NOTICE_BEFORE_ENFORCEMENT`` to ``steps``
        with ``attrs.evolve`` to use the two practice steps.

        >>> CreditorPolicy.practice("SE").days_after_due[StepKind.REMINDER]
        5
        """
        if jurisdiction == "NO":
            return cls(
                name="practice (NO)",
                steps=(
                    StepKind.FRIENDLY_REMINDER,
                    StepKind.REMINDER,
                    StepKind.COLLECTION_NOTICE,
                    StepKind.COLLECTION_DEMAND,
                    StepKind.LEGAL_ACTION,
                ),
                days_after_due={StepKind.FRIENDLY_REMINDER: 5, StepKind.REMINDER: 14},
                deadline_days={StepKind.REMINDER: 14, StepKind.COLLECTION_NOTICE: 14},
            )
        if jurisdiction == "SE":
            return cls(
                name="practice (SE)",
                steps=(
                    StepKind.REMINDER,
                    StepKind.COLLECTION_DEMAND,
                    StepKind.LEGAL_ACTION,
                ),
                days_after_due={StepKind.REMINDER: 5},
                deadline_days={StepKind.REMINDER: 10, StepKind.COLLECTION_WARNING: 7},
            )
        raise InvalidInput(f"jurisdiction must be 'NO' or 'SE', got {jurisdiction!r}")


def _amount(money: Money | None) -> str:
    return UNKNOWN if money is None else str(money.rounded(to=MINOR_UNIT).amount)


UNKNOWN: Final = "unknown"
"""What a record or table shows for an amount that cannot be known yet (see :class:`Unknown`)."""


@attrs.frozen(kw_only=True)
class Unknown:
    """Ukjent / okänt (a value of a planned step the law data cannot give yet, and why).

    A plan keeps every step whose day and kind the law decides. Where a step's interest or
    amount due depends on a value the data does not have on that step's day (a half-year's rate
    not yet published), the field is None and an ``Unknown`` says which field and why, instead
    of the whole plan failing. What *is* that number (:func:`~inkassorules.balance`,
    ``late_interest``) still refuses.

    Attributes:
        field: the field of the step (``"interest"``, ``"principal"``).
        reason: why it cannot be known (the refusal of the rule that needed the value).
    """

    field: str
    reason: str


@attrs.frozen(kw_only=True)
class Step:
    """Skritt / åtgärd (one step of a collection timeline: taken, or planned).

    A step the case records as taken (a :class:`~inkassorules.events.LetterSent` or
    :class:`~inkassorules.events.LegalActionFiled`) has status ``"taken"``, is governed by
    ``"recorded"``, and shows the day it was taken and the fee it charged (its ``fee``; the audit
    says whether it was lawful, :func:`~inkassorules.audit`).

    Attributes:
        number: 1 for the first step of the timeline, 2 for the next, ...
        kind: what the step is.
        name: its name in the country's language (``"inkassovarsel"``, ``"inkassokrav"``).
        earliest_lawful: the first day the law allows it, with or without its fee (``fee``
            says what it may carry on ``planned_on``; a purring planned with a fee: the first
            day it may carry it).
        planned_on: the day the timeline takes it: never before ``earliest_lawful`` or the
            timeline's ``as_of``.
        governed_by: what decided ``planned_on``: ``"law"``, ``"policy"``, ``"as_of"``,
            ``"contact window"``, or ``"recorded"`` for a step taken.
        status: ``"taken"`` (recorded in the case), or for a planned step ``"overdue"`` (its
            day had passed on ``as_of``), ``"due"`` or ``"planned"``.
        channel: sms, email, letter or phone.
        contact_at: for a phone step, the first moment of the lawful contact window (aware, in
            Europe/Oslo or Europe/Stockholm); None otherwise.
        fee: the fee cap of this step (zero with the reason when none may be charged); for a
            step taken, the part of the fee it charged that the law allowed (``charged`` holds
            what it charged).
        interest: late interest accrued from the interest start to ``planned_on`` on the
            balance payments left; None when a rate it needs is not known yet (see
            ``unknown``), or when interest ran in more than one stretch (a due date postponed
            after default): ``interest_due`` is then still known.
        principal: the principal due on ``planned_on`` (less any disputed part withheld); None
            when it cannot be known yet.
        interest_due: the interest accrued and not paid on ``planned_on``; None when it cannot
            be known yet.
        fees: the fees due on ``planned_on``: this step's and the earlier steps' (for a business
            debtor, from the collection demand on, at least the fixed compensation, which
            covers the fees up to its amount).
        withheld: the disputed amount held back from this step.
        deadline: the last day the step gives the debtor to pay (or object), or None.
        latest_on: the last day the step may be taken on the earlier steps (NO legal action:
            six months after the betalingsoppfordring), or None.
        next_kind: the kind of the following step if the debtor does not pay, or None.
        reasons: how the day, the fee and the deadline were decided.
        basis: the citations of every rule and dated value used.
        unknown: the fields that cannot be known yet, each with the reason (empty when all
            are known).
        charged: for a step taken, the fee it charged as recorded (``fee`` is then the part
            of it the law allowed, :func:`~inkassorules.ledger.charges`); None for a planned
            step.
    """

    number: int
    kind: StepKind
    name: str
    earliest_lawful: dt.date
    planned_on: dt.date
    governed_by: Governor
    status: Status
    channel: Channel
    contact_at: dt.datetime | None
    fee: FeeCap
    interest: BalanceInterestResult | None
    principal: Money | None
    interest_due: Money | None
    fees: Money
    withheld: Money
    deadline: dt.date | None
    latest_on: dt.date | None
    next_kind: StepKind | None
    reasons: tuple[str, ...] = ()
    basis: tuple[Citation, ...] = ()
    unknown: tuple[Unknown, ...] = ()
    charged: Money | None = None

    def __attrs_post_init__(self) -> None:
        # Invariants checked here, not in attrs validators (they can be switched off).
        check_int(self.number, "number", minimum=1)
        check_date(self.planned_on, "planned_on")
        if self.planned_on < check_date(self.earliest_lawful, "earliest_lawful"):
            raise InvalidInput(
                f"step {self.kind.value} planned on {self.planned_on}, before the earliest "
                f"lawful day {self.earliest_lawful}"
            )
        if self.deadline is not None and check_date(self.deadline, "deadline") < self.planned_on:
            raise InvalidInput(f"deadline {self.deadline} is before the step ({self.planned_on})")
        if self.contact_at is not None:
            check_aware(self.contact_at, "contact_at")
        currency = self.fee.amount.currency
        parts = (self.principal, self.interest_due, self.fees, self.withheld)
        for part in parts:
            if part is not None and part.currency != currency:
                raise CurrencyMismatch(currency, part.currency, context="a step's amounts")
        if any(part is not None and part.is_negative for part in parts[:3]):
            raise InvalidInput("no part of the amount due may be negative")
        missing = {u.field for u in self.unknown}
        if self.interest_due is None and "interest" not in missing:
            raise InvalidInput("a step's interest_due may be None only with the reason in unknown")
        if self.principal is None and "principal" not in missing:
            raise InvalidInput("a step's principal may be None only with the reason in unknown")

    @property
    def total(self) -> Money | None:
        """Principal + interest + fees due on ``planned_on``; None if a part is unknown."""
        if self.principal is None or self.interest_due is None:
            return None
        return self.principal + self.interest_due + self.fees

    @property
    def provisional(self) -> bool:
        """True if a value or rule of medium confidence was used (see :attr:`basis`)."""
        return any_provisional(self.basis)

    def explain(self) -> str:
        """The step, its day and amounts, the reasons and the citations, as text."""
        head = (
            f"{self.number}. {self.name} ({self.kind.value}, level {self.kind.level}) on "
            f"{self.planned_on.isoformat()} by {self.channel.value} [{self.status}; "
            f"{self.governed_by} governed; earliest lawful {self.earliest_lawful.isoformat()}]"
        )

        def shown(money: Money | None) -> str:
            return UNKNOWN if money is None else str(money)

        amounts = (
            f"   due: principal {shown(self.principal)}, interest {shown(self.interest_due)}, "
            f"fees {self.fees}; total {shown(self.total)}; fee of this step {self.fee.amount}"
        )
        lines = [head, amounts]
        lines.extend(f"   {u.field} unknown: {u.reason}" for u in self.unknown)
        if self.deadline is not None:
            lines.append(f"   deadline {self.deadline.isoformat()}")
        lines.extend(f"   {reason}" for reason in self.reasons)
        if self.basis:
            lines.append(explain(self.basis))
        return "\n".join(lines)

    def to_record(self) -> dict[str, str | int]:
        """The step as a plain dict of strings and numbers (a row of ``to_records()``)."""
        return {
            "number": self.number,
            "step": self.kind.value,
            "name": self.name,
            "level": self.kind.level,
            "status": self.status,
            "earliest_lawful": self.earliest_lawful.isoformat(),
            "planned_on": self.planned_on.isoformat(),
            "governed_by": self.governed_by,
            "channel": self.channel.value,
            "contact_at": "" if self.contact_at is None else self.contact_at.isoformat(),
            "fee": _amount(self.fee.amount),
            "charged": "" if self.charged is None else _amount(self.charged),
            "principal": _amount(self.principal),
            "interest": _amount(self.interest_due),
            "fees": _amount(self.fees),
            "total": _amount(self.total),
            "currency": self.fee.amount.currency,
            "deadline": "" if self.deadline is None else self.deadline.isoformat(),
        }

    def __repr__(self) -> str:
        return _html.step_repr(self)

    def _repr_html_(self) -> str:
        return _html.step_html(self)


@attrs.frozen(kw_only=True)
class Timeline:
    """Innkrevingsløp / indrivningsplan (the steps of one case: taken, then planned on ``as_of``).

    Attributes:
        claim: the claim planned (with a postponed due date or credits: as they stand on
            ``as_of``; after an acceleration: the accelerated balance, due on the acceleration
            date).
        as_of: the day the plan was made.
        policy: the creditor policy used.
        steps: the steps taken (status ``"taken"``), then the steps planned, in order.
        interest_start: when late interest starts, and why.
        stopped: why escalation stops before the last step (dispute, payment, agreement), or
            None.
        disputes: the disputes that stopped escalation.
        agreement: the instalment agreement given, if any.
        acceleration: the acceleration that ended the agreement, if any.
        notes: what changed the plan (payments, partial disputes, acceleration).
        basis: the citations of the rules that changed or stopped the plan.
    """

    claim: Claim
    as_of: dt.date
    policy: CreditorPolicy
    steps: tuple[Step, ...]
    interest_start: InterestStart
    stopped: str | None = None
    disputes: tuple[Dispute, ...] = ()
    agreement: InstalmentAgreement | None = None
    acceleration: Acceleration | None = None
    notes: tuple[str, ...] = ()
    basis: tuple[Citation, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        check_date(self.as_of, "as_of")
        previous: Step | None = None
        for step in self.steps:
            if step.status == "taken":
                if step.planned_on > self.as_of:
                    raise InvalidInput(f"step {step.number} is taken after as_of {self.as_of}")
                if previous is not None and previous.status != "taken":
                    raise InvalidInput("the steps taken come before the steps planned")
            elif step.planned_on < self.as_of:
                raise InvalidInput(f"step {step.number} is planned before as_of {self.as_of}")
            if previous is not None and step.planned_on < previous.planned_on:
                raise InvalidInput("steps must be in order of their day")
            previous = step

    @property
    def taken(self) -> tuple[Step, ...]:
        """The steps the case records as taken, in order."""
        return tuple(s for s in self.steps if s.status == "taken")

    @property
    def planned(self) -> tuple[Step, ...]:
        """The steps still to take, in order."""
        return tuple(s for s in self.steps if s.status != "taken")

    @property
    def unknown(self) -> tuple[str, ...]:
        """Why some amounts of the plan cannot be known yet: each reason once, in order."""
        return tuple(dict.fromkeys(u.reason for s in self.steps for u in s.unknown))

    @property
    def agreement_holds(self) -> bool:
        """True if an instalment agreement replaces the escalation on ``as_of``."""
        return self.agreement is not None and self.acceleration is None

    def to_records(self) -> list[dict[str, object]]:
        """One typed row per step (see :mod:`inkassorules.records`): ``polars.DataFrame(rows)``.

        >>> from datetime import date
        >>> from inkassorules import Claim, DebtorKind, Money
        >>> claim = Claim(principal=Money.of("1000", "SEK"), due_date=date(2026, 3, 2),
        ...               jurisdiction="SE", debtor_kind=DebtorKind.CONSUMER)
        >>> rows = plan(claim, as_of=date(2026, 3, 2)).to_records()
        >>> [(r["step"], r["planned_on"], r["fee"], r["deadline"]) for r in rows]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('reminder', datetime.date(2026, 3, 7), Decimal('0.00'), datetime.date(2026, 3, 17)),
         ('collection_demand', datetime.date(2026, 3, 18), Decimal('180.00'),
          datetime.date(2026, 3, 26)),
         ('legal_action', datetime.date(2026, 3, 27), Decimal('680.00'), None)]
        """
        return records.typed([step.to_record() for step in self.steps], Timeline)

    def _repr_html_(self) -> str:
        return _html.timeline_html(self)

    def explain(self) -> str:
        """Every step with its reasons and citations, then what changed or stopped the plan."""
        lines = [
            (
                f"collection timeline for {self.claim.principal} due "
                f"{self.claim.due_date.isoformat()} ({self.claim.jurisdiction}, "
                f"{self.claim.debtor_kind.value}), as of {self.as_of.isoformat()}, policy "
                f"{self.policy.name!r}"
            )
        ]
        lines.extend(step.explain() for step in self.steps)
        lines.extend(f"note: {note}" for note in self.notes)
        if self.stopped:
            lines.append(f"stopped: {self.stopped}")
        if self.basis:
            lines.append(explain(self.basis, notes=True))
        return "\n".join(lines)

    def __repr__(self) -> str:
        return _html.timeline_repr(self)

    def plot(self, ax: Any = None) -> Any:
        """The steps, deadlines and lawful days on a time axis (:func:`.plot.timeline`)."""
        from inkassorules import plot  # noqa: PLC0415 -- matplotlib is optional

        return plot.timeline(self, ax)


@attrs.frozen(kw_only=True)
class NextStep:
    """Neste skritt / nästa åtgärd (what may be done for a claim on ``as_of``).

    Attributes:
        as_of: the day asked about.
        step: the next step of the timeline, or None when there is none (paid, disputed, an
            agreement holds, or every step is done).
        lawful_today: True if the law allows the step on ``as_of`` (for a phone step: and a
            contact window is open that day).
        planned_on: the day the timeline plans it (``as_of`` when it is due or overdue).
        earliest_on: the first day on or after ``as_of`` the law allows it.
        reason: why there is no step, or what the step is waiting for.
        basis: the citations.
        time_barred_on: the first day the claim is time-barred on its history up to ``as_of``
            (foreldelse / preskription, :func:`~inkassorules.limitation`), or None where the
            data does not cover the claim's dates. From that day no collection step is
            proposed; when the next step falls on or after it, ``reason`` says which step
            would interrupt the limitation period in time.
    """

    as_of: dt.date
    step: Step | None
    lawful_today: bool
    planned_on: dt.date | None
    earliest_on: dt.date | None
    reason: str
    basis: tuple[Citation, ...] = ()
    time_barred_on: dt.date | None = None

    def explain(self) -> str:
        """The answer and the citations, as text."""
        return _html.next_step_explain(self)

    def __repr__(self) -> str:
        return _html.next_step_repr(self)

    def _repr_html_(self) -> str:
        return _html.next_step_html(self)

    def to_records(self) -> list[dict[str, object]]:
        """One typed row (see :data:`inkassorules.records.COLUMNS`)."""
        return records.next_step_records(self)


# -- the engine each country's rules plug into ----------------------------------------------
# The private records below are NamedTuples, not attrs classes: they are never handed to users,
# and a NamedTuple is cheaper to create at import and per step (docs/performance.md).


class _Lawful(NamedTuple):
    """A day with the reasons and citations that fix it (an earliest day or a deadline)."""

    day: dt.date
    reasons: tuple[str, ...] = ()
    basis: tuple[Citation, ...] = ()


class _Context(NamedTuple):
    """What a country's rules see when they place a step."""

    claim: Claim
    law: LawBook
    policy: CreditorPolicy
    earlier: tuple[Step, ...]

    def last(self, kind: StepKind) -> Step | None:
        """The latest earlier step of *kind*."""
        return next((s for s in reversed(self.earlier) if s.kind is kind), None)


class _Country(NamedTuple):
    """One country's step rules, as :mod:`inkassorules.no.timeline` and ``se.timeline`` give."""

    code: str
    kinds: tuple[StepKind, ...]
    names: Mapping[StepKind, str]
    requires: Mapping[StepKind, StepKind]
    earliest: Callable[[_Context, StepKind], _Lawful]
    fee: Callable[[_Context, StepKind, dt.date], FeeCap]
    deadline: Callable[[_Context, StepKind, dt.date, Channel], _Lawful | None]
    latest: Callable[[_Context, StepKind, dt.date], _Lawful | None]
    interest_start: Callable[[Claim, LawBook], InterestStart]
    interest: Callable[
        [Money, Sequence[Payment], dt.date, dt.date, LawBook], BalanceInterestResult
    ]
    fees_due: Callable[[_Context, StepKind, FeeCap], FeeCap | None]
    contact: Callable[[dt.datetime, Sequence[dt.datetime], LawBook], dt.datetime]
    citations: Mapping[str, Citation]


def _check_sequence(value: object, argument: str, kind: type) -> tuple[object, ...]:
    if type(value) is tuple and not value:  # the default: nothing to check
        return ()
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidInput(f"{argument} must be a sequence of {kind.__name__}, got {value!r}")
    items = tuple(value)
    for item in items:
        if not isinstance(item, kind):
            raise InvalidInput(f"{argument} must hold {kind.__name__} objects, got {item!r}")
    return items


def _check_payments(payments: object, claim: Claim, as_of: dt.date) -> tuple[Payment, ...]:
    if type(payments) is tuple and not payments:  # the default: no payments
        return ()
    checked: list[Payment] = []
    for payment in _check_sequence(payments, "payments", Payment):
        assert isinstance(payment, Payment)  # noqa: S101 -- narrowed by _check_sequence
        if payment.amount.currency != claim.currency:
            raise CurrencyMismatch(claim.currency, payment.amount.currency, context="a payment")
        if payment.paid_on > as_of:
            raise InvalidInput(
                f"a payment on {payment.paid_on} is after as_of {as_of}: a plan knows only the "
                "payments made by the day it is made"
            )
        checked.append(payment)
    return tuple(sorted(checked, key=lambda p: p.paid_on))


def _is_dispute(value: object) -> TypeGuard[Dispute]:
    return isinstance(value, Dispute)


def _zero_fee(currency: str, reason: str) -> FeeCap:
    return FeeCap(amount=Money.zero(currency), reasons=(reason,))


def _policy_day(
    claim: Claim, policy: CreditorPolicy, kind: StepKind, previous: Step | None
) -> tuple[dt.date, str]:
    day = add_days(claim.due_date, policy.days_after_due.get(kind, 0))
    why = f"policy: {policy.days_after_due.get(kind, 0)} days after the due date"
    if kind not in policy.days_after_due:
        why = "policy: no timing of its own"
    if previous is not None:
        end = previous.deadline if previous.deadline is not None else previous.planned_on
        after = add_days(end, 1 + policy.days_between_steps)
        if after > day:
            what = "deadline" if previous.deadline is not None else "day"
            day, why = (
                after,
                (
                    f"policy: after the {previous.name} {what} {end.isoformat()}"
                    + (f" + {policy.days_between_steps} days" if policy.days_between_steps else "")
                ),
            )
    return day, why


def _place(
    rules: _Country,
    lawful: _Lawful,
    policy_day: tuple[dt.date, str],
    *,
    as_of: dt.date,
    channel: Channel,
    contact_history: Sequence[dt.datetime],
    law: LawBook,
) -> tuple[dt.date, Governor, Status, dt.datetime | None, list[str]]:
    day, why = policy_day
    wanted = max(lawful.day, day)
    governed: Governor = "law" if lawful.day >= day else "policy"
    reasons = [f"earliest lawful day {lawful.day.isoformat()}", why]
    status: Status = "overdue" if wanted < as_of else "due" if wanted == as_of else "planned"
    planned = wanted
    if wanted < as_of:
        planned, governed = as_of, "as_of"
        reasons.append(f"its day {wanted.isoformat()} has passed: planned for as_of")
    contact_at = None
    if channel is Channel.PHONE:
        midnight = dt.datetime.combine(planned, dt.time(), tzinfo=time_zone(rules.code))
        contact_at = rules.contact(midnight, contact_history, law)
        if contact_at.date() > planned:
            planned, governed = contact_at.date(), "contact window"
        reasons.append(f"phone: first lawful contact moment {contact_at.isoformat()}")
    return planned, governed, status, contact_at, reasons


class _Due(NamedTuple):
    """The amount due on a day, as far as the law data lets it be known."""

    interest: BalanceInterestResult | None
    principal: Money | None
    interest_due: Money | None
    unknown: tuple[Unknown, ...] = ()
    fees: Money | None = None  # the ledger's lawful fees unpaid, where it was asked

    @property
    def basis(self) -> tuple[Citation, ...]:
        return () if self.interest is None else self.interest.basis

    @property
    def settled(self) -> bool:
        """True if nothing of the principal and the interest is left."""
        return (
            self.principal is not None
            and self.interest_due is not None
            and self.principal.is_zero
            and self.interest_due.is_zero
        )


def _due(  # noqa: PLR0917 -- the interest rule's own arguments, in its order
    rules: _Country,
    principal: Money,
    payments: Sequence[Payment],
    start: dt.date,
    day: dt.date,
    law: LawBook,
) -> _Due:
    """Interest to *day* on the balance *payments* leave; what cannot be known, and why.

    A rate not yet in the data on a day up to *day* (``NotInForce``, e.g. ``RateNotPublished``)
    leaves the interest unknown. The principal is still known when the interest up to the last
    payment is: no later payment changes it.
    """
    try:
        result = rules.interest(principal, payments, start, day, law)
    except NotInForce as error:
        reason = str(error)
    else:
        return _Due(result, result.principal_outstanding, result.interest_outstanding)
    last = max((p.paid_on for p in payments), default=None)
    left: Money | None = principal
    if last is not None:
        try:
            left = rules.interest(principal, payments, start, last, law).principal_outstanding
        except NotInForce:
            left = None
    unknown = [Unknown(field="interest", reason=reason)]
    if left is None:
        unknown.append(Unknown(field="principal", reason=reason))
    return _Due(None, left, None, tuple(unknown))


def _fees(
    rules: _Country,
    context: _Context,
    kind: StepKind,
    planned: dt.date,
    ledger: _Ledger | None,
) -> tuple[FeeCap, Money, FeeCap | None]:
    """The step's fee cap, the fees due with it, and the country's fees due (compensation)."""
    currency = context.claim.currency
    policy = context.policy
    if kind is StepKind.FRIENDLY_REMINDER:
        fee = _zero_fee(currency, "a friendly reminder carries no fee (creditor policy)")
    elif not policy.charge_fees:
        fee = _zero_fee(currency, "the creditor's policy is to charge no fees")
    else:
        fee = rules.fee(context, kind, planned)
    earlier = context.earlier
    ordinary = (
        Money.total((s.fee.amount for s in earlier), currency=currency)
        if earlier
        else Money.zero(currency)  # Money.total of no fees, without the generator
    ) + fee.amount
    fees_due = rules.fees_due(context, kind, fee) if policy.charge_fees else None
    if ledger is not None:  # the lawful fees of the history, less what payments covered
        ordinary += ledger.fees_offset
        if fees_due is not None:
            fees_due = attrs.evolve(fees_due, amount=fees_due.amount + ledger.fees_offset)
    return fee, ordinary, fees_due


class _Ledger(NamedTuple):
    """The case's own accounts, for a plan whose history charged fees or moved the claim.

    The amounts due on a planned day are :func:`~inkassorules.ledger.balance`'s: the lawful part
    of each fee charged, each payment applied costs -> interest -> principal on its day,
    credits and postponed due dates as the ledger reads them.
    """

    case: Case
    law: LawBook
    charges: Mapping[int, Charge]  # by id() of the event
    fees_offset: Money  # lawful fees outside the steps (agreements) less fees paid
    last_money_day: dt.date | None  # the last payment or credit up to as_of
    delivery_days: int | None  # the policy's letter_delivery_days (SE krav by letter)

    def balance(self, day: dt.date) -> Balance:
        # Imported here: the ledger reads the country modules, which import this one.
        from inkassorules.ledger import balance  # noqa: PLC0415

        return balance(
            self.case.until(day), on=day, law=self.law, letter_delivery_days=self.delivery_days
        )

    def due(self, day: dt.date) -> _Due:
        try:
            owed = self.balance(day)
        except NotInForce as error:
            reason = str(error)
        else:
            parts = owed.interest_parts
            return _Due(
                parts[0] if len(parts) == 1 else None,
                owed.principal,
                owed.interest,
                fees=owed.fees,
            )
        left: Money | None = self.case.claim.principal - self.case.credited_on(day)
        if self.last_money_day is not None:
            try:
                left = self.balance(self.last_money_day).principal
            except NotInForce:
                left = None
        unknown = [Unknown(field="interest", reason=reason)]
        if left is None:
            unknown.append(Unknown(field="principal", reason=reason))
        return _Due(None, left, None, tuple(unknown))


def _uses_ledger(case: Case) -> bool:
    """True if the case's history changes the accounts beyond payments on the principal."""
    return any(
        isinstance(e, LetterSent | LegalActionFiled | CreditGranted | DueDatePostponed)
        or (isinstance(e, AgreementMade) and e.agreement.fee is not None)
        for e in case.events
    )


def _ledger_of(case: Case, law: LawBook, policy: CreditorPolicy) -> _Ledger:
    from inkassorules.ledger import balance, charges  # noqa: PLC0415 -- see _Ledger.balance

    found = charges(case, law=law, letter_delivery_days=policy.letter_delivery_days)
    currency = case.claim.currency
    outside = Money.total(
        (c.lawful for c in found if isinstance(c.event, AgreementMade)), currency=currency
    )
    money_days = [e.paid_on for e in case.payments] + [c.on for c in case.credits]
    last = max(money_days, default=None)
    paid = Money.zero(currency)
    if case.payments and last is not None:
        owed = balance(case, on=last, law=law, letter_delivery_days=policy.letter_delivery_days)
        paid = Money.total((a.costs for a in owed.allocations), currency=currency)
    return _Ledger(
        case=case,
        law=law,
        charges={id(c.event): c for c in found},
        fees_offset=outside - paid,
        last_money_day=last,
        delivery_days=policy.letter_delivery_days,
    )


def _run(
    rules: _Country,
    claim: Claim,
    *,
    as_of: dt.date,
    policy: CreditorPolicy,
    payments: tuple[Payment, ...],
    disputes: tuple[Dispute, ...],
    contact_history: tuple[dt.datetime, ...],
    law: LawBook,
    start: InterestStart,
    taken: tuple[Step, ...] = (),
    ledger: _Ledger | None = None,
    limit: int | None = None,
) -> tuple[list[Step], str | None, tuple[Dispute, ...], list[str], list[Citation]]:
    # taken: the steps the case records, which the plan continues from. limit: stop after that
    # many planned steps (next_step needs only the first; the steps already planned do not
    # depend on the later ones, so they are the same as in the full plan).
    kinds = _country_kinds(rules.code, policy.steps, _taken_kinds(taken))
    steps: list[Step] = list(taken)
    notes: list[str] = []
    basis: list[Citation] = []
    currency = claim.currency
    for index, kind in enumerate(kinds):
        context = _Context(claim=claim, law=law, policy=policy, earlier=tuple(steps))
        lawful = rules.earliest(context, kind)
        channel = policy.channel_for(kind)
        planned, governed, status, contact_at, reasons = _place(
            rules,
            lawful,
            _policy_day(claim, policy, kind, steps[-1] if steps else None),
            as_of=as_of,
            channel=channel,
            contact_history=contact_history,
            law=law,
        )
        if disputes:
            decision = may_take_step(claim, kind, on=planned, disputes=disputes)
            if not decision.allowed:
                standing = tuple(d for d in disputes if d.stands_on(planned) and d.reasonable)
                return (
                    steps,
                    decision.explain().splitlines()[0],
                    standing,
                    notes,
                    list(decision.basis),
                )
            disputed, disputed_basis = decision.withheld, decision.basis
            if disputed.is_positive:
                notes.append(
                    f"{rules.names[kind]} on {planned.isoformat()}: {disputed} is "
                    "disputed and withheld; the undisputed part is collected"
                )
                basis.extend(disputed_basis)
        else:
            # may_take_step without disputes: allowed, nothing withheld, no reasons or basis.
            disputed, disputed_basis = Money.zero(currency), ()
        due = (
            _due(rules, claim.principal, payments, start.start, planned, law)
            if ledger is None
            else ledger.due(planned)
        )
        if due.settled:
            return steps, "the claim is paid in full (principal and interest)", (), notes, basis
        fee, ordinary, fees_due = _fees(rules, context, kind, planned, ledger)
        deadline = rules.deadline(context, kind, planned, channel)
        latest = rules.latest(context, kind, planned)
        withheld = disputed if due.principal is None else min(disputed, due.principal)
        remaining = kinds[index + 1 :]
        steps.append(
            Step(
                number=len(steps) + 1,
                kind=kind,
                name=rules.names[kind],
                earliest_lawful=lawful.day,
                planned_on=planned,
                governed_by=governed,
                status=status,
                channel=channel,
                contact_at=contact_at,
                fee=fee,
                interest=due.interest,
                principal=None if due.principal is None else due.principal - withheld,
                interest_due=due.interest_due,
                fees=ordinary if fees_due is None else fees_due.amount,
                withheld=withheld,
                deadline=None if deadline is None else deadline.day,
                latest_on=None if latest is None else latest.day,
                next_kind=remaining[0] if remaining else None,
                reasons=(
                    *lawful.reasons,
                    *reasons,
                    *fee.reasons,
                    *(() if fees_due is None else fees_due.reasons),
                    *(() if deadline is None else deadline.reasons),
                    *(() if latest is None else latest.reasons),
                ),
                basis=tuple(
                    dict.fromkeys(
                        (
                            *lawful.basis,
                            *fee.basis,
                            *(() if fees_due is None else fees_due.basis),
                            *(() if deadline is None else deadline.basis),
                            *(() if latest is None else latest.basis),
                            *due.basis,
                            *disputed_basis,
                        )
                    )
                ),
                unknown=due.unknown,
            )
        )
        if limit is not None and len(steps) - len(taken) >= limit:
            break
    return steps, None, (), notes, basis


def _taken_kinds(taken: tuple[Step, ...]) -> tuple[StepKind, ...]:
    return tuple(dict.fromkeys(s.kind for s in taken))


@functools.lru_cache(maxsize=256)
def _country_kinds(
    code: str, steps: tuple[StepKind, ...], taken: tuple[StepKind, ...] = ()
) -> tuple[StepKind, ...]:
    """The country's kinds of step that *steps* holds and are still to take, in order.

    The plan continues from the highest step *taken*: only kinds of a higher level are still
    to take. Checked once per (country, steps, taken): a kind whose required earlier kind is
    neither taken nor planned raises RuleRefused (an error is not remembered, so it is raised
    again on every call).
    """
    rules = _rules(code)
    top = max((k.level for k in taken), default=0)
    kinds = tuple(k for k in rules.kinds if k in steps and k.level > top)
    for kind in kinds:
        needed = rules.requires.get(kind)
        if needed is not None and needed not in kinds and needed not in taken:
            raise RuleRefused(
                f"the {rules.names[kind]} needs the {rules.names[needed]} first; add "
                f"{needed.value} to the policy's steps",
                rule=rules.citations[kind.value].rule,
            )
    return kinds


@functools.cache
def _rules(code: str) -> _Country:
    # The country modules import this one; they are looked up by name to avoid an import cycle.
    module = importlib.import_module(f"inkassorules.{code.lower()}.timeline")
    rules = getattr(module, "_RULES", None)
    if not isinstance(rules, _Country):  # pragma: no cover -- a packaging error
        raise TypeError(code)
    return rules


@functools.cache
def _practice(code: str) -> CreditorPolicy:
    # CreditorPolicy is immutable: the default is built once per country, not on every call.
    return CreditorPolicy.practice(code)


def _check_arguments(
    rules: _Country,
    case: Case,
    *,
    as_of: object,
    policy: object,
    law: object,
) -> tuple[LawBook, CreditorPolicy]:
    if case.claim.jurisdiction != rules.code:
        raise InvalidInput(
            f"a {case.claim.jurisdiction} case cannot be planned by {rules.code} rules"
        )
    check_date(as_of, "as_of")
    book = builtin() if law is None else law
    if not isinstance(book, LawBook):
        raise InvalidInput(f"law must be a LawBook or None, got {law!r}")
    chosen = _practice(rules.code) if policy is None else policy
    if not isinstance(chosen, CreditorPolicy):
        raise InvalidInput(f"policy must be a CreditorPolicy or None, got {policy!r}")
    return book, chosen


def _taken_steps(
    rules: _Country,
    claim: Claim,
    *,
    events: tuple[LetterSent | LegalActionFiled, ...],
    payments: tuple[Payment, ...],
    start: InterestStart,
    law: LawBook,
    ledger: _Ledger | None = None,
) -> tuple[Step, ...]:
    """The steps *events* record, as timeline steps with the amounts due on their days."""
    steps: list[Step] = []
    currency = claim.currency
    zero = Money.zero(currency)
    for event in events:
        if isinstance(event, LetterSent):
            kind, day, charged = event.kind, event.sent_on, event.fee_charged
            channel, deadline = event.channel, event.deadline
        else:
            kind, day = StepKind.LEGAL_ACTION, event.on
            charged = zero if event.fee_charged is None else event.fee_charged
            channel, deadline = Channel.LETTER, None
        name = rules.names[kind]
        charge = None if ledger is None else ledger.charges.get(id(event))
        if ledger is None:
            due = _due(
                rules,
                claim.principal,
                tuple(p for p in payments if p.paid_on <= day),
                start.start,
                day,
                law,
            )
        else:
            due = ledger.due(day)
        fee = (
            FeeCap(amount=charged, reasons=(f"recorded: the {name} charged {charged}",))
            if charge is None
            else FeeCap(amount=charge.lawful, reasons=charge.reasons, basis=charge.basis)
        )
        fees = (
            Money.total((s.fee.amount for s in steps), currency=currency) + fee.amount
            if due.fees is None
            else due.fees
        )
        recorded = f"taken on {day.isoformat()}: recorded in the case" + (
            f" (id {event.id})" if event.id is not None else ""
        )
        steps.append(
            Step(
                number=len(steps) + 1,
                kind=kind,
                name=name,
                earliest_lawful=day,
                planned_on=day,
                governed_by="recorded",
                status="taken",
                channel=channel,
                contact_at=None,
                fee=fee,
                interest=due.interest,
                principal=due.principal,
                interest_due=due.interest_due,
                fees=fees,
                withheld=zero,
                deadline=deadline,
                latest_on=None,
                next_kind=None,
                reasons=(recorded,),
                basis=due.basis,
                unknown=due.unknown,
                charged=charged,
            )
        )
    return tuple(steps)


def _as_planned(claim: Claim, case: Case, as_of: dt.date) -> tuple[Claim | None, list[str]]:
    """The claim as it stands on *as_of*: postponed due date, less credits (None: all credited)."""
    notes: list[str] = []
    due = case.due_date_on(as_of)
    credited = case.credited_on(as_of)
    if due != claim.due_date:
        agreed = [p.agreed_on for p in case.postponements if p.agreed_on <= as_of][-1]
        notes.append(
            f"the due date was postponed from {claim.due_date.isoformat()} to "
            f"{due.isoformat()} (agreed on {agreed.isoformat()}): the plan counts from the new "
            "due date"
        )
    if credited >= claim.principal:
        return None, notes
    if credited.is_positive:
        notes.append(
            f"credits of {credited} lower the principal to {claim.principal - credited} "
            "(prisavslag / kreditnota)"
        )
    if due == claim.due_date and not credited.is_positive:
        return claim, notes
    invoice = claim.invoice_date
    return (
        attrs.evolve(
            claim,
            due_date=due,
            principal=claim.principal - credited,
            invoice_date=None if invoice is None or invoice > due else invoice,
        ),
        notes,
    )


def _planned_as(
    make: Callable[..., _T],
    rules: _Country,
    case: Case,
    *,
    as_of: dt.date,
    policy: CreditorPolicy | None,
    law: LawBook | None,
    limit: int | None = None,
) -> _T:
    # make: Timeline, or _next_of; it is called with the Timeline's fields by keyword.
    book, chosen = _check_arguments(rules, case, as_of=as_of, policy=policy, law=law)
    known = case.until(as_of) if case.events else case
    later = case.after(as_of) if case.events else ()
    notes: list[str] = []
    if later:
        notes.append(
            f"{len(later)} event(s) after {as_of.isoformat()} are not part of this plan: a plan "
            "knows the history up to the day it is made"
        )
    planned_claim, claim_notes = _as_planned(known.claim, known, as_of)
    notes.extend(claim_notes)
    paid = tuple(known.payments)
    disputed = known.disputes
    history = tuple(a.at for a in known.contact_attempts if a.channel is Channel.PHONE)
    basis: list[Citation] = []
    claim = known.claim if planned_claim is None else planned_claim
    start = rules.interest_start(claim, book)
    ledger = _ledger_of(known, book, chosen) if _uses_ledger(known) else None
    taken = _taken_steps(
        rules,
        claim,
        events=known.steps_taken,
        payments=paid,
        start=start,
        law=book,
        ledger=ledger,
    )
    if planned_claim is None:
        return make(
            claim=claim,
            as_of=as_of,
            policy=chosen,
            steps=taken,
            interest_start=start,
            stopped="the claim is credited in full: nothing is left to collect",
            notes=tuple(notes),
        )
    notes.extend(
        f"an instalment agreement was cancelled on {cancelled.on.isoformat()}: collection "
        "goes on from the history"
        for cancelled in known.events
        if isinstance(cancelled, AgreementCancelled)
    )
    made = known.agreement_on(as_of)
    agreement = None if made is None else made.agreement
    acceleration: Acceleration | None = None
    if made is not None:
        agreement = made.agreement
        under = tuple(p for p in paid if p.paid_on >= agreement.signed_on)
        acceleration = accelerate(
            agreement, under, on=as_of, policy=made.acceleration_policy, law=law
        )
        if acceleration is None:
            status = agreement.status(under, on=as_of)
            return make(
                claim=claim,
                as_of=as_of,
                policy=chosen,
                steps=taken,
                interest_start=start,
                stopped=(
                    f"the instalment agreement signed {agreement.signed_on.isoformat()} holds on "
                    f"{as_of.isoformat()} ({status.remaining} remains): it replaces the "
                    "escalation while it holds"
                ),
                agreement=agreement,
                notes=tuple(notes),
                basis=status.basis,
            )
        notes.append(
            f"the instalment agreement failed: {acceleration.amount} fell due on "
            f"{acceleration.fell_due_on.isoformat()} (instalment {acceleration.missed.number} "
            "not paid on time); the plan continues from that day with the accelerated balance"
        )
        basis.extend(acceleration.basis)
        formal = tuple(k for k in chosen.steps if k is not StepKind.FRIENDLY_REMINDER)
        if formal:  # practice.md: a broken agreement goes to the next formal step at once
            chosen = attrs.evolve(chosen, steps=formal)
        claim = attrs.evolve(
            claim,
            principal=acceleration.amount,
            due_date=acceleration.fell_due_on,
            invoice_date=None,
        )
        paid = ()  # the accelerated balance already counts every payment up to as_of
        start = rules.interest_start(claim, book)
        ledger = None  # the accelerated balance is a claim of its own
    elif paid:
        total = Money.total((p.amount for p in paid), currency=claim.currency)
        notes.append(
            f"{len(paid)} payment(s) of {total} "
            "reduce the amount due: interest first, then principal (costs -> interest -> "
            "principal, as allocate; no fee of this plan is charged before as_of)"
        )
    steps, stopped, standing, more_notes, more_basis = _run(
        rules,
        claim,
        as_of=as_of,
        policy=chosen,
        payments=paid,
        disputes=disputed,
        contact_history=history,
        law=book,
        start=start,
        taken=taken,
        ledger=ledger,
        limit=limit,
    )
    return make(
        claim=claim,
        as_of=as_of,
        policy=chosen,
        steps=tuple(steps),
        interest_start=start,
        stopped=stopped,
        disputes=standing,
        agreement=agreement,
        acceleration=acceleration,
        notes=(*notes, *more_notes),
        basis=tuple(dict.fromkeys((*basis, *more_basis))),
    )


def _next(timeline: Timeline) -> NextStep:
    """The first step of *timeline*, and whether the law allows it on its ``as_of``."""
    return _next_of(
        as_of=timeline.as_of,
        steps=timeline.steps,
        stopped=timeline.stopped,
        basis=timeline.basis,
    )


def _next_of(
    *,
    as_of: dt.date,
    steps: tuple[Step, ...],
    stopped: str | None = None,
    basis: tuple[Citation, ...] = (),
    **_timeline: object,
) -> NextStep:
    """:func:`_next` from a timeline's fields (the others, in *_timeline*, are not needed)."""
    step = next((s for s in steps if s.status != "taken"), None)
    if step is None:
        if stopped is None:
            stopped = (
                "no step left: the case has taken every step of the policy"
                if steps
                else "no step: the policy has none for this country"
            )
        return NextStep(
            as_of=as_of,
            step=None,
            lawful_today=False,
            planned_on=None,
            earliest_on=None,
            reason=stopped,
            basis=basis,
        )
    earliest = max(step.earliest_lawful, as_of)
    today = step.earliest_lawful <= as_of and (
        step.contact_at is None or step.contact_at.date() == as_of
    )
    if today:
        reason = f"{step.name} may be taken today ({as_of.isoformat()})"
    else:
        first = step.contact_at.date() if step.contact_at is not None else earliest
        reason = f"{step.name} may be taken from {max(first, earliest).isoformat()}"
    return NextStep(
        as_of=as_of,
        step=step,
        lawful_today=today,
        planned_on=step.planned_on,
        earliest_on=earliest,
        reason=reason,
        basis=step.basis,
    )


# The whole timeline (see plan), and its first step without planning past it or building the
# Timeline (see next_step): a step depends only on the steps before it, so the first step is
# the same as the full plan's, and the Timeline that is not built would only hold it (its
# checks cannot fail on steps the planner made: none is planned before as_of).
_plan: Final = functools.partial(_planned_as, Timeline)

_INTERRUPTS: Final = {
    "NO": (
        "legal action (forliksråd, namsmann: foreldelsesloven §§ 15-17) or the debtor's "
        "acknowledgement, a payment included (§ 14); a letter does not interrupt"
    ),
    "SE": (
        "a written demand or reminder, the debtor's acknowledgement or payment, or legal "
        "action (preskriptionslagen 5 §)"
    ),
}


class _Bar(NamedTuple):
    day: dt.date
    period: str
    basis: tuple[Citation, ...]


def _bar(case: Case, as_of: dt.date, law: LawBook | None) -> _Bar | None:
    if case.events:
        try:
            found = limitation(case, as_of=as_of, law=law)
        except NotInForce:  # the limitation data does not cover the claim's dates
            return None
        return _Bar(found.time_barred_on, found.period, found.basis)
    return _bare_bar(case.claim, cache_key(law))


@functools.lru_cache(maxsize=4096)
def _bare_bar(claim: Claim, key: LawBook | None) -> _Bar | None:
    # Without events the period runs from the claim's own dates, whatever the day asked: the
    # answer depends on the claim and the book only (memoised; an error is not kept).
    try:
        found = limitation(claim, as_of=claim.due_date, law=key)
    except NotInForce:
        return None
    return _Bar(found.time_barred_on, found.period, found.basis)


def with_limitation(answer: NextStep, case: Case, law: LawBook | None) -> NextStep:
    """*answer* with the day the claim becomes time-barred, and what that means for the step."""
    check_law(law)
    barred = _bar(case, answer.as_of, law)
    if barred is None:
        return answer
    day = barred.day
    how = _INTERRUPTS[case.claim.jurisdiction]
    if answer.as_of >= day:
        return attrs.evolve(
            answer,
            step=None,
            lawful_today=False,
            planned_on=None,
            earliest_on=None,
            reason=(
                f"the claim has been time-barred since {day.isoformat()} ({barred.period}): no "
                "collection step may be taken"
            ),
            basis=barred.basis,
            time_barred_on=day,
        )
    if answer.planned_on is not None and answer.planned_on >= day:
        return attrs.evolve(
            answer,
            reason=(
                f"{answer.reason}; but the claim becomes time-barred on {day.isoformat()}: "
                f"interrupt the limitation period before then by {how}"
            ),
            basis=tuple(dict.fromkeys((*answer.basis, *barred.basis))),
            time_barred_on=day,
        )
    return attrs.evolve(answer, time_barred_on=day)


def _plan_next(
    rules: _Country,
    case: Case,
    *,
    as_of: dt.date,
    policy: CreditorPolicy | None,
    law: LawBook | None,
) -> NextStep:
    """The first step still to take (see :func:`next_step`), with the limitation day."""
    answer = _planned_as(_next_of, rules, case, as_of=as_of, policy=policy, law=law, limit=1)
    return with_limitation(answer, case, law)


def plan(
    case: Case | Claim,
    *,
    as_of: dt.date,
    policy: CreditorPolicy | None = None,
    law: LawBook | None = None,
) -> Timeline:
    """Innkrevingsløp / indrivningsplan (collection timeline) for *case*, made on *as_of*.

    The steps the case records as taken (status ``"taken"``, with their days and the fees they
    charged), then the steps still to take, planned from that history: after the highest step
    taken, the next kind of step of the policy, on the later of the policy's day and the
    earliest lawful day (the last letter's deadline, the fee limits given the fees already
    charged, a dispute standing, an agreement holding or failed, a postponed due date). Events
    after *as_of* are not part of the plan (a note says how many). A bare claim is a case
    without events. Dispatches on the claim's jurisdiction to
    :func:`inkassorules.no.timeline.plan` or :func:`inkassorules.se.timeline.plan`.

    Args:
        case: the case (a :class:`~inkassorules.case.Case`, or a bare claim).
        as_of: the day the plan is made; no step is planned before it.
        policy: the creditor's practice; None for :meth:`CreditorPolicy.practice`.
        law: the legal data to use (default: the built-in data).

    Raises:
        InvalidInput: for arguments of the wrong kind, or a policy that sends a written step
            by phone.
        RuleRefused: for a policy whose steps skip one the law requires first and the case has
            not taken (NO: a betalingsoppfordring without an inkassovarsel).
        NotInForce, RateNotPublished: when a fee, rate or calendar is not known on a planned
            day (e.g. the Swedish referensränta after 2026-06-30: extend the law book).
    """
    check_law(law)
    checked = as_case(case)
    return _plan(_rules(checked.claim.jurisdiction), checked, as_of=as_of, policy=policy, law=law)


def next_step(
    case: Case | Claim,
    *,
    as_of: dt.date,
    policy: CreditorPolicy | None = None,
    law: LawBook | None = None,
) -> NextStep:
    """Neste skritt / nästa åtgärd (what may be done for *case* on *as_of*, or when).

    The first step still to take in :func:`plan` with the same arguments: whether the law
    allows it on *as_of*, the day it is planned, and what it may charge given what the case
    has charged already.

    >>> from datetime import date
    >>> from inkassorules import Claim, DebtorKind, Money
    >>> claim = Claim(principal=Money.of("8000", "NOK"), due_date=date(2026, 3, 2),
    ...               jurisdiction="NO", debtor_kind=DebtorKind.CONSUMER)
    >>> answer = next_step(claim, as_of=date(2026, 3, 10),
    ...                    policy=CreditorPolicy.earliest_lawful())
    >>> answer.step.name, answer.lawful_today, answer.earliest_on.isoformat()
    ('purring', False, '2026-03-16')

    Only the first step is planned: the later steps cannot change it. So what only a later
    step needs does not make this raise, while :func:`plan` does: a value the law data lacks
    on a later step's day (e.g. the Swedish referensränta after its horizon), or a policy
    setting only a later step uses (SE: ``letter_delivery_days`` for an inkassokrav by letter).

    Raises:
        The errors of :func:`plan`, for the arguments and for the first step.
    """
    check_law(law)
    checked = as_case(case)
    return _plan_next(
        _rules(checked.claim.jurisdiction), checked, as_of=as_of, policy=policy, law=law
    )
