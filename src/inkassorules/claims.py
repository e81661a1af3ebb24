"""Krav / fordran (claim): an overdue money claim and the kind of debtor it is against.

>>> from datetime import date
>>> from inkassorules import Claim, DebtorKind, Money
>>> claim = Claim(
...     principal=Money.of("8000", "NOK"),
...     due_date=date(2026, 3, 2),
...     jurisdiction="NO",
...     debtor_kind=DebtorKind.CONSUMER,
... )
>>> claim.currency
'NOK'
>>> Claim(principal=Money.of("100", "SEK"), due_date=date(2026, 3, 2), jurisdiction="NO",
...       debtor_kind=DebtorKind.CONSUMER)
Traceback (most recent call last):
    ...
inkassorules.errors.CurrencyMismatch: expected an amount in NOK, got SEK (a NO claim's principal)
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Final, NoReturn

import attrs

from inkassorules import _html, records
from inkassorules._checks import check_date, check_id, refuse_unknown_member
from inkassorules.calendar import JurisdictionCode
from inkassorules.errors import CurrencyMismatch, InvalidInput, UnknownJurisdiction
from inkassorules.money import Currency, Money

__all__ = [
    "CURRENCY_OF",
    "Claim",
    "ClaimKind",
    "CreditorKind",
    "DebtorKind",
    "Payment",
    "check_jurisdiction",
]

CURRENCY_OF: Final[dict[JurisdictionCode, Currency]] = {"NO": "NOK", "SE": "SEK"}
"""The currency claims are collected in, per jurisdiction."""


class DebtorKind(enum.Enum):
    """Skyldner / gäldenär: who owes.

    ``CONSUMER`` (forbruker / konsument), ``BUSINESS`` (næringsdrivende / näringsidkare) and
    ``PUBLIC_BODY`` (offentlig myndighet / myndighet); a public body counts as a business debtor
    for the Swedish förseningsersättning (4 a § lag 1981:739).
    """

    @classmethod
    def _missing_(cls, value: object) -> NoReturn:
        refuse_unknown_member(cls, value)

    CONSUMER = "consumer"
    BUSINESS = "business"
    PUBLIC_BODY = "public_body"

    # Members are singletons compared by identity: the identity hash agrees with that equality
    # and is cheaper than Enum's hash of the member's name.
    __hash__ = object.__hash__

    @property
    def is_consumer(self) -> bool:
        """True for a consumer."""
        return self is DebtorKind.CONSUMER


class CreditorKind(enum.Enum):
    """Fordringshaver / borgenär: who is owed.

    ``BUSINESS`` (næringsdrivende / näringsidkare acting in its business), ``PUBLIC_BODY``
    (offentlig myndighet / myndighet eller annat offentligt organ) and ``CONSUMER`` (a private
    person, forbruker / konsument or privatperson). The Swedish förseningsersättning needs a
    business creditor (4 a § 1 st lag 1981:739).

    >>> CreditorKind("business") is CreditorKind.BUSINESS
    True
    """

    @classmethod
    def _missing_(cls, value: object) -> NoReturn:
        refuse_unknown_member(cls, value)

    BUSINESS = "business"
    PUBLIC_BODY = "public_body"
    CONSUMER = "consumer"

    __hash__ = object.__hash__


class ClaimKind(enum.Enum):
    """Kravets art / fordrans art: what the claim is for.

    ``GOODS_OR_SERVICES`` (betaling for varer eller tjenester / betalning för varor eller
    tjänster), ``LOAN`` (lån) and ``OTHER`` (damages, rent, refunds and the rest). The Swedish
    förseningsersättning covers only claims for payment for goods or services (4 a § 1 st lag
    1981:739).

    >>> from datetime import date
    >>> claim = Claim(principal=Money.of("10000", "SEK"), due_date=date(2026, 2, 2),
    ...               jurisdiction="SE", debtor_kind=DebtorKind.BUSINESS,
    ...               creditor_kind=CreditorKind.BUSINESS, claim_kind=ClaimKind.GOODS_OR_SERVICES)
    >>> claim.claim_kind
    <ClaimKind.GOODS_OR_SERVICES: 'goods_or_services'>
    """

    @classmethod
    def _missing_(cls, value: object) -> NoReturn:
        refuse_unknown_member(cls, value)

    GOODS_OR_SERVICES = "goods_or_services"
    LOAN = "loan"
    OTHER = "other"

    __hash__ = object.__hash__


def check_jurisdiction(code: object) -> JurisdictionCode:
    """Return *code* if it is ``"NO"`` or ``"SE"``.

    Raises:
        UnknownJurisdiction: otherwise.
    """
    if code == "NO":
        return "NO"
    if code == "SE":
        return "SE"
    raise UnknownJurisdiction(code)


@attrs.frozen(kw_only=True)
class Claim:
    """Krav / fordran: an invoice or other money claim that has fallen due.

    Attributes:
        principal: hovedstol / kapitalbelopp; in the jurisdiction's currency, above zero.
        due_date: forfallsdato / förfallodag, as agreed (not yet rolled onto a business day).
        jurisdiction: ``"NO"`` or ``"SE"``.
        debtor_kind: consumer, business or public body.
        invoice_date: when the invoice was issued, if known; not after the due date.
        reference: the creditor's own reference (invoice number), free text.
        reminder_fee_agreed: Sweden: a påminnelseavgift was agreed no later than when the debt
            arose (2 § lag 1981:739); without it no reminder fee may be charged. Default False.
            Norway has no such condition (the purregebyr follows from inkassoforskriften).
        creditor_kind: who the creditor is (business, public body, private person); None if
            not given. Rules that depend on it (the Swedish förseningsersättning) grant nothing
            when it is not given.
        claim_kind: what the claim is for (goods or services, a loan, other); None if not
            given, with the same effect.
    """

    principal: Money
    due_date: dt.date
    jurisdiction: JurisdictionCode
    debtor_kind: DebtorKind
    invoice_date: dt.date | None = None
    reference: str | None = None
    reminder_fee_agreed: bool = False
    creditor_kind: CreditorKind | None = None
    claim_kind: ClaimKind | None = None

    def __attrs_post_init__(self) -> None:
        # Checked here, not in attrs validators, which can be switched off globally.
        code = check_jurisdiction(self.jurisdiction)
        if not isinstance(self.principal, Money):
            raise InvalidInput(f"principal must be Money, got {self.principal!r}")
        if self.principal.currency != CURRENCY_OF[code]:
            raise CurrencyMismatch(
                CURRENCY_OF[code], self.principal.currency, context=f"a {code} claim's principal"
            )
        if not self.principal.is_positive:
            raise InvalidInput(f"principal must be above zero, got {self.principal}")
        check_date(self.due_date, "due_date")
        if not isinstance(self.debtor_kind, DebtorKind):
            raise InvalidInput(f"debtor_kind must be a DebtorKind, got {self.debtor_kind!r}")
        if self.invoice_date is not None:
            check_date(self.invoice_date, "invoice_date")
            if self.invoice_date > self.due_date:
                raise InvalidInput(
                    f"invoice_date {self.invoice_date} is after due_date {self.due_date}"
                )
        if not isinstance(self.reminder_fee_agreed, bool):
            raise InvalidInput(
                f"reminder_fee_agreed must be True or False, got {self.reminder_fee_agreed!r}"
            )
        if self.creditor_kind is not None and not isinstance(self.creditor_kind, CreditorKind):
            raise InvalidInput(
                f"creditor_kind must be a CreditorKind or None, got {self.creditor_kind!r}"
            )
        if self.claim_kind is not None and not isinstance(self.claim_kind, ClaimKind):
            raise InvalidInput(f"claim_kind must be a ClaimKind or None, got {self.claim_kind!r}")

    @property
    def currency(self) -> Currency:
        """The claim's currency."""
        return self.principal.currency

    def __repr__(self) -> str:
        return _html.claim_repr(self)

    def _repr_html_(self) -> str:
        return _html.claim_html(self)

    def to_records(self) -> list[dict[str, object]]:
        """One typed row (see :data:`inkassorules.records.COLUMNS`)."""
        return records.claim_records(self)


@attrs.frozen(kw_only=True)
class Payment:
    """Innbetaling / inbetalning (payment): an amount the debtor paid on a date.

    >>> from datetime import date
    >>> payment = Payment(amount=Money.of("500", "NOK"), paid_on=date(2026, 4, 1))
    >>> str(payment.amount), payment.paid_on.isoformat()
    ('500.00 NOK', '2026-04-01')

    Attributes:
        amount: what was paid; above zero.
        paid_on: the day the payment counts as made (the rules that need a different moment,
            such as the day a payment order reached the bank, say so).
        designation: what the debtor said the payment is for, if anything (the debtor's own
            designation comes first in both countries' allocation rules).
        id: the collection system's own key for the payment, if any (a case refuses a second
            event with the same id).
    """

    amount: Money
    paid_on: dt.date
    designation: str | None = None
    id: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.amount, Money):
            raise InvalidInput(f"amount must be Money, got {self.amount!r}")
        if not self.amount.is_positive:
            raise InvalidInput(f"a payment must be above zero, got {self.amount}")
        check_date(self.paid_on, "paid_on")
        check_id(self.id, "a payment")
