"""inkassorules: Norwegian and Swedish debt-collection rules as data and pure functions.

From the friendly reminder (purring / påminnelse) through the collection notice (inkassovarsel /
inkassokrav) to enforcement (namsmann / Kronofogden): what a creditor may charge, when, and how
it is computed, with the legal source of every number. Dates are always arguments; money is
always an exact :class:`Money`; when the data does not cover a date, the library refuses rather
than guesses.

>>> from datetime import date
>>> import inkassorules
>>> inkassorules.jurisdiction("NO").inkassosats(date(2026, 1, 1))
Money(amount=Decimal('750'), currency='NOK')
>>> inkassorules.jurisdiction("DK")
Traceback (most recent call last):
    ...
inkassorules.errors.UnknownJurisdiction: unknown jurisdiction 'DK'; ...
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final, cast

from inkassorules.errors import (
    CurrencyMismatch,
    DataFileError,
    DuplicateEvent,
    InkassoError,
    InvalidInput,
    NaiveDatetime,
    NotInForce,
    RateNotPublished,
    RuleRefused,
    UnknownJurisdiction,
)

if TYPE_CHECKING:
    from inkassorules import no, se
    from inkassorules._protocols import Jurisdiction
    from inkassorules.allocation import Allocation, Component, allocate
    from inkassorules.calendar import BusinessCalendar, add_days, add_months, calendar_for
    from inkassorules.case import Case
    from inkassorules.claims import Claim, ClaimKind, CreditorKind, DebtorKind, Payment
    from inkassorules.compliance import Audit, Finding, Severity, audit
    from inkassorules.contact import (
        ChannelRule,
        ContactDecision,
        ContactPolicy,
        NoContactWindow,
        Window,
    )
    from inkassorules.disputes import Dispute, StepDecision, may_take_step, withheld_amount
    from inkassorules.events import (
        AgreementCancelled,
        AgreementMade,
        ContactAttempt,
        CreditGranted,
        DueDatePostponed,
        Event,
        LegalActionFiled,
        LetterSent,
    )
    from inkassorules.fees import FeeCap
    from inkassorules.instalments import Acceleration, Instalment, InstalmentAgreement, accelerate
    from inkassorules.interest import (
        BalanceInterestResult,
        DayCount,
        InterestPeriod,
        InterestResult,
        InterestStart,
    )
    from inkassorules.law import Citation, Entry, LawBook, builtin, explain
    from inkassorules.ledger import Balance, Charge, balance, charges
    from inkassorules.limitations import Limitation, limitation
    from inkassorules.money import Money
    from inkassorules.references import (
        is_valid_kid,
        is_valid_ocr,
        make_kid,
        make_ocr,
        validate_kid,
        validate_ocr,
    )
    from inkassorules.steps import Channel, StepKind
    from inkassorules.texts import Message, PaymentDetails, render
    from inkassorules.timeline import CreditorPolicy, NextStep, Timeline, next_step, plan

_LAZY: dict[str, str] = {
    "Acceleration": "inkassorules.instalments",
    "AgreementCancelled": "inkassorules.events",
    "AgreementMade": "inkassorules.events",
    "Allocation": "inkassorules.allocation",
    "Audit": "inkassorules.compliance",
    "Balance": "inkassorules.ledger",
    "BalanceInterestResult": "inkassorules.interest",
    "BusinessCalendar": "inkassorules.calendar",
    "Case": "inkassorules.case",
    "Channel": "inkassorules.steps",
    "ChannelRule": "inkassorules.contact",
    "Charge": "inkassorules.ledger",
    "Citation": "inkassorules.law",
    "Claim": "inkassorules.claims",
    "ClaimKind": "inkassorules.claims",
    "Component": "inkassorules.allocation",
    "ContactAttempt": "inkassorules.events",
    "ContactDecision": "inkassorules.contact",
    "ContactPolicy": "inkassorules.contact",
    "CreditGranted": "inkassorules.events",
    "CreditorKind": "inkassorules.claims",
    "CreditorPolicy": "inkassorules.timeline",
    "DayCount": "inkassorules.interest",
    "DebtorKind": "inkassorules.claims",
    "Dispute": "inkassorules.disputes",
    "DueDatePostponed": "inkassorules.events",
    "Entry": "inkassorules.law",
    "Event": "inkassorules.events",
    "FeeCap": "inkassorules.fees",
    "Finding": "inkassorules.compliance",
    "Instalment": "inkassorules.instalments",
    "InstalmentAgreement": "inkassorules.instalments",
    "InterestPeriod": "inkassorules.interest",
    "InterestResult": "inkassorules.interest",
    "InterestStart": "inkassorules.interest",
    "LawBook": "inkassorules.law",
    "LegalActionFiled": "inkassorules.events",
    "LetterSent": "inkassorules.events",
    "Limitation": "inkassorules.limitations",
    "Message": "inkassorules.texts",
    "Money": "inkassorules.money",
    "NextStep": "inkassorules.timeline",
    "NoContactWindow": "inkassorules.contact",
    "Payment": "inkassorules.claims",
    "PaymentDetails": "inkassorules.texts",
    "Severity": "inkassorules.compliance",
    "StepDecision": "inkassorules.disputes",
    "StepKind": "inkassorules.steps",
    "Timeline": "inkassorules.timeline",
    "Window": "inkassorules.contact",
    "accelerate": "inkassorules.instalments",
    "add_days": "inkassorules.calendar",
    "add_months": "inkassorules.calendar",
    "allocate": "inkassorules.allocation",
    "audit": "inkassorules.compliance",
    "balance": "inkassorules.ledger",
    "builtin": "inkassorules.law",
    "calendar_for": "inkassorules.calendar",
    "charges": "inkassorules.ledger",
    "explain": "inkassorules.law",
    "is_valid_kid": "inkassorules.references",
    "is_valid_ocr": "inkassorules.references",
    "limitation": "inkassorules.limitations",
    "make_kid": "inkassorules.references",
    "make_ocr": "inkassorules.references",
    "may_take_step": "inkassorules.disputes",
    "next_step": "inkassorules.timeline",
    "plan": "inkassorules.timeline",
    "render": "inkassorules.texts",
    "validate_kid": "inkassorules.references",
    "validate_ocr": "inkassorules.references",
    "withheld_amount": "inkassorules.disputes",
    "no": "inkassorules.no",
    "se": "inkassorules.se",
}
"""Where each public name lives: loaded on first use (PEP 562), so ``import inkassorules``
costs only what a program uses (docs/performance.md)."""

__version__ = "0.1.0.dev0"

__all__ = [
    "Acceleration",
    "AgreementCancelled",
    "AgreementMade",
    "Allocation",
    "Audit",
    "Balance",
    "BalanceInterestResult",
    "BusinessCalendar",
    "Case",
    "Channel",
    "ChannelRule",
    "Charge",
    "Citation",
    "Claim",
    "ClaimKind",
    "Component",
    "ContactAttempt",
    "ContactDecision",
    "ContactPolicy",
    "CreditGranted",
    "CreditorKind",
    "CreditorPolicy",
    "CurrencyMismatch",
    "DataFileError",
    "DayCount",
    "DebtorKind",
    "Dispute",
    "DueDatePostponed",
    "DuplicateEvent",
    "Entry",
    "Event",
    "FeeCap",
    "Finding",
    "InkassoError",
    "Instalment",
    "InstalmentAgreement",
    "InterestPeriod",
    "InterestResult",
    "InterestStart",
    "InvalidInput",
    "LawBook",
    "LegalActionFiled",
    "LetterSent",
    "Limitation",
    "Message",
    "Money",
    "NaiveDatetime",
    "NextStep",
    "NoContactWindow",
    "NotInForce",
    "Payment",
    "PaymentDetails",
    "RateNotPublished",
    "RuleRefused",
    "Severity",
    "StepDecision",
    "StepKind",
    "Timeline",
    "UnknownJurisdiction",
    "Window",
    "__version__",
    "accelerate",
    "add_days",
    "add_months",
    "allocate",
    "audit",
    "balance",
    "builtin",
    "calendar_for",
    "charges",
    "explain",
    "is_valid_kid",
    "is_valid_ocr",
    "jurisdiction",
    "limitation",
    "make_kid",
    "make_ocr",
    "may_take_step",
    "next_step",
    "no",
    "plan",
    "render",
    "se",
    "validate_kid",
    "validate_ocr",
    "withheld_amount",
]


def jurisdiction(code: str) -> Jurisdiction:
    """The country module for ``"NO"`` or ``"SE"`` (case-insensitive).

    Raises:
        UnknownJurisdiction: for any other code.
    """
    key = str(code).upper()
    if key not in ("NO", "SE"):
        raise UnknownJurisdiction(code)
    return cast("Jurisdiction", importlib.import_module(f"inkassorules.{key.lower()}"))


_DEPRECATED: Final = {"Step": ("inkassorules.disputes", "StepKind")}
"""Names still importable for one release, with a DeprecationWarning: name -> (module, use)."""


def __getattr__(name: str) -> object:
    """Load a public name on first use (PEP 562)."""
    if name in _DEPRECATED:
        import warnings  # noqa: PLC0415 -- only for a deprecated name

        module_name, instead = _DEPRECATED[name]
        warnings.warn(
            f"inkassorules.{name} is deprecated and will be removed in the next release: "
            f"use inkassorules.{instead}",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(module_name), name)
    try:
        module_name = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'inkassorules' has no attribute {name!r}") from None
    module = importlib.import_module(module_name)
    value = module if module_name == f"inkassorules.{name}" else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
