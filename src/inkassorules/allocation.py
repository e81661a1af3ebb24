"""Dekningsrekkefølge / avräkningsordning (payment allocation order).

:func:`allocate` applies one payment to what the debtor owes on a claim: collection costs,
interest and principal. The parts always add up to the payment exactly; a payment above what is
owed shows the surplus as ``overpayment``, never lost.

The law in brief (both countries, see docs/instalments.md):

* The debtor's own designation comes first, if made before or at payment. Norway: unwritten law
  (Krüger, *Pengekrav* 1984, p. 221; Lovavdelingen 19.08.1999 "Avdrag innbetalt i inkassosak").
  Sweden: 9 kap. 5 § handelsbalken.
* Without a designation the creditor chooses. Collection practice in both countries applies
  costs, then interest, then principal: that is the default ``order`` here, a practice and not a
  statute (NO medium confidence; SE medium-low, with case law putting interest before capital).
* Pending reforms may change the consumer order: Sweden Dir. 2025:37 (a capital-first order for
  consumer claims is under review); Norway's new inkassolov § 16 gives the debtor a right to be
  told the order used (the working group's principal-first rule was not adopted).

>>> from inkassorules import Money
>>> nok = lambda amount: Money.of(amount, "NOK")
>>> parts = allocate(nok("1000"), costs=nok("280"), interest=nok("120.50"), principal=nok("5000"))
>>> str(parts.costs), str(parts.interest), str(parts.principal), str(parts.overpayment)
('280.00 NOK', '120.50 NOK', '599.50 NOK', '0.00 NOK')
>>> parts = allocate(nok("1000"), costs=nok("280"), interest=nok("120.50"), principal=nok("5000"),
...                  designated=Component.PRINCIPAL)
>>> str(parts.costs), str(parts.principal)
('0.00 NOK', '1000.00 NOK')
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Final, NoReturn

import attrs

from inkassorules._checks import check_fields, refuse_unknown_member
from inkassorules.claims import Payment
from inkassorules.errors import CurrencyMismatch, InvalidInput
from inkassorules.law import Citation, explain
from inkassorules.money import Currency, Money

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["DEFAULT_ORDER", "Allocation", "Component", "allocate"]


class Component(enum.Enum):
    """Post / post (what a payment can cover): ``COSTS``, ``INTEREST`` or ``PRINCIPAL``.

    ``COSTS`` are collection costs and fees (gebyr, salær / avgifter, ersättning för
    inkassokostnader); ``INTEREST`` is accrued late interest (forsinkelsesrente /
    dröjsmålsränta); ``PRINCIPAL`` is the hovedstol / kapitalbelopp.
    """

    @classmethod
    def _missing_(cls, value: object) -> NoReturn:
        refuse_unknown_member(cls, value)

    COSTS = "costs"
    INTEREST = "interest"
    PRINCIPAL = "principal"

    # Members are singletons compared by identity: the identity hash agrees with that equality
    # and is cheaper than Enum's hash of the member's name.
    __hash__ = object.__hash__


DEFAULT_ORDER: Final[tuple[Component, ...]] = (
    Component.COSTS,
    Component.INTEREST,
    Component.PRINCIPAL,
)
"""Costs, then interest, then principal: collection practice in both countries (not statute)."""

_PRACTICE: Final[dict[Currency, Citation]] = {
    "NOK": Citation(
        "Dekningsrekkefølge uten skyldnerens valg: kreditor velger; praksis er kostnader, "
        "renter, hovedstol (Lovavdelingen 19.08.1999; inkasso practice)",
        "https://www.regjeringen.no/no/dokumenter/avdrag-innbetalt-i-inkassosak/id443429/",
        "medium",
        note="costs -> interest -> principal is practice, not law (norway.md § 9); the new "
        "inkassolov § 16 gives the debtor a right to be told the order used",
    ),
    "SEK": Citation(
        "Avräkningsordning utan gäldenärens bestämmelse: borgenären väljer (9 kap. 5 § "
        "handelsbalken; NJA 2013 s. 1190); praxis är kostnader, ränta, kapital",
        "https://lagen.nu/dom/nja/2013s1190",
        "medium",
        note="costs first is practice (medium-low); interest before capital is case law "
        "(medium-high); Dir. 2025:37 reviews the order for consumer claims (sweden.md § 7)",
    ),
}

_DESIGNATION: Final[dict[Currency, Citation]] = {
    "NOK": Citation(
        "Skyldnerens valg av dekning går foran (ulovfestet rett: Krüger, Pengekrav 1984 s. 221; "
        "Lovavdelingen 19.08.1999 'Avdrag innbetalt i inkassosak')",
        "https://www.regjeringen.no/no/dokumenter/avdrag-innbetalt-i-inkassosak/id443429/",
    ),
    "SEK": Citation(
        "Gäldenärens bestämmelse av betalningen går först (9 kap. 5 § handelsbalken)",
        "https://lagen.nu/dom/nja/2013s1190",
    ),
}


@attrs.frozen(kw_only=True)
class Allocation:
    """Avregning / avräkning (how one payment was applied).

    Attributes:
        payment: the amount paid.
        costs: the part applied to collection costs.
        interest: the part applied to interest.
        principal: the part applied to principal.
        overpayment: what was left after everything owed was covered.
        order: the order the parts were filled in (a designated part first).
        basis: the rules used.
    """

    payment: Money
    costs: Money
    interest: Money
    principal: Money
    overpayment: Money
    order: tuple[Component, ...]
    basis: tuple[Citation, ...]

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        # Money is conserved: checked here, not in a validator that can be switched off.
        parts = (self.costs, self.interest, self.principal, self.overpayment)
        if any(part.is_negative for part in parts):
            raise InvalidInput(f"allocation parts must not be negative, got {parts}")
        added = Money.total(parts, currency=self.payment.currency)
        if added != self.payment:
            raise InvalidInput(
                f"allocation parts add up to {added}, not to the payment {self.payment}"
            )

    def part(self, component: Component) -> Money:
        """The part applied to *component*."""
        return {
            Component.COSTS: self.costs,
            Component.INTEREST: self.interest,
            Component.PRINCIPAL: self.principal,
        }[component]

    def explain(self) -> str:
        """The parts and the rules, as text."""
        head = (
            f"{self.payment}: costs {self.costs}, interest {self.interest}, "
            f"principal {self.principal}"
        )
        if self.overpayment.is_positive:
            head += f", overpayment {self.overpayment}"
        return f"{head}\n{explain(self.basis, notes=True)}"


def _check_owed(value: object, argument: str, currency: Currency) -> Money:
    if not isinstance(value, Money):
        raise InvalidInput(f"{argument} must be Money, got {value!r}")
    if value.currency != currency:
        raise CurrencyMismatch(currency, value.currency, context=argument)
    if value.is_negative:
        raise InvalidInput(f"{argument} must not be negative, got {value}")
    return value


def _check_order(order: Iterable[Component | str]) -> tuple[Component, ...]:
    try:
        checked = tuple(Component(c) for c in order)
    except ValueError:
        raise InvalidInput(
            f"order must list the components {[c.value for c in Component]}, got {order!r}"
        ) from None
    if sorted(c.value for c in checked) != sorted(c.value for c in Component):
        raise InvalidInput(
            f"order must name each of costs, interest and principal exactly once, got "
            f"{[c.value for c in checked]}"
        )
    return checked


def allocate(
    payment: Money | Payment,
    *,
    costs: Money,
    interest: Money,
    principal: Money,
    order: Iterable[Component | str] = DEFAULT_ORDER,
    designated: Component | str | None = None,
) -> Allocation:
    """Dekningsrekkefølge / avräkningsordning (apply one payment to costs, interest, principal).

    The payment fills the component the debtor *designated* first (their own choice comes first
    in both countries), then the others in *order* (by default costs, interest, principal, as
    practice). Each component takes at most what is owed on it; what is left is overpayment.
    No rounding happens: the parts are exact and add up to the payment. A
    :class:`~inkassorules.claims.Payment`'s free-text ``designation`` is not read; map it to a
    :class:`Component` and pass it as *designated*.

    >>> from inkassorules import Money
    >>> sek = lambda amount: Money.of(amount, "SEK")
    >>> parts = allocate(sek("1000"), costs=sek("180"), interest=sek("40"), principal=sek("500"),
    ...                  order=("interest", "principal", "costs"))
    >>> str(parts.interest), str(parts.principal), str(parts.costs), str(parts.overpayment)
    ('40.00 SEK', '500.00 SEK', '180.00 SEK', '280.00 SEK')

    Raises:
        InvalidInput: for a payment of zero or less, a negative amount owed, or an order that
            does not name each component once.
        CurrencyMismatch: for amounts in different currencies.
    """
    paid = payment.amount if isinstance(payment, Payment) else payment
    if not isinstance(paid, Money):
        raise InvalidInput(f"payment must be Money or Payment, got {payment!r}")
    if not paid.is_positive:
        raise InvalidInput(f"a payment must be above zero, got {paid}")
    currency = paid.currency
    owed = {
        Component.COSTS: _check_owed(costs, "costs", currency),
        Component.INTEREST: _check_owed(interest, "interest", currency),
        Component.PRINCIPAL: _check_owed(principal, "principal", currency),
    }
    sequence = _check_order(order)
    basis: tuple[Citation, ...] = (_PRACTICE[currency],)
    if designated is not None:
        try:
            first = Component(designated)
        except ValueError:
            raise InvalidInput(
                f"designated must be one of {[c.value for c in Component]}, got {designated!r}"
            ) from None
        sequence = (first, *(c for c in sequence if c is not first))
        basis = (_DESIGNATION[currency], *basis)
    left = paid
    parts: dict[Component, Money] = {}
    for component in sequence:
        share = min(left, owed[component])
        parts[component] = share
        left -= share
    return Allocation(
        payment=paid,
        costs=parts[Component.COSTS],
        interest=parts[Component.INTEREST],
        principal=parts[Component.PRINCIPAL],
        overpayment=left,
        order=sequence,
        basis=basis,
    )
