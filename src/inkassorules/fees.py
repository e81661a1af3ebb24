"""Gebyr / avgift (fee): the result type of every fee-cap rule in both countries.

A fee-cap rule answers "how much may the creditor charge for this step, at most?" with a
:class:`FeeCap`: the amount (zero when nothing may be charged), the reasons (why it is zero, or
which conditions were applied) and the citations of every rule and dated value used.

>>> from inkassorules import Money
>>> from inkassorules.law import Citation
>>> cap = FeeCap(
...     amount=Money.zero("NOK"),
...     reasons=("sent earlier than 14 days after the due date",),
...     basis=(Citation("inkassoforskriften § 1-2 første ledd", "https://juridika.no/forskrift/1989-07-14-562"),),
... )
>>> cap.allowed
False
>>> print(cap.explain())
0.00 NOK: sent earlier than 14 days after the due date
- inkassoforskriften § 1-2 første ledd <https://juridika.no/forskrift/1989-07-14-562>
"""

from __future__ import annotations

import attrs

from inkassorules import _html, records
from inkassorules.law import Citation, any_provisional, explain
from inkassorules.money import Money

__all__ = ["FeeCap"]


@attrs.frozen(kw_only=True)
class FeeCap:
    """The most a creditor may charge for one step, and why.

    Attributes:
        amount: the cap; zero when no fee may be charged.
        reasons: plain-language statements of the conditions applied (always one when the amount
            is zero: why).
        basis: the citations of the rules and dated values used.
    """

    amount: Money
    reasons: tuple[str, ...] = ()
    basis: tuple[Citation, ...] = ()

    @property
    def allowed(self) -> bool:
        """True if any fee may be charged."""
        return self.amount.is_positive

    @property
    def provisional(self) -> bool:
        """True if a value of medium confidence or one that may be out of date was used.

        See each citation (:func:`inkassorules.law.any_provisional`).
        """
        return any_provisional(self.basis)

    def explain(self) -> str:
        """The amount, the reasons and the citations, as text."""
        head = f"{self.amount}: " + "; ".join(self.reasons) if self.reasons else str(self.amount)
        return f"{head}\n{explain(self.basis)}" if self.basis else head

    def __repr__(self) -> str:
        return _html.fee_cap_repr(self)

    def _repr_html_(self) -> str:
        return _html.fee_cap_html(self)

    def to_records(self) -> list[dict[str, object]]:
        """One typed row: amount (Decimal), currency, allowed, provisional, reasons."""
        return records.fee_cap_records(self)
